"""Command palette entries: "Go to step N: label — title"."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from .app import LessonApp


class StepCommands(Provider):
    def _entries(self) -> list[tuple[str, int]]:
        app: LessonApp = self.app  # type: ignore[assignment]
        return [
            (f"Go to step {n}: {step.label} — {step.title}", n - 1)
            for n, step in enumerate(app.lesson.steps, 1)
        ]

    async def discover(self) -> Hits:
        app: LessonApp = self.app  # type: ignore[assignment]
        for text, index in self._entries():
            yield DiscoveryHit(Content(text), partial(app.go_to, index), help="Jump to this step")

    async def search(self, query: str) -> Hits:
        app: LessonApp = self.app  # type: ignore[assignment]
        matcher = self.matcher(query)
        for text, index in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(app.go_to, index), text=text)
