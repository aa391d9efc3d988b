"""Play mode's clock: a fresh one-shot timer per step, plus a countdown ticker.

A one-shot timer per step (not one repeating interval) means a manual move
simply starts a new timer, and pausing can never fire a catch-up tick.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from textual.message_pump import MessagePump
from textual.timer import Timer

TICK_SECONDS = 0.25


class Countdown:
    def __init__(
        self,
        host: MessagePump,
        on_expire: Callable[[], None],
        on_tick: Callable[[float | None], None],
    ) -> None:
        self._host = host
        self._on_expire = on_expire
        self._on_tick = on_tick
        self._timers: list[Timer] = []
        self._deadline = 0.0
        self._paused: float | None = None
        """Seconds left when paused; None when not paused."""

    @property
    def running(self) -> bool:
        return bool(self._timers)

    def start(self, seconds: float) -> None:
        """(Re)start: whatever was pending is dropped, so a step never advances twice."""
        self._cancel()
        self._paused = None
        self._deadline = monotonic() + seconds
        self._timers = [
            self._host.set_timer(seconds, self._expire),
            self._host.set_interval(TICK_SECONDS, self._tick),
        ]
        self._tick()

    def stop(self) -> None:
        self._cancel()
        self._paused = None
        self._on_tick(None)

    def pause(self) -> None:
        """Hold the countdown where it is (something covers the step)."""
        if self._timers:
            self._paused = max(0.0, self._deadline - monotonic())
            self._cancel()

    def resume(self) -> None:
        """Go on with the time that was left when it was paused."""
        if self._paused is not None:
            left, self._paused = self._paused, None
            self.start(left)

    def _cancel(self) -> None:
        for timer in self._timers:
            timer.stop()
        self._timers = []

    def _tick(self) -> None:
        self._on_tick(max(0.0, self._deadline - monotonic()))

    def _expire(self) -> None:
        self.stop()
        self._on_expire()
