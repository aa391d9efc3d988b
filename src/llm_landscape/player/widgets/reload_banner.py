"""``--watch``'s banner: it polls the lesson's files (``live_reload.py``) for as
long as it is mounted; a clean edit goes up to the screen as
:class:`ReloadBanner.Reloaded`, a broken one is shown here while the last good
version plays on. The screen recomposes on a reload, and with it this banner,
which then watches the new lesson's files."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from ...lesson.model import Lesson
from ..live_reload import LiveReload


class ReloadBanner(Static):
    @dataclass
    class Reloaded(Message):
        """A saved edit loaded cleanly."""

        lesson: Lesson

    def __init__(self, lesson: Lesson, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._lesson = lesson

    def on_mount(self) -> None:
        LiveReload(self, self._lesson, self._reloaded, self._failed).start()

    async def _reloaded(self, lesson: Lesson) -> None:
        self.post_message(self.Reloaded(lesson))

    def _failed(self, errors: str) -> None:
        self.update(Content(f"Not reloaded; still showing the last good version.\n{errors}"))
        self.display = True
