from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot

from llm_landscape.cli import builtin_lesson
from llm_landscape.lesson.loader import load_lesson
from llm_landscape.lesson.model import Lesson
from llm_landscape.player.lesson_screen import LessonScreen

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_b46c3148c1d643e5.txt"


@pytest.fixture(scope="session")
def lesson_with_questions() -> Lesson:
    """The built-in lesson, as it is."""
    return load_lesson(builtin_lesson())[0]


@pytest.fixture(scope="session")
def lesson(lesson_with_questions: Lesson) -> Lesson:
    """The built-in lesson without its questions: for the tests of everything
    else, whose steps would otherwise open on a question (``predict``) and
    whose digits would answer it. ``test_questions.py`` tests the questions."""
    steps = tuple(step._replace(check=()) for step in lesson_with_questions.steps)
    return lesson_with_questions._replace(steps=steps)


def write_lesson(directory: Path, steps: int, *, dwell: float | None = None) -> Path:
    """A single-file lesson with ``steps`` inline steps."""
    lines = ['title: "Generated"', "chapter: 1", "steps:"]
    for n in range(1, steps + 1):
        lines += [
            f"  - id: s{n}",
            f'    label: "L{n}"',
            f'    title: "Title {n}"',
            f'    body: "Body of step {n}."',
            f"    code: {{language: python, source: 'x = {n}'}}",
        ]
        if dwell is not None:
            lines.append(f"    dwell: {dwell}")
    path = directory / "generated.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def wait_for(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Let the app run until ``condition`` holds; fail after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not reached in time")
        await pilot.pause(0.02)


async def settled(pilot: Pilot[None]) -> None:
    """Past a move's or the start's last work, before counting layouts: the
    collector, held while a step is drawn, collects once when first let go;
    in the suite's one process, full of earlier tests' objects, that took up
    to ~0.5 s (~10 ms in a player's own), holding back the start's layouts."""
    await wait_for(pilot, gc.isenabled)
    await pilot.pause(0.2)


def screen_text(app: App[None]) -> str:
    """The screen's lines as plain text (what a person reads): only what is
    on top, as the terminal would show it."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


@pytest.fixture(autouse=True)
def private_lesson_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test, and every command it runs, caches lessons in its own directory."""
    directory = tmp_path_factory.mktemp("lesson-cache")
    monkeypatch.setenv("LLM_LANDSCAPE_CACHE_DIR", str(directory))
    return directory


def player(app: App[None]) -> LessonScreen:
    """The screen that owns the lesson (the bottom of the stack, under any modal)."""
    screen = app.screen_stack[0]
    assert isinstance(screen, LessonScreen)
    return screen


def one_step_lesson(tmp_path: Path, body: str) -> Lesson:
    """A lesson of one step whose prose is ``body`` (written as YAML, single-quoted)."""
    path = tmp_path / "one-step.yaml"
    path.write_text(
        f"title: T\nsteps:\n  - id: a\n    label: A\n    title: T\n    body: '{body}'\n",
        encoding="utf-8",
    )
    return load_lesson(path)[0]


async def click_in_prose(pilot: Pilot[None], word: str) -> None:
    """Click on ``word`` where the prose pane draws it."""
    body = pilot.app.query_one("#prose")
    for row, strip in enumerate(body.render_lines(Region(0, 0, *body.region.size))):
        line = "".join(segment.text for segment in strip)
        if word in line:
            assert await pilot.click("#prose", offset=(line.index(word) + 1, row))
            return
    raise AssertionError(f"{word!r} is not drawn in the prose")
