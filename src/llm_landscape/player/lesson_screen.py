"""The one screen that owns the lesson: where the learner is, Play, and every
action on the lesson (moves, questions, overview, search, copy, download, links, help).

State lives here and flows one way: a key calls an action, the action replaces
``tour`` (an immutable :class:`Tour`), and the new value reaches the widgets
through ``data_bind``: the step bar, the status bar, Play's clock and the stage
(the title card, or the step view's ``index``). Nothing is re-mounted per step.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from time import monotonic
from typing import TYPE_CHECKING, Any, ClassVar

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Static

from ..lesson import pacing
from ..lesson.model import Lesson
from ..lesson.navigation import NumberEntry, Tour, carry_over
from ..render.renderings import Renderings
from . import progress
from .keys import SCREEN_BINDINGS
from .options import PlayerOptions
from .place_keeper import PlaceKeeper
from .progress import Answers
from .quiet_gc import QuietCollector
from .widgets.check_list import CheckList
from .widgets.key_bar import KeyBar
from .widgets.play_clock import PlayClock
from .widgets.prose_pane import ProsePane
from .widgets.stage import Stage
from .widgets.status_bar import StatusBar
from .widgets.step_bar import StepBar

if TYPE_CHECKING:
    from ..lesson.search import Hit
    from .widgets.reload_banner import ReloadBanner
    from .widgets.step_view import StepView

# The step view, the screens, live reload and the link opener are imported when
# first used: none of them is needed for the first frame.

MIN_WIDTH, MIN_HEIGHT = 30, 10
NARROW_WIDTH = 100


class LessonScreen(Screen[None]):
    BLANK = True  # the bars and the stage cover it: see widgets/one_layout.py
    BINDINGS: ClassVar[list[BindingType]] = list(SCREEN_BINDINGS)
    # Nothing has focus until Tab gives it: the keys scroll the step without
    # it, and a pane that had it on one start and not another looked random.
    AUTO_FOCUS = ""  # (None would defer to the app's "*")

    # var, not reactive: what changes is pushed to the widgets that show it; a
    # reactive would also repaint the whole screen on every step.
    tour: var[Tour] = var(Tour(0), init=False)
    mastered: var[frozenset[int]] = var(frozenset(), init=False)
    """Steps whose questions are all answered right (the step bar marks them)."""
    playing: var[bool] = var(False, init=False)
    wpm: var[int] = var(pacing.DEFAULT_WPM, init=False)
    narrow: var[bool] = var(False, init=False)
    """Too narrow for prose and code side by side: the step is one column."""

    def __init__(
        self,
        lesson: Lesson,
        options: PlayerOptions,
        keeper: PlaceKeeper,
        renderings: Renderings,
    ) -> None:
        super().__init__()
        self.lesson = lesson
        self.options = options
        self.keeper = keeper
        self.renderings = renderings
        self.answers: Answers = keeper.answers()
        """What the learner answered, by step id (see ``widgets/check_list.py``),
        kept between runs with the place."""
        self.asked: Answers | None = self.answers if options.checks else None
        """The answers, where the questions are asked; None with ``--skip-checks``."""
        self._play_after_check = False
        self.resume_step: int | None = None
        self._number = NumberEntry()
        self._collector = QuietCollector(self)
        start, tour = options.start_step, Tour(len(lesson.steps))
        self.set_reactive(LessonScreen.tour, tour if start is None else tour.go(start))
        self.set_reactive(LessonScreen.wpm, pacing.clamp_wpm(options.wpm))
        if start is None:
            self.resume_step = keeper.last_step() or None
        self.set_reactive(LessonScreen.mastered, progress.mastered(lesson, self.answers))

    @property
    def step_view(self) -> StepView | None:
        """The step view, once mounted (see ``widgets/stage.py``)."""
        return self.query_one(Stage).step_view

    def compose(self) -> ComposeResult:
        ascii_only = self.options.ascii_only
        bar = StepBar(self.lesson.steps, ascii_only=ascii_only, id="step-bar")
        yield bar.data_bind(LessonScreen.tour, LessonScreen.mastered)
        if self.options.watch:
            from .widgets.reload_banner import ReloadBanner

            yield ReloadBanner(self.lesson, id="reload-errors")
        stage = Stage(
            self.lesson,
            self.renderings,
            tour=self.tour,
            answers=self.asked,
            resume=self.resume_step,
            open_step=self._first_open_step(),
            compose_view=self.options.play,
            stacked=self.narrow,
            ascii_only=ascii_only,
            id="stage",
        )
        yield stage.data_bind(LessonScreen.tour, stacked=LessonScreen.narrow)
        steps = len(self.lesson.steps)
        yield StatusBar(steps, ascii_only=ascii_only, id="status-bar").data_bind(
            LessonScreen.tour, LessonScreen.playing, LessonScreen.wpm
        )
        yield KeyBar()
        note = f"Enlarge the terminal (at least {MIN_WIDTH}×{MIN_HEIGHT})"
        yield Static(Content(note), id="too-small")  # shown only while it is (app.tcss)
        yield PlayClock(self.lesson.steps).data_bind(
            LessonScreen.tour, LessonScreen.playing, LessonScreen.wpm
        )

    def on_mount(self) -> None:
        self.watch_tour(self.tour, self.tour)
        if self.options.play:
            self.action_toggle_play()

    def on_unmount(self) -> None:
        self._collector.release()

    # -- state → widgets --------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that would do nothing here are off, so the help lists only the
        keys that act: digits past the lesson's steps, resume off the card."""
        if action == "digit" and parameters:
            digit, total = parameters[0], self.tour.total
            assert isinstance(digit, int)
            return 1 <= digit <= total if digit else total >= 10
        if action == "resume":
            return self.resume_step is not None and self.tour.current is None
        if action == "open_question":
            return self.tour.current is None and self._first_open_step() is not None
        if action == "answer":
            return self._open_question_here() is not None
        return True

    def watch_tour(self, old: Tour, tour: Tour) -> None:
        # The stage (card or step), the bars and the play clock follow by data_bind.
        if (old.current is None) != (tour.current is None):
            self.refresh_bindings()  # resume is a key of the title card only
        if tour.current is None and self.playing:
            self.playing = False  # back on the title card: nothing to play
        self._play_after_check = False  # a move of the learner's own
        if tour.current is not None:
            self._collector.hold()
            self.keeper.remember_place(self.lesson.steps[tour.current].id)

    def on_resize(self) -> None:
        width, height = self.size
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")
        self.narrow = width < NARROW_WIDTH

    # -- moves ------------------------------------------------------------

    def go_to(self, index: int) -> None:
        self.tour = self.tour.go(index)

    def action_next(self) -> None:
        if self.tour.at_end:
            self._finish()
            return
        self.tour = self.tour.next()

    def action_previous(self) -> None:
        self.tour = self.tour.previous()

    def action_first(self) -> None:
        self.tour = self.tour.first()

    def action_last(self) -> None:
        self.tour = self.tour.last()

    def action_digit(self, digit: int) -> None:
        self._number = self._number.type(digit, monotonic(), self.tour.total)
        if (step := self._number.step) is not None:
            self.go_to(step)

    def _first_open_step(self) -> tuple[int, int] | None:
        return None if self.asked is None else progress.first_open_step(self.lesson, self.asked)

    def action_open_question(self) -> None:
        if (found := self._first_open_step()) is not None and self.tour.current is None:
            self.go_to(found[0])

    def _open_question_here(self) -> CheckList | None:
        view = self.step_view
        return None if view is None else view.open_question()

    def action_answer(self) -> None:
        """a: to the question, wherever focus was (Tab would pass the panes first)."""
        if (checks := self._open_question_here()) is not None:
            checks.focus()

    def action_resume(self) -> None:
        if self.resume_step is not None and self.tour.current is None:
            self.go_to(self.resume_step)

    def action_scroll(self, lines: int) -> None:
        """↑/↓ (and k/j) when no pane has taken them; neither needs focus first."""
        if not self.query_one(Stage).scroll_lines(lines):
            raise SkipAction()

    def on_step_bar_clicked(self, message: StepBar.Clicked) -> None:
        self.go_to(message.index)

    # -- Play -------------------------------------------------------------

    def action_toggle_play(self) -> None:
        if not self.playing and (self.tour.current is None or self.tour.at_end):
            self.playing = True
            self.tour = self.tour.first()
            return
        self.playing = not self.playing

    def on_screen_suspend(self) -> None:
        # Help, search, the overview, the palette or a question covers the step:
        # Play waits, with the time it had, until the step shows again.
        self.query_one(PlayClock).pause()

    def on_screen_resume(self) -> None:
        if self.playing:
            self.query_one(PlayClock).resume()

    def on_status_bar_play_toggled(self) -> None:
        self.action_toggle_play()

    def action_pace(self, direction: int) -> None:
        self.wpm = pacing.clamp_wpm(self.wpm + direction * pacing.WPM_STEP)

    def on_play_clock_ticked(self, message: PlayClock.Ticked) -> None:
        self.query_one(StatusBar).remaining = message.remaining

    def on_play_clock_expired(self, message: PlayClock.Expired) -> None:
        if self.playing and message.tour == self.tour:  # else a move came first
            self._advance()

    def _advance(self) -> None:
        if (checks := self._open_question_here()) is not None:
            # Play waits at a question; it goes on once the step's are answered.
            self.playing, self._play_after_check = False, True
            checks.focus()
            return
        if self.tour.at_end:
            self.playing = False  # Play ends on the end card, no notice over the counter
            self._finish()
            return
        self.tour = self.tour.next()

    def on_check_list_answered(self, message: CheckList.Answered) -> None:
        self.keeper.remember_answers(self.answers)
        self.mastered = progress.mastered(self.lesson, self.answers)
        if message.done and self._play_after_check:
            self._play_after_check = False
            self.playing = True
            self._advance()

    def _finish(self) -> None:
        """The end card: what the lesson covered, and what to do next."""
        from .screens.end import EndScreen

        screen = EndScreen(
            self.lesson,
            self.tour,
            self.renderings,
            ascii_only=self.options.ascii_only,
            answers=self.asked,
        )
        self._push_over(screen, self._after_end)

    def _after_end(self, choice: int | str | None) -> None:
        if choice == "overview":
            self.action_overview()
        elif isinstance(choice, int):
            self.go_to(choice)

    # -- screens and the world outside ------------------------------------

    def _push_over(
        self, screen: Screen[Any], callback: Callable[[Any], None] | None = None
    ) -> None:
        """Push a screen over the lesson with the collector held, as for a move:
        mounting one makes thousands of objects. Traced in tmux at 120x40, six
        pushes each of the overview, search, help and the end card: collections
        took 1-4 ms of the 23-53 ms to their frame, and 13-17 ms when an older
        generation's came due."""
        self._collector.hold()
        self.app.push_screen(screen, callback)

    def action_overview(self) -> None:
        from .screens.overview import OverviewScreen

        screen = OverviewScreen(
            self.lesson, self.tour, ascii_only=self.options.ascii_only, answers=self.asked
        )
        self._push_over(screen, self._go_to_chosen)

    def _go_to_chosen(self, index: int | None) -> None:
        if index is not None:
            self.go_to(index)

    def action_search(self) -> None:
        from .screens.search import SearchScreen

        self._push_over(SearchScreen(self.lesson), self._go_to_hit)

    def _go_to_hit(self, hit: Hit | None) -> None:
        if hit is not None:
            self.go_to(hit.step)
            if (view := self.step_view) is not None:
                view.reveal(hit)

    def action_copy_code(self) -> None:
        from .clipboard import copy_code

        current = self.tour.current
        code = None if current is None else self.lesson.steps[current].code
        copy_code(self.app, code, (current or 0) + 1)

    def action_download(self) -> None:
        from .download import deliver

        self.notify("Making the lesson's page…", markup=False, timeout=2)
        self.run_worker(partial(deliver, self.app, self.lesson), thread=True, group="download")

    def on_prose_pane_link_clicked(self, message: ProsePane.LinkClicked) -> None:
        from . import links

        links.follow(self.app, message.address)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        active = self.active_bindings.values()
        bindings = [binding for _, binding, enabled, _ in active if enabled]
        self._push_over(HelpScreen(bindings))

    # -- live reload (--watch) --------------------------------------------

    async def on_reload_banner_reloaded(self, message: ReloadBanner.Reloaded) -> None:
        """A saved edit loaded cleanly: show it at the same place (steps by id)."""
        lesson = message.lesson
        tour = carry_over(self.tour, self.lesson, lesson)
        self.lesson = lesson
        self.keeper.follow(lesson)
        # Before recomposing: the new bars bind to the new tour as they mount.
        self.set_reactive(LessonScreen.tour, tour)
        await self.recompose()
        self.watch_tour(tour, tour)
        self.notify("Lesson reloaded.", timeout=2)
