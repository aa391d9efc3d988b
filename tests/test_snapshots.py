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
    assert snap_compare(app, terminal_size=(120, 40), press=keys)
