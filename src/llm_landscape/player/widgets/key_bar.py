"""The bottom line of keys: the screen's active bindings marked ``show``, each
named by ``App.get_key_display`` and pressed by a click (``simulate_key``), as
Textual's ``Footer`` does, drawn as one line.

Textual's ``Footer`` mounts a widget per key and mounts them again whenever
the bindings change; measured in tmux, that held the player's first Space
back by ~40 ms (45-94 ms against 13-27 ms without it). This is one widget
that repaints its line when the keys it shows change, and keeps the row it
drew (``DrawnLines``): a step switch repaints the screen's middle rows and
this one with them, and drawing the line anew cost ~0.6 ms of each switch
(headless, 80x24). When the line is too narrow,
keys are left out from the end, Help and Quit last, and never cut mid-word.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from .drawn_lines import DrawnLines

KEPT_LAST = ("help", "quit")
"""Actions whose keys are the last to be left out of a narrow line."""
GAP = "  "


class Entry(NamedTuple):
    key: str
    """The key to press, as Textual names it."""
    display: str
    description: str
    action: str


class KeyBar(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
        & > .key-bar--key { color: $text-accent; text-style: bold; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._entries: tuple[Entry, ...] | None = None
        """The keys shown, read when the bindings change (None: not yet):
        walking the active bindings on each repaint cost a 500-step lesson
        ~0.5 ms a step switch."""
        self._drawn = DrawnLines()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        # Signalled after most keys; the keys shown seldom change.
        entries = tuple(self.entries())
        if entries != self._entries:
            self._entries = entries
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()

    def render_line(self, y: int) -> Strip:
        if self.text_selection is not None:  # Textual's drawing shows the selection
            return super().render_line(y)
        key = (self.content_region.width, self._shown())
        return self._drawn.line(self, y, key, lambda: [self.render()])

    def _shown(self) -> tuple[Entry, ...]:
        if self._entries is None:
            self._entries = tuple(self.entries())
        return self._entries

    @property
    def text(self) -> str:
        """What the line shows, as plain text (for tests and tools)."""
        return self.render().plain

    def entries(self) -> list[Entry]:
        """The keys to show, one per action, in the order the bindings give."""
        found: dict[str, Entry] = {}
        for binding, enabled in (
            (active.binding, active.enabled) for active in self.screen.active_bindings.values()
        ):
            if binding.show and enabled and binding.action not in found:
                display = self.app.get_key_display(binding)
                found[binding.action] = Entry(
                    binding.key, display, binding.description, binding.action
                )
        return list(found.values())

    def fitted(self, width: int) -> list[Entry]:
        """The entries that fit ``width``, whole: the others left out from the end."""
        shown = list(self._shown())
        while shown and _width(shown) > width:
            droppable = [e for e in shown if not e.action.endswith(KEPT_LAST)]
            shown.remove(droppable[-1] if droppable else shown[-1])
        return shown

    def render(self) -> Content:
        key_style = self.get_visual_style("key-bar--key")
        parts: list[Content] = []
        for entry in self.fitted(self.content_region.width):
            if parts:
                parts.append(Content(GAP))
            parts += [Content.styled(entry.display, key_style), Content(f" {entry.description}")]
        return Content("").join(parts)

    def on_click(self, event: events.Click) -> None:
        x, start = event.x - self.styles.padding.left, 0
        for entry in self.fitted(self.content_region.width):
            end = start + _entry_width(entry)
            if start <= x < end:
                event.stop()
                self.app.simulate_key(entry.key)
                return
            start = end + cell_len(GAP)


def _entry_width(entry: Entry) -> int:
    return cell_len(entry.display) + 1 + cell_len(entry.description)


def _width(entries: list[Entry]) -> int:
    return sum(map(_entry_width, entries)) + cell_len(GAP) * max(len(entries) - 1, 0)
