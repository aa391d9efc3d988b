"""The player driven by keys and clicks, asserting on what the screen holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.command import CommandList, CommandPalette
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Static

from llm_landscape.lesson.loader import load_lesson
from llm_landscape.lesson.model import Lesson
from llm_landscape.player.app import LessonApp, PlayerOptions
from llm_landscape.player.screens.end import EndScreen
from llm_landscape.player.screens.help import HelpScreen
from llm_landscape.player.screens.overview import OverviewScreen
from llm_landscape.player.widgets.code_view import CodeView
from llm_landscape.player.widgets.key_bar import KeyBar
from llm_landscape.player.widgets.prose_pane import ProsePane
from llm_landscape.player.widgets.status_bar import StatusBar
from llm_landscape.player.widgets.step_bar import StepBar
from llm_landscape.player.widgets.step_heading import StepHeading
from llm_landscape.player.widgets.title_card import TitleCard

from .conftest import player, screen_text, settled, wait_for, write_lesson


def shown_title(app: LessonApp) -> str:
    return app.query_one(StepHeading).title


def counter(app: LessonApp) -> str:
    return app.query_one(StatusBar).counter


async def test_title_card_then_space_through_all_steps_and_back(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.query_one(TitleCard).display
        card = app.query_one(TitleCard).text.splitlines()
        assert card[0] == "Ch 14 — The LLM Landscape"
        assert "6 steps · about 6 min" in card  # its size and reading time
        assert " Capstone " in card
        assert card[-1] == "Press Space to begin"
        assert counter(app) == "Step – / 6"
        for n, step in enumerate(lesson.steps, 1):
            await pilot.press("space")
            assert counter(app) == f"Step {n} / 6"
            assert shown_title(app) == step.title
            assert app.query_one(ProsePane).text[0].strip() == step.heading
            assert step.code is not None
            assert app.query_one(CodeView).lines[0].plain == step.code.source.splitlines()[0]
        await pilot.press("space")  # past the end: the end card
        assert isinstance(app.screen, EndScreen)
        summary = screen_text(app)
        assert "Lesson complete" in summary and "You visited 6 of 6 steps." in summary
        assert summary.count("▸ ") == sum(1 for step in lesson.steps if step.insight)
        await pilot.press("left")  # back to the last step
        assert counter(app) == "Step 6 / 6"
        for n in range(5, 0, -1):
            await pilot.press("left")
            assert counter(app) == f"Step {n} / 6"
        assert app.query_one(StepBar).visited == frozenset(range(6))
        await pilot.press("left")  # from step 1, back to the title card
        assert app.query_one(TitleCard).display and counter(app) == "Step – / 6"


async def test_the_end_card_starts_over_or_opens_the_overview(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=5))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        assert isinstance(app.screen, EndScreen)
        assert "You visited 1 of 6 steps." in screen_text(app)
        await pilot.press("home")
        await wait_for(pilot, lambda: len(app.screen_stack) == 1 and counter(app) == "Step 1 / 6")
        await pilot.press("end", "space", "o")
        await wait_for(pilot, lambda: isinstance(app.screen, OverviewScreen))


async def test_play_ends_on_the_end_card(tmp_path: Path) -> None:
    lesson = load_lesson(write_lesson(tmp_path, 2, dwell=0.3))[0]
    app = LessonApp(lesson, PlayerOptions(play=True))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
        assert not player(app).playing
        assert "Play stopped" not in screen_text(app)  # no toast over the counter


async def test_every_next_and_previous_key(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("space", "right", "l", "n", "pagedown"):
            await pilot.press(key)
        assert counter(app) == "Step 5 / 6"
        for key in ("left", "h", "backspace", "pageup"):
            await pilot.press(key)
        assert counter(app) == "Step 1 / 6"


async def test_arrows_move_steps_even_when_a_pane_has_focus(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=0))
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one(CodeView).focus()
        await pilot.press("right")
        assert counter(app) == "Step 2 / 6"
        await pilot.press("left")
        assert counter(app) == "Step 1 / 6"


async def test_digits_home_and_end(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        assert counter(app) == "Step 4 / 6"
        assert shown_title(app) == lesson.steps[3].title
        await pilot.press("home")
        assert counter(app) == "Step 1 / 6"
        await pilot.press("end")
        assert counter(app) == "Step 6 / 6"
        await pilot.press("g")
        assert counter(app) == "Step 1 / 6"
        await pilot.press("G")
        assert counter(app) == "Step 6 / 6"
        await pilot.press("9")  # beyond the lesson: the last step
        assert counter(app) == "Step 6 / 6"


async def test_two_digits_typed_quickly_reach_step_twelve(tmp_path: Path) -> None:
    lesson = load_lesson(write_lesson(tmp_path, 12))[0]
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "2")
        assert counter(app) == "Step 12 / 12"
        await pilot.press("3")
        assert counter(app) == "Step 3 / 12"


async def test_clicking_a_step_in_the_bar(lesson: Lesson) -> None:
    clicked: list[Message] = []

    def collect(message: Message) -> None:
        # The hook sees a message at each node it bubbles through: keep it once.
        if isinstance(message, StepBar.Clicked) and all(m is not message for m in clicked):
            clicked.append(message)

    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40), message_hook=collect) as pilot:
        bar = app.query_one(StepBar)
        for label, index in (("Recap", 4), ("Players", 0), ("Future", 5)):
            text = bar.text
            column = cell_len(text[: text.index(label)]) + 1  # + the bar's left padding
            assert await pilot.click(StepBar, offset=(column, 0))
            assert counter(app) == f"Step {index + 1} / 6"
        assert await pilot.click(StepBar, offset=(cell_len(bar.text) + 2, 0))  # past the end
        assert [m.index for m in clicked if isinstance(m, StepBar.Clicked)] == [4, 0, 5]


async def test_play_advances_by_itself_and_pauses(tmp_path: Path) -> None:
    # A dwell long enough that a loaded machine cannot pass a step between two
    # lines of this test, short enough to keep it quick.
    lesson = load_lesson(write_lesson(tmp_path, 3, dwell=1.5))[0]
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        assert counter(app) == "Step 1 / 3"
        assert app.query_one(StatusBar).countdown == "next in 2s"
        await wait_for(pilot, lambda: counter(app) == "Step 2 / 3")
        await pilot.press("p")
        assert not player(app).playing
        assert app.query_one(StatusBar).countdown == ""
        await pilot.pause(1.6)  # longer than a dwell: paused means no advance
        assert counter(app) == "Step 2 / 3"
        await pilot.click(StatusBar, offset=(2, 0))  # on "▸ Play"
        assert player(app).playing
        await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
        assert not player(app).playing  # Play stops at the end card


@pytest.mark.parametrize("cover", ["question_mark", "slash", "o", "ctrl+p"])
async def test_play_waits_while_a_screen_covers_the_step(tmp_path: Path, cover: str) -> None:
    lesson = load_lesson(write_lesson(tmp_path, 3, dwell=30))[0]
    app = LessonApp(lesson, PlayerOptions(play=True))
    async with app.run_test(size=(120, 40)) as pilot:
        status = app.query_one(StatusBar)
        await wait_for(pilot, lambda: status.remaining is not None)
        await pilot.press(cover)
        assert len(app.screen_stack) == 2
        held = status.remaining
        assert held is not None
        await pilot.pause(0.6)  # the ticker would have moved it by now
        assert status.remaining == held  # held, not running down behind the screen
        await pilot.press("escape")
        assert len(app.screen_stack) == 1
        assert player(app).playing and counter(app) == "Step 1 / 3"
        remaining = status.remaining
        assert remaining is not None and held - 0.5 <= remaining <= held  # the time it had


async def test_manual_move_restarts_the_countdown(tmp_path: Path) -> None:
    lesson = load_lesson(write_lesson(tmp_path, 3, dwell=30))[0]
    app = LessonApp(lesson, PlayerOptions(play=True))
    async with app.run_test(size=(120, 40)) as pilot:
        assert counter(app) == "Step 1 / 3"
        await wait_for(pilot, lambda: app.query_one(StatusBar).countdown == "next in 29s")
        await pilot.press("space")
        assert player(app).playing
        assert app.query_one(StatusBar).countdown == "next in 30s"


async def test_pace_keys(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("plus", "plus", "minus")
        assert "225 wpm" in app.query_one(StatusBar).text


async def test_help_screen_lists_the_bindings(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = app.screen.query_one(Static)
        strips = help_text.render_lines(Region(0, 0, *help_text.size))
        table = "\n".join(strip.text for strip in strips)
        for description in ("Next step", "Previous step", "Jump to step", "Play / pause", "Quit"):
            assert description in table
        assert "1–6" in table and "0" not in table.split("Jump to step")[0].split()  # six steps
        assert "Resume" not in table  # no place to resume: the key would do nothing
        assert "1 then 2" not in table  # no step 12 in six
        assert "↑  k" in table and "↓  j" in table  # keys named for people
        assert "slash" not in table and "shift+tab" not in table
        assert "Tab  Shift+Tab" in table and "Mouse" in table  # how to reach the code
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_goes_to_a_step(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"go to step 5")
        commands = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: commands.option_count > 0)
        assert "Recap" in str(commands.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await wait_for(pilot, lambda: counter(app) == "Step 5 / 6")


async def test_quit_keys(lesson: Lesson) -> None:
    for key in ("q", "ctrl+c"):
        app = LessonApp(lesson)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(key)
            await wait_for(pilot, lambda app=app: not app.is_running)  # type: ignore[misc]
        assert app.return_code in (0, None)


async def test_layout_side_by_side_wide_and_stacked_narrow(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=0))
    async with app.run_test(size=(120, 40)) as pilot:
        prose, code = app.query_one("#prose").region, app.query_one("#code-panel").region
        assert code.x >= prose.right  # side by side
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        prose, code = app.query_one("#prose").region, app.query_one("#code-panel").region
        assert code.y >= prose.bottom or code.y == 0  # stacked (code may be scrolled away)
        assert app.query_one(StepBar).region.y == 0
        assert app.query_one(StatusBar).region.bottom == 23  # above the footer
        assert app.query_one(KeyBar).region.bottom == 24
        assert "Players" in app.query_one(StepBar).text


async def test_tiny_terminals_show_a_note_and_survive(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=2))
    async with app.run_test(size=(120, 40)) as pilot:
        for width, height in ((1, 1), (5, 3), (29, 9), (40, 12), (200, 60), (2, 50), (120, 40)):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            small = width < 30 or height < 10
            assert player(app).has_class("-too-small") is small
            if width >= 20 and height >= 3:  # room for the note's first words
                assert ("Enlarge" in screen_text(app)) is small
                assert app.query_one(StatusBar).display is not small
            if player(app).tour.at_end:
                break  # Right would open the end card
            await pilot.press("right")
        assert counter(app) == "Step 6 / 6"


async def test_every_theme_renders_every_step(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=0))
    async with app.run_test(size=(120, 40)) as pilot:
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.press("right")
            await pilot.pause()
            assert app.query_one(CodeView).lines, theme
        assert app.is_running


async def test_ascii_mode_draws_no_emoji(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=0, ascii_only=True))
    async with app.run_test(size=(120, 40)):
        bar = app.query_one(StepBar).text
        assert bar.isascii(), bar
        assert "Players > " in bar
        assert app.query_one(StatusBar).text.isascii()


async def test_title_card_text_is_never_cut_off(lesson: Lesson) -> None:
    for size in ((120, 40), (80, 24), (40, 20)):
        app = LessonApp(lesson)
        async with app.run_test(size=size):
            words = " ".join(screen_text(app).split())
            for text in (lesson.heading, lesson.subtitle, "Press Space to begin"):
                for word in text.split():
                    assert word in words, (size, word)


async def test_prose_rewraps_on_resize_and_recolours_on_theme_change(lesson: Lesson) -> None:
    """The prose pane keeps laid-out lines per step and width: a resize must not
    reuse lines of the old width, nor a theme change lines of the old colours."""
    app = LessonApp(lesson, PlayerOptions(start_step=0, theme="dark"))
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(ProsePane)
        await pilot.press("right", "left")  # step 1 again, from the cache
        wide = pane.text
        assert max(map(cell_len, wide)) == pane.scrollable_content_region.width
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        narrow = pane.text
        # Stacked at 70 columns, the prose is wider than beside the code at 120.
        assert max(map(cell_len, narrow)) == pane.scrollable_content_region.width
        assert len(narrow) < len(wide) and narrow[2:] != wide[2:]
        heading = pane.render_line(0)
        app.theme = "llm-light"
        await pilot.pause()
        assert pane.text == narrow
        assert pane.render_line(0).text == heading.text
        assert list(pane.render_line(0)) != list(heading)  # same words, new colours


async def test_neighbouring_steps_are_laid_out_before_they_are_asked_for(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=2))
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(ProsePane)
        await wait_for(pilot, lambda: pane.has_laid_out(lesson.steps[3]))
        assert pane.has_laid_out(lesson.steps[1])  # back, as well as on
        assert not pane.has_laid_out(lesson.steps[5])
        await pilot.press("right")
        await wait_for(pilot, lambda: pane.has_laid_out(lesson.steps[4]))


async def test_a_key_on_the_first_frame_shows_the_whole_step(lesson: Lesson) -> None:
    """The step view is mounted just after the title card's first frame; a key
    that comes sooner shows the step once it is there, bars and content together."""
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        player(app).action_next()  # no pause first: the step view may still be mounting
        seen: list[tuple[str, str]] = []
        for _ in range(20):
            card = "title-card" if app.query_one(TitleCard).display else "step-view"
            seen.append((counter(app), card))
            await pilot.pause(0.01)
        assert ("Step 1 / 6", "title-card") not in seen  # never the counter without the step
        assert seen[-1] == ("Step 1 / 6", "step-view")
        assert shown_title(app) == lesson.steps[0].title


async def test_leaving_the_title_card_keeps_focus_where_it_was(lesson: Lesson) -> None:
    """A focus change restyles the whole screen: had the card held focus, the first
    Space would have painted every step twice."""
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        on_card = app.focused
        await pilot.press("space")
        await wait_for(pilot, lambda: counter(app) == "Step 1 / 6")
        assert app.focused is on_card


async def test_step_view_is_mounted_with_the_first_frame_not_a_repaint_later(
    lesson: Lesson,
) -> None:
    """Waiting for the next repaint left the step view unmounted until the
    terminal's first reply (~20 ms in tmux), so its mounting and first drawing
    met a learner's first Space instead of being done by then."""
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:  # returns once the app is ready
        await pilot.pause()  # the messages queued by the first frame, no timer or reply
        assert player(app).step_view is not None
        assert app.query_one(TitleCard).display


async def test_a_card_taller_than_the_terminal_scrolls_to_its_hint(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(40, 12)) as pilot:
        card = app.query_one(TitleCard)
        assert "Press Space to begin" not in card_text(app)  # below the fold
        assert card.max_scroll_y > 0
        for _ in range(card.max_scroll_y):  # the card takes no focus; the app scrolls it
            await pilot.press("down")
        assert card.scroll_offset.y == card.max_scroll_y
        assert "Press Space to begin" in card_text(app)
        await pilot.press("up")
        assert card.scroll_offset.y == card.max_scroll_y - 1
        await pilot.press("space")
        await pilot.press("down")  # on a step, Down is the focused pane's, not the card's
        assert card.scroll_offset.y == card.max_scroll_y - 1


def card_text(app: LessonApp) -> str:
    """The card's lines that are scrolled into view (what a person reads)."""
    card = app.query_one(TitleCard)
    card.render_lines(Region(0, 0, *card.size))  # as a frame would
    return "\n".join(card.render_line(y).text for y in range(card.size.height))


async def test_a_resize_lays_out_the_next_step_at_the_new_width(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=2))
    async with app.run_test(size=(120, 40)) as pilot:
        pane = app.query_one(ProsePane)
        await wait_for(pilot, lambda: pane.has_laid_out(lesson.steps[3]))
        before = pane.scrollable_content_region.width
        await pilot.resize_terminal(110, 40)
        await wait_for(pilot, lambda: pane.scrollable_content_region.width != before)
        await wait_for(pilot, lambda: pane.has_laid_out(lesson.steps[3]))  # without a key


async def test_title_card_recolours_on_a_theme_change(lesson: Lesson) -> None:
    """Colours are baked into the card's laid-out rows; a theme must renew them."""
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        card = app.query_one(TitleCard)

        def heading_style() -> object:
            card.render_lines(Region(0, 0, *card.size))  # as a frame would
            for y in range(card.size.height):
                for segment in card.render_line(y):
                    if "Landscape" in segment.text:
                        return segment.style
            raise AssertionError("no heading drawn")

        before = heading_style()
        await pilot.press("t")
        await pilot.pause()
        assert heading_style() != before


@pytest.mark.parametrize("kind", [StepBar, StepHeading, StatusBar, KeyBar])
async def test_bars_and_heading_recolour_on_a_theme_change(lesson: Lesson, kind: type) -> None:
    """These widgets keep their drawn rows between repaints; a theme must renew them."""
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        widget = app.query_one(kind)

        def styles() -> list[object]:
            widget.render_lines(Region(0, 0, *widget.size))  # as a frame would
            return [
                segment.style
                for y in range(widget.size.height)
                for segment in widget.render_line(y)
            ]

        before = styles()
        await pilot.press("t")
        await pilot.pause()
        assert styles() != before
        await pilot.press("3")  # and a step switch still redraws them
        await pilot.pause()
        assert widget.render_line(0).text != "" and styles() != []


async def test_the_heading_text_can_be_selected_with_the_mouse(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        heading = app.query_one(StepHeading)
        title = heading.title
        x, y = heading.content_region.x, heading.content_region.y
        await pilot.mouse_down(offset=(x + 3, y))
        await pilot.hover(offset=(x + 2 + len(title), y))
        await pilot.mouse_up(offset=(x + 2 + len(title), y))
        await pilot.pause()
        assert app.screen.get_selected_text() == title


async def test_panes_show_a_scrollbar_only_for_content_that_does_not_fit(tmp_path: Path) -> None:
    # The panes pad their virtual size to the view (so a step switch needs no
    # layout); the padding itself must never make a scrollbar appear.
    code = "\\n".join(f"x_{n} = {n}" for n in range(60))
    (tmp_path / "lesson.yaml").write_text(
        "title: T\nsteps:\n"
        "  - {id: a, label: A, title: No code, body: Prose only.}\n"
        f'  - {{id: b, label: B, title: Tall code, body: Short., code: {{language: python, source: "{code}"}}}}\n'
        '  - {id: c, label: C, title: Wide code, body: Short., code: {language: python, source: "'
        + "w" * 70
        + '"}}\n',
        encoding="utf-8",
    )
    app = LessonApp(load_lesson(tmp_path / "lesson.yaml")[0])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        view = app.query_one(CodeView)
        for key, vertical, horizontal in (
            ("1", None, None),
            ("2", True, False),
            ("3", False, True),
        ):
            await pilot.press(key)
            await pilot.pause()
            if vertical is not None:
                assert (view.show_vertical_scrollbar, view.show_horizontal_scrollbar) == (
                    vertical,
                    horizontal,
                ), f"step {key}"
        await pilot.press("2")
        await pilot.pause()
        await pilot.resize_terminal(200, 40)  # wider: the padding follows
        await pilot.pause()
        assert not view.show_horizontal_scrollbar
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert (view.show_vertical_scrollbar, view.show_horizontal_scrollbar) == (True, False)


async def test_a_click_on_a_panes_scrollbar_scrolls_it_and_its_thumb_follows(
    lesson: Lesson,
) -> None:
    # The panes' bars are Textual's, resized their own way (line_scroll.py):
    # a click on the track still pages, and the thumb is drawn where it is.
    app = LessonApp(lesson)

    def thumb() -> list[int]:
        rows = bar.render_lines(Region(0, 0, bar.size.width, bar.size.height))
        return [y for y, row in enumerate(rows) if any(s.style and s.style.reverse for s in row)]

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        pane = app.query_one(ProsePane)
        bar = pane.vertical_scrollbar
        assert pane.show_vertical_scrollbar  # one column at 80x24: prose and code
        assert thumb()[0] == 0 < len(thumb()) < bar.size.height
        await pilot.click(offset=(bar.region.x, bar.region.bottom - 1))  # the track, below
        await wait_for(pilot, lambda: pane.scroll_offset.y > 0)
        await pilot.pause()
        assert thumb()[0] > 0  # the thumb moved down


def code_lesson(directory: Path, *lines: int) -> Lesson:
    """A lesson of steps whose code is ``lines`` lines long, one step each."""
    steps = []
    for n, count in enumerate(lines):
        source = "\\n".join(f"x_{i} = {i}" for i in range(count))
        steps.append(
            f"  - {{id: s{n}, label: S{n}, title: Step {n}, body: Short.,"
            f' code: {{language: python, source: "{source}"}}}}\n'
        )
    (directory / "code.yaml").write_text("title: T\nsteps:\n" + "".join(steps), encoding="utf-8")
    return load_lesson(directory / "code.yaml")[0]


async def test_taller_code_is_laid_out_once_with_the_scrollbar_it_needs(tmp_path: Path) -> None:
    """The code panel is as tall as its code: taller code grows it in the layout
    the key asks for. Its vertical scrollbar, decided at the old height, came
    and went in a second layout; code past the panel still gets one, also
    when the panel was already as tall as it can be."""
    app = LessonApp(code_lesson(tmp_path, 60))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        most = app.query_one(CodeView).scrollable_content_region.height  # the view at its tallest
    app = LessonApp(code_lesson(tmp_path, 1, 5, 60, 3, most, most + 4))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await settled(pilot)
        screen, view = player(app), app.query_one(CodeView)
        layouts: list[object] = []
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)
        for key, vertical in (("2", False), ("3", True), ("4", False), ("5", False), ("6", True)):
            layouts.clear()
            await pilot.press(key)
            await pilot.pause(0.2)
            assert view.show_vertical_scrollbar == vertical, f"step {key}"
            if not vertical:
                assert len(layouts) == 1, f"step {key}"


async def test_a_title_that_wraps_takes_its_lines_and_gives_them_back(tmp_path: Path) -> None:
    # The heading asks Textual for a layout only when its height may change.
    long = " ".join(["A title long enough to wrap"] * 3)
    (tmp_path / "lesson.yaml").write_text(
        "title: T\nsteps:\n"
        f"  - {{id: a, label: A, title: {long}, subtitle: Under the long one, body: B.}}\n"
        "  - {id: b, label: B, title: Short, subtitle: Under the short one, body: B.}\n"
        "  - {id: c, label: C, title: Also short, subtitle: Under another, body: B.}\n",
        encoding="utf-8",
    )
    app = LessonApp(load_lesson(tmp_path / "lesson.yaml")[0])
    async with app.run_test(size=(60, 24)) as pilot:
        heading = app.query_one(StepHeading)
        for key, lines in (("1", 2), ("2", 1), ("3", 1), ("1", 2)):
            await pilot.press(key)
            await pilot.pause()
            assert heading.size.height == lines + 1, f"step {key}"  # and the subtitle
            rows = screen_text(app).splitlines()
            top = heading.region.y
            title_rows = " ".join(rows[top : top + lines])
            assert all(word in title_rows for word in heading.title.split())
            assert heading.subtitle in rows[top + lines]  # right under the title


def visible(pane: ProsePane) -> str:
    """The rows of the pane on screen, as a person reads them."""
    return "\n".join(strip.text for strip in pane.render_lines(Region(0, 0, *pane.size)))


async def test_a_narrow_terminal_reads_the_step_as_one_column(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.query_one(ProsePane)
        assert not app.query_one("#code-panel").display
        assert "↓ more: code" in visible(pane) and "while not done:" not in visible(pane)
        for _ in range(pane.code_start or 0):
            await pilot.press("j")
        shown = visible(pane)
        assert "while not done:" in shown and "↓ more: code" not in shown
        await pilot.press("k", "up")
        assert pane.scroll_offset.y == (pane.code_start or 0) - 2
        for _ in range(pane.max_scroll_y):
            await pilot.press("down")
        assert "Anthropic MCP" in visible(pane) and "↓ more" not in visible(pane)
        await pilot.press("right")  # a new step starts at its top
        assert pane.scroll_offset.y == 0
        await pilot.resize_terminal(120, 40)  # wide again: two panes
        await pilot.pause()
        assert app.query_one("#code-panel").display and pane.code_start is None


async def test_a_narrow_search_for_code_scrolls_the_column_to_it(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"execute_python", "enter")
        await wait_for(pilot, lambda: counter(app) == "Step 4 / 6")
        pane = app.query_one(ProsePane)
        await wait_for(pilot, lambda: "execute_python(action.code)" in visible(pane))


async def test_code_wider_than_a_narrow_column_ends_in_a_marker(tmp_path: Path) -> None:
    wide = "x = '" + "y" * 120 + "'"
    (tmp_path / "lesson.yaml").write_text(
        "title: T\nsteps:\n"
        f'  - {{id: a, label: A, title: Wide, body: B., code: {{language: python, source: "{wide}"}}}}\n',
        encoding="utf-8",
    )
    app = LessonApp(load_lesson(tmp_path / "lesson.yaml")[0], PlayerOptions(start_step=0))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        row = next(line for line in visible(app.query_one(ProsePane)).splitlines() if "yyy" in line)
        assert row.rstrip().endswith("→")


async def test_visited_steps_carry_a_glyph_not_colour_alone(lesson: Lesson) -> None:
    for ascii_only, mark in ((False, "✓"), (True, "*")):
        app = LessonApp(lesson, PlayerOptions(ascii_only=ascii_only))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("1", "2", "5")
            text = app.query_one(StepBar).text
            assert f"Players{mark}" in text and f"Open{mark}" in text
            assert f"Recap{mark}" not in text  # the current step: lit, not ticked
            assert f"Closed{mark}" not in text and f"Agents{mark}" not in text  # not seen


async def test_tab_moves_a_visible_focus_from_prose_to_code_and_back(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        prose, code = app.query_one(ProsePane), app.query_one(CodeView)
        panel = app.query_one("#code-panel")

        def left_edge() -> str:
            # The prose pane's first column, on the row of its first line of text.
            x, y = prose.region.offset
            return app.screen._compositor.render_strips()[y].crop(x, x + 1).text

        def frame_colour() -> object:
            return app.screen.get_style_at(panel.region.x, panel.region.y).color

        assert app.focused is None
        unfocused = (left_edge(), frame_colour())
        assert unfocused[0] == " "
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is prose
        assert left_edge() not in (" ", "")  # a bar beside the focused pane
        assert frame_colour() == unfocused[1]
        lines = list(prose.text)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is code
        assert left_edge() == " "
        assert frame_colour() != unfocused[1]  # the code panel's frame lights up
        assert prose.text == lines  # focus never re-wraps the prose
        await pilot.press("shift+tab")
        assert app.focused is prose


async def test_code_that_fits_shows_no_scrollbars_after_longer_code(lesson: Lesson) -> None:
    """Step 1's code is longer and wider than its panel, step 3's fits: the
    scrollbars go with step 1's (they stayed, a grey bar and track over code
    that could not scroll)."""
    app = LessonApp(lesson, PlayerOptions(start_step=0))
    async with app.run_test(size=(100, 30)) as pilot:
        code = app.query_one(CodeView)
        await pilot.pause()
        assert code.show_vertical_scrollbar  # step 1's code is longer than the panel
        await pilot.press("3")
        await pilot.pause()
        assert code.virtual_size.height <= code.scrollable_content_region.height + 1
        assert not code.show_vertical_scrollbar and not code.show_horizontal_scrollbar
