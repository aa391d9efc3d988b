"""Play's clock: while Play is on, it counts down the step's reading time and
says when it is up. It draws nothing (the status bar shows what it says).

Its inputs are bound from the lesson screen (``data_bind``): ``tour``,
``playing`` and ``wpm``; a change of any of them starts the step's time
afresh. It posts :class:`PlayClock.Ticked` with the seconds left and
:class:`PlayClock.Expired` when they run out; the screen decides what an
expired step means (the next step, a wait at a question, the end card).

A fresh one-shot timer per step (not one repeating interval): a manual move
simply starts a new one, and a pause can never fire a catch-up tick.
"""

from __future__ import annotations

from dataclasses import dataclass
from time import monotonic

from textual.message import Message
from textual.reactive import var
from textual.timer import Timer
from textual.widget import Widget

from ...lesson import pacing
from ...lesson.model import Step
from ...lesson.navigation import Tour

TICK_SECONDS = 0.25


class PlayClock(Widget):
    DEFAULT_CSS = "PlayClock { display: none; }"

    tour: var[Tour] = var(Tour(0), init=False)
    playing: var[bool] = var(False, init=False)
    wpm: var[int] = var(pacing.DEFAULT_WPM, init=False)

    @dataclass
    class Ticked(Message):
        remaining: float | None
        """Seconds left on this step; None when the clock is stopped."""

    @dataclass
    class Expired(Message):
        tour: Tour
        """Where the time ran out: a move that came meanwhile makes it stale."""

    def __init__(self, steps: tuple[Step, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._steps = steps
        self._step_timers: list[Timer] = []
        self._deadline = 0.0
        self._paused: float | None = None
        """Seconds left when paused; None when not paused."""

    def watch_tour(self) -> None:
        if self.playing:
            self._start_step()

    def watch_playing(self, playing: bool) -> None:
        if playing:
            self._start_step()
        else:
            self.stop()

    def watch_wpm(self) -> None:
        if self.playing:
            self._start_step()

    def _start_step(self) -> None:
        if self.tour.current is not None:
            self.start(pacing.dwell_seconds(self._steps[self.tour.current], self.wpm))

    def start(self, seconds: float) -> None:
        """(Re)start: whatever was pending is dropped, so a step never advances twice."""
        self._cancel()
        self._paused = None
        self._deadline = monotonic() + seconds
        self._step_timers = [
            self.set_timer(seconds, self._expire),
            self.set_interval(TICK_SECONDS, self._tick),
        ]
        self._tick()

    def stop(self) -> None:
        self._cancel()
        self._paused = None
        self.post_message(self.Ticked(None))

    def pause(self) -> None:
        """Hold the time where it is (something covers the step)."""
        if self._step_timers:
            self._paused = max(0.0, self._deadline - monotonic())
            self._cancel()

    def resume(self) -> None:
        """Go on with the time that was left when it was paused."""
        if self._paused is not None:
            left, self._paused = self._paused, None
            self.start(left)

    def _cancel(self) -> None:
        for timer in self._step_timers:
            timer.stop()
        self._step_timers = []

    def _tick(self) -> None:
        self.post_message(self.Ticked(max(0.0, self._deadline - monotonic())))

    def _expire(self) -> None:
        # Not stop(): its "no time left" would blank the countdown for a frame
        # before the next step's time arrives.
        self._cancel()
        self.post_message(self.Expired(self.tour))
