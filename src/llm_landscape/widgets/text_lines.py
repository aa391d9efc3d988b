"""Text drawn through Textual's line API, for the lines that change on every step.

``Static`` and ``Widget.render`` hand their text to Textual's visual pipeline,
which cost 0.1–0.5 ms per line of the step bar, status bar and titles on every
step switch, and ``Static.update`` always asks for a layout pass (~1 ms) even
when the new text is as tall as the old. These widgets draw their rows
themselves and ask for a layout only when their height changes.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget


class LineWidget(Widget):
    """A widget whose rows are ``rows_at(width)``: each a ``Text`` made safe by
    construction (never parsed as markup), rendered in the widget's style."""

    def rows_at(self, width: int) -> list[Text]:
        raise NotImplementedError

    @property
    def text(self) -> str:
        """What the widget shows, as plain text (for tests and tools)."""
        return "\n".join(row.plain for row in self.rows_at(self.content_region.width))

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        style = self.rich_style
        rows = self.rows_at(width)
        if not 0 <= y < len(rows):
            return Strip.blank(width, style)
        return _strip(self, rows[y], width, style)


def _strip(widget: Widget, row: Text, width: int, style: Style) -> Strip:
    # A row is one line already (wrapped, or built to fit): Text.render is
    # ~15x cheaper than Console.render_lines, which would wrap and crop again.
    segments = Segment.apply_style(row.render(widget.app.console), style)
    return Strip(segments).adjust_cell_length(width, style)


class TextLines(LineWidget):
    """A text wrapped to the width, as tall as it wraps (``height: auto``)."""

    DEFAULT_CSS = "TextLines { height: auto; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()
        self._wrapped: tuple[int, list[Text]] = (-1, [])

    def update(self, text: Text) -> None:
        old = self._text
        if (text.plain, text.spans, text.style) == (old.plain, old.spans, old.style):
            return  # the code panel's title is often the same from step to step
        width = self.content_region.width
        before = len(self.rows_at(width))
        self._text = text
        self._wrapped = (-1, [])
        # A layout pass only when the height changes: most titles keep theirs.
        self.refresh(layout=not self.size or len(self.rows_at(width)) != before)

    def rows_at(self, width: int) -> list[Text]:
        if self._wrapped[0] != width:
            # An empty text keeps its line, as a Static does: every step's
            # prose then starts on the same row.
            text = self._text
            if "\n" not in text.plain and "\t" not in text.plain and text.cell_len <= width:
                lines = [text]  # most titles: wrapping one that fits cost ~0.05 ms a switch
            else:
                lines = list(text.wrap(self.app.console, max(width, 1))) or [Text()]
            self._wrapped = (width, lines)
        return self._wrapped[1]

    @property
    def text(self) -> str:
        return self._text.plain

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows_at(width))
