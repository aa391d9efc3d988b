"""Containers that never scroll, so that a new size of theirs costs no second layout.

Textual takes a container's new virtual size for a layout change (it would
move the container's scrollbars) and, during the layout that gave it, asks
for another: the whole screen laid out and repainted again ~40 ms later. A
container that never scrolls has no scrollbars to move, and the first pass
already placed everything in it. The step's panes change size whenever the
question panel under them does, or when they are shown again after a guess;
the code panel is as tall as its code.
"""

from __future__ import annotations

from textual.containers import Horizontal, Vertical
from textual.geometry import Size


class UnscrolledVertical(Vertical):
    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class UnscrolledHorizontal(Horizontal):
    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)
