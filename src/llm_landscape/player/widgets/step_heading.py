"""The step's heading: its icon and title, the chapter at the right, the subtitle under them."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from .drawn_lines import DrawnLines

ICON_CELLS = 2
"""The icon's column: an emoji's width, so that every title starts where the others do."""
TITLE_AT = ICON_CELLS + 1
"""Where a title's lines start, after the icon and a space (wrapped lines too)."""
CHAPTER_GAP = 2
"""Cells between the title's column and the chapter."""


class StepHeading(Widget):
    """The four texts at the top of a step, drawn by one widget. As four widgets
    in two rows, Textual's work for each widget that repaints (~0.2 ms at
    80x24, whatever its size) came three times on every key, the chapter's
    apart.

    Lesson text is shown as it is (``Content``, never markup). The title wraps
    in its own column, beside the chapter; the subtitle under both, across the
    whole width. A step whose heading takes as many lines as the last one's
    repaints without a layout pass (~1 ms)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "step-heading--title",
        "step-heading--subtitle",
        "step-heading--chapter",
    }
    DEFAULT_CSS = """
    StepHeading {
        width: 1fr;
        height: auto;
        padding: 0 1;
        text-wrap: nowrap;  /* wrapped here, the title in its column */
        & > .step-heading--title { text-style: bold; color: $text-primary; }
        & > .step-heading--subtitle { text-style: italic; color: $text-muted; }
        & > .step-heading--chapter { color: $text-muted; }
    }
    """

    def __init__(self, chapter: tuple[str, str] = ("", ""), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._chapter = chapter
        """The chapter line in full and short (``chapter_line``)."""
        self._texts = ("", "", "")  # icon, title, subtitle
        self._needle = ""
        self._drawn = DrawnLines()

    @property
    def title(self) -> str:
        return self._texts[1]

    @property
    def subtitle(self) -> str:
        return self._texts[2]

    def _chapter_at(self, width: int) -> str:
        # In full while it leaves the title most of the row, else the short form.
        full, short = self._chapter
        row = width + self.styles.gutter.width
        return full if cell_len(full) + 2 <= row * 2 // 5 else short

    def show(self, icon: str, title: str, subtitle: str) -> None:
        texts = (icon, title, subtitle)
        if texts == self._texts:
            return
        width = self.content_region.width
        same_height = self._height(self._texts, width) == self._height(texts, width)
        self._texts, self._needle = texts, ""
        self.refresh(layout=not (self.size and same_height))

    def mark(self, needle: str) -> None:
        """Mark every occurrence of ``needle`` (a search's match) until cleared with ""."""
        if needle.lower() != self._needle:
            self._needle = needle.lower()
            self.refresh()  # the same words: the same lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._height(self._texts, width)  # at the width being laid out, not the last one

    def _height(self, texts: tuple[str, str, str], width: int) -> int:
        _, title, subtitle = texts
        return _rows(title, self._column(width)) + _rows(subtitle, max(1, width))

    def _column(self, width: int) -> int:
        # The chapter had a padded widget of its own: its cells, even when empty.
        chapter = cell_len(self._chapter_at(width))
        return max(1, width - TITLE_AT - CHAPTER_GAP - chapter)

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_region.width))

    def render_line(self, y: int) -> Strip:
        if self.text_selection is not None:  # Textual's drawing shows the selection
            return super().render_line(y)
        width = self.content_region.width
        key = (width, self._texts, self._needle)
        return self._drawn.line(self, y, key, lambda: self._lines(width))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()

    def _lines(self, width: int) -> list[Content]:
        icon, title, subtitle = self._texts
        chapter, column = self._chapter_at(width), self._column(width)
        titles = self._styled(title, "step-heading--title").wrap(column)
        head = Content(icon + " " * max(1, TITLE_AT - cell_len(icon)))
        lines = [head + titles[0].pad_right(column - titles[0].cell_length)]
        if chapter:
            tail = Content.styled(chapter, self.get_visual_style("step-heading--chapter"))
            lines[0] = lines[0] + " " * CHAPTER_GAP + tail
        lines += [Content(" " * TITLE_AT) + line for line in titles[1:]]
        return lines + self._styled(subtitle, "step-heading--subtitle").wrap(max(1, width))

    def _styled(self, text: str, component: str) -> Content:
        content = Content.styled(text, self.get_visual_style(component))
        needle, folded = self._needle, text.lower()
        if needle and len(folded) == len(text):
            found = folded.find(needle)
            while found >= 0:
                content = content.stylize("reverse bold", found, found + len(needle))
                found = folded.find(needle, found + len(needle))
        return content


def _rows(text: str, width: int) -> int:
    """The lines ``text`` wraps to in ``width`` cells (one, most often: counted, not wrapped)."""
    if "\n" not in text and "\t" not in text and cell_len(text) <= width:
        return 1
    return len(Content(text).wrap(width))
