"""A widget's own ``Content``, drawn straight into rows and kept until it changes.

Textual draws what ``render()`` returns through its Visual machinery (wrapping,
alignment, links, selection), and again on every repaint. Headless at 80x24,
on a step switch, that cost the step bar ~0.3 ms for its one row, and the
heading and the status bar ~0.2 ms each: about a tenth of the frame. These
widgets need none of it: each lays its text out to the width itself, one
``Content`` a row, never wider than the row. So their rows are made here, one
strip per line, and kept while the widget's inputs (a key it gives) and its
colours (``notify_style_update`` calls ``clear``) stay as they are.

While text is selected in the widget, Textual's own drawing is used: it
shows the selection.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

_NOTHING = object()
"""The key of lines never drawn (or cleared): no widget's key equals it."""


class DrawnLines:
    """The rows of one widget's ``Content``, for its ``render_line``."""

    def __init__(self) -> None:
        self._key: Hashable = _NOTHING
        self._rows: list[Strip] = []

    def clear(self) -> None:
        """Draw again at the next repaint (the colours changed)."""
        self._key = _NOTHING

    def line(
        self, widget: Widget, y: int, key: Hashable, draw: Callable[[], Sequence[Content]]
    ) -> Strip:
        """Row ``y`` of the rows ``draw()`` gives, drawn again only when ``key``
        changes: it must hold everything ``draw`` reads but the colours, the
        width included."""
        width = widget.content_region.width
        style = widget.visual_style
        if key != self._key:
            self._rows = [_strip(line, y, style).crop(0, width) for y, line in enumerate(draw())]
            self._key = key
        if y < len(self._rows):
            return self._rows[y]
        return Strip.blank(width, style.rich_style)


def _strip(line: Content, y: int, base: Style) -> Strip:
    """One row as Textual draws a left-aligned line: each segment carries its
    offset (the mouse starts a selection from it); the row is left short, for
    the widget's styles to pad with its background."""
    segments: list[Segment] = []
    x = 0
    for text, style in line.render(base, end=""):
        segments.append(Segment(text, (base + style).rich_style_with_offset(x, y)))
        x += len(text)
    return Strip(segments, line.cell_length)
