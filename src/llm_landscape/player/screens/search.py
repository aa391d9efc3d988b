"""The ``/`` search: type, see every match with its step, Enter to go there."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...lesson.model import Lesson
from ...lesson.search import MAX_HITS, Hit, search
from ..widgets.key_bar import KeyBar

MAX_QUERY = 200
"""Longer than any phrase worth finding; a pasted page is cut here."""
SEARCH_AFTER = 0.06
"""Seconds after the last key of a burst before searching."""


class SearchScreen(ModalScreen[Hit | None]):
    """Dismisses with the chosen hit, or None."""

    DEFAULT_CSS = """
    SearchScreen { align: center middle; }
    SearchScreen > Vertical {
        width: 90%; max-width: 110; height: auto; max-height: 85%;
        border: round $text-primary; border-title-style: bold;
        background: $surface; border-subtitle-color: $text-muted;
    }
    SearchScreen OptionList { height: auto; max-height: 20; border: none; }
    SearchScreen Input { border: tall $text-muted; }
    SearchScreen Input:focus { border: tall $text-primary; }
    SearchScreen #search-status { padding: 0 1; color: $text-muted; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close search", id="search.close"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
    ]

    def __init__(self, lesson: Lesson) -> None:
        super().__init__()
        self._lesson = lesson
        self._hits: list[Hit] = []
        self._pending: Timer | None = None
        self._searched: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Search the lesson"
            box.border_subtitle = "Enter to go · Esc to close"
            yield Input(placeholder="words to find (any case)", id="query", max_length=MAX_QUERY)
            yield Static(id="search-status", markup=False)
            yield OptionList(id="results")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _typed(self) -> None:
        # Each search reads every line of the lesson: typed as a burst (or held
        # down), search once, on the latest text, a moment after the last key.
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(SEARCH_AFTER, self._search)

    def _search(self) -> None:
        self._pending = None
        query = self.query_one(Input).value
        if query == self._searched:
            return
        self._searched = query
        self._hits = search(self._lesson, query)
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(self._option(hit) for hit in self._hits)
        if self._hits:
            results.highlighted = 0
        self.query_one("#search-status", Static).update(Content(self._status(query)))

    def _status(self, query: str) -> str:
        """How many matches, or that there is none: an empty list alone says nothing."""
        if not query.strip():
            return ""
        count = len(self._hits)
        if count == 0:
            return f"No match for “{query.strip()}” in any title, text or code."
        more = "+" if count >= MAX_HITS else ""
        return f"{count}{more} match{'es' if count != 1 else ''}: Enter goes to the first"

    def _option(self, hit: Hit) -> Option:
        step = self._lesson.steps[hit.step]
        line = Text(f"{hit.step + 1:>3}. {step.label} · {hit.field}: ", "italic")
        snippet = Text(hit.snippet)
        snippet.stylize("reverse bold", hit.start, hit.end)
        line.append_text(snippet)
        return Option(line)

    @on(Input.Submitted)
    def _submit(self) -> None:
        self._search()  # Enter right after typing: the results of what was typed
        highlighted = self.query_one(OptionList).highlighted
        if self._hits:
            self.dismiss(self._hits[highlighted or 0])

    @on(OptionList.OptionSelected)
    def _choose(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._hits[event.option_index])

    def action_focus_results(self) -> None:
        self.query_one(OptionList).focus()
