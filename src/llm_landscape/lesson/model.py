"""The immutable lesson model: what the loader produces and everything else reads.

Named tuples rather than frozen dataclasses: this module is imported before
the player's first frame, and building a dataclass costs ~0.5 ms at import
against ~0.1 ms for a named tuple.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class CodePanel(NamedTuple):
    """A titled, highlighted block of source shown beside the prose."""

    title: str
    language: str
    """A Pygments lexer name (or ``outline``); already checked, ``text`` if unknown."""
    source: str


class Question(NamedTuple):
    """A self-check question: choose one of ``choices``."""

    question: str
    """Markdown."""
    choices: tuple[str, ...]
    answer: int
    """The right choice, 0-based."""
    explain: str = ""
    """Markdown, shown once answered."""
    predict: bool = False
    """Asked before the step's prose and code are shown (``kind: predict``)."""


class Step(NamedTuple):
    """One screen of a lesson."""

    id: str
    label: str
    icon: str
    """A Material Symbols name; unknown names render as a neutral glyph."""
    title: str
    body: str
    """Markdown."""
    subtitle: str = ""
    heading: str = ""
    insight: str = ""
    """Markdown, shown as the "Key insight" callout."""
    code: CodePanel | None = None
    dwell: float | None = None
    """Seconds this step stays up in Play mode; ``None`` means reading time."""
    check: tuple[Question, ...] = ()
    """Self-check questions, asked after the step (or before it: ``predict``)."""


class Lesson(NamedTuple):
    """A validated lesson: a title card followed by one or more steps."""

    title: str
    steps: tuple[Step, ...]
    path: Path
    """The manifest (``lesson.yaml`` or a single-file lesson)."""
    chapter: str = ""
    subtitle: str = ""
    badge: str = ""
    files: tuple[Path, ...] = ()
    """Every file the lesson was read from (manifest first), for ``--watch``."""

    @property
    def heading(self) -> str:
        """The title card's headline, e.g. ``Ch 14 — The LLM Landscape``."""
        if self.chapter:
            return f"Ch {self.chapter} — {self.title}"
        return self.title

    def index_of(self, step_id: str) -> int | None:
        """The position of the step with this id, if there is one."""
        for index, step in enumerate(self.steps):
            if step.id == step_id:
                return index
        return None
