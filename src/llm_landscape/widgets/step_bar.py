"""The step bar: every step's icon and label, joined by arrows, the current one lit."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive

from ..icons import glyph
from ..model import Step
from .text_lines import LineWidget


class _Item(NamedTuple):
    step: int
    text: str


class StepBar(LineWidget):
    """One line; collapses from "icon label" to icons, then to numbers, to fit."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"step-bar--current", "step-bar--visited"}
    DEFAULT_CSS = """
    StepBar {
        height: 1;
        width: 1fr;
        padding: 0 1;
        color: $text-muted;
        & > .step-bar--current { background: $accent; color: $text; text-style: bold; }
        & > .step-bar--visited { color: $text-success; }
    }
    """

    current: reactive[int | None] = reactive(None)
    visited: reactive[frozenset[int]] = reactive(frozenset)

    class Clicked(Message):
        """The learner clicked a step in the bar."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, steps: tuple[Step, ...], *, ascii_only: bool = False, id: str | None = None):
        super().__init__(id=id)
        self._steps = steps
        self._ascii = ascii_only
        self._arrow = " > " if ascii_only else " › "
        self._hits: list[tuple[int, int, int]] = []  # (start cell, end cell, step index)

    def _items(self, mode: str) -> list[_Item]:
        items = []
        for index, step in enumerate(self._steps):
            icon = glyph(step.icon, ascii_only=self._ascii)
            if mode == "full":
                text = f"{icon} {step.label}"
            elif mode == "icons":
                text = f"{step.label}" if index == self.current else icon
            else:
                text = str(index + 1)
            items.append(_Item(index, text))
        return items

    def _fits(self, items: list[_Item], width: int) -> bool:
        total = sum(cell_len(item.text) for item in items)
        return total + cell_len(self._arrow) * (len(items) - 1) <= width

    def rows_at(self, width: int) -> list[Text]:
        for mode in ("full", "icons", "numbers"):
            items = self._items(mode)
            if self._fits(items, width):
                return [self._line(items, self._arrow)]
        return [self._line(self._window(self._items("numbers"), width), " ")]

    def _window(self, items: list[_Item], width: int) -> list[_Item]:
        """Numbers around the current step when even numbers do not all fit."""
        centre = self.current or 0
        start = end = centre
        used = cell_len(items[centre].text) if items else 0
        while True:
            grew = False
            for candidate in (end + 1, start - 1):
                if 0 <= candidate < len(items) and not start <= candidate <= end:
                    cost = cell_len(items[candidate].text) + 1
                    if used + cost + 4 <= width:
                        used += cost
                        start, end = min(start, candidate), max(end, candidate)
                        grew = True
            if not grew:
                break
        shown = items[start : end + 1]
        if start > 0:
            shown.insert(0, _Item(start - 1, "…"))
        if end < len(items) - 1:
            shown.append(_Item(end + 1, "…"))
        return shown

    def _line(self, items: list[_Item], joiner: str) -> Text:
        line = Text(no_wrap=True, overflow="crop", end="")
        self._hits = []
        for position, item in enumerate(items):
            if position:
                line.append(joiner)
            start = line.cell_len
            line.append(item.text, self._style(item.step))
            self._hits.append((start, line.cell_len, item.step))
        return line

    def _style(self, index: int) -> Style:
        # Component classes, not theme colours read by hand: every theme works,
        # including the ANSI ones whose colours are names rather than hex values.
        if index == self.current:
            return self.get_component_rich_style("step-bar--current")
        if index in self.visited:
            return self.get_component_rich_style("step-bar--visited")
        return Style()

    def on_click(self, event: events.Click) -> None:
        x = event.x - self.styles.padding.left
        for start, end, index in self._hits:
            if start <= x < end:
                self.post_message(self.Clicked(index))
                return
