"""The pure navigation state: tours, number entry and reading time."""

from __future__ import annotations

from llm_landscape.lesson import pacing
from llm_landscape.lesson.model import CodePanel, Step
from llm_landscape.lesson.navigation import NumberEntry, Tour


def test_tour_moves_and_clamps() -> None:
    tour = Tour(3)
    assert tour.counter == "Step – / 3"
    assert tour.previous() == tour  # nothing before the title card
    tour = tour.next().next().next().next()
    assert tour.current == 2 and tour.at_end and tour.counter == "Step 3 / 3"
    assert tour.go(-5).current == 0 and tour.go(99).current == 2
    assert tour.visited == frozenset({0, 1, 2})
    back = tour.go(0).previous()
    assert back.current is None and back.visited == tour.visited  # step 1 → the title card


def test_number_entry_extends_within_the_window_only() -> None:
    entry = NumberEntry().type(1, now=0.0, count=12)
    assert entry.step == 0
    entry = entry.type(2, now=0.5, count=12)
    assert entry.step == 11  # "12"
    entry = entry.type(3, now=0.7, count=12)
    assert entry.step == 2  # "123" is no step: start again at 3
    assert entry.type(1, now=5.0, count=12).type(2, now=6.0, count=12).step == 1  # too slow
    assert NumberEntry().type(0, now=0.0, count=12).step is None
    assert NumberEntry().type(1, 0.0, 6).type(2, 0.1, 6).step == 1  # 12 > 6 steps


def test_reading_time_uses_words_bounds_and_dwell() -> None:
    words = " ".join(["word"] * 400)
    step = Step(id="a", label="A", icon="", title="T", body=words)
    assert pacing.dwell_seconds(step, 200) == 121  # 401 words at 200 wpm, rounded up
    assert pacing.dwell_seconds(step, 400) == 61
    short = Step(id="b", label="B", icon="", title="T", body="Hi")
    assert pacing.dwell_seconds(short, 200) == pacing.MIN_SECONDS
    huge = Step(id="c", label="C", icon="", title="T", body=words * 10)
    assert pacing.dwell_seconds(huge, 200) == pacing.MAX_SECONDS
    fixed = Step(id="d", label="D", icon="", title="T", body=words, dwell=3)
    assert pacing.dwell_seconds(fixed, 200) == 3
    coded = Step(id="e", label="E", icon="", title="T", body="x", code=CodePanel("", "text", words))
    assert pacing.word_count(coded) == 2 + 200  # code counts half
