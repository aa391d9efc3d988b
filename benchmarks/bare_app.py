"""The floor: a bare Textual app showing one Static, started like llm-landscape.

Space replaces the text with a step counter, so key-to-screen time can be
measured the same way as the player's; q quits. With ``--full``, Space fills
the whole screen with new text instead: what any full-screen change costs.
"""

import sys
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Static


class BareApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [("space", "next", "Next"), ("q", "quit", "Quit")]

    def __init__(self) -> None:
        super().__init__()
        self.step = 0

    def compose(self) -> ComposeResult:
        yield Static("Ready", id="text")

    def action_next(self) -> None:
        self.step += 1
        text = f"Step {self.step} / 6"
        if "--full" in sys.argv:
            filler = " ".join(["lorem ipsum dolor sit amet"] * 5)
            rows = (f"\n{row:>3} {self.step} {filler}"[: self.size.width] for row in range(39))
            text += "".join(rows)
        self.query_one("#text", Static).update(text)


if __name__ == "__main__":
    BareApp().run()
