"""The title card shown before step 1, as on the course page.

A scrolling container around one ``Static`` of centred text: Textual lays the
text out at the card's width in the same pass as the rest of the screen, so
the first frame shows the whole card, and it scrolls when a small terminal
cannot show all of it. The colours come from the card's component classes and
are baked into the text, which is made anew when they change.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...lesson.model import Lesson

HINT = "Press Space to begin"
ROLES = ("heading", "subtitle", "badge", "hint", "resume")


class TitleCard(VerticalScroll, can_focus=False):
    """Not focusable: the focused widget would lose focus when the card hides on
    the first Space, and that style change cost a second full-screen paint."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"title-card--{role}" for role in ROLES}
    DEFAULT_CSS = """
    TitleCard {
        align: center middle;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > Static { width: 90%; height: auto; text-align: center; }
        & > .title-card--heading { text-style: bold; color: $text-primary; }
        & > .title-card--subtitle { color: $text-muted; }
        & > .title-card--badge { background: $accent; color: $background; text-style: bold; }
        & > .title-card--hint { color: $text-muted; }
        & > .title-card--resume { color: $text-accent; }
    }
    """

    def __init__(self, lesson: Lesson, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lesson = lesson
        self._resume: int | None = None
        self._colours: tuple[Style, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(id="card-text")

    def on_mount(self) -> None:
        self._update()

    @property
    def text(self) -> str:
        """The card's words, line by line (for tests and tools)."""
        return self._card().plain

    def offer_resume(self, number: int) -> None:
        """Show "Resume at step N — press r" under the hint."""
        self._resume = number
        self._update()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # The component colours are final only once this update is done.
        if self.is_mounted:
            self.call_later(self._recolour)

    def _recolour(self) -> None:
        if self._styles() != self._colours:
            self._update()

    def _update(self) -> None:
        self._colours = self._styles()
        self.query_one("#card-text", Static).update(self._card())

    def _styles(self) -> tuple[Style, ...]:
        return tuple(self._style(role) for role in ROLES)

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
