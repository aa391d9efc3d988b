"""``llm-landscape --serve``: the real server, spoken to as textual.js speaks to it.

Each test starts the installed command on a free port and drives it with
aiohttp (``webclient.py``); ``test_browser.py`` does the same in Chromium.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from llm_landscape.cli import builtin_lesson
from llm_landscape.web.launch import THEMES, Launch, command
from tests.webclient import PLAYER, Server, Tab, players_of, wait_until_gone

GONE_SECONDS = 8.0
"""A closed tab's player must be gone by then (quit asked, 3 s, then SIGTERM)."""


@pytest.fixture
def odd_lesson(tmp_path: Path) -> Path:
    """The built-in lesson in a folder whose name a shell would act on."""
    target = tmp_path / "a lesson; touch PWNED $(touch PWNED2)"
    shutil.copytree(builtin_lesson(), target)
    return target


@pytest.fixture
def server(tmp_path: Path, odd_lesson: Path) -> Iterator[Server]:
    served = Server(str(odd_lesson), state=tmp_path / "state")
    yield served
    served.stop()


# -- what a URL may ask -------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"step": "3"}, Launch(3, None)),
        ({"step": "3", "theme": "light"}, Launch(3, "light")),
        ({"step": "6", "theme": "high-contrast"}, Launch(6, "high-contrast")),
        ({"step": "7"}, Launch()),  # past the last step
        ({"step": "0"}, Launch()),
        ({"step": "-1"}, Launch()),
        ({"step": "03"}, Launch()),
        ({"step": "3;touch x"}, Launch()),
        ({"step": "$(reboot)"}, Launch()),
        ({"step": "３"}, Launch()),  # a full-width digit: int() would take it
        ({"step": "3\n"}, Launch()),
        ({"theme": "light\x1b]0;owned\x07"}, Launch()),
        ({"theme": "nord"}, Launch()),
        ({"theme": "../light"}, Launch()),
    ],
)
def test_a_deep_link_is_a_step_in_range_and_a_known_theme_or_nothing(
    query: dict[str, str], expected: Launch
) -> None:
    launch = Launch.from_query(query, steps=6)
    assert launch == expected
    assert Launch.from_path(launch.as_path(), steps=6) == launch


def test_the_web_themes_are_the_players_own() -> None:
    from llm_landscape.player.themes import ALIASES

    assert tuple(ALIASES) == THEMES


def test_the_player_command_is_this_python_and_an_absolute_path(tmp_path: Path) -> None:
    argv = command(Path("-rf lesson"), Launch(2, "light"))
    assert argv[:3] == [sys.executable, "-m", "llm_landscape"]
    assert argv[3] == str(Path("-rf lesson").resolve())
    assert argv[4:] == ["--step", "2", "--theme", "light"]


# -- the command ----------------------------------------------------------------


def test_without_the_web_extra_serve_says_how_to_install_it(tmp_path: Path) -> None:
    # A Python that cannot import aiohttp: the command exits 2 with the install line.
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text(
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name in ('aiohttp', 'textual_serve'):\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
    )
    result = subprocess.run(
        [PLAYER, "--serve"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 2
    assert "pip install 'llm-landscape[web]'" in result.stderr
    assert result.stdout == ""


def test_the_start_message_says_where_who_and_how_to_stop(server: Server) -> None:
    banner = "".join(server.banner)
    assert f"http://127.0.0.1:{server.port}/" in banner
    assert "Only this machine can reach it" in banner
    assert "Anyone who can reach this address can play" in banner
    assert "Ctrl+C stops" in banner


def test_a_busy_port_is_one_clear_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [PLAYER, "--serve", "--port", str(port)], capture_output=True, text=True, timeout=60
        )
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


# -- a tab, its player ------------------------------------------------------------


async def test_a_tab_plays_the_lesson_and_its_player_ends_with_it(
    server: Server, odd_lesson: Path, tmp_path: Path
) -> None:
    tab = Tab(server.base)
    assert await tab.open() == 200
    await tab.until("Space")  # the title card
    [player] = server.players()
    await tab.press(" ", "Step 1 / 6")
    await tab.close()
    assert wait_until_gone([player], GONE_SECONDS) == []
    assert server.players() == []  # reaped, not a zombie
    # The odd folder name reached the player as one argument, never a shell.
    assert not (tmp_path / "PWNED").exists() and not (tmp_path / "PWNED2").exists()
    assert not Path("PWNED").exists() and not Path("PWNED2").exists()


async def test_a_deep_link_opens_its_step_in_its_theme(server: Server) -> None:
    tab = Tab(server.base)
    assert await tab.open("?step=3&theme=light") == 200
    await tab.until("Step 3 / 6")
    # llm-light's background (#F2F2F2), as truecolor: the theme came through.
    assert "48;2;242;242;242" in tab.raw
    await tab.close()


async def test_a_bad_deep_link_starts_on_the_title_card(server: Server) -> None:
    tab = Tab(server.base)
    assert await tab.open("?step=3%3Btouch%20X&theme=%1B%5D0%3Bx%07") == 200
    await tab.until("Space")
    assert "Step 3 / 6" not in tab.screen
    await tab.close()


async def test_q_in_the_browser_ends_the_player_and_closes_the_tab(server: Server) -> None:
    tab = Tab(server.base)
    await tab.open()
    await tab.until("Space")
    [player] = server.players()
    await tab.press("q")
    with pytest.raises(AssertionError, match="closed before"):
        await tab.until("never drawn", seconds=15)
    await tab.close()
    assert wait_until_gone([player], GONE_SECONDS) == []


async def test_each_browser_keeps_its_own_place_apart_from_the_terminal(
    server: Server, tmp_path: Path
) -> None:
    browser = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    first = Tab(server.base, browser)
    await first.open()
    await first.until("Space")
    await first.press("3", "Step 3 / 6")
    await first.press("q")
    await first.close()
    # The same browser (its cookie) comes back: it is offered its place.
    again = Tab(server.base, browser)
    await again.open()
    await again.until("Resume at step 3")
    await again.close()
    await browser.close()
    # Another browser is not.
    other = Tab(server.base)
    await other.open()
    screen = await other.until("Space")
    assert "Resume" not in screen
    await other.close()
    state = tmp_path / "state"
    assert not (state / "state.json").exists(), "a tab wrote the terminal user's state"
    [kept] = list((state / "web").glob("*/state.json"))
    assert json.loads(kept.read_text())["positions"]


async def test_e_hands_the_lesson_page_to_the_browser(server: Server) -> None:
    tab = Tab(server.base)
    await tab.open()
    await tab.until("Space")
    await tab.press("e")
    for _ in range(100):
        if any(t[0] == "deliver_file_start" for t in tab.texts if isinstance(t, list)):
            break
        with pytest.raises(AssertionError):
            await tab.until("never drawn", seconds=0.2)
    [key] = [t[1] for t in tab.texts if isinstance(t, list) and t[0] == "deliver_file_start"]
    async with tab.session.get(f"{server.base}download/{key}") as response:
        assert response.status == 200
        assert response.headers["Content-Disposition"] == (
            'attachment; filename="the-llm-landscape.html"'
        )
        page = await response.text()
    assert page.startswith("<!DOCTYPE html>") and "The Major Players" in page
    await tab.until("downloads.")
    await tab.close()


# -- a bounded class ----------------------------------------------------------------


async def test_past_max_sessions_the_next_tab_is_told_the_class_is_full(
    tmp_path: Path,
) -> None:
    served = Server("--max-sessions", "2", state=tmp_path / "state")
    tabs = [Tab(served.base) for _ in range(2)]
    try:
        for tab in tabs:
            assert await tab.open() == 200
        await asyncio.gather(*(tab.until("Space") for tab in tabs))
        late = Tab(served.base)
        async with late.session.get(served.base) as response:
            assert response.status == 503
            assert "The class is full" in await response.text()
            assert response.headers["Retry-After"]
        async with late.session.get(f"{served.base}ws/-.-") as response:
            assert response.status == 503
        await tabs[0].close()
        # A place frees when a tab closes.
        for _ in range(100):
            async with late.session.get(served.base) as response:
                if response.status == 200:
                    break
            await asyncio.sleep(0.1)
        assert response.status == 200
        await late.close()
    finally:
        for tab in tabs:
            await tab.close()
        served.stop()


async def test_ctrl_c_ends_the_server_and_every_player(tmp_path: Path, odd_lesson: Path) -> None:
    served = Server(str(odd_lesson), state=tmp_path / "state")
    tabs = [Tab(served.base) for _ in range(3)]
    for tab in tabs:
        await tab.open()
    await asyncio.gather(*(tab.until("Space") for tab in tabs))
    players = served.players()
    assert len(players) == 3
    loop = asyncio.get_running_loop()
    code = await loop.run_in_executor(None, served.stop)  # SIGINT, as Ctrl+C
    assert code == 0
    assert wait_until_gone(players, 1) == []
    assert players_of(odd_lesson) == []
    for tab in tabs:
        await tab.close()


# -- what the server refuses ------------------------------------------------------


def raw_get(port: int, path: str) -> tuple[int, bytes]:
    """A request sent as written: a client library would tidy ``..`` away first."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return int(answer.split(b" ", 2)[1]), answer


@pytest.mark.parametrize(
    "path",
    [
        "/static/../server.py",
        "/static/%2e%2e/server.py",
        "/static/..%2fserver.py",
        "/static/css/../../server.py",
        "/static/../../../../../../etc/passwd",
    ],
)
def test_static_files_do_not_reach_out_of_their_folder(server: Server, path: str) -> None:
    status, answer = raw_get(server.port, path)
    assert status in (400, 403, 404)
    assert b"import" not in answer and b"root:" not in answer


def test_the_page_fetches_nothing_from_outside_the_machine(server: Server) -> None:
    status, answer = raw_get(server.port, "/")
    assert status == 200
    head, _, page = answer.partition(b"\r\n\r\n")
    assert b"http://" not in page and b"https://" not in page and b"//fonts" not in page
    assert b"Content-Security-Policy: default-src 'self'" in head


async def test_a_token_is_asked_for_on_the_page_and_the_websocket(tmp_path: Path) -> None:
    served = Server("--token", "s3cret word", state=tmp_path / "state")
    try:
        assert "?token=s3cret%20word" in "".join(served.banner)
        stranger = Tab(served.base)
        assert await stranger.open() == 403
        async with stranger.session.get(f"{served.base}ws/-.-") as response:
            assert response.status == 403
        async with stranger.session.get(f"{served.base}?token=wrong") as response:
            assert response.status == 403
        await stranger.close()
        learner = Tab(served.base)
        assert await learner.open("?token=s3cret%20word") == 200  # and the websocket
        await learner.until("Space")
        # Back later, without the token in the address: the cookie admits.
        async with learner.session.get(served.base) as response:
            assert response.status == 200
        await learner.close()
    finally:
        served.stop()


def test_the_token_may_come_from_the_environment(tmp_path: Path) -> None:
    served = Server(state=tmp_path / "state", env={"LLM_LANDSCAPE_TOKEN": "from-env"})
    try:
        assert "?token=from-env" in "".join(served.banner)
        assert raw_get(served.port, "/")[0] == 403
        assert raw_get(served.port, "/?token=from-env")[0] == 200
    finally:
        served.stop()


# -- a class at once ----------------------------------------------------------------


async def test_eight_learners_at_once_each_step_through_the_whole_lesson(
    tmp_path: Path, odd_lesson: Path
) -> None:
    served = Server(str(odd_lesson), state=tmp_path / "state")  # --max-sessions 8
    browsers = [aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) for _ in range(8)]
    tabs = [Tab(served.base, browser) for browser in browsers]
    try:
        for tab in tabs:
            assert await tab.open() == 200

        async def walk(tab: Tab) -> None:
            await tab.until("Space", seconds=60)
            for number in range(1, 7):
                await tab.press(" ", f"Step {number} / 6", seconds=60)
            await tab.press(" ", "Lesson complete", seconds=60)

        await asyncio.gather(*(walk(tab) for tab in tabs))
        players = served.players()
        assert len(players) == 8
        ninth = Tab(served.base)
        assert await ninth.open() == 503
        await ninth.close()
        for tab in tabs:
            await tab.close()
        assert wait_until_gone(players, GONE_SECONDS) == []
        assert served.players() == []
        # Every learner's place kept apart: eight state files, each at the end.
        kept = sorted((tmp_path / "state" / "web").glob("*/state.json"))
        assert len(kept) == 8
    finally:
        for browser in browsers:
            await browser.close()
        assert served.stop() == 0
    assert players_of(odd_lesson) == []


def test_on_every_interface_the_start_message_says_so(tmp_path: Path) -> None:
    served = Server("--host", "0.0.0.0", state=tmp_path / "state")
    try:
        banner = "".join(served.banner)
        assert "Listening on every network interface, not only this machine." in banner
        assert f"http://{socket.gethostname()}:{served.port}/" in banner
        from llm_landscape.web.run import network_address

        if (own := network_address()) is not None:  # and the address, for any machine
            assert f"http://{own}:{served.port}/" in banner
        # The page's addresses are relative: it works under whatever name the browser used.
        status, answer = raw_get(served.port, "/")
        assert status == 200 and b'data-session-websocket-url="ws/-.-"' in answer
    finally:
        served.stop()


async def test_a_player_that_will_not_quit_is_ended_and_reaped(tmp_path: Path) -> None:
    """textual-serve would wait for ever; the server gives it QUIT_GRACE, then
    SIGTERM (ignored here), then SIGKILL, and reaps it."""
    from textual_serve.download_manager import DownloadManager

    from llm_landscape.web.players import QUIT_GRACE, TERM_GRACE, Player

    stubborn = (
        "import signal, sys, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "print('__GANGLION__', flush=True)\n"
        "time.sleep(600)\n"
    )

    async def nowhere(_data: object = None) -> None:
        return None

    player = Player(
        [sys.executable, "-c", stubborn],
        state_dir=tmp_path,
        send_bytes=nowhere,
        send_text=nowhere,
        close=nowhere,
        downloads=DownloadManager(),
    )
    await player.start(80, 24)
    assert player.process is not None
    loop = asyncio.get_running_loop()
    started = loop.time()
    await player.stop()
    took = loop.time() - started
    assert player.process.returncode == -9  # SIGKILL: it ignored the rest
    assert QUIT_GRACE + TERM_GRACE <= took < QUIT_GRACE + TERM_GRACE + 3
    assert not Path(f"/proc/{player.process.pid}").exists()  # reaped


async def test_a_closed_output_neither_stops_the_server_nor_strands_its_players(
    tmp_path: Path, odd_lesson: Path
) -> None:
    """``llm-landscape --serve | head -2``: head has gone when Ctrl+C comes, and
    the server's last line has nowhere to go; every player still ends."""
    import os
    import re
    import signal

    environment = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    environment["LLM_LANDSCAPE_STATE_DIR"] = str(tmp_path / "state")
    server = subprocess.Popen(
        [PLAYER, "--serve", str(odd_lesson), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    assert server.stdout is not None
    lines = [server.stdout.readline().decode(), server.stdout.readline().decode()]
    server.stdout.close()  # as head does once it has its lines
    port = re.search(r":(\d+)/", lines[1]).group(1)  # type: ignore[union-attr]
    tab = Tab(f"http://127.0.0.1:{port}/")
    assert await tab.open() == 200
    await tab.until("Space")
    assert players_of(odd_lesson)
    server.send_signal(signal.SIGINT)
    loop = asyncio.get_running_loop()
    code = await loop.run_in_executor(None, server.wait, 30)
    await tab.close()
    assert code == 0
    assert players_of(odd_lesson) == []
    assert b"Traceback" not in server.stderr.read()  # type: ignore[union-attr]


async def test_the_teachers_step_and_options_are_every_tabs_default(tmp_path: Path) -> None:
    """``--serve --step 2 --skip-checks``: each tab starts on step 2 without the
    questions, unless its address names another step."""
    served = Server("--step", "2", "--skip-checks", state=tmp_path / "state")
    try:
        tab = Tab(served.base)
        await tab.open()
        screen = await tab.until("Step 2 / 6")
        assert "Check yourself" not in screen
        await tab.close()
        linked = Tab(served.base)
        await linked.open("?step=5")
        await linked.until("Step 5 / 6")
        await linked.close()
    finally:
        served.stop()


def test_serve_takes_only_the_themes_a_link_could_name(tmp_path: Path) -> None:
    result = subprocess.run(
        [PLAYER, "--serve", "--theme", "nord"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "--theme with --serve is one of: dark, light, high-contrast" in result.stderr


async def test_malformed_messages_are_dropped_and_the_player_plays_on(server: Server) -> None:
    tab = Tab(server.base)
    await tab.open()
    await tab.until("Space")
    assert tab.socket is not None
    for junk in (
        "not json",
        "[]",
        "{}",
        '["stdin"]',
        '["stdin", 42]',
        '["resize", {"width": 99999999, "height": -3}]',
        '["resize", {"width": true, "height": "24"}]',
        '["resize", "wide"]',
        '["ping", "' + "x" * 5000 + '"]',
        '["unknown", 1]',
        "[" * 10000,
    ):
        await tab.socket.send_str(junk)
    await tab.socket.send_bytes(b"\x00\xff binary")
    await tab.press(" ", "Step 1 / 6")  # still answering, at its own size
    await tab.close()


async def test_a_crafted_session_cookie_is_not_a_path(server: Server, tmp_path: Path) -> None:
    # Straight to the websocket, as no page would send it: the page replaces a
    # cookie that is not one of its ids.
    async with aiohttp.ClientSession() as browser:
        address = f"{server.base}ws/-.-?width=80&height=24"
        crafted = {"Cookie": "llm_landscape_session=../../escaped"}
        async with browser.ws_connect(address, headers=crafted) as socket:
            tab = Tab(server.base, browser)
            tab.socket = socket
            await tab.until("Space")
            await tab.press("3", "Step 3 / 6")
            await tab.press("q")
            with pytest.raises(AssertionError, match="closed before"):
                await tab.until("never drawn", seconds=15)
    assert not list(tmp_path.glob("**/escaped*"))
    assert not (tmp_path / "state" / "web").exists()  # kept only while the tab was open


async def test_a_lesson_broken_while_serving_says_what_is_wrong_in_the_tab(
    tmp_path: Path, odd_lesson: Path
) -> None:
    served = Server(str(odd_lesson), state=tmp_path / "state")
    try:
        first = sorted(odd_lesson.glob("*.yaml"))[-1]
        first.write_text("title: [unclosed\n", encoding="utf-8")  # the teacher mid-edit
        tab = Tab(served.base)
        assert await tab.open() == 200
        with pytest.raises(AssertionError, match="closed before"):
            await tab.until("never drawn", seconds=15)
        assert "The lesson has errors" in tab.screen
        assert f"{first.name}:" in tab.screen and "error" in tab.screen
        assert served.players() == []  # no player was started to fail
        await tab.close()
    finally:
        served.stop()
