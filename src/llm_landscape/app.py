"""The Textual app: renders a validated lesson and turns keys into moves.

State lives here and flows one way: a key press calls an action, the action
replaces ``tour`` (an immutable :class:`Tour`), and ``watch_tour`` pushes the
new step into widgets that were mounted once. Nothing is re-mounted per step.
"""

from __future__ import annotations

from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.css.query import NoMatches
from textual.reactive import var
from textual.widget import MountError
from textual.widgets import Static

from . import pacing
from .autoplay import Countdown
from .keys import LESSON_ACTIONS, PLAYER_BINDINGS
from .model import Lesson
from .navigation import NumberEntry, Tour
from .options import PlayerOptions
from .place_keeper import PlaceKeeper
from .play_controls import PlayControls
from .themes import HIGH_CONTRAST, next_theme
from .widgets.key_legend import KeyLegend
from .widgets.status_bar import StatusBar
from .widgets.step_bar import StepBar
from .widgets.title_card import TitleCard

__all__ = ["LessonApp", "PlayerOptions"]

if TYPE_CHECKING:
    from .live_reload import LiveReload
    from .widgets.step_view import StepView

# Screens, the palette's step commands, live reload and the link opener are
# imported when first used: none of them is needed for the first frame.

MIN_WIDTH, MIN_HEIGHT = 30, 10
NARROW_WIDTH = 100
STEP_HINT = "← back  1–9 jump  c copy code  t theme"
STEP_HINT_ASCII = "<- back  1-9 jump  c copy code  t theme"
PREPARE_AFTER = 0.015
"""Seconds between a step's frame and laying out its neighbours. Textual hands
the frame to a writer thread, which needs the GIL: work started at once (as
after a refresh) held the frame back until it was done (1.5-2.5 ms in three
of six switches traced in tmux)."""


class LessonApp(PlayControls):
    TITLE = "llm-landscape"
    # Absolute, so that subclasses defined elsewhere (tests, tools) find it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    BINDINGS: ClassVar[list[BindingType]] = list(PLAYER_BINDINGS)

    # var, not reactive: the watchers update the widgets that change; a
    # reactive would also repaint the whole screen on every step.
    tour: var[Tour] = var(Tour(0), init=False)

    def __init__(self, lesson: Lesson, options: PlayerOptions | None = None) -> None:
        super().__init__()
        self.lesson = lesson
        self.options = options or PlayerOptions()
        self._number = NumberEntry()
        self.countdown = Countdown(self, self._advance, self._show_remaining)
        self.register_theme(HIGH_CONTRAST)
        self.keeper = PlaceKeeper(self, lesson, self.options.state)
        self._live: LiveReload | None = None
        self.resume_step: int | None = None
        self._step_view: StepView | None = None

    def compose(self) -> ComposeResult:
        # Only what the first frame shows: each widget costs it ~1 ms of CSS
        # and layout. The too-small note and the reload banner come when needed.
        ascii_only = self.options.ascii_only
        yield StepBar(self.lesson.steps, ascii_only=ascii_only, id="step-bar")
        if self.options.watch:
            yield Static(id="reload-errors")
        # The card lies over the step view (a layer above it), so that view
        # is laid out, and step 1 prepared, while the learner reads the card.
        with Container(id="stage"):
            if self._starts_on_a_step():
                from .widgets.step_view import StepView

                yield StepView(id="step-view")
            yield TitleCard(self.lesson, id="title-card")
        yield StatusBar(ascii_only=ascii_only, id="status-bar")
        yield KeyLegend(PLAYER_BINDINGS, id="key-legend")

    def _starts_on_a_step(self) -> bool:
        options = self.options
        return options.start_step is not None or options.play or self.tour.current is not None

    def _find_step_view(self) -> StepView | None:
        # By id: importing the StepView class here would cost the first frame ~3 ms.
        found = self.query("#step-view")
        return cast("StepView", found.first()) if found else None

    @property
    def step_view(self) -> StepView | None:
        """The step view, once mounted: on the title card it is mounted only after
        the card's first frame, which it would otherwise cost ~10 ms."""
        return self._step_view

    async def _mount_step_view(self) -> None:
        from . import highlight, prose
        from .widgets.step_view import StepView

        if (known := self.options.known) is not None:
            # Here, not before the first frame, which shows no prose or code.
            prose.preload(known.prose())
            highlight.preload(known.code())
        if self._find_step_view() is None:
            view = StepView(id="step-view")
            try:
                await self.query_one("#stage").mount(view, before=0)
            except (MountError, NoMatches):
                return  # the app is already closing (q pressed on the first frame)
            self._step_view = view
            # Show the step if a key arrived while it was mounting, else prepare step 1.
            self.watch_tour(self.tour)

    def on_mount(self) -> None:
        self._step_view = self._find_step_view()  # composed with the app, or mounted later
        self.theme_changed_signal.subscribe(self, self._recolour)
        self.keeper.load()
        self._recall()
        self.wpm = pacing.clamp_wpm(self.options.wpm)
        tour = Tour(len(self.lesson.steps))
        if self.options.start_step is not None:
            tour = tour.go(self.options.start_step)
        self.tour = tour
        self._fit(self.size.width, self.size.height)
        if self.options.play:
            self.action_toggle_play()
        # Queued behind the screen's first paint: the step view is mounted and
        # drawn beneath the card right after it. (After the next *refresh* would
        # wait for the terminal's first reply, ~20 ms, and meet an early Space.)
        self.screen.call_later(self._mount_step_view)
        if self.options.watch and self._live is None:
            from .live_reload import LiveReload

            self._live = LiveReload(self, self.lesson, self._reloaded, self._reload_failed)
            self._live.start()

    async def _reloaded(self, lesson: Lesson) -> None:
        """A saved edit loaded cleanly: show it, staying on the same step (by id)."""
        old, tour = self.lesson, self.tour
        current = None if tour.current is None else old.steps[tour.current].id
        visited = {old.steps[i].id for i in tour.visited}
        self.lesson = lesson
        self.keeper.follow(lesson)
        await self.recompose()
        self._step_view = self._find_step_view()
        await self._mount_step_view()
        new_tour = Tour(
            len(lesson.steps),
            None,
            frozenset(i for i, step in enumerate(lesson.steps) if step.id in visited),
        )
        index = lesson.index_of(current) if current else None
        if index is not None:
            new_tour = new_tour.go(index)
        self.set_reactive(LessonApp.tour, new_tour)
        self.watch_tour(new_tour)
        self._fit(self.size.width, self.size.height)
        self.notify("Lesson reloaded.", timeout=2)

    def _reload_failed(self, errors: str) -> None:
        """Show what is wrong, keep playing the last good version."""
        banner = self.query_one("#reload-errors", Static)
        banner.update(Text(f"Not reloaded; still showing the last good version.\n{errors}"))
        banner.display = True

    # -- memory between runs ------------------------------------------------

    def _recall(self) -> None:
        """Apply the remembered theme; offer to resume on the title card."""
        theme = self.options.theme or self.keeper.memory.theme
        if theme in self.available_themes:
            self.theme = theme
        index = self.keeper.last_step()
        if index and self.options.start_step is None:
            self.resume_step = index
            self.query_one(TitleCard).offer_resume(index + 1)

    def action_scroll_card(self, lines: int) -> None:
        """Up and Down on the title card, which takes no focus (so that none moves
        when it hides), for a terminal too short to show all of it."""
        if self.tour.current is not None:
            raise SkipAction()
        self.query_one(TitleCard).scroll_relative(y=lines, animate=False)

    def action_resume(self) -> None:
        if self.resume_step is not None and self.tour.current is None:
            self.go_to(self.resume_step)

    def _remember(self) -> None:
        current = self.tour.current
        step_id = None if current is None else self.lesson.steps[current].id
        self.keeper.remember(step_id, self.theme)

    def on_unmount(self) -> None:
        self.keeper.flush()

    def action_cycle_theme(self) -> None:
        self.theme = next_theme(self.theme)

    # -- state → widgets --------------------------------------------------

    def watch_tour(self, tour: Tour) -> None:
        if tour.current is not None and self._step_view is None:
            return  # being mounted: it shows the step, bars and all, in one frame when done
        bar = self.query_one(StepBar)
        bar.current, bar.visited = tour.current, tour.visited
        status = self.query_one(StatusBar)
        status.counter = tour.counter
        on_card = tour.current is None
        step_hint = STEP_HINT_ASCII if self.options.ascii_only else STEP_HINT
        status.hint = "Press Space to begin" if on_card else step_hint
        self.query_one(TitleCard).display = on_card
        view = self._step_view
        if view is None:
            return
        shown, likely = tour.current, self._likely_next(tour.current)
        # On the view, not the app: a timer takes its target's repr, and the app's is slow.
        view.set_timer(PREPARE_AFTER, lambda: self._prepare(shown, likely))
        if tour.current is not None:
            view.show(tour.current, self.lesson.steps[tour.current])
            if self.playing:
                self._start_countdown()
            self._remember()

    def _likely_next(self, current: int | None) -> tuple[int, ...]:
        if current is None:  # on the title card
            return (0 if self.resume_step is None else self.resume_step,)
        return (current + 1, current - 1)

    def on_step_view_resized(self, message: StepView.Resized) -> None:
        # Laid out at a new width, or for the first time beneath the card:
        # prepare now rather than after the next repaint, which may be a key's.
        self._prepare(self.tour.current, self._likely_next(self.tour.current))

    def _prepare(self, shown: int | None, indexes: tuple[int, ...]) -> None:
        """Once a step (or the card) is on screen, lay out the steps a key is likely
        to open next, so that key only swaps prepared lines in."""
        view = self._step_view
        if self.tour.current != shown or view is None:
            return  # the learner has moved on; prepare around the new step instead
        for index in indexes:
            if 0 <= index < len(self.lesson.steps):
                view.prepare(index, self.lesson.steps[index])

    def watch_theme(self) -> None:
        self._remember()

    def _recolour(self, _theme: object) -> None:
        # On theme_changed_signal, not in watch_theme: the code's colours come
        # from theme_variables, which Textual renews only after the watcher
        # (the code kept the previous theme's colours).
        view = self.step_view
        if view is not None:
            view.forget()
            if self.tour.current is not None:
                view.show(self.tour.current, self.lesson.steps[self.tour.current])

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        screen, small = self.screen, width < MIN_WIDTH or height < MIN_HEIGHT
        if small and not screen.query("#too-small"):
            note = f"Enlarge the terminal (at least {MIN_WIDTH}×{MIN_HEIGHT})"
            screen.mount(Static(Text(note), id="too-small"))
        screen.set_class(small, "-too-small")
        screen.set_class(width < NARROW_WIDTH, "-narrow")

    # -- moves ------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Over the help screen or the palette, keys belong to them: Home moves the
        # palette's cursor instead of jumping to step 1 behind it.
        return not (action in LESSON_ACTIONS and len(self.screen_stack) > 1)

    def go_to(self, index: int) -> None:
        self.tour = self.tour.go(index)

    def action_next(self) -> None:
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

    def on_step_bar_clicked(self, message: StepBar.Clicked) -> None:
        self.go_to(message.index)
