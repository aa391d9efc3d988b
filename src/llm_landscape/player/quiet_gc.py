"""Garbage collection kept out of the frames a learner waits for.

A step switch allocates thousands of short-lived objects (strips, segments),
so Python's collector runs in the middle of it: six young collections a
switch and, every so often, a full one over everything the player has built
(measured headless at 120×40: ~1 ms a switch, and a full collection of ~30,000
objects took 42 ms, the slowest switches' size). The collector is held while a
step is drawn and let go once its frame is out; what it then collects, it
collects while the learner reads. The first time it is let go, everything the
player has built so far (widgets, styles, the lesson, the first steps' lines),
which lives until quit, is frozen out of every later full collection, as the
imports were (``start.py``), once the garbage among it is collected. Textual
holds the collector during a smooth scroll too (``App.PAUSE_GC_ON_SCROLL``).
"""

from __future__ import annotations

import gc

from textual.message_pump import MessagePump

HOLD_SECONDS = 0.05
"""How long after the last move the collector stays off: past the frame, and
past the neighbours' preparing (``step_view.PREPARE_AFTER``) that follows it."""


class QuietCollector:
    def __init__(self, host: MessagePump) -> None:
        self._host = host
        self._holds = 0
        """Moves since the collector was last let go: only the last one's timer lets go."""
        self._frozen = False

    def hold(self) -> None:
        """Off until the frame of this move is out (a move during it extends the hold)."""
        if self._holds == 0 and not gc.isenabled():
            return  # off for someone else (Textual's scroll): theirs to turn on
        gc.disable()
        self._holds += 1
        self._host.set_timer(HOLD_SECONDS, self._let_go)

    def _let_go(self) -> None:
        self._holds -= 1
        if self._holds:
            return
        if not self._frozen:
            self._frozen = True
            # What mounting and the first steps left behind as garbage (~2,000
            # objects at 120x40) would be frozen with the rest and kept until
            # quit: collected first, once, while the learner reads, it is 0.3 to
            # 1 MiB less peak memory. (In tmux, with the imports frozen: 5 ms for
            # the chapter, 7 ms for 500 steps, 18 ms beside 20,000 lines of code.)
            gc.collect()
            gc.freeze()
        gc.enable()

    def release(self) -> None:
        """The screen is going: on at once if held (no timer will fire), and
        nothing left frozen, so that what the player built can be collected
        (a test suite runs hundreds of players in one process)."""
        if self._holds:
            self._holds = 0
            gc.enable()
        if self._frozen:
            self._frozen = False
            gc.unfreeze()
