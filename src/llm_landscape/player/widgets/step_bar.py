"""The step bar: every step's icon and label, joined by arrows, the current one lit."""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content, Span
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from ...lesson.icons import glyph
from ...lesson.model import Step
from ...lesson.navigation import Tour
from .drawn_lines import DrawnLines


class _Item(NamedTuple):
    step: int
    text: str


class StepBar(Widget):
    """One line; collapses from "icon label" to icons, then to numbers, to fit.

    Its one input is ``tour``, bound from the lesson screen's (``data_bind``):
    a new tour repaints the line, never lays the screen out again."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"step-bar--current", "step-bar--visited"}
    DEFAULT_CSS = """
    StepBar {
        height: 1;
        width: 1fr;
        padding: 0 1;
        color: $text-muted;
        text-wrap: nowrap; text-overflow: clip;
        & > .step-bar--current { background: $accent; color: #000000; text-style: bold; }
        & > .step-bar--visited { color: $text-success; }
    }
    """

    tour: reactive[Tour] = reactive(Tour(0))
    mastered: reactive[frozenset[int]] = reactive(frozenset())
    """Steps whose questions are all answered right: marked ✦ rather than ✓."""

    class Clicked(Message):
        """The learner clicked a step in the bar."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, steps: tuple[Step, ...], *, ascii_only: bool = False, id: str | None = None):
        super().__init__(id=id)
        self._arrow = " > " if ascii_only else " › "
        self._seen = "*" if ascii_only else "✓"
        """After a visited step (not the current one): a glyph, not colour alone."""
        self._done = "+" if ascii_only else "✦"
        """... and after one whose questions are all answered right (as wide)."""
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
        self._drawn = DrawnLines()

    @property
    def current(self) -> int | None:
        return self.tour.current

    @property
    def visited(self) -> frozenset[int]:
        return self.tour.visited

    @property
    def text(self) -> str:
        """What the bar shows, as plain text (for tests and tools)."""
        return self.render().plain

    def render(self) -> Content:
        return self._line(*self._layout(self.content_region.width))

    def render_line(self, y: int) -> Strip:
        if self.text_selection is not None:  # Textual's drawing shows the selection
            return super().render_line(y)
        key = (self.content_region.width, self.tour, self.mastered)
        return self._drawn.line(self, y, key, lambda: [self.render()])

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn.clear()

    def _mode_texts(self, mode: str) -> tuple[str, ...]:
        texts, current = self._texts[mode], self.current
        if mode == "icons" and current is not None:  # the current step keeps its label
            texts = (*texts[:current], self._labels[current], *texts[current + 1 :])
        if self._marked_count():
            texts = tuple(self._marked_text(i, text) for i, text in enumerate(texts))
        return texts

    def _marked_count(self) -> int:
        """How many steps get the visited glyph: visited, but not the current one."""
        visited = self.visited
        return len(visited) - (self.current in visited)

    def _marked_text(self, index: int, text: str) -> str:
        if index in self.visited and index != self.current:
            return f"{text}{self._done if index in self.mastered else self._seen}"
        return text

    def _mode_width(self, mode: str) -> int:
        width, current = self._widths[mode], self.current
        if mode == "icons" and current is not None:
            width += cell_len(self._labels[current]) - cell_len(self._texts["icons"][current])
        width += cell_len(self._seen) * self._marked_count()
        return width + cell_len(self._arrow) * (len(self._labels) - 1)

    def _layout(self, width: int) -> tuple[list[_Item], str]:
        """The items that fit ``width``, and what joins them: arrows between
        all the steps, spaces between the numbers of a window."""
        for mode in ("full", "icons", "numbers"):
            if self._mode_width(mode) <= width:
                items = [_Item(step, text) for step, text in enumerate(self._mode_texts(mode))]
                return items, self._arrow
        return self._window(width), " "

    def _window(self, width: int) -> list[_Item]:
        """Numbers around the current step when even numbers do not all fit; each
        marked as it is looked at (a window shows ~40 of 500)."""
        plain, count = self._texts["numbers"], len(self._texts["numbers"])

        def number(index: int) -> str:
            return self._marked_text(index, plain[index])

        centre = self.current or 0
        start = end = centre
        used = cell_len(number(centre)) if count else 0
        while True:
            grew = False
            for candidate in (end + 1, start - 1):
                if 0 <= candidate < count and not start <= candidate <= end:
                    cost = cell_len(number(candidate)) + 1
                    if used + cost + 4 <= width:
                        used += cost
                        start, end = min(start, candidate), max(end, candidate)
                        grew = True
            if not grew:
                break
        shown = [_Item(step, number(step)) for step in range(start, end + 1)]
        if start > 0:
            shown.insert(0, _Item(start - 1, "…"))
        if end < count - 1:
            shown.append(_Item(end + 1, "…"))
        return shown

    def _line(self, items: list[_Item], joiner: str) -> Content:
        # Component classes, not theme colours read by hand: every theme works,
        # including the ANSI ones whose colours are names rather than hex values.
        # Textual's own Content and styles: a Rich Text would be converted to
        # them on every switch.
        current = self.get_visual_style("step-bar--current")
        visited = self.get_visual_style("step-bar--visited")
        # One string and a span per styled item: appending item by item cost
        # a 500-step bar (a window of ~40 numbers) ~0.3 ms a switch.
        parts: list[str] = []
        spans: list[Span] = []
        chars = 0  # spans count characters
        for item in items:
            if parts:
                parts.append(joiner)
                chars += len(joiner)
            if item.step == self.current:
                spans.append(Span(chars, chars + len(item.text), current))
            elif item.step in self.visited:
                spans.append(Span(chars, chars + len(item.text), visited))
            parts.append(item.text)
            chars += len(item.text)
        return Content("".join(parts), spans=spans)

    def on_click(self, event: events.Click) -> None:
        # The items are laid out again, as drawn, rather than remembered by render.
        x = event.x - self.styles.padding.left
        items, joiner = self._layout(self.content_region.width)
        start = 0
        for item in items:
            end = start + cell_len(item.text)
            if start <= x < end:
                self.post_message(self.Clicked(item.step))
                return
            start = end + cell_len(joiner)
