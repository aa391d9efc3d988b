"""The prose pane: heading, Markdown body and the "Key insight" callout.

One widget draws all three as lines, wrapped once per step and width and kept
in a cache, so a step switch neither re-wraps text nor changes the pane's size
(a size change would cost Textual a second layout pass). ``prepare`` fills the
cache ahead of time for the step a learner is likely to open next. The lines
are laid out when the step or the width changes (``show``, ``on_resize``),
never while drawing; the cache is dropped in one place, when the colours
change (``notify_style_update``).

In a narrow terminal the step reads as one column: the pane draws the step's
code under the insight (``code_rows.py``), and while more lies below the view
its last row says so ("↓ more: code").

A click on a link posts :class:`ProsePane.LinkClicked` with the address that
the link's style carries as data; the lesson screen decides what to do.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from ...lesson.model import Step
from ...render import prose
from ...render.renderings import Renderings
from .code_rows import CodeRows
from .line_scroll import LineScrollView
from .marking import marked
from .prose_lines import NOTHING, ProseColours, ProseLines, Row, lay_out


class ProsePane(LineScrollView, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "prose-pane--heading",
        "prose-pane--insight",
        "prose-pane--code-title",
        "prose-pane--more",
    }
    DEFAULT_CSS = """
    ProsePane {
        /* The left cell is a border, blank until the pane has focus: then a bar
           shows it, and the text keeps its width (no re-wrap on Tab). */
        padding: 0 1 0 0;
        border-left: blank;
        overflow-x: hidden;  /* wrapped to the width: it never scrolls sideways */
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;
    }
    ProsePane:focus { border-left: outer $text-primary; }
    ProsePane > .prose-pane--heading { text-style: bold underline; color: $text-secondary; }
    ProsePane > .prose-pane--insight { color: $text-accent; text-style: bold; }
    ProsePane > .prose-pane--code-title { background: $panel; text-style: bold; }
    ProsePane > .prose-pane--more { color: $text-accent; text-style: bold; }
    """

    class LinkClicked(Message):
        """A link in the prose was clicked."""

        def __init__(self, address: str) -> None:
            super().__init__()
            self.address = address

    def __init__(self, renderings: Renderings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._renderings = renderings
        self._step: Step | None = None
        self._code: CodeRows | None = None
        self._code_styles: tuple[Style, ...] = ()
        self._drawn_code = False
        self._cache: LRUCache[tuple[int, int], ProseLines] = LRUCache(64)
        self._lines = NOTHING
        self._frame = (Style(), 0)
        self._needle = ""
        self._cached_colours: tuple[object, ...] = ()

    @property
    def text(self) -> list[str]:
        """What the pane shows, line by line, as plain text (for tests and tools)."""
        return ["".join(segment.text for segment in row) for row in self._lines.rows]

    def show(self, step: Step, code: CodeRows | None = None) -> None:
        """Show a step's prose from the top, and ``code`` under it if given; every
        text is a ``Text``, never markup."""
        self._step, self._code = step, code
        self._relayout()
        if self.scroll_offset != (0, 0):
            self.scroll_to(0, 0, animate=False)

    def update_code(self, code: CodeRows) -> None:
        """New lines for the code shown under the prose (highlighted at last)."""
        self._code = code
        self.refresh()

    @property
    def code_start(self) -> int | None:
        """The row of the code's first line, when the code is drawn here."""
        return None if self._code is None else len(self._lines.rows) + 2

    def prepare(self, step: Step) -> None:
        """Lay out ``step`` at the current width now, so showing it later is a lookup."""
        width = self._text_width()
        if width > 0:
            self._layout(step, width)

    def has_laid_out(self, step: Step) -> bool:
        """Whether ``step`` is laid out at the pane's width, ready to show."""
        return (id(step), self._text_width()) in self._cache

    def start_of(self, part: str) -> int | None:
        """The line where ``part`` (heading, body or insight) begins, if shown."""
        return self._lines.starts.get(part)

    def on_resize(self) -> None:
        self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Textual updates the component styles (heading, insight) just after
        # this call: compare the colours once it has. A new overflow or gutter
        # (the narrow layout's class) changes the text's width without a
        # Resize: compare the width once the screen is laid out anew.
        if self.is_mounted:
            self.call_later(self._recolour)
            self.call_after_refresh(self._rewrap)

    def _recolour(self) -> None:
        # Colours are baked into the cached lines: drop them when the colours
        # change (a theme), not on every style update (focus, hover, display).
        colours = self._colours()
        if colours != self._cached_colours:
            self._cached_colours = colours
            self._cache.clear()
            if self._code is not None:
                self._code.forget()
            self._relayout()

    def _rewrap(self) -> None:
        if self._step is not None and self._text_width() != self._lines.width:
            self._relayout()

    def _prose_colours(self) -> ProseColours:
        return ProseColours(
            self.rich_style,
            self.get_component_rich_style("prose-pane--heading", partial=True),
            self.get_component_rich_style("prose-pane--insight", partial=True),
        )

    def _colours(self) -> tuple[object, ...]:
        return (
            self._prose_colours(),
            self.get_component_rich_style("prose-pane--code-title"),
            self.get_component_rich_style("prose-pane--more"),
        )

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Stacked under a narrow terminal the pane is as tall as its text.
        if self._step is None:
            return 0
        return len(self._layout(self._step, max(1, width)).rows)

    def render_lines(self, crop: Region) -> list[Strip]:
        # rich_style walks every ancestor: look it up once per frame, not per line.
        self._frame = (self.rich_style, self.scrollable_content_region.width)
        if self._code is not None:
            base = self._frame[0]
            title = self.get_component_rich_style("prose-pane--code-title")
            self._code_styles = (base, title, _on(base, "prose-pane--more", self))
        return super().render_lines(crop)

    def _more(self, width: int, style: Style) -> Strip | None:
        """The cue on the last row while more lies below the view."""
        below = self.scroll_offset.y + self.scrollable_content_region.height
        if below >= self.virtual_size.height or self._natural_size.height <= below:
            return None
        start = self.code_start
        cue = "↓ more: code" if start is not None and start - 1 >= below else "↓ more"
        text = Text(cue.rjust(width), style=_on(style, "prose-pane--more", self))
        segments = Segment.apply_style(text.render(self.app.console), style)
        return Strip(list(segments)).extend_cell_length(width, style)

    def on_click(self, event: events.Click) -> None:
        address = event.style.meta.get(prose.LINK_META)
        if isinstance(address, str):
            event.stop()
            self.post_message(self.LinkClicked(address))

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
        style, width = self._frame
        rows = self._lines.rows
        index = scroll_y + y
        if y == self.scrollable_content_region.height - 1 and (cue := self._more(width, style)):
            return cue
        code = self._code
        if code is not None and 0 <= index - len(rows) < len(code):
            return code.row(index - len(rows), width, self.app.console, self._code_styles)
        if not 0 <= index < len(rows):
            return Strip.blank(width, style)
        return Strip(rows[index], self._lines.width).crop_extend(scroll_x, scroll_x + width, style)

    def _text_width(self) -> int:
        # Hidden (a guess asked first), the pane has no width: lay the step out
        # at the width it had, which it has again when shown, so that the
        # frame that shows it has its text (and no second layout follows).
        return self._shown_views()[1].width

    def _relayout(self) -> None:
        width = self._text_width()
        if self._step is None:
            # Nothing shown yet (beneath the title card): nothing to redraw. A
            # refresh here cost a repaint just after the view was first drawn.
            return
        before = self._lines.rows
        if width <= 0:
            self._lines = NOTHING
        else:
            self._lines = self._layout(self._step, width)
        after = self._lines.rows
        extra = 0 if self._code is None else len(self._code)
        self.set_content_size(Size(width, len(after) + extra))
        had_code, self._drawn_code = self._drawn_code, self._code is not None
        if had_code or self._drawn_code:
            self.refresh()  # code under the prose, now or before: every row may move
            return
        top = self.scroll_offset.y

        def same(row: int) -> bool:
            index = top + row
            return _row(before, index) == _row(after, index)

        self.refresh_rows(same)

    def _layout(self, step: Step, width: int) -> ProseLines:
        key = (id(step), width)
        if (cached := self._cache.get(key)) is None:
            cached = self._cache[key] = self._lay_out_step(step, width)
        return cached

    def _lay_out_step(self, step: Step, width: int) -> ProseLines:
        colours = self._prose_colours()
        renderings = self._renderings

        def markdown(source: str) -> Text:
            return prose.render(source, renderings.prose(source))

        return lay_out(step, width, self.app.console, colours, markdown)


def _on(base: Style, component: str, pane: ProsePane) -> Style:
    """A component's colour and weight on the pane's own background (the
    component's background is transparent, which a terminal shows as its default)."""
    found = pane.get_component_rich_style(component)
    return base + Style(color=found.color, bold=found.bold, italic=found.italic)


def _row(rows: list[Row], index: int) -> Row | None:
    return rows[index] if index < len(rows) else None
