"""SVG snapshots of the layout: title card and two steps, wide and narrow.

Regenerate after an intended change with ``pytest --snapshot-update``.
"""

from __future__ import annotations

import pytest

from llm_landscape.lesson.model import Lesson
from llm_landscape.player.app import LessonApp, PlayerOptions

SIZES = [(120, 40), (80, 24)]


@pytest.mark.parametrize("size", SIZES, ids=["120x40", "80x24"])
@pytest.mark.parametrize(
    "keys", [[], ["1"], ["4"]], ids=["title-card", "step-1-players", "step-4-agents"]
)
def test_layout(snap_compare, lesson: Lesson, size: tuple[int, int], keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(LessonApp(lesson), terminal_size=size, press=keys)


@pytest.mark.parametrize(
    ("keys", "theme"),
    [
        (["2", "o"], None),
        (["slash", *"ollama"], None),
        (["1"], "llm-light"),
        (["1"], "llm-high-contrast"),
    ],
    ids=["overview", "search", "light-theme", "high-contrast-theme"],
)
def test_screens_and_themes(
    snap_compare, lesson: Lesson, keys: list[str], theme: str | None
) -> None:  # type: ignore[no-untyped-def]
    app = LessonApp(lesson, PlayerOptions(theme=theme))

    async def press_and_settle(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press(*keys)
        await pilot.pause(0.2)  # a search runs a moment after the last key

    assert snap_compare(app, terminal_size=(120, 40), run_before=press_and_settle)


ALL_SIZES = [(120, 40), (100, 30), (80, 24), (60, 20), (40, 15)]


@pytest.mark.parametrize("size", ALL_SIZES, ids=[f"{w}x{h}" for w, h in ALL_SIZES])
@pytest.mark.parametrize(
    ("keys", "options"),
    [
        (["1"], PlayerOptions()),  # the longest code of the lesson
        (["6", "space"], PlayerOptions()),  # the end card
        (["2"], PlayerOptions(theme="light")),
        (["3"], PlayerOptions(theme="high-contrast")),
    ],
    ids=["long-code", "end-card", "light", "high-contrast"],
)
def test_every_size(  # type: ignore[no-untyped-def]
    snap_compare, lesson: Lesson, size: tuple[int, int], keys: list[str], options: PlayerOptions
) -> None:
    assert snap_compare(LessonApp(lesson, options), terminal_size=size, press=keys)


@pytest.mark.parametrize(
    "options",
    [PlayerOptions(colours="standard"), PlayerOptions(colours="standard", theme="light"),
     PlayerOptions(ascii_only=True)],
    ids=["16-colours-dark", "16-colours-light", "ascii"],
)  # fmt: skip
def test_few_colours_and_ascii(snap_compare, lesson: Lesson, options: PlayerOptions) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(LessonApp(lesson, options), terminal_size=(80, 24), press=["4"])


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("theme", ["dark", "light"])
@pytest.mark.parametrize("answered", [False, True], ids=["asked", "answered"])
def test_a_question(  # type: ignore[no-untyped-def]
    snap_compare, lesson_with_questions: Lesson, size: tuple[int, int], theme: str, answered: bool
) -> None:
    from llm_landscape.player.widgets.check_list import CheckList

    async def ask(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("2")
        pilot.app.query_one(CheckList).focus()
        if answered:
            await pilot.press("2")  # a wrong answer: its mark and the explanation
        await pilot.pause()

    app = LessonApp(lesson_with_questions, PlayerOptions(theme=theme))
    assert snap_compare(app, terminal_size=size, run_before=ask)
