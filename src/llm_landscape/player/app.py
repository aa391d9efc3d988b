"""The Textual app, kept thin: themes, the command palette, quitting, and the
one screen that owns the lesson (:class:`~.lesson_screen.LessonScreen`).

That screen is the app's default screen, so it is the bottom of the stack:
anything pushed above it (help, overview, search, a question) covers it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.screen import Screen

from ..lesson.model import Lesson
from ..render.renderings import Renderings
from .ascii_filter import AsciiFilter
from .keys import APP_BINDINGS, KEY_NAMES
from .lesson_screen import LessonScreen
from .options import PlayerOptions
from .place_keeper import PlaceKeeper
from .themes import DEFAULT, SHIPPED, next_theme, remembered, resolve

if TYPE_CHECKING:
    from textual.command import Provider

__all__ = ["LessonApp", "PlayerOptions"]


def _step_commands() -> type[Provider]:
    # Imported when the palette opens: not needed for the first frame.
    from .commands import StepCommands

    return StepCommands


EXIT_GRACE = 1.5
"""Seconds an orderly exit may take after SIGTERM or SIGHUP."""


class LessonApp(App[None]):
    TITLE = "llm-landscape"
    # Absolute, so that subclasses defined elsewhere (tests, tools) find it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    BINDINGS: ClassVar[list[BindingType]] = list(APP_BINDINGS)
    COMMANDS = App.COMMANDS | {_step_commands}

    def __init__(
        self,
        lesson: Lesson,
        options: PlayerOptions | None = None,
        *,
        derived: dict[str, Any] | None = None,
    ) -> None:
        super().__init__()
        from . import input_guard

        input_guard.install()
        self.options = options or PlayerOptions()
        for theme in SHIPPED:
            self.register_theme(theme)
        self.renderings = Renderings(derived)
        self._ascii = AsciiFilter() if self.options.ascii_only else None
        self._theme_chosen = False
        self.keeper = PlaceKeeper(self, lesson, self.options.state)
        self._state_problem = self.keeper.load()
        self._lesson = lesson

    def get_line_filters(self) -> Sequence[LineFilter]:
        filters = super().get_line_filters()
        return [*filters, self._ascii] if self._ascii else filters

    def get_default_screen(self) -> Screen[Any]:
        if self.options.review:
            from .review_session import Review
            from .screens.review import ReviewScreen

            review = Review(self._lesson, self.keeper.answers(), self.keeper.review_cards())
            title = self._lesson.heading
            return ReviewScreen(title, review, review.due(), self.keeper.remember_review)
        return LessonScreen(self._lesson, self.options, self.keeper, self.renderings)

    def on_mount(self) -> None:
        chosen = self.options.theme or self.keeper.memory.theme or DEFAULT
        if resolve(chosen) not in self.available_themes:
            chosen = DEFAULT
        self.theme = resolve(chosen, self.color_system)
        # From here a new theme is the learner's choice (t, the palette); so was
        # --theme. Starting in the remembered or default one changes nothing.
        self._theme_chosen = True
        if self.options.theme:
            self.keeper.remember_theme(remembered(self.theme))
        if self._state_problem:
            self.keeper.warn(self._state_problem)
        if not self.is_headless:  # in the browser too: --serve may end a player so
            self._quit_on_signals()

    def _quit_on_signals(self) -> None:
        """SIGTERM (``kill``) and SIGHUP (the terminal window closed) end the
        player as ``q`` does: the place saved, the terminal given back out of
        the alternate screen, mouse reporting off, the cursor shown. Python's
        default for both is to die on the spot."""
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(number, self._signalled, number)

    def _signalled(self, number: int) -> None:
        self.keeper.flush()  # first: with the terminal gone, the rest may fail
        # With the terminal gone (a closed window), restoring it can block for
        # ever (seen: a hangup just after start left the process waiting on a
        # lock): if the orderly exit has not ended the process in a moment,
        # end it, with the status of a process ended by that signal.
        watchdog = threading.Timer(EXIT_GRACE, os._exit, args=(128 + number,))
        watchdog.daemon = True
        watchdog.start()
        self.exit()

    @property
    def color_system(self) -> str | None:
        """The terminal's colours as Rich names them: "truecolor", "256", "standard"...
        A browser, and a test's headless screen, show every colour."""
        if self.options.colours:
            return self.options.colours
        return "truecolor" if self.is_headless or self.is_web else self.console.color_system

    def watch_theme(self, theme: str) -> None:
        if self._theme_chosen:
            self.keeper.remember_theme(remembered(theme))

    def action_cycle_theme(self) -> None:
        self.theme = next_theme(self.theme, self.color_system)

    def on_unmount(self) -> None:
        self.keeper.flush()
        path = self.options.lesson_path
        if path is not None and self.renderings.new:
            # Only a write of what was computed while playing: nothing is
            # compiled or lexed on the way out.
            from ..lesson import keep_derived

            keep_derived(path, self.renderings.derived())

    # The e key's page (download.py), delivered: say where it went.
    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        from .download import DELIVERY

        if event.name != DELIVERY:
            return
        if self.is_web or event.path is None:
            said = "The lesson, as one HTML page, went to your browser's downloads."
        else:
            said = f"Saved the lesson as one HTML page: {event.path}"
        self.notify(said, markup=False, timeout=10)

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        from .download import DELIVERY

        if event.name == DELIVERY:
            said = f"The lesson was not saved: {event.exception}"
            self.notify(said, severity="error", markup=False, timeout=10)

    def get_key_display(self, binding: Binding) -> str:
        name = KEY_NAMES.get(binding.key)
        if name is not None and not binding.key_display:
            return name
        return super().get_key_display(binding)

    def pop_screen(self) -> AwaitComplete:
        # Keys that arrive in a burst can make Textual's command palette dismiss
        # itself twice (two queued Enters); the second pop would crash the app.
        if len(self.screen_stack) <= 1:
            return AwaitComplete(asyncio.sleep(0)).call_next(self)
        return super().pop_screen()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # "Screenshot" would write files into the learner's working directory and
        # "Quit" duplicates q; neither belongs where a stray Enter can reach it.
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit", "Screenshot"):
                yield command
