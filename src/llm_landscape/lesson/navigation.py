"""Where the learner is: an immutable tour through a lesson's steps."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .model import Lesson


class Tour(NamedTuple):  # not a dataclass: see model.py
    """The position in a lesson. ``current`` is None on the title card."""

    total: int
    """How many steps the lesson has."""
    current: int | None = None
    visited: frozenset[int] = frozenset()

    def go(self, index: int) -> Tour:
        """Jump to ``index`` (0-based), clamped to the lesson."""
        if self.total <= 0:
            return self
        index = max(0, min(index, self.total - 1))
        return self._replace(current=index, visited=self.visited | {index})

    def next(self) -> Tour:
        return self.go(0 if self.current is None else self.current + 1)

    def previous(self) -> Tour:
        """One step back; from step 1, back to the title card."""
        if self.current is None:
            return self
        if self.current == 0:
            return self._replace(current=None)
        return self.go(self.current - 1)

    def first(self) -> Tour:
        return self.go(0)

    def last(self) -> Tour:
        return self.go(self.total - 1)

    @property
    def at_end(self) -> bool:
        return self.current is not None and self.current == self.total - 1

    @property
    def counter(self) -> str:
        """``Step N / M``, or ``Step – / M`` on the title card."""
        shown = "–" if self.current is None else str(self.current + 1)
        return f"Step {shown} / {self.total}"


class NumberEntry(NamedTuple):
    """Digits typed in quick succession: ``1`` then ``2`` means step 12.

    Each digit jumps at once (``1`` goes to step 1); a digit typed within
    ``window`` seconds of the previous one extends the number while the result
    still names a step.
    """

    digits: str = ""
    typed_at: float = float("-inf")
    window: float = 0.8

    def type(self, digit: int, now: float, count: int) -> NumberEntry:
        extended = self.digits + str(digit)
        if self.digits and now - self.typed_at <= self.window and int(extended) <= count:
            return self._replace(digits=extended, typed_at=now)
        return self._replace(digits=str(digit), typed_at=now)

    @property
    def step(self) -> int | None:
        """The 0-based step the digits name; None for a lone ``0``."""
        number = int(self.digits or "0")
        return number - 1 if number >= 1 else None


def carry_over(tour: Tour, old: Lesson, new: Lesson) -> Tour:
    """The same place in an edited lesson: the current and visited steps by id."""
    visited_ids = {old.steps[i].id for i in tour.visited if i < len(old.steps)}
    visited = frozenset(i for i, step in enumerate(new.steps) if step.id in visited_ids)
    moved = Tour(len(new.steps), None, visited)
    if tour.current is not None and tour.current < len(old.steps):
        index = new.index_of(old.steps[tour.current].id)
        if index is not None:
            return moved.go(index)
    return moved
