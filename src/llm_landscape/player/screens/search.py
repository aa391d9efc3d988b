"""The ``/`` search: type, see every match with its step, Enter to go there."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ...lesson.model import Lesson
from ...lesson.search import Hit, search
from ..widgets.key_bar import KeyBar


class SearchScreen(ModalScreen[Hit | None]):
    """Dismisses with the chosen hit, or None."""

    DEFAULT_CSS = """
    SearchScreen { align: center middle; }
    SearchScreen > Vertical {
        width: 90%; max-width: 110; height: auto; max-height: 85%;
        border: round $primary; border-title-style: bold; background: $surface;
    }
    SearchScreen OptionList { height: auto; max-height: 20; border: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close search", id="search.close"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
    ]

    def __init__(self, lesson: Lesson) -> None:
        super().__init__()
        self._lesson = lesson
        self._hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Search the lesson"
            box.border_subtitle = "Enter to go · Esc to close"
            yield Input(placeholder="words to find (any case)", id="query")
            yield OptionList(id="results")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _search(self, event: Input.Changed) -> None:
        self._hits = search(self._lesson, event.value)
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(self._option(hit) for hit in self._hits)
        if self._hits:
            results.highlighted = 0

    def _option(self, hit: Hit) -> Option:
        step = self._lesson.steps[hit.step]
        line = Text(f"{hit.step + 1:>3}. {step.label} · {hit.field}: ", "dim")
        snippet = Text(hit.snippet)
        snippet.stylize("reverse bold", hit.start, hit.end)
        line.append_text(snippet)
        return Option(line)

    @on(Input.Submitted)
    def _submit(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if self._hits:
            self.dismiss(self._hits[highlighted or 0])

    @on(OptionList.OptionSelected)
    def _choose(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._hits[event.option_index])

    def action_focus_results(self) -> None:
        self.query_one(OptionList).focus()
