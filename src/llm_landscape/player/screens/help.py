"""The "?" screen: a key table generated from the lesson screen's active bindings,
keys named by the app's ``get_key_display``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..widgets.key_bar import KeyBar

_TOLD_OTHERWISE = {"app.focus_next", "app.focus_previous", "screen.copy_text"}
"""Textual's own screen keys, which the table names in words of its own
(Tab moves between panes) or which do nothing here (no text is selectable)."""


def key_rows(bindings: Iterable[Binding], name: Callable[[Binding], str]) -> list[tuple[str, str]]:
    """(keys, description) rows, one per action, keys in binding order.

    Bindings that share a description (the ten digits, the many "next" keys)
    become one row, so the table stays short as bindings are added.
    """
    rows: dict[str, list[str]] = {}
    for binding in bindings:
        if not binding.description or binding.system or binding.action in _TOLD_OTHERWISE:
            continue
        keys = rows.setdefault(binding.description, [])
        for key in binding.key.split(","):
            # Each key by its own name, not the one the key bar shows for the group.
            label = name(replace(binding, key=key.strip(), key_display=None))
            if label not in keys:
                keys.append(label)
    return [(_compact(keys), description) for description, keys in rows.items()]


def _compact(keys: list[str]) -> str:
    digits = [k for k in keys if k.isdigit()]
    if len(digits) >= 3:
        others = [k for k in keys if not k.isdigit()]
        return "  ".join([f"{min(digits)}–{max(digits)}", *others])
    return "  ".join(keys)


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen Static { width: 1fr; height: auto; }
    HelpScreen > VerticalScroll {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: round $text-primary; border-title-style: bold;
        background: $surface; border-subtitle-color: $text-muted; padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("q", "app.quit", "Quit", id="help.quit"),
    ]

    def __init__(self, bindings: Iterable[Binding]) -> None:
        super().__init__()
        self._key_bindings = list(bindings)

    def compose(self) -> ComposeResult:
        table = Table(show_header=False, box=None, padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for keys, description in key_rows(self._key_bindings, self.app.get_key_display):
            table.add_row(Text(keys), Text(description))
        if any(binding.key == "0" for binding in self._key_bindings):  # ten steps or more
            table.add_row(Text("1 then 2"), Text("Type several digits quickly for step 12 and up"))
        # Not bindings, but what a learner asks: how to reach the code, what clicks.
        table.add_row(
            Text("Tab  Shift+Tab"), Text("Focus the next / previous pane (a bar marks it)")
        )
        table.add_row(
            Text("Mouse"),
            Text("Wheel scrolls; click a step in the bar, a key in the bottom line, or a link"),
        )
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "Esc to close"
            yield Static(table)
        yield KeyBar()
