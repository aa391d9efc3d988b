"""``--serve`` in a real browser: Debian's Chromium, driven by Playwright.

No browser is downloaded: Playwright is pointed at the system's ``chromium``
(``.ci/run`` installs it and sets LLM_LANDSCAPE_REQUIRE_BROWSER, so that in
CI a missing browser fails instead of skipping). xterm.js draws on a WebGL
canvas, which leaves no text in the DOM; what the page's terminal was sent is
read where it arrives, from the page's own websocket, decoded in the page.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from llm_landscape.cli import builtin_lesson
from llm_landscape.lesson.loader import load_lesson
from tests.webclient import Server, screen_text

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and not os.environ.get("LLM_LANDSCAPE_REQUIRE_BROWSER"):
    pytest.skip("no chromium here (CI installs it)", allow_module_level=True)

pytest.importorskip("playwright.async_api")
from playwright.async_api import Browser, Page, async_playwright  # noqa: E402

# Everything the page's terminal receives, handed to the test as it arrives.
HOOK = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.WebSocket = function (...args) {
    const socket = new Native(...args);
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.drawn(decoder.decode(event.data, {stream: true}));
      }
    });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
})();
"""


class Screen:
    """What the page's terminal has been sent since the last ``clear``."""

    def __init__(self) -> None:
        self.raw = ""
        self.changed = asyncio.Event()

    def receive(self, _source: object, chunk: str) -> None:
        self.raw += chunk
        self.changed.set()

    def clear(self) -> None:
        self.raw = ""

    async def until(self, text: str, seconds: float = 30) -> None:
        async def drawn() -> None:
            while text not in screen_text(self.raw):
                self.changed.clear()
                await self.changed.wait()

        try:
            await asyncio.wait_for(drawn(), seconds)
        except asyncio.TimeoutError:
            tail = screen_text(self.raw)[-1500:]
            raise AssertionError(f"{text!r} never reached the page; last: {tail!r}") from None


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        await launched.close()


async def open_page(browser: Browser, url: str) -> tuple[Page, Screen, list[str]]:
    context = await browser.new_context(viewport={"width": 1100, "height": 700})
    origin = re.match(r"https?://[^/]+", url).group(0)  # type: ignore[union-attr]
    await context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page = await context.new_page()
    screen, requests = Screen(), list[str]()
    page.on("request", lambda request: requests.append(request.url))
    await page.expose_binding("drawn", screen.receive)
    await page.add_init_script(HOOK)
    await page.goto(url)
    await page.wait_for_selector("body.-first-byte", state="attached", timeout=30_000)
    return page, screen, requests


async def test_the_served_page_plays_in_chromium(tmp_path: Path, browser: Browser) -> None:
    served = Server(state=tmp_path / "state")
    try:
        # textual.js would fetch a "ping" address from the query: not from here.
        page, screen, requests = await open_page(browser, f"{served.base}?ping=http://192.0.2.1/")
        await screen.until("Space")  # the title card
        await page.click("#terminal")
        screen.clear()
        await page.keyboard.press("Space")
        await screen.until("Step 1 / 6")
        await page.screenshot(path=str(tmp_path / "step-1.png"))
        # Nothing was fetched from outside this machine, and the query is gone
        # from the address bar.
        outside = [u for u in requests if not re.match(rf"https?://127\.0\.0\.1:{served.port}/", u)]
        assert outside == []
        assert page.url == served.base
    finally:
        served.stop()


async def test_a_deep_link_opens_step_3_in_chromium(tmp_path: Path, browser: Browser) -> None:
    served = Server(state=tmp_path / "state")
    try:
        page, screen, _ = await open_page(browser, f"{served.base}?step=3&theme=light")
        await screen.until("Step 3 / 6")
        assert "48;2;242;242;242" in screen.raw  # llm-light's background
        # c puts the step's code on the browser's clipboard.
        await page.click("#terminal")
        screen.clear()
        await page.keyboard.press("c")
        await screen.until("to the clipboard")
        copied = await page.evaluate("() => navigator.clipboard.readText()")
        code = load_lesson(builtin_lesson())[0].steps[2].code
        assert code is not None and copied == code.source
    finally:
        served.stop()


async def test_a_closed_page_ends_its_player(tmp_path: Path, browser: Browser) -> None:
    from tests.webclient import wait_until_gone

    served = Server(state=tmp_path / "state")
    try:
        page, screen, _ = await open_page(browser, served.base)
        await screen.until("Space")
        players = served.players()
        assert players
        await page.close()
        assert wait_until_gone(players, 8) == []
    finally:
        served.stop()


async def proxy(target: str, prefix: str) -> tuple[object, int]:
    """A reverse proxy that serves ``target`` under ``prefix`` (as nginx's
    ``location /prefix/ { proxy_pass …/; }`` would): HTTP and websockets."""
    import aiohttp
    from aiohttp import web

    client = aiohttp.ClientSession()

    async def forward(request: web.Request) -> web.StreamResponse:
        tail = "/" + request.path_qs[len(prefix) :]
        if request.headers.get("Upgrade", "").lower() == "websocket":
            inner = await client.ws_connect(
                target + tail, headers={"Cookie": request.headers.get("Cookie", "")}
            )
            outer = web.WebSocketResponse()
            await outer.prepare(request)

            async def pump(source: object, sink: object) -> None:
                async for message in source:  # type: ignore[attr-defined]
                    if message.type is aiohttp.WSMsgType.BINARY:
                        await sink.send_bytes(message.data)  # type: ignore[attr-defined]
                    elif message.type is aiohttp.WSMsgType.TEXT:
                        await sink.send_str(message.data)  # type: ignore[attr-defined]
                await sink.close()  # type: ignore[attr-defined]

            await asyncio.gather(pump(inner, outer), pump(outer, inner))
            return outer
        headers = {"Cookie": request.headers.get("Cookie", "")}
        async with client.get(target + tail, headers=headers) as answer:
            body = await answer.read()
            kept = {
                k: v
                for k, v in answer.headers.items()
                if k.lower() in ("content-type", "set-cookie", "content-disposition")
            }
            return web.Response(status=answer.status, body=body, headers=kept)

    app = web.Application()
    app.router.add_route("GET", prefix + "{tail:.*}", forward)
    runner = web.AppRunner(app, shutdown_timeout=2)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]

    async def close() -> None:
        await runner.cleanup()
        await client.close()

    return close, port


async def test_behind_a_proxy_on_a_path_prefix(tmp_path: Path, browser: Browser) -> None:
    served = Server(state=tmp_path / "state")
    close, port = await proxy(served.base.rstrip("/"), "/class/")
    try:
        page, screen, requests = await open_page(browser, f"http://127.0.0.1:{port}/class/")
        await screen.until("Space")
        await page.click("#terminal")
        await page.keyboard.press("Space")
        await screen.until("Step 1 / 6")
        # Every request went through the prefix, none to the server's own address.
        assert all(u.startswith(f"http://127.0.0.1:{port}/class/") for u in requests), requests
        # And the e key's download, which textual.js opens at the origin's root.
        async with page.context.expect_event(
            "request", lambda request: "/download/" in request.url, timeout=30_000
        ) as asked:
            await page.keyboard.press("e")
        assert (await asked.value).url.startswith(f"http://127.0.0.1:{port}/class/download/")
    finally:
        served.stop()  # first: its websockets end, and so the proxy's
        await close()  # type: ignore[operator]
