"""Widgets that a layout resizes without asking for a second one.

Textual gives each widget the virtual size the layout found for it, and takes
a new one for a change of layout: during the layout that resized a widget it
asks for another, and the whole screen is laid out and repainted again ~40 ms
later. Where that first pass has already placed everything the new size
moves, ``@one_layout`` has the widget take its size as Textual does while
scrolling (``_size_updated(layout=False)``); a scrollbar of its own that comes
or goes still asks for the pass it needs.

Used for containers that never scroll (the step's body and panes, which change
size with the question under them; the code panel, as tall as its code; the
veil over a guess's step), the question panel (its height follows the
question) and the line views' scrollbars (``line_scroll.py``).

The two containers here draw nothing of their own, and say so (``BLANK``):
Textual then gives all their rows one blank line instead of a line each,
and cuts that one at the edges of what covers it, rather than every row
(a switch at 120x40 drew ~0.6 ms less, and kept fewer lines). A subclass
with a border or content of its own sets ``BLANK = False``.
"""

from __future__ import annotations

from typing import TypeVar

from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.widget import Widget

W = TypeVar("W", bound=Widget)


def one_layout(cls: type[W]) -> type[W]:
    """``cls``, resized by a layout without asking for another."""
    resized = cls._size_updated

    def _size_updated(
        self: Widget, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return resized(self, size, virtual_size, container_size, layout=False)

    cls._size_updated = _size_updated  # type: ignore[method-assign]
    return cls


@one_layout
class UnscrolledVertical(Vertical):
    """A column that never scrolls."""

    BLANK = True


@one_layout
class UnscrolledHorizontal(Horizontal):
    """A row that never scrolls."""

    BLANK = True
