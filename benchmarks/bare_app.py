"""The floor: a bare Textual app showing one Static, started like llm-landscape.

Space replaces the text with a step counter, so key-to-screen time can be
measured the same way as the player's; q quits. With ``--full``, Space fills
the whole screen with new text instead: what any full-screen change costs.
With ``--rows``, one widget swaps in a whole screen of styled rows prepared
in advance (a dozen colours a row, like a step's prose and code): the least
a Textual app can spend to change every row, with nothing to lay out or
compute on the key.
"""

import sys
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

WORDS = ["open", "weights", "run", "locally", "while", "closed", "models", "answer"]
COLOURS = [Style(color=f"#{30 * i:02x}{200 - 20 * i:02x}c0", bold=i % 3 == 0) for i in range(8)]


def screen_of_rows(step: int, width: int, height: int) -> list[Strip]:
    """Rows of words in eight colours, different for every step, headed by the counter."""
    rows = []
    for y in range(height):
        text = f"Step {step} / 6 " if y == 0 else ""
        segments = [Segment(text, COLOURS[0])] if text else []
        used, n = len(text), 0
        while used < width - 12:
            word = WORDS[(y * 7 + n + step) % len(WORDS)] + " "
            segments.append(Segment(word, COLOURS[(n + y + step) % len(COLOURS)]))
            used, n = used + len(word), n + 1
        segments.append(Segment(" " * (width - used)))
        rows.append(Strip(segments, width))
    return rows


class Rows(Widget):
    def __init__(self) -> None:
        super().__init__(id="text")
        self.screens: dict[int, list[Strip]] = {}
        self.step = 0

    def render_line(self, y: int) -> Strip:
        rows = self.screens.get(self.step)
        if rows is None or y >= len(rows):
            return Strip([Segment("Ready" if y == 0 else "")]).adjust_cell_length(self.size.width)
        return rows[y]


class BareApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [("space", "next", "Next"), ("q", "quit", "Quit")]

    def __init__(self) -> None:
        super().__init__()
        self.step = 0

    def compose(self) -> ComposeResult:
        yield Rows() if "--rows" in sys.argv else Static("Ready", id="text")

    def on_resize(self, event: events.Resize) -> None:
        if "--rows" in sys.argv:
            width, height = event.size
            self.query_one(Rows).screens = {
                step: screen_of_rows(step, width, height) for step in range(1, 7)
            }

    def action_next(self) -> None:
        self.step += 1
        if "--rows" in sys.argv:
            canvas = self.query_one(Rows)
            canvas.step = self.step
            canvas.refresh()
            return
        text = f"Step {self.step} / 6"
        if "--full" in sys.argv:
            filler = " ".join(["lorem ipsum dolor sit amet"] * 5)
            rows = (f"\n{row:>3} {self.step} {filler}"[: self.size.width] for row in range(39))
            text += "".join(rows)
        self.query_one("#text", Static).update(text)


if __name__ == "__main__":
    BareApp().run()
