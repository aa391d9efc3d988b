"""``--review``: FSRS-scheduled cards of the key insights and the answered
questions, on a fake clock."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from llm_landscape.lesson.model import Lesson
from llm_landscape.player.app import LessonApp, PlayerOptions
from llm_landscape.player.review_session import Review
from llm_landscape.player.state import Memory, StateStore, lesson_key

START = datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)


class FakeClock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def test_again_comes_back_soon_and_easy_much_later(lesson_with_questions: Lesson) -> None:
    clock, kept = FakeClock(), {}  # type: ignore[var-annotated]
    answers = {"players": {1: 2}}  # one question answered
    review = Review(lesson_with_questions, answers, kept, clock)
    due = review.due()
    ids = [face.id for face in due]
    assert "players/q2" in ids and "players/insight" in ids  # new cards are due at once
    assert "players/q1" not in ids  # not answered: not a card yet
    question = next(face for face in due if face.id == "players/q2")
    insight = next(face for face in due if face.id == "players/insight")
    review.rate(question, 1)  # Again
    review.rate(insight, 4)  # Easy
    clock.now = START + timedelta(minutes=5)
    later = [face.id for face in Review(lesson_with_questions, answers, kept, clock).due()]
    assert "players/q2" in later and "players/insight" not in later
    clock.now = START + timedelta(days=2)
    assert "players/insight" not in [
        f.id for f in Review(lesson_with_questions, answers, kept, clock).due()
    ]
    clock.now = START + timedelta(days=30)
    assert "players/insight" in [
        f.id for f in Review(lesson_with_questions, answers, kept, clock).due()
    ]


def test_a_card_whose_text_changed_is_made_anew(lesson_with_questions: Lesson) -> None:
    clock, kept = FakeClock(), {}  # type: ignore[var-annotated]
    review = Review(lesson_with_questions, {}, kept, clock)
    insight = next(face for face in review.due() if face.id == "players/insight")
    review.rate(insight, 4)
    assert "players/insight" not in [
        f.id for f in Review(lesson_with_questions, {}, kept, clock).due()
    ]
    first = lesson_with_questions.steps[0]
    edited = lesson_with_questions._replace(
        steps=(first._replace(insight=first.insight + " Edited."), *lesson_with_questions.steps[1:])
    )
    assert "players/insight" in [f.id for f in Review(edited, {}, kept, clock).due()]
    kept["open/insight"] = {"digest": "x", "card": {"broken": True}}  # damaged: made anew
    assert "open/insight" in [f.id for f in Review(edited, {}, kept, clock).due()]


async def test_the_review_screen_turns_rates_and_says_what_is_next(
    lesson_with_questions: Lesson, tmp_path: Path
) -> None:
    state = StateStore(tmp_path / "state" / "state.json")
    app = LessonApp(lesson_with_questions, PlayerOptions(review=True, state=state))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert "Card 1 of 6" in screen.text and "what was its key insight?" in screen.text
        await pilot.press("3")  # rating before turning does nothing
        assert "Card 1 of 6" in screen.text
        await pilot.press("space")
        assert "1 Again · 2 Hard · 3 Good · 4 Easy" in screen.text
        await pilot.press("3")
        assert "Good: this card is due again" in screen.text and "Card 2 of 6" in screen.text
        for _ in range(5):
            await pilot.press("space", "4")
        assert "Done: 6 card(s) reviewed." in screen.text
        await pilot.press("q")
    kept: dict[str, Any] = state.load()[0].review[lesson_key(lesson_with_questions)]
    assert len(kept) == 6


def test_with_nothing_due_review_says_when_and_exits_0(
    lesson_with_questions: Lesson, tmp_path: Path
) -> None:
    state_dir = tmp_path / "state"
    store = StateStore(state_dir / "state.json")
    kept: dict[str, Any] = {}
    review = Review(lesson_with_questions, {}, kept)
    for face in review.due():
        review.rate(face, 4)  # Easy: days away
    key = lesson_key(lesson_with_questions)
    assert store.save(Memory({}, None, {}, {key: kept}), changed={key}) is None
    env = {**os.environ, "LLM_LANDSCAPE_STATE_DIR": str(state_dir)}
    result = subprocess.run(
        [sys.executable, "-m", "llm_landscape", "--review"],
        capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Nothing to review in “The LLM Landscape” now." in result.stdout
    assert "The next card falls due in" in result.stdout
