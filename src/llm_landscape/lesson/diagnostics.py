"""Problems found in a lesson, each pinned to a file, line and column.

Named tuples and a plain class, not dataclasses: ``--check`` of a cached lesson
imports this module to print its notes, and ``dataclasses`` (with ``inspect``)
cost it ~7 ms.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import NamedTuple

from .textsafety import make_safe, safe_name


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


class Diagnostic(NamedTuple):
    """One problem. ``line`` and ``column`` count from 1; 0 means "the whole file"."""

    path: Path
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR
    source_line: str | None = None

    @property
    def location(self) -> str:
        name = safe_name(str(self.path))  # a file name is from outside too
        if self.line <= 0:
            return name
        return f"{name}:{self.line}:{self.column}"

    def format(self) -> str:
        """``path:line:col: error: message``, then the source line and a caret."""
        # Messages quote keys, tags and ids: one line, nothing for the terminal.
        text = f"{self.location}: {self.severity.value}: {safe_name(self.message)}"
        if self.source_line is None or self.line <= 0:
            return text
        # The quoted line is lesson text too: never let it drive the terminal.
        shown = make_safe(self.source_line.expandtabs(1))
        if len(shown) > 200:
            shown = shown[: max(self.column + 40, 200)]
        from rich.cells import cell_len  # only an error with a source line needs it

        prefix = shown[: max(self.column - 1, 0)]
        caret = " " * cell_len(prefix) + "^"
        return f"{text}\n    {shown}\n    {caret}"


class Report:
    """Collects every problem of one load, so all of them are shown at once."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def add(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)


class LessonError(Exception):
    """A lesson that cannot be played; carries every error found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__(self.format())

    def format(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)
