"""Running the class's server: listen, say where, stop cleanly on Ctrl+C.

The start message goes to standard output (it is what the teacher asked
for); every line is the server's own, its values made safe to print.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import signal
import socket
import sys
from typing import TextIO
from urllib.parse import quote

from aiohttp import web

from ..lesson.textsafety import safe_name
from .server import Class, ClassServer

SHUTDOWN_SECONDS = 10.0
"""How long a stop waits for the pages' handlers once every player has ended."""


def serve(served: Class, host: str, port: int, out: TextIO | None = None) -> int:
    """Serve until Ctrl+C (SIGINT), SIGTERM or SIGHUP; 0 then, 1 if it cannot listen."""
    return asyncio.run(_serve(served, host, port, out or sys.stdout))


async def _serve(served: Class, host: str, port: int, out: TextIO) -> int:
    server = ClassServer(served)
    runner = web.AppRunner(
        server.application(),
        handle_signals=False,
        access_log=None,
        shutdown_timeout=SHUTDOWN_SECONDS,
    )
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as error:
        await runner.cleanup()
        sys.stderr.write(
            f"llm-landscape: cannot listen on {safe_name(host)}:{port} "
            f"({error.strerror or error}); choose another --port or --host\n"
        )
        return 1
    try:
        bound = runner.addresses[0][1] if runner.addresses else port
        _say(out, start_message(served, host, bound))
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(number, stop.set)
        await stop.wait()
        if server.players:
            _say(out, f"Stopping: ending {len(server.players)} player(s)…\n")
    finally:
        await runner.cleanup()  # runs ClassServer.shut_down: every player ended
    return 0


def _say(out: TextIO, text: str) -> None:
    """A line for the teacher; a closed or full output (``| head -3``) must not
    stop the server, nor leave its players behind."""
    with contextlib.suppress(OSError, ValueError):
        out.write(text)
        out.flush()


def loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


EVERYWHERE = ("0.0.0.0", "::", "")


def addresses(host: str, port: int, token: str | None) -> list[str]:
    """The addresses to hand the class: on every interface, by this machine's
    name and by its address on the network (a name may not resolve for the
    class's machines)."""
    query = f"?token={quote(token, safe='')}" if token else ""
    if host in EVERYWHERE:
        shown = [socket.gethostname() or "localhost"]
        if (own := network_address()) is not None:
            shown.append(own)
    else:
        shown = [f"[{host}]" if ":" in host else host]
    return [f"http://{name}:{port}/{query}" for name in shown]


def network_address() -> str | None:
    """This machine's address on the way out: a UDP socket "connected" to a
    documentation address sends nothing, but the system picks the interface."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            own = str(probe.getsockname()[0])
    except OSError:
        return None
    return None if own.startswith("127.") or own == "0.0.0.0" else own


def start_message(served: Class, host: str, port: int) -> str:
    lines = [
        f"Serving “{safe_name(served.title)}” to up to {served.max_sessions} learners at once:",
        *(f"    {safe_name(shown)}" for shown in addresses(host, port, served.token)),
    ]
    if loopback(host):
        lines.append("Only this machine can reach it. --host 0.0.0.0 serves your network.")
    else:
        where = "every network interface" if host in EVERYWHERE else safe_name(host)
        lines.append(f"Listening on {where}, not only this machine.")
    if served.token is None:
        lines.append(
            "Anyone who can reach this address can play; --token TOKEN asks for a shared secret."
        )
    else:
        lines.append("Without the token in the address, a visitor is turned away.")
    lines.append("Ctrl+C stops the server and every player it started.")
    return "\n".join(lines) + "\n"
