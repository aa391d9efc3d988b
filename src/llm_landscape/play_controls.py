"""Play mode: the player walks through the steps by itself, at reading pace.

A base class of :class:`~llm_landscape.app.LessonApp`, kept apart so that
app.py stays the one place where moves become a new screen; this owns the
``playing`` and ``wpm`` state and the countdown between steps.
"""

from __future__ import annotations

from textual.reactive import var

from . import pacing
from .autoplay import Countdown
from .model import Lesson
from .navigation import Tour
from .screen_actions import ScreenActions
from .widgets.status_bar import StatusBar


class PlayControls(ScreenActions):
    # var, not reactive: the watchers update the status bar; a reactive would
    # also repaint the whole screen.
    playing: var[bool] = var(False, init=False)
    wpm: var[int] = var(pacing.DEFAULT_WPM, init=False)

    # Provided by LessonApp.
    lesson: Lesson
    tour: Tour
    countdown: Countdown

    def on_status_bar_play_toggled(self, message: StatusBar.PlayToggled) -> None:
        self.action_toggle_play()

    def action_toggle_play(self) -> None:
        if not self.playing and (self.tour.current is None or self.tour.at_end):
            self.playing = True
            self.tour = self.tour.first()
            return
        self.playing = not self.playing

    def watch_playing(self, playing: bool) -> None:
        self.query_one(StatusBar).playing = playing
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
