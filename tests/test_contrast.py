"""Every character of every screen, in every shipped theme, meets WCAG AA:
4.5:1 for text, 3:1 for frames and scrollbars (see ``contrast.py``)."""

from __future__ import annotations

import pytest

from llm_landscape.lesson.model import Lesson
from llm_landscape.player.app import LessonApp, PlayerOptions
from llm_landscape.player.screens.confirm import ConfirmScreen
from llm_landscape.player.themes import CYCLE

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
}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("theme", CYCLE)
@pytest.mark.parametrize("view", VIEWS)
async def test_every_character_meets_wcag_aa(
    lesson: Lesson, theme: str, view: str, size: tuple[int, int]
) -> None:
    app = LessonApp(lesson, PlayerOptions(theme=theme))
    async with app.run_test(size=size) as pilot:
        for key in VIEWS[view]:
            if key == "end_code":
                pane = app.query_one("#prose")
                pane.scroll_end(animate=False, immediate=True)
            elif key == "confirm":
                app.push_screen(ConfirmScreen("Open https://example.org in your browser?", "Open"))
            else:
                await pilot.press(key)
        await pilot.pause(0.1)
        await pilot.wait_for_scheduled_animations()
        assert player(app).tour.current is not None or view.startswith(("title", "search"))
        low = [cell for cell in cells(app) if cell.ratio < cell.needed]
        shown = {(cell.char, round(cell.ratio, 2), cell.colours) for cell in low[:10]}
        assert not low, f"{len(low)} cells below the bar, e.g. {shown} at {low[0][:2]}"
