"""The end card, after the last step: what was covered and what to do next.

Dismisses with what the learner chose: a step's index (0 to start over, or a
step with a question still open), ``"overview"``, or None (back to the last step).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...lesson.model import Lesson
from ...lesson.navigation import Tour
from ...render import prose
from ...render.renderings import Renderings
from ..progress import Answers, score
from ..widgets.key_bar import KeyBar

HEADING = "Lesson complete"


class EndScreen(ModalScreen[int | str | None]):
    DEFAULT_CSS = """
    EndScreen { align: center middle; }
    EndScreen > VerticalScroll {
        width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: round $text-success; border-title-style: bold;
        background: $surface; border-subtitle-color: $text-muted;
        padding: 0 1;
    }
    EndScreen Static { width: 1fr; height: auto; }
    """
    # priority: the scrolling box has focus and would take Home and Left itself.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home,g", "dismiss(0)", "Start over", id="end.first", priority=True),
        Binding("o", "dismiss('overview')", "Overview", id="end.overview"),
        Binding(
            "escape,left,backspace",
            "dismiss(None)",
            "Back to the last step",
            id="end.back",
            priority=True,
        ),
        Binding("q", "app.quit", "Quit", id="end.quit"),
        *(
            Binding(str(n), f"go({n - 1})", "Go to a missed question's step", show=False)
            for n in range(1, 10)
        ),
    ]

    def __init__(
        self,
        lesson: Lesson,
        tour: Tour,
        renderings: Renderings,
        *,
        ascii_only: bool = False,
        answers: Answers | None = None,
    ) -> None:
        super().__init__()
        self._answers = answers
        self._bullet = ">" if ascii_only else "▸"
        self._lesson = lesson
        self._tour = tour
        self._renderings = renderings

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = HEADING
            box.border_subtitle = "Esc back to the last step"
            yield Static(self._summary())
        yield KeyBar()

    def _score(self, text: Text) -> None:
        steps = self._lesson.steps
        right, total, missed = score(steps, self._answers or {})
        if not total:
            return
        text.append(f"Questions: {right} of {total} answered right.\n", style="bold")
        if missed:
            text.append("Still open (press a step's number to go back to it):\n")
            for index, number in missed:
                question = steps[index].check[number].question.strip().split("\n")[0]
                text.append(f"  {index + 1} · {steps[index].label}: {question}\n")
        text.append("\n")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The digits go to a step only where a question is still open there.
        if action == "go" and parameters:
            _, _, missed = score(self._lesson.steps, self._answers or {})
            return any(index == parameters[0] for index, _ in missed)
        return True

    def action_go(self, index: int) -> None:
        self.dismiss(index)

    def _summary(self) -> Text:
        lesson, tour = self._lesson, self._tour
        text = Text(end="")
        text.append(f"{HEADING}\n", style="bold")
        text.append(f"{lesson.heading}\n\n")
        seen = len(tour.visited)
        text.append(f"You visited {seen} of {len(lesson.steps)} steps.\n\n")
        if self._answers is not None:
            self._score(text)
        insights = [step for step in lesson.steps if step.insight]
        if insights:
            text.append("The key insights\n", style="bold")
            for step in insights:
                text.append(f"\n{self._bullet} {step.label}: ", style="bold")
                compiled = self._renderings.prose(step.insight)
                text.append_text(prose.render(step.insight, compiled))
                text.append("\n")
        text.append("\nWhat next: ", style="bold")
        text.append("Home to start over, o for the overview, q to quit.")
        return text
