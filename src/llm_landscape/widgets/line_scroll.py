"""A ScrollView whose Up and Down keys move it at once, not eased in."""

from __future__ import annotations

from textual.actions import SkipAction
from textual.scroll_view import ScrollView


class LineScrollView(ScrollView):
    """Textual animates scrolling by key and eases the animation in: on a
    20,000-line code panel in tmux the first visible change came ~40 ms
    after Down, though each frame took ~7 ms. Here a key moves one line in
    the next frame."""

    def action_scroll_up(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_up(animate=False)

    def action_scroll_down(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_down(animate=False)
