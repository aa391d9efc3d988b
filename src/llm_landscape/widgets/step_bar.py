"""The step bar: every step's icon and label, joined by arrows, the current one lit."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.text import Span, Text
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
        self._arrow = " > " if ascii_only else " › "
        self._hits: list[tuple[int, int, int]] = []  # (start cell, end cell, step index)
        # Each mode's texts and their width, built once: rebuilt on every
        # switch they cost a 500-step lesson 2.5 ms a step.
        icons = tuple(glyph(step.icon, ascii_only=ascii_only) for step in steps)
        self._labels = tuple(step.label for step in steps)
        self._texts = {
            "full": tuple(
                f"{icon} {label}" for icon, label in zip(icons, self._labels, strict=True)
            ),
            "icons": icons,
            "numbers": tuple(str(number) for number in range(1, len(steps) + 1)),
        }
        self._widths = {mode: sum(map(cell_len, texts)) for mode, texts in self._texts.items()}

    def _mode_texts(self, mode: str) -> tuple[str, ...]:
        texts, current = self._texts[mode], self.current
        if mode == "icons" and current is not None:  # the current step keeps its label
            texts = (*texts[:current], self._labels[current], *texts[current + 1 :])
        return texts

    def _mode_width(self, mode: str) -> int:
        width, current = self._widths[mode], self.current
        if mode == "icons" and current is not None:
            width += cell_len(self._labels[current]) - cell_len(self._texts["icons"][current])
        return width + cell_len(self._arrow) * (len(self._labels) - 1)

    def rows_at(self, width: int) -> list[Text]:
        for mode in ("full", "icons", "numbers"):
            if self._mode_width(mode) <= width:
                items = [_Item(step, text) for step, text in enumerate(self._mode_texts(mode))]
                return [self._line(items, self._arrow)]
        return [self._line(self._window(width), " ")]

    def _window(self, width: int) -> list[_Item]:
        """Numbers around the current step when even numbers do not all fit."""
        numbers = self._texts["numbers"]
        centre = self.current or 0
        start = end = centre
        used = cell_len(numbers[centre]) if numbers else 0
        while True:
            grew = False
            for candidate in (end + 1, start - 1):
                if 0 <= candidate < len(numbers) and not start <= candidate <= end:
                    cost = cell_len(numbers[candidate]) + 1
                    if used + cost + 4 <= width:
                        used += cost
                        start, end = min(start, candidate), max(end, candidate)
                        grew = True
            if not grew:
                break
        shown = [_Item(step, numbers[step]) for step in range(start, end + 1)]
        if start > 0:
            shown.insert(0, _Item(start - 1, "…"))
        if end < len(numbers) - 1:
            shown.append(_Item(end + 1, "…"))
        return shown

    def _line(self, items: list[_Item], joiner: str) -> Text:
        # Component classes, not theme colours read by hand: every theme works,
        # including the ANSI ones whose colours are names rather than hex values.
        current = self.get_component_rich_style("step-bar--current")
        visited = self.get_component_rich_style("step-bar--visited")
        # One string and a span per styled item: appending item by item cost
        # a 500-step bar (a window of ~40 numbers) ~0.3 ms a switch.
        parts: list[str] = []
        spans: list[Span] = []
        self._hits = []
        chars = cells = 0  # spans count characters, clicks count cells
        for item in items:
            if parts:
                parts.append(joiner)
                chars, cells = chars + len(joiner), cells + cell_len(joiner)
            if item.step == self.current:
                spans.append(Span(chars, chars + len(item.text), current))
            elif item.step in self.visited:
                spans.append(Span(chars, chars + len(item.text), visited))
            width = cell_len(item.text)
            self._hits.append((cells, cells + width, item.step))
            parts.append(item.text)
            chars, cells = chars + len(item.text), cells + width
        return Text("".join(parts), no_wrap=True, overflow="crop", end="", spans=spans)

    def on_click(self, event: events.Click) -> None:
        x = event.x - self.styles.padding.left
        for start, end, index in self._hits:
            if start <= x < end:
                self.post_message(self.Clicked(index))
                return
