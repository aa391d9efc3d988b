"""The bottom line: the Play control, the countdown, the pace, a hint and the step counter.

One widget drawing one line, rather than a container of five: it changes on
every step, and five Statics asked Textual for a layout pass each time. Its
inputs are reactives bound from the lesson screen (``data_bind``): ``tour``,
``playing`` and ``wpm``; the screen sets ``remaining`` from the play clock.
"""

from __future__ import annotations

import math
from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from ...lesson.navigation import Tour
from ...render.ascii import to_ascii
from ..keys import digit_keys
from .check_list import CheckList
from .drawn_lines import DrawnLines

CARD_HINT = "Press Space to begin"
STEP_HINT = "← back  {jump} jump  c copy code  t theme"
STEP_HINT_ASCII = "<- back  {jump} jump  c copy code  t theme"


def step_hint(steps: int, ascii_only: bool) -> str:
    """The hint on a step, its digits as many as jump: "1–6 jump" for six steps."""
    jump = digit_keys(min(steps, 9))
    if ascii_only:
        return STEP_HINT_ASCII.format(jump=to_ascii(jump))
    return STEP_HINT.format(jump=jump)


class StatusBar(Widget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "status-bar--play",
        "status-bar--play-hover",
        "status-bar--muted",
        "status-bar--counter",
    }
    DEFAULT_CSS = """
    StatusBar { height: 1; background: $panel; text-wrap: nowrap; text-overflow: clip; }
    StatusBar > .status-bar--play {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    StatusBar > .status-bar--play-hover { text-style: bold reverse; }
    StatusBar > .status-bar--muted { color: $text-muted; }
    StatusBar > .status-bar--counter { text-style: bold; }
    """

    tour: reactive[Tour] = reactive(Tour(0))
    remaining: reactive[float | None] = reactive(None)
    wpm: reactive[int] = reactive(200)
    playing: reactive[bool] = reactive(False)
    question_keys: reactive[str] = reactive("")
    """What the keys do at the question that has focus, or "": kept by the bar
    itself, from the screen's ``focused`` and the question's own word."""
    _hover: reactive[bool] = reactive(False)

    class PlayToggled(Message):
        """The learner clicked the Play control. (It is not focusable, so Space
        stays "next step".)"""

    def __init__(self, steps: int, *, ascii_only: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ascii = ascii_only
        self._step_hint = step_hint(steps, ascii_only)
        self._drawn = DrawnLines()

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._follow_question)
        # A question refreshes the bindings as it changes (answered, the next
        # one): followed at once, so the line is drawn in the question's frame.
        self.screen.bindings_updated_signal.subscribe(self, self._follow_question)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _follow_question(self, _changed: object = None) -> None:
        focused = self.screen.focused
        self.question_keys = focused.keys_hint if isinstance(focused, CheckList) else ""

    @property
    def counter(self) -> str:
        return self.tour.counter

    @property
    def hint(self) -> str:
        if self.question_keys:
            return to_ascii(self.question_keys) if self._ascii else self.question_keys
        return CARD_HINT if self.tour.current is None else self._step_hint

    @property
    def text(self) -> str:
        """What the bar shows, as plain text (for tests and tools)."""
        return self.render().plain

    @property
    def play_label(self) -> str:
        if self.playing:
            return " || Pause " if self._ascii else " ❚❚ Pause "
        return " > Play " if self._ascii else " ▸ Play "

    @property
    def countdown(self) -> str:
        return "" if self.remaining is None else f"next in {math.ceil(self.remaining)}s"

    def render(self) -> Content:
        # Textual's own Content and styles: a Rich Text would be converted to
        # them on every switch.
        width = self.content_region.width
        style = self.get_visual_style
        play = style("status-bar--play")
        if self._hover:  # reversed: Textual's visual styles leave "reverse" out
            rich = self.get_component_rich_style
            hovered = rich("status-bar--play") + rich("status-bar--play-hover")
            play = Style.from_rich_style(hovered)
        counter = f" {self.counter} "
        line = Content.styled(self.play_label, play)
        room = width - cell_len(counter)
        muted = style("status-bar--muted")
        # Whole parts only, in order of use, as many as fit: never "c copy co…".
        for part in (self.countdown, f"{self.wpm} wpm", *self.hint.split("  ")):
            if part and line.cell_length + cell_len(part) + 2 > room:
                break
            if part:
                line = line.append(Content.styled(f" {part} ", muted))
        line = line.truncate(max(room, 0), ellipsis=True)
        line = line.pad_right(max(room - line.cell_length, 0))
        return line.append(Content.styled(counter, style("status-bar--counter")))

    def render_line(self, y: int) -> Strip:
        if self.text_selection is not None:  # Textual's drawing shows the selection
            return super().render_line(y)
        inputs = (self.tour, self.remaining, self.wpm, self.playing, self.question_keys)
        key = (self.content_region.width, self._hover, *inputs)
        return self._drawn.line(self, y, key, lambda: [self.render()])

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()

    def on_click(self, event: events.Click) -> None:
        if event.x < cell_len(self.play_label):
            event.stop()
            self.post_message(self.PlayToggled())

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = event.x < cell_len(self.play_label)
        self.tooltip = self._play_tooltip() if self._hover else None

    def on_leave(self) -> None:
        self._hover = False

    def _play_tooltip(self) -> str:
        return "Pause (p)" if self.playing else "Play: advance on a timer (p)"
