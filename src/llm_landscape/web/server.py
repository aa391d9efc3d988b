"""The class's web server: a page per tab, a player per page, a bounded class.

Routes, all relative to wherever the server is mounted:

- ``/``: the player's page (``page.py``); ``?step=N&theme=NAME`` as a deep
  link (``launch.py``), ``?token=`` on a first visit when a token is set;
- ``ws/STEP.THEME``: the websocket that drives one player (``players.py``);
- ``download/KEY``: a file the player delivers (the ``e`` key's HTML);
- ``static/``: textual-serve's xterm.js, its stylesheet and font.

Each browser is known by a random id in a cookie; its players keep their
place and answers in a state directory of that id's own, beside (never in)
the terminal user's. A browser that refuses cookies plays with a state kept
only while its tab is open.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import re
import secrets
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from aiohttp import WSMsgType, web
from textual_serve.download_manager import DownloadManager

from .launch import SESSION_ID, Launch, command
from .page import notice_page, player_page
from .players import Player
from .protocol import forward, number, terminal_size

SESSION_COOKIE = "llm_landscape_session"
TOKEN_COOKIE = "llm_landscape_token"
COOKIE_SECONDS = 365 * 24 * 3600
"""The widest or tallest terminal a tab may ask for; beyond it, the default."""
FULL = "The class is full"
CONTENT_SECURITY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "font-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'"
)
_SAFE_FILE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Class:
    """What the server serves, and to how many at once."""

    lesson: Path
    title: str
    steps: int
    state_root: Path
    max_sessions: int = 8
    token: str | None = None
    start: Launch = field(default_factory=Launch)
    """Where a tab starts when its address does not say (``--step``, ``--theme``)."""
    player_options: tuple[str, ...] = ()
    """Options every player is started with (``--skip-checks``, ``--wpm N``)."""


class ClassServer:
    def __init__(self, served: Class) -> None:
        self.served = served
        self.players: set[Player] = set()
        self.sockets: set[web.WebSocketResponse] = set()
        self.downloads = DownloadManager()

    # -- the application ----------------------------------------------------

    def application(self) -> web.Application:
        from importlib.resources import files

        statics = Path(str(files("textual_serve") / "static"))
        app = web.Application()
        app.add_routes(
            [
                web.get("/", self.page),
                web.get("/ws/{launch}", self.websocket),
                web.get("/download/{key}", self.download),
                web.static("/static", statics, show_index=False, follow_symlinks=False),
            ]
        )
        app.on_shutdown.append(self.shut_down)
        return app

    @property
    def full(self) -> bool:
        return len(self.players) >= self.served.max_sessions

    async def shut_down(self, _app: web.Application) -> None:
        """Every player ended (asked, then made to), every tab told."""
        await asyncio.gather(*(player.stop() for player in list(self.players)))
        for socket in list(self.sockets):
            with contextlib.suppress(Exception):
                await socket.close()

    # -- the page -------------------------------------------------------------

    async def page(self, request: web.Request) -> web.Response:
        title = self.served.title
        if not self._admitted(request):
            return _notice(
                title,
                403,
                "This class needs its link",
                "Ask your teacher for the whole address, the part after ?token= included.",
            )
        if self.full:
            return _notice(
                title,
                503,
                FULL,
                f"{_places(self.served.max_sessions)} Try again shortly: "
                "a place frees as soon as someone closes their tab.",
            )
        launch = Launch.from_query(request.query, self.served.steps)
        size = number(request.query.get("fontsize"), 16, low=8, high=48)
        response = web.Response(
            text=player_page(title, f"ws/{launch.as_path()}", size),
            content_type="text/html",
        )
        _no_store(response)
        if SESSION_ID.fullmatch(request.cookies.get(SESSION_COOKIE, "")) is None:
            _cookie(response, SESSION_COOKIE, secrets.token_hex(16))
        if self.served.token is not None and request.query.get("token"):
            _cookie(response, TOKEN_COOKIE, _digest(self.served.token))
        return response

    def _admitted(self, request: web.Request) -> bool:
        token = self.served.token
        if token is None:
            return True
        given = request.query.get("token")
        if given is not None and hmac.compare_digest(given.encode(), token.encode()):
            return True
        kept = request.cookies.get(TOKEN_COOKIE, "")
        return hmac.compare_digest(kept.encode(), _digest(token).encode())

    # -- one tab's player -------------------------------------------------------

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        if not self._admitted(request):
            raise web.HTTPForbidden(text="This class needs its link (with ?token=).")
        if (errors := await asyncio.to_thread(lesson_errors, self.served.lesson)) is not None:
            return await self._say_and_close(request, errors)
        # From the check to the add below nothing awaits: the class's places are exact.
        if self.full:
            raise web.HTTPServiceUnavailable(text=f"{FULL}: try again shortly.")
        launch = Launch.from_path(request.match_info["launch"], self.served.steps)
        launch = launch.over(self.served.start)
        width, height = terminal_size(request.query.get("width"), request.query.get("height"))
        session = request.cookies.get(SESSION_COOKIE, "")
        with self._state_dir(session) as state_dir:
            socket = web.WebSocketResponse(heartbeat=15)
            player = Player(
                command(self.served.lesson, launch, self.served.player_options),
                state_dir=state_dir,
                send_bytes=socket.send_bytes,
                send_text=socket.send_str,
                close=partial(_close, socket),
                downloads=self.downloads,
            )
            self.players.add(player)
            try:
                await socket.prepare(request)
                self.sockets.add(socket)
                await player.start(width, height)
                await self._relay(socket, player)
            finally:
                self.sockets.discard(socket)
                await player.stop()
                self.players.discard(player)
        return socket

    async def _say_and_close(self, request: web.Request, errors: str) -> web.WebSocketResponse:
        """The lesson was edited into an error since the server started: the tab
        shows what is wrong (a player would only have ended at once)."""
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        said = f"The lesson has errors; once they are fixed, start again.\n\n{errors}\n"
        await socket.send_bytes(said.replace("\n", "\r\n").encode("utf-8", "replace"))
        await socket.close()
        return socket

    @contextlib.contextmanager
    def _state_dir(self, session: str) -> Iterator[Path]:
        if SESSION_ID.fullmatch(session):
            path = self.served.state_root / session
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            yield path
            return
        with tempfile.TemporaryDirectory(prefix="llm-landscape-tab-") as kept_while_open:
            yield Path(kept_while_open)

    async def _relay(self, socket: web.WebSocketResponse, player: Player) -> None:
        """The browser's keys, resizes and focus to the player, until either ends."""
        assert player.process is not None
        ended = asyncio.ensure_future(player.process.wait())
        ended.add_done_callback(lambda _: asyncio.ensure_future(socket.close()))
        try:
            async for message in socket:
                if message.type is not WSMsgType.TEXT:
                    continue
                await forward(message.data, socket, player)
        finally:
            ended.cancel()

    # -- downloads --------------------------------------------------------------

    async def download(self, request: web.Request) -> web.StreamResponse:
        if not self._admitted(request):
            raise web.HTTPForbidden(text="This class needs its link (with ?token=).")
        key = request.match_info["key"]
        try:
            meta = await self.downloads.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(
                text="No such download (it may have been taken already)."
            ) from None
        name = _SAFE_FILE_NAME.sub("-", meta.file_name).strip("-.") or "download"
        content_type = meta.mime_type + (f"; charset={meta.encoding}" if meta.encoding else "")
        response = web.StreamResponse(
            headers={
                "Content-Type": content_type,
                "Content-Disposition": f'attachment; filename="{name}"',
                "X-Content-Type-Options": "nosniff",
            }
        )
        await response.prepare(request)
        async for chunk in self.downloads.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response


def lesson_errors(path: Path) -> str | None:
    """What is wrong with the lesson as it is on disk now, or None (a cached
    lesson whose files are unchanged costs a few milliseconds)."""
    from ..lesson import load
    from ..lesson.diagnostics import LessonError

    try:
        load(path)
    except LessonError as error:
        return error.format()
    return None


async def _close(socket: web.WebSocketResponse) -> None:
    await socket.close()


def _places(count: int) -> str:
    return "The one place is taken." if count == 1 else f"All {count} places are taken."


def _digest(token: str) -> str:
    """What the cookie keeps: the token's hash, not the token."""
    return hashlib.sha256(f"llm-landscape:{token}".encode()).hexdigest()


def _cookie(response: web.Response, name: str, value: str) -> None:
    response.set_cookie(name, value, max_age=COOKIE_SECONDS, httponly=True, samesite="Lax")


def _no_store(response: web.StreamResponse) -> None:
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"


def _notice(title: str, status: int, heading: str, body: str) -> web.Response:
    response = web.Response(
        status=status, text=notice_page(title, heading, body), content_type="text/html"
    )
    _no_store(response)
    if status == 503:
        response.headers["Retry-After"] = "10"
    return response
