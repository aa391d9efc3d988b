"""Every character of every screen, in every shipped theme, meets WCAG AA:
4.5:1 for text, 3:1 for frames and scrollbars (see ``contrast.py``)."""

from __future__ import annotations

import pytest

from llm_landscape.lesson.model import Lesson
from llm_landscape.player.app import LessonApp, PlayerOptions
from llm_landscape.player.screens.confirm import ConfirmScreen
from llm_landscape.player.themes import CYCLE
from llm_landscape.player.widgets.check_list import CheckList

from .conftest import player
from .contrast import cells

VIEWS = {
    "title card": [],
    **{f"step {n}": [str(n)] for n in range(1, 7)},
    "step 1 scrolled to its code": ["1", "end_code"],
    "end card": ["6", "space"],
    "help": ["1", "question_mark"],
    "overview": ["2", "o"],
    "search": ["slash", *"ollama"],
    "search, nothing found": ["slash", *"zzzq"],
    "search results focused": ["slash", *"model", "down"],
    "a notification": ["4", "c"],
    "confirm": ["1", "confirm"],
    "a question answered wrong": ["2", "checks", "2"],
    "a question before the step": ["4"],
}
ASKING = {"a question answered wrong", "a question before the step"}
"""Views of the lesson with its questions; the others show it without them."""


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("theme", CYCLE)
@pytest.mark.parametrize("view", VIEWS)
async def test_every_character_meets_wcag_aa(
    lesson: Lesson, lesson_with_questions: Lesson, theme: str, view: str, size: tuple[int, int]
) -> None:
    shown = lesson_with_questions if view in ASKING else lesson
    app = LessonApp(shown, PlayerOptions(theme=theme))
    async with app.run_test(size=size) as pilot:
        for key in VIEWS[view]:
            if key == "end_code":
                pane = app.query_one("#prose")
                pane.scroll_end(animate=False, immediate=True)
            elif key == "checks":
                app.query_one(CheckList).focus()
            elif key == "confirm":
                app.push_screen(ConfirmScreen("Open https://example.org in your browser?", "Open"))
            else:
                await pilot.press(key)
        await pilot.pause(0.1)
        await pilot.wait_for_scheduled_animations()
        assert player(app).tour.current is not None or view.startswith(("title", "search"))
        low = [cell for cell in cells(app) if cell.ratio < cell.needed]
        worst = {(cell.char, round(cell.ratio, 2), cell.colours) for cell in low[:10]}
        assert not low, f"{len(low)} cells below the bar, e.g. {worst} at {low[0][:2]}"
