"""The bottom line: the Play control, the countdown, the pace and the step counter."""

from __future__ import annotations

import math
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static


class PlayControl(Static):
    """A clickable "▸ Play" / "❚❚ Pause" toggle. Not focusable, so Space stays "next"."""

    DEFAULT_CSS = """
    PlayControl {
        width: auto;
        padding: 0 1;
        background: $primary;
        color: $text;
        text-style: bold;
    }
    PlayControl:hover { background: $primary-lighten-1; }
    """

    playing: reactive[bool] = reactive(False)

    @dataclass
    class Toggled(Message):
        """The learner clicked the Play control."""

    def __init__(self, *, ascii_only: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ascii = ascii_only

    def watch_playing(self, playing: bool) -> None:
        if playing:
            label = "|| Pause" if self._ascii else "❚❚ Pause"
        else:
            label = "> Play" if self._ascii else "▸ Play"
        self.update(Content(label))
        self.tooltip = "Pause (p)" if playing else "Play: advance on a timer (p)"

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Toggled())


class StatusBar(Horizontal):
    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
    }
    StatusBar > #countdown, StatusBar > #pace { width: auto; padding: 0 1; color: $text-muted; }
    StatusBar > #hint { width: 1fr; padding: 0 1; color: $text-muted; }
    StatusBar > #counter { width: auto; padding: 0 1; text-style: bold; }
    """

    counter: reactive[str] = reactive("")
    remaining: reactive[float | None] = reactive(None)
    wpm: reactive[int] = reactive(200)
    hint: reactive[str] = reactive("")

    def __init__(self, *, ascii_only: bool = False) -> None:
        super().__init__()
        self._ascii = ascii_only

    def compose(self) -> ComposeResult:
        yield PlayControl(ascii_only=self._ascii, id="play")
        yield Static(id="countdown")
        yield Static(id="pace")
        yield Static(id="hint")
        yield Static(id="counter")

    def watch_counter(self, counter: str) -> None:
        self.query_one("#counter", Static).update(Content(counter))

    def watch_remaining(self, remaining: float | None) -> None:
        text = "" if remaining is None else f"next in {math.ceil(remaining)}s"
        self.query_one("#countdown", Static).update(Content(text))

    def watch_wpm(self, wpm: int) -> None:
        self.query_one("#pace", Static).update(Content(f"{wpm} wpm"))

    def watch_hint(self, hint: str) -> None:
        self.query_one("#hint", Static).update(Content(hint))
