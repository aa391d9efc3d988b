"""Mashed keys, resize storms, rapid Play toggling and quitting from any state."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette
from textual.geometry import Size

from llm_landscape.lesson.loader import load_lesson
from llm_landscape.lesson.model import Lesson
from llm_landscape.player.app import LessonApp, PlayerOptions
from llm_landscape.player.screens.help import HelpScreen
from llm_landscape.player.widgets.status_bar import StatusBar
from llm_landscape.player.widgets.step_bar import StepBar

from .conftest import player, wait_for, write_lesson

# "q" and Ctrl+C quit by design, so they are left out of the burst.
BURST_KEYS = (
    [c for c in "abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ"]
    + [str(d) for d in range(10)]
    + ["left", "right", "up", "down", "space", "tab", "enter", "escape"]
    + ["question_mark", "p", "ctrl+p", "home", "end", "pageup", "pagedown", "plus", "minus"]
)


CHARACTERS = {
    "space": " ", "tab": "\t", "enter": "\r", "escape": "\x1b", "question_mark": "?",
    "plus": "+", "minus": "-", "ctrl+p": "\x10",
}  # fmt: skip


def key_event(key: str) -> events.Key:
    character = CHARACTERS.get(key, key if len(key) == 1 else None)
    return events.Key(key, character)


def consistent(app: LessonApp) -> None:
    tour = player(app).tour
    bar = app.query_one(StepBar)
    assert tour.current is None or 0 <= tour.current < len(player(app).lesson.steps)
    assert bar.current == tour.current
    counter = app.query_one(StatusBar).counter
    assert counter == tour.counter


async def test_a_burst_of_random_keys(lesson: Lesson) -> None:
    rng = random.Random(20261128)
    app = LessonApp(lesson)
    async with app.run_test(size=(100, 30)) as pilot:
        # As a terminal delivers a mashed keyboard: many keys queued between frames.
        for _ in range(40):
            for _ in range(50):
                app.post_message(key_event(rng.choice(BURST_KEYS)))
            await pilot.pause()
        assert app.is_running
        while len(app.screen_stack) > 1:
            await pilot.press("escape")
        consistent(app)


async def test_a_resize_storm(lesson: Lesson) -> None:
    rng = random.Random(7)
    app = LessonApp(lesson, PlayerOptions(start_step=3))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(30):
            for _ in range(10):  # a burst of resizes between two frames
                size = Size(rng.randint(1, 220), rng.randint(1, 70))
                app.post_message(events.Resize(size, size))
            await pilot.resize_terminal(rng.randint(1, 220), rng.randint(1, 70))
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.is_running
        assert not app.screen.has_class("-too-small")
        consistent(app)


async def test_rapid_play_toggling_never_double_advances(tmp_path: Path) -> None:
    lesson = load_lesson(write_lesson(tmp_path, 6, dwell=2.0))[0]
    app = LessonApp(lesson, PlayerOptions(start_step=0))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(51):  # odd: ends playing
            await pilot.press("p")
        assert player(app).playing
        assert player(app).tour.current == 0
        for _ in range(10):  # moves during Play restart the countdown
            await pilot.press("right", "left")
        assert player(app).tour.current == 0
        await wait_for(pilot, lambda: player(app).tour.current == 1)
        # One step per dwell: a fresh countdown, the next advance a whole dwell away.
        await wait_for(pilot, lambda: app.query_one(StatusBar).countdown == "next in 2s")
        await pilot.pause(0.5)
        assert player(app).tour.current == 1
        consistent(app)


async def test_quit_from_any_state(lesson: Lesson) -> None:
    async def quits(*setup: str, key: str = "q") -> None:
        app = LessonApp(lesson)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press(*setup)
            await pilot.press(key)
            await wait_for(pilot, lambda: not app.is_running)

    await quits("question_mark")  # help open: q quits
    await quits("ctrl+p", key="ctrl+c")  # palette open: q types, Ctrl+C quits
    await quits("p")  # Play running
    await quits("p", "question_mark", key="ctrl+c")


async def test_help_and_palette_open_and_close(lesson: Lesson) -> None:
    app = LessonApp(lesson)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        assert len(app.screen_stack) == 1


@pytest.mark.parametrize("seed", range(4))
async def test_a_walk_of_keys_resizes_and_themes_ends_as_a_fresh_start_shows(
    lesson: Lesson, seed: int
) -> None:
    """A step switch repaints only the rows that change, and after a resize or
    a theme the panes keep laid-out rows: whatever the path, the screen must
    end as a fresh start on the same step, size and theme draws it (every
    step is visited first in both, so the step bar's marks agree)."""
    rng = random.Random(seed)
    sizes = [(120, 40), (80, 24), (100, 30), (64, 20)]
    size = rng.choice(sizes)
    app = LessonApp(lesson)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"123456")
        for _ in range(25):
            action = rng.random()
            if action < 0.15:
                size = rng.choice(sizes)
                await pilot.resize_terminal(*size)
            elif action < 0.25:
                await pilot.press("t")
            else:
                await pilot.press(rng.choice("123456"))
            await pilot.pause()
        final = rng.choice("123456")
        await pilot.press(final)
        await pilot.pause()
        played, theme = app.export_screenshot(simplify=True), app.theme
    fresh = LessonApp(lesson, PlayerOptions(theme=theme))
    async with fresh.run_test(size=size) as pilot:
        await pilot.press(*"123456", final)
        await pilot.pause()
        assert played == fresh.export_screenshot(simplify=True)
