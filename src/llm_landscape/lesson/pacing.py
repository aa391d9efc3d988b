"""How long Play mode keeps each step on screen."""

from __future__ import annotations

import math

TYPE_CHECKING = False  # not typing's: importing typing costs --check ~2 ms

if TYPE_CHECKING:
    from .model import Step

DEFAULT_WPM = 200
MIN_WPM = 50
MAX_WPM = 1_000
WPM_STEP = 25
MIN_SECONDS = 5.0
MAX_SECONDS = 180.0


def word_count(step: Step) -> int:
    parts = (step.title, step.subtitle, step.heading, step.body, step.insight)
    words = sum(len(part.split()) for part in parts)
    if step.code is not None:
        # Code is skimmed, not read word by word: count it at half weight.
        words += len(step.code.source.split()) // 2
    return words


def dwell_seconds(step: Step, wpm: int) -> float:
    """The step's own ``dwell`` or its reading time, kept within sensible bounds."""
    if step.dwell is not None:
        return step.dwell
    wpm = clamp_wpm(wpm)
    seconds = word_count(step) * 60.0 / wpm
    return max(MIN_SECONDS, min(MAX_SECONDS, math.ceil(seconds)))


def clamp_wpm(wpm: int) -> int:
    return max(MIN_WPM, min(MAX_WPM, wpm))
