"""How the player was asked to start: chosen on the command line, or by a test."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..lesson import pacing
from .state import StateStore


class PlayerOptions(NamedTuple):  # not a dataclass: see lesson/model.py
    start_step: int | None = None
    play: bool = False
    review: bool = False
    """Serve the lesson's review cards that are due (``--review``), not the lesson."""
    checks: bool = True
    """Ask the lesson's questions; False (``--skip-checks``) leaves them out."""
    wpm: int = pacing.DEFAULT_WPM
    ascii_only: bool = False
    theme: str | None = None
    """Chosen on the command line; otherwise the remembered or default theme."""
    colours: str | None = None
    """The terminal's colour system ("standard" is 16 colours); None asks the console."""
    state: StateStore | None = None
    """Where to remember the learner's place; None remembers nothing (tests)."""
    watch: bool = False
    """Reload the lesson when its files change."""
    lesson_path: Path | None = None
    """Where the lesson was loaded from, to keep what the player compiled and
    lexed with it in the lesson cache; None keeps nothing (tests)."""
