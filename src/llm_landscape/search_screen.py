"""The ``/`` search: type, see every match with its step, Enter to go there."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from .model import Lesson
from .search import Hit, search
from .widgets.code_view import CodeView
from .widgets.prose_pane import ProsePane


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


def reveal(app: App[None], hit: Hit, attempts: int = 5) -> None:
    """Scroll a match into view: its line of code, or its part of the prose.

    A step shown for the first time is laid out a frame or two after the jump,
    and a pane cannot scroll before it knows its size: until the scroll takes,
    try again after the next frame (a few times at most).
    """
    target: int | None
    if hit.field == "code":
        target = max(0, hit.line - 2)
        scroller: Widget = app.query_one(CodeView)
    else:
        pane = app.query_one(ProsePane)
        target, scroller = pane.start_of(hit.field), pane
        stack = pane.parent
        if target is not None and isinstance(stack, Widget) and stack.max_scroll_y:
            # Stacked under a narrow terminal, the panes scroll together instead.
            target, scroller = pane.virtual_region.y + target, stack
    if target is not None:
        scroller.scroll_to(y=target, animate=False)
    settled = target is not None and scroller.scroll_offset.y >= min(target, scroller.max_scroll_y)
    if not (settled and scroller.max_scroll_y) and attempts:
        app.call_after_refresh(reveal, app, hit, attempts - 1)
