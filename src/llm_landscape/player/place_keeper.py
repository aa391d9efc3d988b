"""Keeps the learner's place and theme for the next run, without ever getting in the way."""

from __future__ import annotations

import time
from typing import Any

from textual.app import App
from textual.timer import Timer

from ..lesson.model import Lesson
from .state import Memory, StateStore, lesson_key

SAVE_DELAY = 0.5


class PlaceKeeper:
    def __init__(self, app: App[None], lesson: Lesson, store: StateStore | None) -> None:
        self._app = app
        self._key = lesson_key(lesson)
        self._lesson = lesson
        self._store = store
        self._timer: Timer | None = None
        self._complained = False
        self.memory = Memory()
        self._changed: set[str] = set()
        self._theme_changed = False
        """What this player changed since its last save: only that is written
        over the file, so another player's place in it is kept."""

    def follow(self, lesson: Lesson) -> None:
        """Keep places for a reloaded lesson (its title may have changed)."""
        self._lesson, self._key = lesson, lesson_key(lesson)

    def load(self) -> str | None:
        """Read what was remembered; returns why the file could not be used, if so
        (to be shown once the app runs: see :meth:`warn`)."""
        if self._store is None:
            return None
        self.memory, problem = self._store.load()
        return problem

    def answers(self) -> dict[str, dict[int, int]]:
        """This lesson's answers as the player keeps them: step id → question → choice."""
        return self.memory.answers_of(self._key)

    def remember_answers(self, answers: dict[str, dict[int, int]]) -> None:
        """Keep the answers, each with when it was last given."""
        kept = self.memory.progress.setdefault(self._key, {})
        now = time.time()
        for step, given in answers.items():
            old = kept.setdefault(step, {})
            for number, choice in given.items():
                if old.get(str(number), [None])[0] != choice:
                    old[str(number)] = [choice, now]
        self._changed.add(self._key)
        self._save_soon()

    def review_cards(self) -> dict[str, Any]:
        """This lesson's review cards, to be changed in place; then :meth:`remember_review`."""
        return self.memory.review.setdefault(self._key, {})

    def remember_review(self) -> None:
        self._changed.add(self._key)
        self._save_soon()

    def last_step(self) -> int | None:
        step_id = self.memory.positions.get(self._key)
        return self._lesson.index_of(step_id) if step_id else None

    def remember_place(self, step_id: str) -> None:
        self.memory.positions[self._key] = step_id
        self._changed.add(self._key)
        self._save_soon()

    def remember_theme(self, theme: str) -> None:
        self.memory.theme = theme
        self._theme_changed = True
        self._save_soon()

    def _save_soon(self) -> None:
        if self._store is None:
            return
        # Saved a moment after the last move, not on every key of a burst.
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._app.set_timer(SAVE_DELAY, self._save)

    def flush(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._save()

    def _save(self) -> None:
        self._timer = None
        if self._store is None:
            return
        changed, theme = self._changed, self._theme_changed
        self._changed, self._theme_changed = set(), False
        if problem := self._store.save(self.memory, changed, theme):
            self.warn(problem)

    def warn(self, problem: str) -> None:
        if not self._complained:  # once per run is enough
            self._complained = True
            self._app.notify(problem, severity="warning", markup=False, timeout=8)
