"""Big but legitimate lessons play: 20,000 lines of code, 500 steps."""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_landscape.lesson.loader import load_lesson
from llm_landscape.player.app import LessonApp
from llm_landscape.player.widgets.code_view import CodeView
from llm_landscape.player.widgets.step_bar import StepBar
from llm_landscape.render.highlight import (
    ANSI_COLOURS,
    HighlightCancelledError,
    PlainLines,
    highlight_lines,
    palette,
)

from .conftest import player, wait_for
from .make_big_corpus import code_lines, write


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write(tmp_path_factory.mktemp("big"))


async def test_huge_code_shows_at_once_then_highlights(big: dict[str, Path]) -> None:
    lesson = load_lesson(big["code-20000-lines/lesson.yaml"])[0]
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: player(app).step_view is not None)  # mounted after the card
        player(app).go_to(0)  # as a key would, without Pilot waiting for the app to go idle
        view = app.query_one(CodeView)
        assert len(view.lines) == 20_000
        assert isinstance(view.lines, PlainLines)  # shown before highlighting is done
        assert view.lines[0].plain.startswith("def function_0")
        await wait_for(pilot, lambda: not isinstance(view.lines, PlainLines), timeout=30)
        assert view.lines[0].spans  # now highlighted
        view.focus()
        await pilot.press("end")  # priority binding: "end" is the last step, still step 1
        view.scroll_end(animate=False)
        await pilot.pause()
        assert view.scroll_offset.y == 20_000 - view.scrollable_content_region.height
        view.scroll_home(animate=False)
        await pilot.pause()
        # What Down and Up do on a focused pane: move a line at once. (Textual
        # eases key scrolling in; its first visible change took ~40 ms here.)
        view.action_scroll_down()
        view.action_scroll_down()
        assert view.scroll_offset.y == 2  # no await: not waiting for an animation
        view.action_scroll_up()
        assert view.scroll_offset.y == 1
        await pilot.press("down")
        assert view.scroll_offset.y == 2  # the key is bound to that action


def test_highlighting_stops_soon_after_cancellation() -> None:
    source = code_lines(20_000)
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 1  # cancelled right after the first check

    with pytest.raises(HighlightCancelledError):
        highlight_lines(source, "python", {}, cancelled)
    assert calls == 2  # stopped at the second check, a few thousand tokens in


async def test_five_hundred_steps(big: dict[str, Path]) -> None:
    lesson = load_lesson(big["steps-500.yaml"])[0]
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "5", "0")
        assert player(app).tour.counter == "Step 250 / 500"
        await pilot.press("end")
        assert player(app).tour.counter == "Step 500 / 500"
        bar = app.query_one(StepBar).text
        assert "500" in bar and "…" in bar  # the bar windows around the current step


def test_highlighted_lines_are_made_into_text_as_drawn() -> None:
    # Kept compact until drawn (the 20,000-line benchmark measures what that
    # saves); each line, when asked for, is the source line with its widths.
    source = "x = 'é'\nwide = '界界'\n\n" + code_lines(2_000)
    styles = palette(ANSI_COLOURS)
    lines = highlight_lines(source, "python", styles)
    assert len(lines) == source.count("\n") + 1
    assert [line.plain for line in lines] == source.split("\n")
    assert lines.widest() == max(line.cell_len for line in lines)
    assert lines[2].plain == "" and lines[1].cell_len == len("wide = ''") + 4
