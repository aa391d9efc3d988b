"""The bottom line of keys: the screen's active bindings marked ``show``, each
named by ``App.get_key_display`` and pressed by a click (``simulate_key``), as
Textual's ``Footer`` does, drawn as one line.

Textual's ``Footer`` mounts a widget per key and mounts them again whenever
the bindings change; measured in tmux, that held the player's first Space
back by ~40 ms (45-94 ms against 13-27 ms without it). This is one widget
that repaints its line when the bindings change. When the line is too narrow,
keys are left out from the end, Help and Quit last, and never cut mid-word.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

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
        self._line: tuple[int, Text] | None = None
        """The line last drawn and its width: every step switch repaints the
        rows between the step bar and the status bar, this one included, and
        walking the active bindings each time cost a 500-step lesson ~0.5 ms."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self._line = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._line = None

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
        shown = self.entries()
        while shown and _width(shown) > width:
            droppable = [e for e in shown if not e.action.endswith(KEPT_LAST)]
            shown.remove(droppable[-1] if droppable else shown[-1])
        return shown

    def render(self) -> Text:
        width = self.content_region.width
        if self._line is not None and self._line[0] == width:
            return self._line[1]
        key_style = self.get_component_rich_style("key-bar--key")
        line = Text(no_wrap=True, overflow="crop", end="")
        for entry in self.fitted(width):
            if line:
                line.append(GAP)
            line.append(entry.display, key_style)
            line.append(f" {entry.description}")
        self._line = (width, line)
        return line

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
