"""Driving ``llm-landscape --serve`` as a browser would, without one.

``Server`` starts the real command on a free port and reads the address it
prints; ``Tab`` is one browser tab: the page (with its cookies), then the
websocket that textual.js would open, speaking the same messages. What the
player drew is read back as text with the escape sequences taken out.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

ANSI = re.compile(
    r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    r"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS and the like
    r"|\x1b[@-Z\\-_]"
)
PLAYER = str(Path(sys.executable).with_name("llm-landscape"))


def screen_text(raw: str) -> str:
    return ANSI.sub("", raw)


class Server:
    """``llm-landscape --serve`` in a process of its own, on a port of the system's choosing."""

    def __init__(self, *args: str, state: Path, env: dict[str, str] | None = None) -> None:
        environment = {**os.environ, "LLM_LANDSCAPE_STATE_DIR": str(state)}
        environment.pop("LLM_LANDSCAPE_TOKEN", None)
        environment.update(env or {})
        self.process = subprocess.Popen(
            [PLAYER, "--serve", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        assert self.process.stdout is not None
        self.banner: list[str] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError(f"server ended: {self.process.stderr.read()}")  # type: ignore[union-attr]
            self.banner.append(line)
            if found := re.search(r"http://\S+", line):
                address = found.group(0)
                self.url = address.split("?")[0]
                self.port = int(re.search(r":(\d+)/", address).group(1))  # type: ignore[union-attr]
                self.base = f"http://127.0.0.1:{self.port}/"
                break
        else:
            raise RuntimeError("the server printed no address")
        for _ in range(3):  # the rest of the start message
            self.banner.append(self.process.stdout.readline())

    def players(self) -> list[int]:
        """Process ids of the players this server started, from /proc."""
        return descendants(self.process.pid)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def descendants(root: int) -> list[int]:
    """Every living process below ``root`` (zombies count: they were not reaped)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def players_of(lesson: Path) -> list[int]:
    """Any process, anywhere, whose command line names ``lesson``: none may outlive its tab."""
    needle = str(lesson.resolve()).encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if needle in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


class Tab:
    """One browser tab: its cookies, its page, its player's screen."""

    def __init__(self, base: str, session: aiohttp.ClientSession | None = None) -> None:
        self.base = base
        self.owns_session = session is None
        self.session = session or aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True)  # keep cookies for 127.0.0.1
        )
        self.socket: aiohttp.ClientWebSocketResponse | None = None
        self.raw = ""
        self.texts: list[object] = []
        self.closed = False

    async def open(self, query: str = "", width: int = 100, height: int = 30) -> int:
        """Load the page and, if it is the player's, connect as textual.js does."""
        async with self.session.get(self.base + query) as response:
            page = await response.text()
            if response.status != 200:
                return response.status
        found = re.search(r'data-session-websocket-url="([^"]+)"', page)
        assert found, page
        address = f"{self.base}{found.group(1)}?width={width}&height={height}"
        self.socket = await self.session.ws_connect(address)
        return 200

    @property
    def screen(self) -> str:
        return screen_text(self.raw)

    async def until(self, text: str, seconds: float = 30) -> str:
        """Read the player's output until ``text`` has been drawn; what was drawn."""
        assert self.socket is not None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while text not in self.screen:
            left = deadline - loop.time()
            if left <= 0:
                raise AssertionError(f"{text!r} never drawn; last: {self.screen[-2000:]!r}")
            try:
                message = await asyncio.wait_for(self.socket.receive(), left)
            except asyncio.TimeoutError:
                continue
            if message.type is aiohttp.WSMsgType.BINARY:
                self.raw += message.data.decode("utf-8", "replace")
            elif message.type is aiohttp.WSMsgType.TEXT:
                self.texts.append(json.loads(message.data))
            else:
                self.closed = True
                raise AssertionError(f"closed before {text!r} was drawn: {self.screen[-2000:]!r}")
        return self.screen

    async def press(self, keys: str, then: str | None = None, seconds: float = 30) -> None:
        """Type ``keys``; with ``then``, wait for it to be drawn after them."""
        assert self.socket is not None
        self.raw = ""
        await self.socket.send_str(json.dumps(["stdin", keys]))
        if then is not None:
            await self.until(then, seconds)

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()
        if self.owns_session:
            await self.session.close()


def wait_until_gone(pids: list[int], seconds: float) -> list[int]:
    """Those of ``pids`` still alive after ``seconds``."""
    deadline = time.monotonic() + seconds
    left = pids
    while left and time.monotonic() < deadline:
        left = [pid for pid in left if alive(pid)]
        time.sleep(0.05)
    return left


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
