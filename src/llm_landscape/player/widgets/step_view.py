"""One step on screen: title, subtitle, the prose pane and the code panel.

Which step it shows is its own reactive, ``index`` (validated against the
lesson, watched, as ``Tabs.active`` is): the lesson screen sets it, and the
view does the rest. A moment after a step is shown it lays out the steps
either side, so the next key only swaps prepared lines in.

``stacked`` (bound from the screen: a terminal narrower than two panes) puts
the code under the prose, in the prose pane, so the whole step is one column
that one scroll moves; the code panel is hidden then.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import var
from textual.widget import Widget

from ...lesson.icons import glyph
from ...lesson.model import Lesson, Step
from ...lesson.search import Hit
from ...render.renderings import Renderings
from ..progress import Answers, first_open, predict_pending
from .check_list import CheckList
from .code_panel import CodePanel
from .code_rows import CodeRows
from .code_view import CodeView
from .one_layout import UnscrolledHorizontal, UnscrolledVertical
from .prose_pane import ProsePane
from .step_heading import StepHeading

SHORT_BELOW = 30
"""Rows of the terminal below which an unfocused question is one line."""
PREPARE_AFTER = 0.015
"""Seconds between a step's frame and laying out its neighbours. Textual hands
the frame to a writer thread, which needs the GIL: work started at once held
the frame back until it was done (1.5-2.5 ms in three of six switches traced
in tmux)."""


def chapter_line(lesson: Lesson, ascii_only: bool) -> tuple[str, str]:
    """The heading's chapter line in full and short: ``Ch 14 — The LLM Landscape``, ``Ch 14``."""
    if not lesson.chapter:
        return lesson.title, ""
    full = lesson.heading.replace("—", "-") if ascii_only else lesson.heading
    return full, f"Ch {lesson.chapter}"


class StepView(Vertical):
    BLANK = True  # its children draw the step: see one_layout.py
    DEFAULT_CSS = """
    StepView { height: 1fr; }
    StepView > #heading { margin: 1 0; }
    StepView > #body { height: 1fr; }
    StepView #panes { height: 1fr; layers: default veil; }
    StepView #prose { width: 1fr; height: 1fr; }
    StepView #code-panel { width: 1fr; }
    StepView #veil { display: none; layer: veil; width: 1fr; height: 1fr; }
    StepView #checks { display: none; }
    """

    index: var[int | None] = var(None, init=False)
    """The step shown (0-based); None until the stage hands it one (beneath the
    title card, the step the card leads to)."""
    stacked: var[bool] = var(False, init=False)
    """The code under the prose, one column (a narrow terminal)."""
    covered: var[bool] = var(False, init=False)
    """Beneath the title card: the step is shown, but a question takes no focus."""

    def __init__(
        self,
        steps: tuple[Step, ...],
        renderings: Renderings,
        *,
        chapter: tuple[str, str] = ("", ""),
        answers: Answers | None = None,
        ascii_only: bool = False,
        stacked: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._ascii = ascii_only
        self._chapter = chapter
        self._answers: Answers = {} if answers is None else answers
        self._asks = answers is not None
        """None for answers: the questions are not asked (``--skip-checks``)."""
        self._hit: Hit | None = None
        self.set_reactive(StepView.stacked, stacked)
        self._steps = steps
        self._renderings = renderings

    def compose(self) -> ComposeResult:
        yield StepHeading(self._chapter, id="heading")
        # A guess is asked above the step, whose panes are veiled meanwhile but
        # laid out as they will be shown, under a question of about the height
        # the answered one will have (hidden instead, a step first shown on its
        # guess had never been laid out, and the answer cost a second layout:
        # the step's text ~60 ms after the key, not ~25).
        with UnscrolledVertical(id="body"):
            with UnscrolledHorizontal(id="panes"):  # sized anew with the questions
                yield ProsePane(self._renderings, id="prose")
                yield CodePanel(self._renderings, id="code-panel", ascii_only=self._ascii)
                yield UnscrolledVertical(id="veil")  # over the two, in a layer of its own
            yield CheckList(self._renderings, self._answers, id="checks")

    def validate_index(self, index: int | None) -> int | None:
        if index is None or not self._steps:
            return None
        return max(0, min(index, len(self._steps) - 1))

    def watch_index(self, index: int | None) -> None:
        if self._hit is not None and self._hit.step != index:
            self._hit = None  # moved on: the match is no longer on screen
            self._mark("")
        if index is not None:
            self._show(index)
        self._prepare_soon()

    def on_mount(self) -> None:
        # Hidden before any step is shown, so the prose pane is laid out at the
        # one column's width from the start (a search's reveal counts on it).
        self.query_one(CodePanel).display = not self.stacked

    def watch_stacked(self) -> None:
        self.query_one(CodePanel).display = not self.stacked
        if self.index is not None:
            self._show(self.index)  # from the top, in the other layout
            if self._hit is not None:
                self.call_after_refresh(self._reveal)  # the match, where it is now
        self._prepare_soon()

    def on_resize(self) -> None:
        # Laid out at a new width, or for the first time beneath the card.
        self.query_one(CheckList).short = self.screen.size.height < SHORT_BELOW
        self._prepare_soon()

    def on_code_panel_highlighted(self, message: CodePanel.Highlighted) -> None:
        step = self._steps[message.key] if message.key < len(self._steps) else None
        if self.stacked and self.index == message.key and step and step.code:
            self.query_one(ProsePane).update_code(self._code_rows(step, message.lines))

    def on_check_list_revealed(self) -> None:
        self._veil(False)

    def _veil(self, guess: bool) -> None:
        """Ask a guess over the step, or show the step. Styles set here, not a
        class: a class is applied after the key's layout, in a second one."""
        veil = self.query_one("#veil")
        if veil.display != guess:
            veil.display = guess
            self.query_one(CheckList).styles.dock = "top" if guess else "none"
            self.query_one("#panes").can_focus_children = not guess  # no Tab to the veiled

    def _show_checks(self, index: int, step: Step) -> None:
        if not self._asks:
            return
        checks = self.query_one(CheckList)
        if step.check or checks.display:
            checks.show(index, step)
        guess = predict_pending(step, self._answers)
        self._veil(guess)  # a guess first, then the step
        if guess and not self.covered:
            checks.focus()  # so that a digit answers it rather than jumping away

    def open_question(self) -> CheckList | None:
        """The question panel, while the step on show has a question to answer."""
        index = self.index
        if index is None or self.covered or not self._asks:
            return None
        if first_open(self._steps[index], self._answers) is None:
            return None
        return self.query_one(CheckList)

    def watch_covered(self, covered: bool) -> None:
        index = self.index
        if covered or index is None or not self._asks:
            return
        if predict_pending(self._steps[index], self._answers):
            self.query_one(CheckList).focus()

    def _show(self, index: int) -> None:
        """Show a step; every text is shown as text, never markup."""
        step = self._steps[index]
        self._show_checks(index, step)
        icon = glyph(step.icon, ascii_only=self._ascii)
        self.query_one(StepHeading).show(icon, step.title, step.subtitle)
        panel = self.query_one(CodePanel)
        if self.stacked:
            panel.display = False  # its code is drawn under the prose
            code = None
            if step.code is not None:
                code = self._code_rows(step, panel.lines_for(index, step.code))
            self.query_one(ProsePane).show(step, code)
            return
        self.query_one(ProsePane).show(step)
        panel.display = step.code is not None
        if step.code is not None:
            panel.show(index, step.code)

    def _code_rows(self, step: Step, lines: Sequence[Text]) -> CodeRows:
        assert step.code is not None
        code = step.code
        title = f"{code.title} · {code.language}" if code.title else code.language
        return CodeRows(title, lines, ascii_only=self._ascii)

    def _prepare_soon(self) -> None:
        shown = self.index
        self.set_timer(PREPARE_AFTER, lambda: self._prepare(shown))

    def _prepare(self, shown: int | None) -> None:
        if self.index != shown or not self.is_attached:
            return  # moved on meanwhile: the newer step's timer prepares around it
        if shown is None:
            return  # not handed a step yet: nothing to prepare around
        likely = (shown + 1, shown - 1)
        prose, code = self.query_one(ProsePane), self.query_one(CodePanel)
        checks = self.query_one(CheckList) if self._asks else None
        if checks is not None:
            checks.prepare(self._steps[shown])
        for index in likely:
            if 0 <= index < len(self._steps):
                step = self._steps[index]
                prose.prepare(step)
                if step.code is not None:  # highlighted even when stacked: the
                    # first lexing also imports Pygments' lexers (~20 ms at the first Space)
                    code.prepare(index, step.code, draw=not self.stacked)
                if checks is not None:
                    checks.prepare(step)

    def scroll_prose(self, lines: int) -> None:
        self.query_one(ProsePane).scroll_relative(y=lines, animate=False)

    def reveal(self, hit: Hit) -> None:
        """Scroll a search match into view: its line of code, or its part of the
        prose. Called once the step is shown; the scroll waits for the layout
        that showing it asked for. The match is kept until the next step, so a
        change of layout meanwhile (``stacked``) reveals it again."""
        self._hit = hit
        self._mark(hit.snippet[hit.start : hit.end])
        self.call_after_refresh(self._reveal)

    def _mark(self, needle: str) -> None:
        self.query_one(StepHeading).mark(needle)
        self.query_one(ProsePane).mark(needle)
        self.query_one(CodeView).mark(needle)

    def _reveal(self) -> None:
        hit = self._hit
        if hit is None or hit.step != self.index:
            return
        scroller: Widget
        pane = self.query_one(ProsePane)
        if hit.field == "code" and pane.code_start is not None:  # one column
            target: int | None = max(0, pane.code_start + hit.line - 2)
            scroller = pane
        elif hit.field == "code":
            target, scroller = max(0, hit.line - 2), self.query_one(CodeView)
        else:
            target, scroller = pane.start_of(hit.field), pane
        if target is not None:
            scroller.scroll_to(y=target, animate=False, immediate=True, force=True)
