"""One step on screen: title, subtitle, the prose pane and the code panel."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message

from ..model import Step
from .code_panel import CodePanel
from .prose_pane import ProsePane
from .text_lines import TextLines


class StepView(Vertical):
    DEFAULT_CSS = """
    StepView { height: 1fr; }
    StepView > #step-title { padding: 0 1; text-style: bold; color: $text-primary; }
    StepView > #step-subtitle {
        padding: 0 1; color: $text-muted; text-style: italic; margin-bottom: 1;
    }
    StepView > #panes { height: 1fr; }
    StepView #prose { width: 1fr; height: 1fr; }
    StepView #code-panel { width: 1fr; height: 1fr; }
    """

    class Resized(Message):
        """The view was laid out at a new size (the first time: beneath the card)."""

    def on_resize(self) -> None:
        self.post_message(self.Resized())

    def compose(self) -> ComposeResult:
        yield TextLines(id="step-title")
        yield TextLines(id="step-subtitle")
        with Horizontal(id="panes"):
            yield ProsePane(id="prose")
            yield CodePanel(id="code-panel")

    def show(self, index: int, step: Step) -> None:
        """Show ``step`` (the ``index``-th); every text is a ``Text``, never markup."""
        self.query_one("#step-title", TextLines).update(Text(step.title))
        self.query_one("#step-subtitle", TextLines).update(Text(step.subtitle))
        self.query_one(ProsePane).show(step)
        panel = self.query_one(CodePanel)
        panel.display = step.code is not None
        if step.code is not None:
            panel.show(index, step.code)

    def prepare(self, index: int, step: Step) -> None:
        """Lay out a step that is likely to be shown next, without showing it."""
        self.query_one(ProsePane).prepare(step)
        if step.code is not None:
            self.query_one(CodePanel).prepare(index, step.code)

    def forget(self) -> None:
        """Drop what was laid out in the old theme's colours."""
        self.query_one(CodePanel).forget()
