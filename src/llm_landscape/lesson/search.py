"""Full-text search over a lesson: every title, prose field and line of code."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .model import Lesson, Step

SNIPPET_WIDTH = 70
MAX_HITS = 200


@dataclass(frozen=True, slots=True)
class Hit:
    step: int
    """0-based step index."""
    field: str
    """``title``, ``subtitle``, ``heading``, ``body``, ``insight``, ``code title`` or ``code``."""
    line: int
    """0-based line within the field (the code line to scroll to)."""
    snippet: str
    start: int
    end: int
    """The match within ``snippet``."""


def _fields(step: Step) -> Iterator[tuple[str, str]]:
    yield "title", step.title
    yield "subtitle", step.subtitle
    yield "heading", step.heading
    yield "body", step.body
    yield "insight", step.insight
    if step.code is not None:
        yield "code title", step.code.title
        yield "code", step.code.source


def search(lesson: Lesson, query: str, limit: int = MAX_HITS) -> list[Hit]:
    """Case-insensitive matches of ``query``, in lesson order, one per line."""
    needle = query.strip().lower()
    if not needle:
        return []
    hits: list[Hit] = []
    for index, step in enumerate(lesson.steps):
        for name, text in _fields(step):
            for number, line in enumerate(text.split("\n")):
                found = line.lower().find(needle)
                # lower() can change a string's length (e.g. "İ"); skip such lines
                # rather than highlight the wrong characters.
                if found < 0 or len(line.lower()) != len(line):
                    continue
                hits.append(_hit(index, name, number, line, found, len(needle)))
                if len(hits) >= limit:
                    return hits
    return hits


def _hit(step: int, field: str, number: int, line: str, found: int, length: int) -> Hit:
    start = max(0, found - SNIPPET_WIDTH // 3)
    end = min(len(line), start + SNIPPET_WIDTH)
    prefix = "…" if start else ""
    suffix = "…" if end < len(line) else ""
    snippet = prefix + line[start:end].strip("\n") + suffix
    offset = len(prefix) + found - start
    return Hit(step, field, number, snippet, offset, min(offset + length, len(snippet)))
