"""A code panel that draws only the lines on screen.

``Static(Syntax(...))`` renders every line on each refresh (seconds for 5,000
lines); here each visible line is rendered once and cached, so the cost of a
frame does not grow with the length of the code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.strip import Strip

from ...render.highlight import LazyLines
from .code_rows import OVERFLOW
from .line_scroll import LineScrollView
from .marking import marked

Row = tuple[list[Segment], int]
"""A drawn line: its segments and their width in cells."""


class CodeView(LineScrollView, can_focus=True):
    DEFAULT_CSS = """
    CodeView {
        height: 1fr;
        background: $surface;
        padding: 0 1;
        scrollbar-size-vertical: 1;
        scrollbar-size-horizontal: 1;
        /* The same width with or without a scrollbar: its drawn rows are padded
           to the width, so a scrollbar coming and going between steps made
           every row anew (a third of a switch with the questions' panel on). */
        scrollbar-gutter: stable;
    }
    CodeView > .code-view--overflow { color: $text-accent; text-style: bold; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"code-view--overflow"}

    def __init__(self, *, id: str | None = None, ascii_only: bool = False) -> None:
        super().__init__(id=id)
        self.overflow = ">" if ascii_only else OVERFLOW
        self._lines: Sequence[Text] = []
        # Drawn lines as segments (see ProsePane for why not Strips), by line number.
        self._rows: LRUCache[int, Row] = LRUCache(1024)
        # Rendered lines of recently shown code, so going back to a step
        # redraws from cache instead of re-rendering every visible line.
        self._row_caches: LRUCache[int, tuple[Sequence[Text], LRUCache[int, Row]]]
        self._row_caches = LRUCache(16)
        self._frame = (Style(), 0)
        self._needle = ""
        self._marker_style = Style()
        self._rows_width = 0
        self._cached_style = Style()

    @property
    def lines(self) -> Sequence[Text]:
        return self._lines

    def show(self, lines: Sequence[Text], *, keep_scroll: bool = False) -> None:
        """Replace the code; new code starts at the top unless ``keep_scroll``."""
        before, drawn, top = len(self._lines), self._rows, self.scroll_offset.y
        self._lines = lines
        self._rows = self._rows_for(lines)
        if isinstance(lines, LazyLines):
            width = lines.widest()  # without making a Text of every line
        else:
            width = max((line.cell_len for line in lines), default=0)
        self.set_content_size(Size(width + 1, len(lines)))
        if not keep_scroll and self.scroll_offset != (0, 0):
            self.scroll_to(0, 0, animate=False)  # repaints every row
        style = self.rich_style

        def same(row: int) -> bool:
            # Compared as drawn rows: the new ones are needed to draw anyway.
            index = top + row
            if index >= before or index >= len(lines):
                return index >= before and index >= len(lines)
            old = drawn.get(index)
            return old is not None and self._row(index, style) == old

        self.refresh_rows(same)

    def prepare(self, lines: Sequence[Text]) -> None:
        """Render the first screenful of ``lines`` now, so showing them later is a lookup."""
        style, width = self.rich_style, self.scrollable_content_region.width
        if width != self._rows_width:
            return  # not laid out yet, or about to be at another width
        rows = self._rows_for(lines)
        for index in range(min(len(lines), self.size.height)):
            if index not in rows:
                rows[index] = self._row_of(lines[index], style)

    def _rows_for(self, lines: Sequence[Text]) -> LRUCache[int, Row]:
        entry = self._row_caches.get(id(lines))
        # The entry keeps ``lines`` alive, so its id cannot be reused by other lines.
        if entry is None or entry[0] is not lines:
            entry = self._row_caches[id(lines)] = (lines, LRUCache(1024))
        return entry[1]

    def _row_of(self, line: Text, style: Style) -> Row:
        # Padded to the view's width once, here, rather than on every frame.
        segments = list(Segment.simplify(Segment.apply_style(line.render(self.app.console), style)))
        padding = self._rows_width - line.cell_len
        if padding > 0:
            segments.append(Segment(" " * padding, style))
        return segments, line.cell_len + max(padding, 0)

    def on_resize(self) -> None:
        self._fit_rows()

    def _fit_rows(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._rows_width:  # drawn rows are padded to the width: anew
            self._rows_width = width
            self._row_caches.clear()
            self._rows = self._rows_for(self._lines)

    def render_lines(self, crop: Region) -> list[Strip]:
        # rich_style walks every ancestor: look it up once per frame, not per line.
        self._frame = (self.rich_style, self.scrollable_content_region.width)
        self._marker_style = self.get_component_rich_style("code-view--overflow")
        return super().render_lines(crop)

    def mark(self, needle: str) -> None:
        """Mark every occurrence of ``needle`` (a search's match) until cleared with ""."""
        if needle.lower() != self._needle:
            self._needle = needle.lower()
            self.refresh()

    def render_line(self, y: int) -> Strip:
        strip = self._line(y)
        return marked(strip, self._needle) if self._needle else strip

    def _line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        style, width = self._frame
        if not 0 <= index < len(self._lines):
            return Strip.blank(width, style)
        segments, length = self._row(index, style)
        if length - scroll_x > width > 1 and self._lines[index].cell_len > scroll_x + width:
            # More of the line lies to the right: say so, not cut it off silently.
            strip = Strip(segments, length).crop(scroll_x, scroll_x + width - 1)
            return Strip([*strip, Segment(self.overflow, self._marker_style)], width)
        return Strip(segments, length).crop_extend(scroll_x, scroll_x + width, style)

    def _row(self, index: int, style: Style) -> Row:
        row = self._rows.get(index)
        if row is None:
            row = self._rows[index] = self._row_of(self._lines[index], style)
        return row

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.rich_style != self._cached_style:  # drawn lines carry the old colours
            self._cached_style = self.rich_style
            self._row_caches.clear()
            self._rows = self._rows_for(self._lines)
        if self.is_mounted:  # a new gutter changes the width without a Resize
            self.call_after_refresh(self._fit_rows)
