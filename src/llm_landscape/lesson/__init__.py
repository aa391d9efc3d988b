"""The lesson engine: reading and validating lessons, the immutable model, and
what is computed from it alone (navigation, pacing, search). No Textual here.

:func:`load` is the one way in for the command line: the lesson cache when the
lesson's files are unchanged, else YAML (and the cache filled for next time).
Its imports are inside, so that importing any module of this package stays
cheap.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing costs --check ~2 ms
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from . import cache
    from .model import Lesson


class Loaded:
    """A valid lesson, its formatted warnings, and what runs derived from it."""

    def __init__(self, source: Lesson | cache.Cached, warnings: list[str], derived: dict[str, Any]):
        self._source = source
        self.warnings = warnings
        self.derived = derived
        """What runs kept in the cache with the lesson: compiled prose and lexed
        code (``render.renderings``), ``--check``'s notes (``cli``)."""

    @property
    def lesson(self) -> Lesson:
        """The lesson (from a cache entry, built when first asked for)."""
        source = self._source
        return source if isinstance(source, tuple) else source.lesson

    @property
    def steps(self) -> int:
        source = self._source
        return len(source.steps) if isinstance(source, tuple) else source.steps


def load(path: Path) -> Loaded:
    """The lesson at ``path``; raises ``diagnostics.LessonError`` with every error."""
    from . import cache

    cached = cache.read(path)
    if cached is not None:
        return Loaded(cached, cached.warnings, cached.derived)
    from .loader import load_lesson

    lesson, found = load_lesson(path)
    warnings = [warning.format() for warning in found]
    cache.store(path, lesson, warnings)
    return Loaded(lesson, warnings, {})


def keep_derived(path: Path, derived: dict[str, Any]) -> None:
    """Keep compiled prose and lexed code with the lesson's cache entry."""
    from . import cache

    cache.keep_derived(path, derived)
