"""The player processes behind the browser tabs: started without a shell,
each in a session of its own, and always ended.

textual-serve's ``AppService`` speaks the protocol (its framing of screen
bytes, resizes and downloads); what it leaves to its user is kept here. It
starts the command through a shell, so a lesson path with a space or a ``;``
would be parsed: here the argument vector is run as it is. On close it asks
the app to quit and then waits for as long as the app takes: here a player
that has not gone after ``QUIT_GRACE`` seconds is terminated, then killed,
and always reaped, so no process outlives its tab or the server.

textual-serve is pinned below 2 in ``pyproject.toml``: ``start`` fills the
attributes its ``run`` reads, which are its own, not a public interface
(``tests/test_serve.py`` drives it end to end).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

QUIT_GRACE = 3.0
"""Seconds a player has to quit when asked, before it is terminated."""
TERM_GRACE = 2.0
"""Seconds after SIGTERM (the player saves its place on it) before SIGKILL."""


class Player(AppService):
    """One tab's player: ``argv`` run with the screen size and state it is given."""

    def __init__(
        self,
        argv: list[str],
        *,
        state_dir: Path,
        send_bytes: Callable[[bytes], Awaitable[None]],
        send_text: Callable[[str], Awaitable[None]],
        close: Callable[[], Awaitable[None]],
        downloads: DownloadManager,
    ) -> None:
        super().__init__(
            " ".join(argv),  # for textual-serve's log lines only: never run
            write_bytes=send_bytes,
            write_str=send_text,
            close=close,
            download_manager=downloads,
        )
        self.argv = argv
        self.state_dir = state_dir

    @property
    def process(self) -> asyncio.subprocess.Process | None:
        """The player's process, once started (textual-serve's own attribute)."""
        return self._process

    async def start(self, width: int, height: int) -> None:
        environment = self._build_environment(width=width, height=height)
        # Each browser keeps its place and answers apart (server.py names it);
        # the terminal user's own state is never read or written by a tab.
        environment["LLM_LANDSCAPE_STATE_DIR"] = str(self.state_dir)
        environment.pop("LLM_LANDSCAPE_TOKEN", None)  # the class's secret is the server's
        process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            # Its own session: Ctrl+C in the server's terminal reaches the
            # server, which ends every player itself, in order.
            start_new_session=True,
        )
        assert process.stdin is not None
        self._process, self._stdin = process, process.stdin
        self._task = asyncio.create_task(self.run())

    async def stop(self) -> None:
        """Ask the player to quit; end it if it does not; reap it either way."""
        task, self._task = self._task, None
        process = self.process
        if task is None or process is None:
            return
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        with contextlib.suppress(Exception):  # its stdin may already be gone
            await self.send_meta({"type": "quit"})
        if not await _ended(process, QUIT_GRACE):
            _signal(process, signal.SIGTERM)
            if not await _ended(process, TERM_GRACE):
                _signal(process, signal.SIGKILL)
                await process.wait()
        # Its output is closed now, so the reader ends at once.
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(task, TERM_GRACE)


async def _ended(process: asyncio.subprocess.Process, seconds: float) -> bool:
    try:
        await asyncio.wait_for(process.wait(), seconds)
    except asyncio.TimeoutError:  # not the builtin one before Python 3.11
        return False
    return True


def _signal(process: asyncio.subprocess.Process, number: int) -> None:
    """Signal the player's whole session: it may have started a lexer child."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, number)
