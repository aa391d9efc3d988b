"""A ScrollView for the step's panes: keys scroll at once, and a new step
repaints only the rows whose content changed."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.actions import SkipAction
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget

from .one_layout import one_layout


@one_layout
class QuietScrollBar(ScrollBar):
    """Textual's scrollbar, resized in one layout: as a change of layout, its
    new size laid the whole screen out again (~30 ms after the frame) in most
    switches into or out of code taller than its panel.

    And its rows kept while it stands still: drawn through Rich's console on
    each repaint, the prose pane's bar cost ~0.4 ms of every step switch
    (headless, 80x24). They are Textual's own (``render_bar``), styled as its
    drawing styles them."""

    _drawn: tuple[Hashable, list[Strip]] = ((), [])
    """The rows and what they were drawn from; () when Textual draws."""

    def render_lines(self, crop: Region) -> list[Strip]:
        bar = self.render()  # the colours: hover, grab, the theme
        if isinstance(bar, ScrollBarRender):
            base = self.visual_style.rich_style
            link = self.link_style if self.auto_links else None
            drawn = (
                self.size,
                base,
                link,
                bar.virtual_size,
                bar.window_size,
                bar.position,
                bar.style,
            )
            if drawn != self._drawn[0]:
                self._drawn = (drawn, self._rows(bar, base, link))
        else:
            self._drawn = ((), [])
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        key, rows = self._drawn
        if key == ():
            return super().render_line(y)
        return rows[y] if y < len(rows) else Strip.blank(self.size.width)

    def _rows(self, bar: ScrollBarRender, base: Style, link: Style | None) -> list[Strip]:
        width, height = self.size
        colours = self.app.console.get_style(bar.style)
        drawn = bar.render_bar(
            size=height if self.vertical else width,
            virtual_size=bar.virtual_size,
            window_size=bar.window_size,
            position=bar.position,
            thickness=width if self.vertical else height,
            vertical=self.vertical,
            back_color=colours.bgcolor or Color.parse("#555555"),  # as Textual's defaults
            bar_color=colours.color or Color.parse("bright_magenta"),
        )
        lines = [[segment] for segment in drawn.segments] if self.vertical else None
        if lines is None:
            lines = list(Segment.split_lines(drawn.segments))
        return [
            Strip(Segment.apply_style(line, base, link)).crop_extend(0, width, None)
            for line in lines
        ]


def _quiet(bar: ScrollBar) -> ScrollBar:
    if type(bar) is ScrollBar:
        bar.__class__ = QuietScrollBar  # the same bar, one method differs
    return bar


class LineScrollView(ScrollView):
    """Textual animates scrolling by key and eases the animation in: on a
    20,000-line code panel in tmux the first visible change came ~40 ms
    after Down, though each frame took ~7 ms. Here a key moves one line in
    the next frame."""

    _natural_size = Size(0, 0)  # what set_content_size was given, before padding
    _last_views = (Size(0, 0), Size(0, 0))  # the view and its scrollable part, last shown

    def action_scroll_up(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_up(animate=False)

    def action_scroll_down(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_down(animate=False)

    def set_content_size(self, size: Size) -> None:
        """Set the virtual size to ``size``, padded to the view.

        A new virtual size makes Textual lay the screen out again (~1 ms) and
        repaint the whole pane; most steps fit their panes, so padded to the
        view they all have the same size. A pane as tall as its content
        (``height: auto``: the code panel) is laid out again when its height
        changes: its own size follows."""
        self._natural_size = size
        self._pad_content_size()

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        return _quiet(super().vertical_scrollbar)  # made by Textual on first use

    @property
    def horizontal_scrollbar(self) -> ScrollBar:
        return _quiet(super().horizontal_scrollbar)

    def on_resize(self) -> None:
        self._pad_content_size()  # the padding follows the view's size

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Textual decides the scrollbars here, in the layout, against the
        # virtual size: padded to the old, taller view it showed a bar on a
        # view that shrank (the panes, when the question under them grows), and
        # the resize that re-padded took it away in a second layout (~40 ms
        # after the frame). Padded to the new view first, the layout decides.
        view = size - self.styles.gutter.totals
        if view.area and self._natural_size.area:
            self.set_reactive(Widget.virtual_size, self._padded(view))
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _padded(self, view: Size) -> Size:
        """The content's size, padded to ``view`` as small as scrollbars can
        make it (padding to more would itself make a scrollbar appear)."""
        size = self._natural_size
        smallest = Size(
            view.width - self.styles.scrollbar_size_vertical,
            view.height - self.styles.scrollbar_size_horizontal,
        )
        return Size(
            max(size.width, smallest.width),
            size.height if self._auto_height else max(size.height, smallest.height),
        )

    @property
    def _auto_height(self) -> bool:
        height = self.styles.height
        return height is not None and height.is_auto

    def _pad_content_size(self) -> None:
        # Hidden (``display: none``: the code panel of a step without code) the
        # view has no size: pad to the one it had, which it gets back when
        # shown. Padded to nothing, showing it again laid the screen out twice
        # (the second ~40 ms after the key, behind the neighbours' preparing).
        shown = bool(self.content_region.area)
        view, scroll_view = self._shown_views()
        size = self._padded(view)
        auto = self._auto_height
        old = self.virtual_size
        if size == old:
            return
        same_bars = (old.width > scroll_view.width, old.height > scroll_view.height) == (
            size.width > scroll_view.width,
            size.height > scroll_view.height,
        )
        if same_bars and self.is_mounted and old.area and not auto:
            # Textual lays the whole screen out again for a new virtual size
            # (~5 ms at 80x24, where every step's one column has its own
            # height). The widget's own size and its scrollbars' presence stay
            # as they are: update the scrollbars' extent, as Textual's
            # _size_updated(layout=False) does, and repaint this widget alone.
            self.set_reactive(Widget.virtual_size, size)
            if shown:
                self._scroll_update(size)
            self.refresh()
            return
        self.virtual_size = size
        # And the scrollbars now: the layout this asks for finds the virtual
        # size already set and leaves them as they were, so code that fits
        # kept the scrollbars of the longer code before it. (Not while hidden:
        # against no room, any code would have them; the layout that shows
        # the view decides them.)
        if not shown:
            return
        if auto and old.height <= scroll_view.height < size.height:
            # Taller code, in a view as tall as its code: the view grows in
            # that layout, which decides the vertical bar at its new height
            # (as it does for any content taller than the view). Decided here,
            # at the old height, the bar came and went: a second layout, in 3
            # of 10 switches of the chapter at 120x40. The horizontal bar is
            # decided here, as it is by width, which the layout leaves as it is.
            self.set_reactive(Widget.virtual_size, Size(size.width, scroll_view.height))
            self._scroll_update(size)
            self.set_reactive(Widget.virtual_size, size)
        else:
            self._scroll_update(size)

    def _shown_views(self) -> tuple[Size, Size]:
        """The view and its scrollable part; hidden, the ones it last had."""
        if self.content_region.area:
            self._last_views = (self.content_region.size, self.scrollable_content_region.size)
        return self._last_views

    def refresh_rows(self, same: Callable[[int], bool]) -> None:
        """Repaint the rows of the view for which ``same(row)`` is false: rows
        that show what they showed (the blank ones below a short step) are
        neither drawn again nor sent to the terminal."""
        view = self.scrollable_content_region
        runs: list[Region] = []
        row = 0
        while row < view.height:
            if same(row):
                row += 1
                continue
            end = row + 1
            while end < view.height and not same(end):
                end += 1
            runs.append(Region(0, row, view.width, end - row))
            row = end
        if runs:
            self.refresh(*runs)
