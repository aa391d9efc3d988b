"""``--watch``: reload the lesson when one of its files changes.

Polling the few files of a lesson twice a second costs microseconds and needs
no extra dependency or OS-specific notifier; ``watchfiles`` would add a
compiled dependency for no gain at this scale.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

from textual.dom import DOMNode
from textual.worker import get_current_worker

from ..lesson.diagnostics import LessonError
from ..lesson.loader import load_lesson
from ..lesson.model import Lesson

POLL_SECONDS = 0.5

Stamp = tuple[int, int] | None


def stamps(paths: Iterable[Path]) -> dict[Path, Stamp]:
    """Modification time and size of each file; None for one that is gone."""
    result: dict[Path, Stamp] = {}
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            result[path] = None
        else:
            result[path] = (info.st_mtime_ns, info.st_size)
    return result


class LiveReload:
    def __init__(
        self,
        host: DOMNode,
        lesson: Lesson,
        on_lesson: Callable[[Lesson], Awaitable[None]],
        on_errors: Callable[[str], None],
    ) -> None:
        self._host = host
        self._manifest = lesson.path
        self._seen = stamps(lesson.files or (lesson.path,))
        self._on_lesson = on_lesson
        self._on_errors = on_errors

    def start(self) -> None:
        self._host.set_interval(POLL_SECONDS, self._poll)

    def _poll(self) -> None:
        current = stamps(self._seen)
        if current != self._seen:
            self._seen = current
            self._host.run_worker(self._load, thread=True, exclusive=True, group="reload")

    def _load(self) -> None:
        try:
            lesson, _warnings = load_lesson(self._manifest)
        except LessonError as error:
            if not get_current_worker().is_cancelled:
                self._host.app.call_from_thread(self._on_errors, error.format())
            return
        if not get_current_worker().is_cancelled:
            self._host.app.call_from_thread(self._loaded, lesson)

    def _loaded(self, lesson: Lesson) -> None:
        # Watch the files of the new lesson too: it may list new step files.
        self._seen = {**stamps(lesson.files), **self._seen}
        self._host.call_later(self._on_lesson, lesson)
