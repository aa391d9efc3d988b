"""The ``o`` outline: every step with its icon, label, title and subtitle."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...lesson.icons import glyph
from ...lesson.model import Lesson
from ...lesson.navigation import Tour
from ..progress import Answers, score
from ..widgets.key_bar import KeyBar


class OverviewScreen(ModalScreen[int | None]):
    """Dismisses with the chosen step's index, or None."""

    DEFAULT_CSS = """
    OverviewScreen { align: center middle; }
    OverviewScreen > OptionList {
        width: 90%; max-width: 110; height: auto; max-height: 85%;
        border: round $text-primary; border-title-style: bold; border-title-color: $text-primary;
        background: $surface; border-subtitle-color: $text-muted;
    }
    OverviewScreen > OptionList:focus { border: round $text-primary; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,o", "dismiss(None)", "Close the overview", id="overview.close"),
        Binding("q", "app.quit", "Quit", id="overview.quit"),
    ]

    def __init__(
        self,
        lesson: Lesson,
        tour: Tour,
        *,
        ascii_only: bool = False,
        answers: Answers | None = None,
    ) -> None:
        super().__init__()
        self._lesson = lesson
        self._tour = tour
        self._ascii = ascii_only
        self._answers: Answers = answers or {}

    def compose(self) -> ComposeResult:
        options = [self._option(index) for index in range(len(self._lesson.steps))]
        outline = OptionList(*options, id="outline")
        right, total, _ = score(self._lesson.steps, self._answers)
        outline.border_title = (
            f"Overview · {right} of {total} questions right" if total else "Overview"
        )
        outline.border_subtitle = "Enter to go · Esc to close"
        yield outline
        yield KeyBar()

    def on_mount(self) -> None:
        outline = self.query_one(OptionList)
        outline.highlighted = self._tour.current or 0
        outline.focus()

    def _option(self, index: int) -> Option:
        step = self._lesson.steps[index]
        seen = index in self._tour.visited
        mark = ("*" if self._ascii else "✓") if seen else " "
        line = Text(f"{mark} {index + 1:>3}. ")
        line.append(f"{glyph(step.icon, ascii_only=self._ascii)} {step.label}", "bold")
        line.append(f"  {step.title}")
        if step.subtitle:
            line.append(f" — {step.subtitle}", "italic")
        if step.check:
            given = self._answers.get(step.id, {})
            right = sum(given.get(n) == q.answer for n, q in enumerate(step.check))
            line.append(f"  [{right}/{len(step.check)} right]", "bold" if right else "")
        return Option(line, id=f"step-{index}")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)
