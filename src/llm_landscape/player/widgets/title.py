"""A title line: a ``Static`` that asks for a layout only when its height may change."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static


class Title(Static):
    """Lesson text shown as it is (``Content``, never markup). A step switch that
    replaces one title that fits its line by another skips the layout pass
    (~1 ms) that ``Static.update`` otherwise asks for."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._text = ""
        self._needle = ""

    @property
    def text(self) -> str:
        return self._text

    def show(self, text: str) -> None:
        if text == self._text:
            return  # the code panel's title is often the same from step to step
        width = self.content_region.width

        def one_line(line: str) -> bool:
            return "\n" not in line and "\t" not in line and cell_len(line) <= width

        layout = not self.size or not (one_line(self._text) and one_line(text))
        self._text = text
        self._needle = ""
        self.update(Content(text), layout=layout)

    def mark(self, needle: str) -> None:
        """Mark every occurrence of ``needle`` (a search's match) until cleared with ""."""
        needle = needle.lower()
        if needle == self._needle:
            return
        self._needle = needle
        content, folded = Content(self._text), self._text.lower()
        if needle and len(folded) == len(self._text):
            found = folded.find(needle)
            while found >= 0:
                content = content.stylize("reverse bold", found, found + len(needle))
                found = folded.find(needle, found + len(needle))
        self.update(content, layout=False)  # the same words: the same size
