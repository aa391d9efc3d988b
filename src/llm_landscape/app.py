"""The Textual app: renders a validated lesson and turns keys into moves.

State lives here and flows one way: a key press calls an action, the action
replaces ``tour`` (an immutable :class:`Tour`), and ``watch_tour`` pushes the
new step into widgets that were mounted once. Nothing is re-mounted per step.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from time import monotonic
from typing import ClassVar

from rich.text import Text
from textual import events, work
from textual.app import App, ComposeResult, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from . import languages, pacing, prose
from .autoplay import Countdown
from .commands import StepCommands
from .help_screen import HelpScreen
from .model import Lesson
from .navigation import NumberEntry, Tour
from .widgets.code_panel import CodePanel
from .widgets.prose_pane import ProsePane
from .widgets.status_bar import PlayControl, StatusBar
from .widgets.step_bar import StepBar
from .widgets.title_card import TitleCard

MIN_WIDTH, MIN_HEIGHT = 30, 10
NARROW_WIDTH = 100
WARM_STEPS = 12
STEP_HINT = "Space next  ← back  p play  ? help  q quit"


@dataclass(frozen=True)
class PlayerOptions:
    start_step: int | None = None
    play: bool = False
    wpm: int = pacing.DEFAULT_WPM
    ascii_only: bool = False


def _nav(keys: str, action: str, description: str, id: str) -> Binding:
    # priority: the arrows must move between steps even when a pane has focus.
    return Binding(keys, action, description, id=id, priority=True)


class LessonApp(App[None]):
    TITLE = "llm-landscape"
    # Layout only; each widget keeps its own look in DEFAULT_CSS beside it.
    CSS = """
    #too-small { display: none; width: 1fr; height: 1fr; content-align: center middle; }
    Screen.-too-small #too-small { display: block; }
    Screen.-too-small #frame { display: none; }

    #frame { height: 1fr; }
    #step-bar { dock: top; }
    #switcher { height: 1fr; }
    #step-view { height: 1fr; }
    #step-title { padding: 0 1; text-style: bold; color: $text-primary; }
    #step-subtitle { padding: 0 1; color: $text-muted; text-style: italic; margin-bottom: 1; }
    #panes { height: 1fr; }
    #prose { width: 1fr; height: 1fr; }
    #code-panel { width: 1fr; height: 1fr; }

    /* Narrow terminals: prose above code, scrolling together under a fixed head. */
    Screen.-narrow #panes { layout: vertical; overflow-y: auto; }
    Screen.-narrow #prose { width: 1fr; height: auto; overflow-y: hidden; }
    Screen.-narrow #code-panel { width: 1fr; height: auto; max-height: 24; }
    Screen.-narrow #code { height: auto; max-height: 22; }
    """
    COMMANDS = App.COMMANDS | {StepCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        _nav("space,right,l,n,pagedown", "next", "Next step", "step.next"),
        _nav("left,h,backspace,pageup", "previous", "Previous step", "step.previous"),
        *(
            Binding(str(d), f"digit({d})", "Jump to step", id=f"step.digit{d}", show=False)
            for d in (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)
        ),
        _nav("home,g", "first", "First step", "step.first"),
        _nav("end,G", "last", "Last step", "step.last"),
        Binding("p", "toggle_play", "Play / pause", id="play.toggle"),
        Binding("plus,equals_sign", "pace(1)", "Faster (Play)", id="play.faster"),
        Binding("minus", "pace(-1)", "Slower (Play)", id="play.slower"),
        Binding("ctrl+p", "command_palette", "Command palette: go to step", id="palette"),
        Binding("question_mark", "help", "Show this help", id="help"),
        Binding("q,ctrl+c", "quit", "Quit", id="quit", priority=True),
    ]
    # Actions that only make sense on the lesson itself, not over help or the palette.
    _MAIN_SCREEN_ACTIONS = frozenset(
        {"next", "previous", "first", "last", "digit", "toggle_play", "pace", "help"}
    )

    tour: reactive[Tour] = reactive(Tour(0), init=False)
    playing: reactive[bool] = reactive(False, init=False)
    wpm: reactive[int] = reactive(pacing.DEFAULT_WPM, init=False)

    def __init__(self, lesson: Lesson, options: PlayerOptions | None = None) -> None:
        super().__init__()
        self.lesson = lesson
        self.options = options or PlayerOptions()
        self._number = NumberEntry()
        self.countdown = Countdown(self, self._advance, self._show_remaining)

    def compose(self) -> ComposeResult:
        ascii_only = self.options.ascii_only
        note = f"Enlarge the terminal (at least {MIN_WIDTH}×{MIN_HEIGHT})"
        yield Static(Text(note), id="too-small")
        with Vertical(id="frame"):
            yield StepBar(self.lesson.steps, ascii_only=ascii_only, id="step-bar")
            with ContentSwitcher(initial="title-card", id="switcher"):
                yield TitleCard(self.lesson, id="title-card")
                with Vertical(id="step-view"):
                    yield Static(id="step-title")
                    yield Static(id="step-subtitle")
                    with Horizontal(id="panes"):
                        yield ProsePane(id="prose")
                        yield CodePanel(id="code-panel")
            yield StatusBar(ascii_only=ascii_only)

    def on_mount(self) -> None:
        self.wpm = pacing.clamp_wpm(self.options.wpm)
        tour = Tour(len(self.lesson.steps))
        if self.options.start_step is not None:
            tour = tour.go(self.options.start_step)
        self.tour = tour
        self._fit(self.size.width, self.size.height)
        if self.options.play:
            self.action_toggle_play()
        self.call_after_refresh(self._warm_up)

    @work(thread=True, group="warm-up")
    def _warm_up(self) -> None:
        """After the first frame, do in the background what the first steps need:
        import the Markdown parser and the lexers and render the first prose, so
        the first Space is as quick as the rest."""
        for step in self.lesson.steps[:WARM_STEPS]:
            prose.render(step.body)
            if step.insight:
                prose.render(step.insight)
            if step.code is not None:
                languages.lexer_for(step.code.language)

    # -- state → widgets --------------------------------------------------

    def watch_tour(self, tour: Tour) -> None:
        bar = self.query_one(StepBar)
        bar.current, bar.visited = tour.current, tour.visited
        status = self.query_one(StatusBar)
        status.counter = tour.counter
        on_card = tour.current is None
        self.query_one(ContentSwitcher).current = "title-card" if on_card else "step-view"
        status.hint = "Press Space to begin" if on_card else STEP_HINT
        if tour.current is not None:
            self._show_step(tour.current)
            if self.playing:
                self._start_countdown()

    def _show_step(self, index: int) -> None:
        step = self.lesson.steps[index]
        self.query_one("#step-title", Static).update(Text(step.title))
        self.query_one("#step-subtitle", Static).update(Text(step.subtitle))
        self.query_one(ProsePane).show(step)
        panel = self.query_one(CodePanel)
        panel.display = step.code is not None
        if step.code is not None:
            panel.show(index, step.code)

    def watch_theme(self) -> None:
        self.query_one(CodePanel).forget()
        if self.tour.current is not None:
            self._show_step(self.tour.current)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        self.screen.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")
        self.screen.set_class(width < NARROW_WIDTH, "-narrow")

    # -- moves ------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Over the help screen or the palette, keys belong to them: Home moves the
        # palette's cursor instead of jumping to step 1 behind it.
        return not (action in self._MAIN_SCREEN_ACTIONS and len(self.screen_stack) > 1)

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
        self._number = self._number.type(digit, monotonic(), self.tour.count)
        if (step := self._number.step) is not None:
            self.go_to(step)

    def on_step_bar_clicked(self, message: StepBar.Clicked) -> None:
        self.go_to(message.index)

    # -- Play -------------------------------------------------------------

    def on_play_control_toggled(self, message: PlayControl.Toggled) -> None:
        self.action_toggle_play()

    def action_toggle_play(self) -> None:
        if not self.playing and (self.tour.current is None or self.tour.at_end):
            self.playing = True
            self.tour = self.tour.first()
            return
        self.playing = not self.playing

    def watch_playing(self, playing: bool) -> None:
        self.query_one(PlayControl).playing = playing
        if playing:
            self._start_countdown()
        else:
            self.countdown.stop()

    def action_pace(self, direction: int) -> None:
        self.wpm = pacing.clamp_wpm(self.wpm + direction * pacing.WPM_STEP)

    def watch_wpm(self, wpm: int) -> None:
        self.query_one(StatusBar).wpm = wpm
        if self.playing:
            self._start_countdown()

    def _start_countdown(self) -> None:
        if self.tour.current is not None:
            step = self.lesson.steps[self.tour.current]
            self.countdown.start(pacing.dwell_seconds(step, self.wpm))

    def _show_remaining(self, seconds: float | None) -> None:
        self.query_one(StatusBar).remaining = seconds

    def _advance(self) -> None:
        self.tour = self.tour.next()
        if self.tour.at_end:
            self.playing = False
            self.notify("Last step: Play stopped.", timeout=3)

    # -- screens ----------------------------------------------------------

    def action_help(self) -> None:
        bindings = [b for b in self.BINDINGS if isinstance(b, Binding)]
        self.push_screen(HelpScreen(bindings))

    def pop_screen(self) -> AwaitComplete:
        # Keys that arrive in a burst can make Textual's command palette dismiss
        # itself twice (two queued Enters); the second pop would crash the app.
        if len(self.screen_stack) <= 1:
            return AwaitComplete(asyncio.sleep(0)).call_next(self)
        return super().pop_screen()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # "Screenshot" would write files into the learner's working directory and
        # "Quit" duplicates q; neither belongs where a stray Enter can reach it.
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit", "Screenshot"):
                yield command
