"""A yes/no question, answered with a key or a click; "no" is the default."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..widgets.key_bar import KeyBar


class ConfirmScreen(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: auto; max-width: 90%; height: auto; padding: 1 2;
        border: round $text-warning; background: $surface; border-subtitle-color: $text-muted;
    }
    ConfirmScreen Static { width: auto; max-width: 100%; }
    ConfirmScreen Horizontal { height: auto; margin-top: 1; align: center middle; }
    /* One row each: Textual's bevelled edge is a shade of the button's own colour. */
    ConfirmScreen Button { margin: 0 1; height: 1; min-width: 12; }
    ConfirmScreen #yes, ConfirmScreen #no { border: none; }
    ConfirmScreen #yes { background: $warning; color: #000000; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str) -> None:
        super().__init__()
        self._question = question
        self._yes = yes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self._question))  # may quote lesson text: never markup
            with Horizontal():
                yield Button(self._yes, id="yes")
                yield Button("Cancel", id="no")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
