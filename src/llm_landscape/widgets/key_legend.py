"""The bottom line of keys that matter, generated from the bindings marked ``show``.

Textual's ``Footer`` rebuilds a widget per key whenever focus moves, which
cost ~50 ms on the first step switch (the title card loses focus); this is
one line of text, drawn once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

from ..keys import key_label


class KeyLegend(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-legend--key"}
    DEFAULT_CSS = """
    KeyLegend {
        height: 1;
        dock: bottom;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
        & > .key-legend--key { color: $text-accent; text-style: bold; }
    }
    """

    def __init__(self, bindings: Iterable[Binding], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown = [b for b in bindings if b.show]

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-legend--key")
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        for binding in self._shown:
            key = binding.key_display or key_label(binding.key.split(",")[0])
            line.append(key, key_style)
            line.append(f" {binding.description}   ")
        return line
