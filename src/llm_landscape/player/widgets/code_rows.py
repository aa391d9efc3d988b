"""A step's code drawn under its prose, for a terminal too narrow for two panes.

Below ``NARROW_WIDTH`` columns the step reads as one column, title to code,
that one scroll moves: the prose pane draws these rows after the insight. A
row is drawn when it is first shown and kept, so a 20,000-line panel costs
no more than a short one. A line wider than the pane ends in a ``→`` marker
instead of being cut off silently.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.strip import Strip

OVERFLOW = "→"
HEAD_ROWS = 2
"""A blank row, then the title row, before the first line of code."""


class CodeRows:
    def __init__(self, title: str, lines: Sequence[Text], *, ascii_only: bool = False) -> None:
        self.title = title
        self.lines = lines
        self._marker = ">" if ascii_only else OVERFLOW
        self._drawn: LRUCache[tuple[int, int, tuple[Style, ...]], Strip] = LRUCache(512)

    def __len__(self) -> int:
        return HEAD_ROWS + len(self.lines)

    def forget(self) -> None:
        """Drop the drawn rows (the colours changed)."""
        self._drawn.clear()

    def row(self, index: int, width: int, console: Console, styles: Sequence[Style]) -> Strip:
        """Row ``index`` (0 = the blank row above the title) at ``width``, in
        ``styles``: the pane's, the title row's, the overflow marker's."""
        key = (index, width, tuple(styles))  # a row drawn in other colours is not reused
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = self._draw(index, width, console, styles)
        return drawn

    def _draw(self, index: int, width: int, console: Console, styles: Sequence[Style]) -> Strip:
        base, title, marker = styles
        if index < HEAD_ROWS:
            text = Text(f" {self.title} " if index else "", style=title if index else base)
            return Strip(list(text.render(console))).extend_cell_length(
                width, title if index else base
            )
        line = self.lines[index - HEAD_ROWS]
        segments = list(Segment.apply_style(line.render(console), base))
        strip = Strip(segments)
        if line.cell_len > width > 1:
            strip = strip.crop(0, width - 1)
            strip = Strip([*strip, Segment(self._marker, marker)])
        return strip.extend_cell_length(width, base)
