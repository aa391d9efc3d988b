"""Spaced review of a lesson (``--review``): its cards, which are due, and
their next dates, scheduled by FSRS (the ``fsrs`` package).

A card is a step's key insight or a question the learner has answered.
Each is known by a stable id (``step/insight``, ``step/q2``) and a digest of
its text: when an author changes the text, the card is made anew (its
schedule starts over) rather than lost or shown with a stale answer. The
cards' states live in the state file, per lesson, beside the place and the
answers; what is read back from that file is checked, and a card that does
not load is simply made anew.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ..lesson.model import Lesson
from .progress import Answers

Clock = Callable[[], datetime]
RATINGS = ("Again", "Hard", "Good", "Easy")
"""Keys 1-4, as FSRS numbers them."""


NEW = datetime(2000, 1, 1, tzinfo=timezone.utc)
"""When a card never reviewed is due: at once, whatever the clock says."""


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Face:
    """What a card asks and what it shows once turned."""

    id: str
    step: int
    """0-based, for "Step N"."""
    front: str
    back: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(f"{self.front}\0{self.back}".encode()).hexdigest()[:16]


def faces(lesson: Lesson, answers: Answers) -> list[Face]:
    """Every card of the lesson: each key insight, and each question answered."""
    made: list[Face] = []
    for index, step in enumerate(lesson.steps):
        if step.insight:
            front = f"Step {index + 1} · {step.title}: what was its key insight?"
            made.append(Face(f"{step.id}/insight", index, front, step.insight))
        given = answers.get(step.id, {})
        for number, question in enumerate(step.check):
            if number not in given:
                continue  # not met yet: nothing to recall
            choices = "\n".join(f"{n}) {choice}" for n, choice in enumerate(question.choices, 1))
            right = f"{question.answer + 1}) {question.choices[question.answer]}"
            back = f"{right}\n\n{question.explain}".strip()
            made.append(
                Face(f"{step.id}/q{number + 1}", index, f"{question.question}\n\n{choices}", back)
            )
    return made


class Review:
    """One lesson's cards and their schedule; ``kept`` is the state file's part
    for this lesson (card id → {"digest", "card"}), updated in place."""

    def __init__(
        self, lesson: Lesson, answers: Answers, kept: dict[str, Any], clock: Clock = now_utc
    ) -> None:
        from fsrs import Scheduler

        self._clock = clock
        self._scheduler = Scheduler(enable_fuzzing=False)  # the same dates for the same ratings
        self._kept = kept
        self.faces = faces(lesson, answers)

    def now(self) -> datetime:
        return self._clock()

    def _card(self, face: Face) -> Any:
        from fsrs import Card

        entry = self._kept.get(face.id)
        if isinstance(entry, dict) and entry.get("digest") == face.digest:
            try:
                return Card.from_dict(entry["card"])
            except (KeyError, TypeError, ValueError):
                pass  # damaged: made anew below
        return Card(card_id=int(face.digest[:12], 16), due=NEW)

    def due(self) -> list[Face]:
        """The cards due now, most overdue first."""
        now = self._clock()
        cards = [(self._card(face).due, face) for face in self.faces]
        return [face for due, face in sorted(cards, key=lambda pair: pair[0]) if due <= now]

    def rate(self, face: Face, rating: int) -> datetime:
        """Rate a card 1-4 (Again, Hard, Good, Easy); returns when it is due next."""
        from fsrs import Rating

        card, _ = self._scheduler.review_card(
            self._card(face), Rating(rating), review_datetime=self._clock()
        )
        self._kept[face.id] = {"digest": face.digest, "card": card.to_dict()}
        due: datetime = card.due
        return due

    def next_due(self) -> datetime | None:
        """When the earliest card not due now falls due, if there is one."""
        now = self._clock()
        later = [due for due in (self._card(face).due for face in self.faces) if due > now]
        return min(later, default=None)


def when(due: datetime, now: datetime) -> str:
    """A due date for people: "in 10 minutes", "tomorrow", "on 14 Dec"."""
    seconds = (due - now).total_seconds()
    if seconds < 3600:
        return f"in {max(1, round(seconds / 60))} minute{'s' if round(seconds / 60) > 1 else ''}"
    if seconds < 86400:
        return f"in {round(seconds / 3600)} hour{'s' if round(seconds / 3600) > 1 else ''}"
    days = round(seconds / 86400)
    if days == 1:
        return "tomorrow"
    return f"in {days} days, on {due.astimezone().strftime('%d %b').lstrip('0')}"
