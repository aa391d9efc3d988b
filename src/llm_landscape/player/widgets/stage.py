"""The stage: the title card over the step view, and which of the two shows.

The card lies over the step view (a layer above it), so that the view is laid
out, and step 1 prepared, while the learner reads the card. On the card the
view is mounted just after the card's first frame, which it would otherwise
cost ~10 ms; when a step shows from the start it is composed at once.

``tour`` and ``stacked`` are bound from the lesson screen (``data_bind``): the
card shows while no step does, and the step view is handed the step and the
layout, once it is there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Container
from textual.reactive import var
from textual.widget import MountError

from ...lesson.model import Lesson
from ...lesson.navigation import Tour
from ...render.renderings import Renderings
from ..progress import Answers
from .title_card import TitleCard

if TYPE_CHECKING:
    from .step_view import StepView

# The step view's module is imported when it is first mounted: the title
# card's first frame does not need it.


class Stage(Container):
    BLANK = True  # the card or the step view covers it: see one_layout.py
    tour: var[Tour] = var(Tour(0), init=False)
    stacked: var[bool] = var(False, init=False)
    """The step in one column (a narrow terminal): handed on to the step view."""

    def __init__(
        self,
        lesson: Lesson,
        renderings: Renderings,
        *,
        tour: Tour,
        answers: Answers | None,
        resume: int | None = None,
        open_step: tuple[int, int] | None = None,
        compose_view: bool = False,
        stacked: bool = False,
        ascii_only: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._lesson = lesson
        self._renderings = renderings
        self._answers = answers
        """None: the questions are not asked (``--skip-checks``)."""
        self._first = resume or 0
        """The step the card leads to (step 1, or the one to resume)."""
        self._offers = (resume, open_step)
        """What the card offers: the step to resume at, the first with open
        questions and how many (0-based steps)."""
        self._compose_view = compose_view or tour.current is not None
        """The view composed with the card, not mounted after its first frame."""
        self._ascii = ascii_only
        self._view: StepView | None = None
        self.set_reactive(Stage.tour, tour)
        self.set_reactive(Stage.stacked, stacked)

    @property
    def step_view(self) -> StepView | None:
        """The step view, once mounted."""
        return self._view

    @property
    def card(self) -> TitleCard:
        return self.query_one(TitleCard)

    def compose(self) -> ComposeResult:
        if self._compose_view:
            self._view = self._new_step_view()
            yield self._view
        resume, open_step = self._offers
        yield TitleCard(
            self._lesson,
            resume=None if resume is None else resume + 1,
            open_step=None if open_step is None else (open_step[0] + 1, open_step[1]),
            id="title-card",
        )

    def _new_step_view(self) -> StepView:
        from .step_view import StepView, chapter_line

        view = StepView(
            self._lesson.steps,
            self._renderings,
            chapter=chapter_line(self._lesson, self._ascii),
            answers=self._answers,
            ascii_only=self._ascii,
            stacked=self.stacked,  # the right layout from its first step on
            id="step-view",
        )
        return view

    def on_mount(self) -> None:
        self.watch_tour()
        if self._view is None:
            # Queued behind the screen's first paint, on the screen's queue: on
            # the stage's own it was mounted and drawn before that paint, which
            # came ~40 ms later (first frame 216 → 258 ms, 8 starts each).
            self.screen.call_later(self._mount_step_view)

    async def _mount_step_view(self) -> None:
        view = self._new_step_view()
        try:
            await self.mount(view, before=0)
        except MountError:
            return  # the app is already closing (q pressed on the first frame)
        if not self.app.is_running:
            return  # it closed while the view mounted: its panes are half composed
        self._view = view
        self.watch_tour()  # a key may have come while it was mounting

    def watch_stacked(self, stacked: bool) -> None:
        if self._view is not None:
            self._view.stacked = stacked

    def watch_tour(self) -> None:
        current = self.tour.current
        self.card.display = current is None
        if (view := self._view) is not None:
            # Beneath the card the view already shows the step the card leads
            # to, laid out and drawn, its scrollbars in place: Space then only
            # uncovers it (it had cost a second layout pass, and the frame
            # came ~45 ms after the key at 80×24).
            if current is None:
                view.covered = True
                view.index = self._first
            else:  # the step first, then uncovered: a question it opens on takes focus
                view.index = current
                view.covered = False

    def scroll_lines(self, lines: int) -> bool:
        """↑/↓ when no pane has taken them: the card, for a terminal too short
        to show all of it, or the step's prose (in one column, the whole step).
        False if there is nothing to scroll yet."""
        if self.tour.current is None:
            self.card.scroll_relative(y=lines, animate=False)
        elif self._view is not None:
            self._view.scroll_prose(lines)
        else:
            return False
        return True
