"""The title card shown before step 1, as on the course page.

One text, centred, rather than a widget per line: the card is the first frame,
and each widget costs that frame its CSS and layout (~1 ms apiece here).
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..model import Lesson

HINT = "Press Space to begin"
ROLES = ("heading", "subtitle", "badge", "hint", "resume")


class TitleCard(VerticalScroll, can_focus=False):
    """Not focusable: the focused widget would lose focus when the card hides on
    the first Space, and that style change cost a second full-screen paint."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "title-card--heading",
        "title-card--subtitle",
        "title-card--badge",
        "title-card--hint",
        "title-card--resume",
    }
    DEFAULT_CSS = """
    TitleCard { align: center middle; }
    TitleCard > #card { width: auto; max-width: 90%; text-align: center; }
    TitleCard > .title-card--heading { text-style: bold; color: $text-primary; }
    TitleCard > .title-card--subtitle { color: $text-muted; }
    TitleCard > .title-card--badge { background: $accent; color: $background; text-style: bold; }
    TitleCard > .title-card--hint { color: $text-muted; }
    TitleCard > .title-card--resume { color: $text-accent; }
    """

    def __init__(self, lesson: Lesson, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lesson = lesson
        self._resume: int | None = None
        self._drawn_colours: tuple[Style, ...] = ()

    @property
    def text(self) -> str:
        """The card's words, line by line (for tests and tools)."""
        return self._card().plain

    def compose(self) -> ComposeResult:
        yield Static(id="card")

    def on_mount(self) -> None:
        self._refresh_card()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Redraw only for new colours (a theme change), not for every style
        # update: hiding the card is one too, and a redraw asks for a layout.
        if self.is_mounted and self._colours() != self._drawn_colours:
            self._refresh_card()

    def offer_resume(self, number: int) -> None:
        """Show "Resume at step N — press r" under the hint."""
        self._resume = number
        if self.is_mounted:
            self._refresh_card()

    def _colours(self) -> tuple[Style, ...]:
        return tuple(self._style(role) for role in ROLES)

    def _refresh_card(self) -> None:
        self._drawn_colours = self._colours()
        self.query_one("#card", Static).update(self._card())

    def _card(self) -> Text:
        lesson = self._lesson
        card = Text(justify="center", end="")

        def line(text: str, role: str, gap: int = 1) -> None:
            if card:
                card.append("\n" * (gap + 1))
            card.append(text, self._style(role))

        line(lesson.heading, "heading")
        if lesson.subtitle:
            line(lesson.subtitle, "subtitle")
        if lesson.badge:
            line(f" {lesson.badge} ", "badge")
        line(HINT, "hint", gap=2)
        if self._resume is not None:
            line(f"Resume at step {self._resume} — press r", "resume", gap=0)
        return card

    def _style(self, role: str) -> Style:
        if not self.is_mounted:
            return Style()
        return self.get_component_rich_style(f"title-card--{role}", partial=True)
