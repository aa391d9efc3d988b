"""A step's self-check questions, one at a time, under the step (or before it).

Focused (Tab, or it takes focus when Play stops at it), digits pick a choice
and ↑/↓ + Enter do too; right or wrong shows at once with the explanation,
and a wrong answer can be tried again. A ``predict`` question is asked while
the step is still hidden: answering it, or Enter on "Show me the step",
reveals the step (meanwhile it is asked on a veil over the step's panes).

What was answered lives in the lesson screen's ``answers`` (step id →
question number → the choice made); this widget records into it and posts
:class:`CheckList.Answered`, and the screen decides what follows (Play goes
on once a step's questions are answered).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget

from ...lesson.model import Question, Step
from ...render import prose
from ...render.renderings import Renderings
from ..keys import digit_keys
from ..progress import SHOW_ME, Answers, first_open, predict_pending
from .one_layout import one_layout


@one_layout  # its height follows the question: answering one resized it in a second layout
class CheckList(Widget, can_focus=True):
    # At most half the step's rows (title included; 45% of the screen is that
    # from 24 rows to 40), whether under the step or over it for a guess.
    DEFAULT_CSS = """
    CheckList {
        height: auto; max-height: 45vh; padding: 0 1; margin-top: 1;
        border-top: solid $text-accent; overflow-y: auto;
    }
    CheckList:focus { border-top: thick $text-accent; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(n), f"choose({n - 1})", "Answer with that choice", show=False)
            for n in range(1, 7)
        ),
        Binding("up,k", "move(-1)", "Previous choice", show=False),
        Binding("down,j", "move(1)", "Next choice", show=False),
        Binding("enter", "confirm", "Answer / next question", show=False),
    ]

    number: var[int | None] = var(None, init=False)
    """The question shown (0-based in the step), or None: all answered."""
    short: var[bool] = var(False, init=False)
    """A short terminal (the step view sets it): unfocused, the question is one
    line, so that the step keeps its rows for reading; Tab opens it."""

    @dataclass
    class Answered(Message):
        """A question was answered (right or not)."""

        check_list: CheckList
        step: int
        right: bool
        done: bool
        """Every question of the step now answered right."""

    @dataclass
    class Revealed(Message):
        """The predict questions are out of the way: show the step."""

        check_list: CheckList

    def __init__(self, renderings: Renderings, answers: Answers, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._renderings = renderings
        self._answers = answers
        self._step: Step | None = None
        self._index = 0
        self._cursor = 0
        self._just: int | None = None
        """The choice just made, to say right or wrong about it."""

    @property
    def step(self) -> Step | None:
        return self._step

    def show(self, index: int, step: Step) -> None:
        rows = self._rows()
        self._step, self._index, self._just = step, index, None
        self.number = first_open(step, self._answers)
        self.display = bool(step.check)
        self._cursor = 0
        self._redraw(rows)
        self.refresh_bindings()

    def _rows(self) -> int | None:
        """The rows the panel's text takes at its width (None: not laid out)."""
        width = self.content_region.width
        return self.get_content_height(self.size, self.size, width) if width else None

    def _redraw(self, rows: int | None) -> None:
        """Repaint, and lay out only if the text no longer takes ``rows`` rows:
        a step whose question is as tall as the last one's (always so for the
        one-line summary in a short terminal) needs no layout pass."""
        self.refresh()  # the text and its cached height, anew
        if rows is None or self._rows() != rows:
            self.refresh(layout=True)

    def prepare(self, step: Step) -> None:
        """Compile what answering ``step``'s questions shows (the questions and
        their explanations), so that an answer only looks it up: compiled on
        the key, the first explanation not in the lesson cache also imported
        markdown-it there (a guess's answer to its step's text: ~60 ms instead
        of ~25 in tmux)."""
        for question in step.check:
            self._renderings.prose(question.question)
            if question.explain:
                self._renderings.prose(question.explain)

    @property
    def question(self) -> Question | None:
        if self._step is None or self.number is None:
            return None
        return self._step.check[self.number]

    @property
    def text(self) -> str:
        return self.render().plain

    @property
    def keys_hint(self) -> str:
        """What the keys do at this question now, for the bottom line (its
        parts two spaces apart); "" when every question is answered."""
        question, step = self.question, self._step
        if question is None or step is None:
            return ""
        count = len(question.choices)
        digits = digit_keys(count)
        if self._just is None and question.predict:
            now = f"{digits} guess  {count + 1} show me the step"
        elif self._just is None:
            now = f"{digits} answer"
        elif self._just == question.answer or question.predict:
            now = "Enter go on"
        else:
            now = f"{digits} try another"
        # While a guess veils the step, nothing else on it takes focus.
        return now if predict_pending(step, self._answers) else f"{now}  Tab leave the question"

    def _choices(self) -> list[str]:
        question = self.question
        if question is None:
            return []
        extra = [SHOW_ME] if question.predict else []
        return [*question.choices, *extra]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters:  # only the digits of this question's choices
            choice = parameters[0]
            return isinstance(choice, int) and choice < len(self._choices())
        return True

    def action_move(self, by: int) -> None:
        count = len(self._choices())
        if count:
            self._cursor = (self._cursor + by) % count
            self.refresh()

    def action_choose(self, choice: int) -> None:
        question = self.question
        if question is None or self._step is None:
            return
        if self._just is not None and (question.answer == self._just or question.predict):
            return  # answered right (or guessed): Enter goes on, digits do nothing
        if choice >= len(question.choices):
            if question.predict and choice == len(question.choices):
                self._reveal()
            return
        self._cursor = choice
        self._answers.setdefault(self._step.id, {})[self.number or 0] = choice
        self._just = choice
        right = choice == question.answer
        done = first_open(self._step, self._answers) is None
        self.refresh(layout=True)  # what an answer adds (right or not, why) takes rows
        self.refresh_bindings()  # the bottom line says what the keys do now
        self.post_message(self.Answered(self, self._index, right, done))
        if question.predict and not predict_pending(self._step, self._answers):
            self.post_message(self.Revealed(self))

    def action_confirm(self) -> None:
        question = self.question
        if question is None or self._step is None:
            return
        if self._just is not None and (self._just == question.answer or question.predict):
            self._next()  # answered right, or guessed: on to the next question
        elif self._just is not None and self._cursor == self._just:
            return  # the same wrong choice again: pick another
        else:
            self.action_choose(self._cursor)

    def _reveal(self) -> None:
        assert self._step is not None
        given = self._answers.setdefault(self._step.id, {})
        for number, question in enumerate(self._step.check):
            if question.predict:
                given.setdefault(number, -1)  # seen, not answered: asked again on review
        self._next()
        done = first_open(self._step, self._answers) is None
        self.post_message(self.Answered(self, self._index, False, done))
        self.post_message(self.Revealed(self))

    def _next(self) -> None:
        assert self._step is not None
        rows = self._rows()
        self._just, self._cursor = None, 0
        self.number = first_open(self._step, self._answers)
        self._redraw(rows)
        self.refresh_bindings()

    def watch_short(self) -> None:
        self.refresh(layout=True)

    def render(self) -> Text:
        step, question = self._step, self.question
        text = Text(end="")
        if step is None:
            return text
        if question is None:
            right = len(step.check)
            text.append(f"Check yourself: all {right} answered right. ", "bold")
            text.append("Space: next step", "italic")
            return text
        asked = [n for n, q in enumerate(step.check) if q.predict == question.predict]
        position = asked.index(self.number or 0) + 1
        if self.short and not self.has_focus and not question.predict:
            text.append(f"Check yourself · {position} of {len(asked)}", "bold")
            if self._just is None:
                text.append(" · a to answer", "italic")
            elif self._just == question.answer:
                text.append(": right · a to go on", "italic")
            else:
                text.append(": not quite · a to try again", "italic")
            return text
        heading = "Before you read" if question.predict else "Check yourself"
        text.append(f"{heading} · {position} of {len(asked)}\n", "bold")
        text.append_text(prose.render(question.question, self._renderings.prose(question.question)))
        text.append("\n")
        for number, choice in enumerate(self._choices()):
            mark = "  "
            if self._just == number:
                mark = "✓ " if number == question.answer else "✗ "
            style = "reverse" if number == self._cursor and self.has_focus else ""
            label = f"{number + 1})" if number < len(question.choices) else "  "
            text.append(f"{mark}{label} {choice}\n", style)
        if self._just is not None:
            right = self._just == question.answer
            said = (
                "Right. "
                if right
                else "Not quite. "
                if question.predict
                else "Not quite: try another. "
            )
            text.append(said, "bold")
            if question.explain:
                explained = prose.render(question.explain, self._renderings.prose(question.explain))
                text.append_text(explained)
            text.append("\n")
            text.append("Enter: go on" if right or question.predict else "", "italic")
        else:
            first = "" if self.has_focus else " (press a first)"
            text.append(
                f"{digit_keys(len(question.choices))}, or ↑/↓ and Enter, to answer{first}", "italic"
            )
        return text

    def on_focus(self) -> None:
        self.refresh(layout=self.short)  # short: the one line opens to the question

    def on_blur(self) -> None:
        self.refresh(layout=self.short)
