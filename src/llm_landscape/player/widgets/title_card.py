"""The title card shown before step 1, as on the course page.

One widget that draws its centred lines itself, rather than a scrolling
container around a ``Static``: the card is the first frame, and each widget
costs that frame its CSS and layout. (A ``VerticalScroll`` around a ``Static``
was tried: every full-screen repaint just after the first frame re-rendered
the text, and a first Space sent then waited 30-65 ms instead of 9-15 ms, in
tmux.) It still scrolls when a small terminal cannot show the whole card.

Its lines are laid out when its inputs change (mount, size, colours, the
resume offer), never while drawing. At mount, before Textual has laid it out,
the card is as wide and tall as the terminal, which it fills on every screen
it is shown on; ``on_resize`` corrects that if not.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...lesson import pacing
from ...lesson.model import Lesson

HINT = "Press Space to begin"
ROLES = ("heading", "subtitle", "badge", "hint", "resume")


class TitleCard(ScrollView, can_focus=False):
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
    TitleCard { scrollbar-size-vertical: 1; overflow-x: hidden; }
    TitleCard > .title-card--heading { text-style: bold; color: $text-primary; }
    TitleCard > .title-card--subtitle { color: $text-muted; }
    TitleCard > .title-card--badge { background: $accent; color: #000000; text-style: bold; }
    TitleCard > .title-card--hint { color: $text-muted; }
    TitleCard > .title-card--resume { color: $text-accent; }
    """

    def __init__(
        self,
        lesson: Lesson,
        *,
        resume: int | None = None,
        open_step: tuple[int, int] | None = None,
        id: str | None = None,
    ) -> None:
        """``resume``: the step to offer to resume at (1-based); ``open_step``:
        the first step with questions still open, and how many (1-based)."""
        super().__init__(id=id)
        self._lesson = lesson
        self._resume = resume
        self._open = open_step
        self._rows: list[list[Segment]] = []
        self._frame = (Style(), 0)
        self._laid_out: tuple[object, ...] | None = None
        """The colours, size and resume offer the rows were laid out for."""

    @property
    def text(self) -> str:
        """The card's words, line by line (for tests and tools)."""
        return self._card().plain

    def on_mount(self) -> None:
        self._lay_out()

    def on_resize(self) -> None:
        self._lay_out()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # The component colours are final only once this update is done.
        if self.is_mounted:
            self.call_later(self._lay_out)

    def render_lines(self, crop: Region) -> list[Strip]:
        # rich_style walks every ancestor: look it up once per frame, not per line.
        self._frame = (self.rich_style, self.scrollable_content_region.width)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        style, width = self._frame
        # Centred vertically when it fits; scrolled from the top when it does not.
        index = self.scroll_offset.y + y - max(0, (self.size.height - len(self._rows)) // 2)
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, style)
        return Strip(self._rows[index]).crop_extend(0, width, style)

    def _lay_out(self) -> None:
        view = self.content_region.size
        width, height = (view.width, view.height) if view.area else self.app.size
        key = (self._colours(), width, height, self._resume, self._open)
        if self._laid_out == key:
            return
        self._laid_out = key
        self._rows = self._rows_at(width)
        if len(self._rows) > height:
            # Taller than the view: the scrollbar takes a column, so lay out without it.
            width = max(0, width - self.styles.scrollbar_size_vertical)
            self._rows = self._rows_at(width)
        self.virtual_size = Size(width, len(self._rows))
        self.refresh()

    def _rows_at(self, width: int) -> list[list[Segment]]:
        if width <= 0:
            return []
        # Wrapped at 90% of the width, as a card with margins; each row centred.
        wrap = max(1, width * 9 // 10)
        options = self.app.console.options.update(width=wrap, height=None)
        lines = self.app.console.render_lines(self._card(), options, pad=False)
        base = self.rich_style
        rows = []
        for line in lines:
            used = Segment.get_line_length(line)
            left = (width - used) // 2
            rows.append([Segment(" " * left, base), *Segment.apply_style(line, base)])
        return rows

    def _colours(self) -> tuple[Style, ...]:
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
        line(_length(lesson), "subtitle")
        line(HINT, "hint", gap=2)
        if self._resume is not None:
            line(f"Resume at step {self._resume} — press r", "resume", gap=0)
        if self._open is not None:
            number, count = self._open
            said = f"{count} question{'s' if count != 1 else ''} still open"
            line(f"Step {number} has {said} — press u", "resume", gap=0)
        return card

    def _style(self, role: str) -> Style:
        if not self.is_mounted:
            return Style()
        return self.get_component_rich_style(f"title-card--{role}", partial=True)


def _length(lesson: Lesson) -> str:
    """ "6 steps · about 4 min": the lesson's size and its reading time."""
    steps = len(lesson.steps)
    seconds = sum(pacing.word_count(step) * 60 / pacing.DEFAULT_WPM for step in lesson.steps)
    minutes = max(1, round(seconds / 60))
    return f"{steps} step{'s' if steps != 1 else ''} · about {minutes} min"
