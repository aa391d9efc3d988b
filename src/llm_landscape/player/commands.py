"""Command palette entries: "Go to step N: label — title"."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from .lesson_screen import LessonScreen


class StepCommands(Provider):
    """Offered on the screen the palette was opened from, if it is the lesson."""

    def _entries(self) -> list[tuple[str, partial[None]]]:
        screen = self.screen
        if not isinstance(screen, LessonScreen):
            return []
        return [
            (f"Go to step {n}: {step.label} — {step.title}", partial(screen.go_to, n - 1))
            for n, step in enumerate(screen.lesson.steps, 1)
        ]

    async def discover(self) -> Hits:
        for text, go in self._entries():
            yield DiscoveryHit(Content(text), go, help="Jump to this step")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, go in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), go, text=text)
