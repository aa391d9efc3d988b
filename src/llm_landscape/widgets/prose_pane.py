"""The prose pane: heading, Markdown body and the "Key insight" callout."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from .. import prose
from ..model import Step


class ProsePane(VerticalScroll, can_focus=True):
    DEFAULT_CSS = """
    ProsePane {
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    ProsePane > #heading {
        text-style: bold;
        color: $text-primary;
        margin-bottom: 1;
    }
    ProsePane > #insight {
        margin-top: 1;
        padding: 0 1;
        border: round $accent;
        border-title-color: $accent;
        border-title-style: bold;
    }
    ProsePane > .-empty {
        display: none;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="heading")
        yield Static(id="body")
        insight = Static(id="insight")
        insight.border_title = "Key insight"
        yield insight

    def show(self, step: Step) -> None:
        """Show a step's prose; every text is a ``Text``, never markup."""
        self._set("#heading", Text(step.heading))
        self._set("#body", prose.render(step.body))
        self._set("#insight", prose.render(step.insight) if step.insight else Text())
        if self.scroll_y:
            self.scroll_home(animate=False)

    def _set(self, selector: str, text: Text) -> None:
        widget = self.query_one(selector, Static)
        widget.update(text)
        widget.set_class(not text.plain, "-empty")
