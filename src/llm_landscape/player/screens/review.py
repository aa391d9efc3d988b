"""``--review``: the cards that are due, one at a time: recall, turn (Space),
rate 1-4 (Again, Hard, Good, Easy); then when the next ones fall due."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...render import prose
from ..review_session import RATINGS, Face, Review, when
from ..widgets.key_bar import KeyBar


class ReviewScreen(Screen[None]):
    DEFAULT_CSS = """
    ReviewScreen { align: center middle; }
    ReviewScreen > VerticalScroll {
        width: 90%; max-width: 100; height: auto; max-height: 90%; padding: 0 1;
        border: round $text-primary; border-title-style: bold;
        background: $surface; border-subtitle-color: $text-muted;
    }
    ReviewScreen Static { width: 1fr; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,enter", "turn", "Show the answer", id="review.turn"),
        *(
            Binding(str(n), f"rate({n})", f"{name}", id=f"review.rate{n}")
            for n, name in enumerate(RATINGS, 1)
        ),
        Binding("q", "app.quit", "Quit", id="review.quit", priority=True),
    ]

    def __init__(
        self, title: str, review: Review, due: list[Face], on_rated: Callable[[], None]
    ) -> None:
        super().__init__()
        self._title = title
        self._review = review
        self._due = due
        self._on_rated = on_rated
        self._position = 0
        self._turned = False
        self._said = ""

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = f"Review · {self._title}"
            yield Static(id="card")
        yield KeyBar()

    def on_mount(self) -> None:
        self._draw()

    @property
    def text(self) -> str:
        return str(self.query_one("#card", Static).render())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        done = self._position >= len(self._due)
        if action == "turn":
            return not done and not self._turned
        if action == "rate":
            return not done and self._turned
        return True

    def action_turn(self) -> None:
        self._turned = True
        self._draw()
        self.refresh_bindings()

    def action_rate(self, rating: int) -> None:
        face = self._due[self._position]
        due = self._review.rate(face, rating)
        self._on_rated()
        now = self._review.now()
        self._said = f"{RATINGS[rating - 1]}: this card is due again {when(due, now)}."
        self._position += 1
        self._turned = False
        self._draw()
        self.refresh_bindings()

    def _draw(self) -> None:
        text = Text(end="")
        if self._said:
            text.append(f"{self._said}\n\n", "italic")
        if self._position >= len(self._due):
            text.append(f"Done: {len(self._due)} card(s) reviewed.\n", "bold")
            upcoming = self._review.next_due()
            if upcoming is not None:
                text.append(f"The next falls due {when(upcoming, self._review.now())}.\n")
            text.append("q to quit.")
        else:
            face = self._due[self._position]
            text.append(f"Card {self._position + 1} of {len(self._due)}\n\n", "bold")
            text.append_text(prose.render(face.front))
            if self._turned:
                text.append("\n\n")
                text.append_text(prose.render(face.back))
                text.append("\n\nHow well did you recall it? ", "bold")
                text.append("1 Again · 2 Hard · 3 Good · 4 Easy")
            else:
                text.append("\n\nRecall it, then Space to see the answer.", "italic")
        self.query_one("#card", Static).update(text)
