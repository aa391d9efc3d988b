"""How the player was asked to start: chosen on the command line, or by a test."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from . import pacing
from .state import StateStore

if TYPE_CHECKING:
    from .lesson_cache import Entry


class PlayerOptions(NamedTuple):  # not a dataclass: see model.py
    start_step: int | None = None
    play: bool = False
    wpm: int = pacing.DEFAULT_WPM
    ascii_only: bool = False
    theme: str | None = None
    """Chosen on the command line; otherwise the remembered or default theme."""
    state: StateStore | None = None
    """Where to remember the learner's place; None remembers nothing (tests)."""
    watch: bool = False
    """Reload the lesson when its files change."""
    known: Entry | None = None
    """The lesson cache's entry: prose and code that earlier runs compiled and
    lexed, so the player loads neither the Markdown parser nor a lexer."""
