"""The player's actions that open a screen or reach outside the lesson: the
overview, search, links, copying code, help, and the command palette's entries.

A base class of :class:`~llm_landscape.app.LessonApp`, kept apart so that the
app module holds the state and how it reaches the widgets.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.screen import Screen

from .model import Lesson
from .navigation import Tour
from .options import PlayerOptions

if TYPE_CHECKING:
    from textual.command import Provider

    from .search import Hit

# Each screen is imported when first opened: none is needed for the first frame.


def _step_commands() -> type[Provider]:
    from .commands import StepCommands

    return StepCommands


class ScreenActions(App[None]):
    COMMANDS = App.COMMANDS | {_step_commands}

    # Provided by LessonApp.
    lesson: Lesson
    options: PlayerOptions
    tour: Tour

    def go_to(self, index: int) -> None:
        raise NotImplementedError

    def action_overview(self) -> None:
        from .overview_screen import OverviewScreen

        screen = OverviewScreen(self.lesson, self.tour, ascii_only=self.options.ascii_only)
        self.push_screen(screen, self._go_to_chosen)

    def _go_to_chosen(self, index: int | None) -> None:
        if index is not None:
            self.go_to(index)

    def action_search(self) -> None:
        from .search_screen import SearchScreen

        self.push_screen(SearchScreen(self.lesson), self._go_to_hit)

    def _go_to_hit(self, hit: Hit | None) -> None:
        if hit is not None:
            from .search_screen import reveal

            self.go_to(hit.step)
            self.call_after_refresh(reveal, self, hit)

    def action_follow_link(self, number: int) -> None:
        """A click on a link in the prose: web links only, and only after asking."""
        from urllib.parse import urlsplit

        from . import prose
        from .confirm_screen import ConfirmScreen

        address = prose.link_target(number)
        if address is None:
            return
        if urlsplit(address).scheme.lower() not in ("http", "https"):
            self.notify(f"Not opened: only web links are, and this is {address}", markup=False)
            return
        question = f"Open this link in your web browser?\n\n{address}"
        self.push_screen(ConfirmScreen(question, "Open"), partial(self._open_link, address))

    def _open_link(self, address: str, answer: bool | None) -> None:
        import webbrowser

        if answer and not webbrowser.open(address):
            self.notify(f"No web browser found here. The address: {address}", markup=False)

    def action_copy_code(self) -> None:
        current = self.tour.current
        code = None if current is None else self.lesson.steps[current].code
        if code is None:
            self.notify("This step has no code to copy.", markup=False)
            return
        self.copy_to_clipboard(code.source)
        lines = code.source.count("\n") + 1
        self.notify(f"Copied {lines} lines of code to the clipboard.", markup=False)

    def action_help(self) -> None:
        from .help_screen import HelpScreen

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
