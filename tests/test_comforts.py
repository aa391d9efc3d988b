"""Overview, search, copy and the key legend."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList
from textual.widgets._toast import Toast

from llm_landscape.lesson.model import Lesson
from llm_landscape.lesson.search import search
from llm_landscape.player.app import LessonApp, PlayerOptions
from llm_landscape.player.screens.confirm import ConfirmScreen
from llm_landscape.player.screens.overview import OverviewScreen
from llm_landscape.player.screens.search import MAX_QUERY, SearchScreen
from llm_landscape.player.widgets.code_view import CodeView
from llm_landscape.player.widgets.key_bar import KeyBar
from llm_landscape.player.widgets.prose_pane import ProsePane
from llm_landscape.player.widgets.status_bar import StatusBar

from .conftest import click_in_prose, one_step_lesson, player, screen_text, wait_for
from .contrast import screen_segments


async def test_overview_lists_steps_marks_visited_and_jumps(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.press("o")
        assert isinstance(app.screen, OverviewScreen)
        outline = app.screen.query_one(OptionList)
        assert outline.option_count == 6
        assert outline.highlighted == 1  # the current step is selected
        prompts = [str(outline.get_option_at_index(i).prompt) for i in range(6)]
        assert prompts[1].startswith("✓   2. 🔓 Open  Open Models: The Democratization of AI")
        assert prompts[0].startswith("    1. ")  # not visited
        assert "Who builds frontier LLMs" in prompts[0]  # the subtitle
        await pilot.press("down", "down", "down", "enter")
        assert not isinstance(app.screen, OverviewScreen)
        assert player(app).tour.counter == "Step 5 / 6"
        await pilot.press("o", "escape")
        assert player(app).tour.counter == "Step 5 / 6" and len(app.screen_stack) == 1


async def test_overview_click_jumps(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("o")
        await pilot.click(OptionList, offset=(4, 1 + 2))  # border, then the third line
        await wait_for(pilot, lambda: player(app).tour.counter == "Step 3 / 6")


def test_search_finds_every_field_case_insensitively(lesson: Lesson) -> None:
    hits = search(lesson, "OLLAMA")
    assert {(h.step, h.field) for h in hits} == {(1, "code"), (5, "code")}
    hit = next(h for h in hits if h.step == 5)
    assert hit.snippet[hit.start : hit.end] == "Ollama"
    assert search(lesson, "key insight") == []  # the callout's label is not lesson text
    fields = {h.field for h in search(lesson, "the")}
    assert {"title", "body", "insight", "code"} <= fields
    assert search(lesson, "   ") == []


async def test_search_jumps_to_the_step_and_scrolls_the_code(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"chatbot arena leaderboard")
        results = app.screen.query_one(OptionList)
        # Once typing pauses: a slow machine may search a part of it first.
        await wait_for(pilot, lambda: results.option_count == 1)
        assert "Chatbot Arena leaderboard" in str(results.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await wait_for(pilot, lambda: player(app).tour.counter == "Step 6 / 6")
        view = app.query_one(CodeView)
        line = next(i for i, t in enumerate(view.lines) if "leaderboard" in t.plain)
        await wait_for(pilot, lambda: view.scroll_offset.y > 0)
        top = view.scroll_offset.y
        assert top <= line < top + view.scrollable_content_region.height


def marked_on_screen(app: LessonApp) -> list[str]:
    """The runs of text drawn reversed on screen: what a search marked."""
    return [
        segment.text
        for segment in screen_segments(app)
        if segment.style is not None
        and segment.style.reverse
        and any(c.isalnum() for c in segment.text)
    ]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize(
    ("query", "where"), [("leaderboard", "code"), ("ollama", "prose"), ("democratization", "title")]
)
async def test_a_search_marks_its_match_on_the_step_until_the_next_move(
    lesson: Lesson, size: tuple[int, int], query: str, where: str
) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=size) as pilot:
        await pilot.press("1")
        assert not marked_on_screen(app)
        await pilot.press("slash", *query, "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, SearchScreen))
        await pilot.pause(0.1)
        marks = marked_on_screen(app)
        assert marks and all(mark.lower() == query for mark in marks), (where, marks)
        await pilot.press("right" if player(app).tour.current != 5 else "left")
        await pilot.pause()
        assert not marked_on_screen(app)


async def test_a_long_burst_of_typing_is_searched_once_typing_stops_and_capped(
    lesson: Lesson,
) -> None:
    """Typing 10,000 characters searched the lesson on each key, with a longer
    query each time: seconds, and minutes for 100,000."""
    app = LessonApp(lesson)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        field = app.screen.query_one(Input)
        await pilot.press(*("ollama" + "x" * 400))
        assert len(field.value) == MAX_QUERY  # the rest was not taken
        await pilot.pause(0.2)
        assert "No match for" in screen_text(app)  # for the latest text, not an earlier one
        for _ in range(MAX_QUERY - len("ollama")):
            await pilot.press("backspace")
        await wait_for(pilot, lambda: app.screen.query_one(OptionList).option_count > 0)
        assert (
            "ollama" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt).lower()
        )


async def test_search_escape_and_no_results(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"zzzz-nothing", "enter")
        assert isinstance(app.screen, SearchScreen)  # nothing to go to
        assert "No match for “zzzz-nothing”" in screen_text(app)  # and it says so
        assert app.screen.query_one(Input).value == "zzzz-nothing"
        await pilot.press("escape")
        assert player(app).tour.current is None


@pytest.mark.parametrize(
    ("environ", "said"),
    [
        ({"TERM": "xterm-kitty"}, "Copied {lines} lines of code to the clipboard."),
        ({"WT_SESSION": "1"}, "Copied {lines} lines of code to the clipboard."),
        ({"TERM": "xterm-256color"}, "Sent {lines} lines of code to the terminal's clipboard"),
        ({"TERM": "xterm-kitty", "TMUX": "/tmp/t,1,0"}, "Sent {lines} lines"),  # tmux decides
    ],
    ids=["kitty", "windows-terminal", "unknown", "kitty-in-tmux"],
)
async def test_copy_puts_the_code_on_the_clipboard_and_says_what_it_knows(
    lesson: Lesson, monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], said: str
) -> None:
    for name in ("TERM", "TERM_PROGRAM", "TMUX", "STY", "ZELLIJ", "KITTY_WINDOW_ID", "WT_SESSION"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    app = LessonApp(lesson, PlayerOptions(start_step=3))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("c")
        code = lesson.steps[3].code
        assert code is not None
        assert app.clipboard == code.source
        lines = len(code.source.splitlines())
        await wait_for(
            pilot, lambda: said.format(lines=lines) in screen_text(app).replace("\n", " ")
        )
        if said.startswith("Sent"):
            assert "--print --step 4" in screen_text(app)
        toast = app.screen.query_one(Toast)
        status = app.query_one(StatusBar)
        assert toast.region.bottom <= status.region.y  # the counter stays readable


async def test_the_key_bar_shows_the_keys_that_matter(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=0))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        keys = app.query_one(KeyBar)
        assert keys.region.bottom == 40
        text = keys.text
        for label in (
            "Space Next step",
            "p Play / pause",
            "o Overview",
            "/ Search",
            "? Help",
            "q Quit",
        ):
            assert label in text, text
        assert "Jump to step" not in text  # only the few keys that matter


@pytest.mark.parametrize("width", [40, 50, 60, 80, 100])
async def test_the_bottom_bars_drop_whole_items_as_the_terminal_narrows(
    lesson: Lesson, width: int
) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=1))
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        status, keys = app.query_one(StatusBar).text, app.query_one(KeyBar).text
        assert "…" not in status and "…" not in keys
        assert status.rstrip().endswith("Step 2 / 6") and "Play" in status
        hint = ["← back", "1–6 jump", "c copy code", "t theme"]
        shown = [item for item in hint if item in status]
        assert shown == hint[: len(shown)]  # whole items, the first ones first
        assert "? Help" in keys and "q Quit" in keys  # never the first to go


async def test_the_bottom_bars_drawn_follow_a_resize(lesson: Lesson) -> None:
    """Both bars keep the rows they drew; a new width must draw them anew."""
    app = LessonApp(lesson, PlayerOptions(start_step=1))
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        assert "/ Search" in screen_text(app).splitlines()[-1]
        await pilot.resize_terminal(50, 24)
        await pilot.pause()
        *_, status, keys = screen_text(app).splitlines()
        assert "/ Search" not in keys and "q Quit" in keys
        assert "t theme" not in status and status.rstrip().endswith("Step 2 / 6")
        assert keys.strip() == app.query_one(KeyBar).text.strip()


async def test_a_click_on_a_key_presses_it(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        keys = app.query_one(KeyBar)
        column = keys.text.index("o Overview") + 1  # + the bar's left padding
        assert await pilot.click(KeyBar, offset=(column + 3, 0))
        assert isinstance(app.screen, OverviewScreen)
        assert "Esc Close the overview" in app.screen.query_one(KeyBar).text  # its own keys
        assert "Space" not in app.screen.query_one(KeyBar).text
        await pilot.press("escape")
        assert await pilot.click(KeyBar, offset=(keys.text.index("Space") + 1, 0))
        assert player(app).tour.counter == "Step 1 / 6"


async def test_a_narrow_key_bar_keeps_help_and_quit_and_whole_words(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=0))
    async with app.run_test(size=(120, 40)) as pilot:
        wide = app.query_one(KeyBar).text
        entries = wide.split("  ")
        for width in (80, 60, 40, 30):
            await pilot.resize_terminal(width, 20)
            await pilot.pause()
            text = app.query_one(KeyBar).text
            assert text.endswith("? Help  q Quit"), (width, text)
            assert all(part in entries for part in text.split("  ")), (width, text)
            assert len(text) <= width - 2


async def test_links_ask_before_opening_and_refuse_local_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    lesson = one_step_lesson(
        tmp_path, "Read [docs](https://example.org/x) or [notes](./secret.txt)."
    )
    app = LessonApp(lesson, PlayerOptions(start_step=0))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:

        async def click_on(word: str) -> None:
            await click_in_prose(pilot, word)

        await click_on("docs")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert opened == [] and len(app.screen_stack) == 1
        await click_on("docs")
        await pilot.press("y")
        assert opened == ["https://example.org/x"]
        await click_on("notes")
        assert len(app.screen_stack) == 1  # no question: a local path is never opened
        await wait_for(pilot, lambda: "Not opened" in screen_text(app))
        assert opened == ["https://example.org/x"]


@pytest.mark.parametrize("size", [(120, 16), (80, 14)], ids=["side-by-side", "stacked"])
async def test_search_scrolls_the_insight_into_view(lesson: Lesson, size: tuple[int, int]) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=size) as pilot:
        await pilot.press("slash", *"challenge: reliability", "enter")
        await wait_for(pilot, lambda: player(app).tour.counter == "Step 4 / 6")
        pane, panes = app.query_one(ProsePane), app.query_one("#panes")

        def insight_on_screen() -> bool:
            start = pane.start_of("insight")
            row = None if start is None else pane.region.y + start - pane.scroll_offset.y
            return row is not None and panes.region.y <= row < panes.region.bottom

        await wait_for(pilot, insight_on_screen)
