"""The title card shown before step 1, as on the course page."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, VerticalScroll
from textual.widgets import Static

from ..model import Lesson


class TitleCard(VerticalScroll):
    DEFAULT_CSS = """
    TitleCard {
        align: center middle;
    }
    TitleCard Static { width: auto; max-width: 90%; text-align: center; }
    TitleCard #card-heading { text-style: bold; color: $text-primary; }
    TitleCard #card-subtitle { margin-top: 1; color: $text-muted; }
    TitleCard #card-badge {
        margin-top: 1; padding: 0 1; background: $accent; color: $background; text-style: bold;
    }
    TitleCard #card-hint { margin-top: 2; color: $text-muted; }
    TitleCard #card-resume { color: $text-accent; }
    """

    def __init__(self, lesson: Lesson, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lesson = lesson

    def compose(self) -> ComposeResult:
        lesson = self._lesson
        with Center():
            yield Static(Text(lesson.heading), id="card-heading")
        if lesson.subtitle:
            with Center():
                yield Static(Text(lesson.subtitle), id="card-subtitle")
        if lesson.badge:
            with Center():
                yield Static(Text(lesson.badge), id="card-badge")
        with Center():
            yield Static(Text("Press Space to begin"), id="card-hint")
        with Center():
            yield Static(id="card-resume")

    def offer_resume(self, number: int) -> None:
        """Show "Resume at step N — press r" under the hint."""
        self.query_one("#card-resume", Static).update(Text(f"Resume at step {number} — press r"))
