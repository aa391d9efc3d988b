"""What a browser sends, checked before a player sees any of it: textual.js's
websocket messages (keys, resizes, focus, pings) and the numbers in a page's
query. Anything malformed or out of range is dropped or replaced by a default,
never an error: the sender is any page on the network.
"""

from __future__ import annotations

import contextlib
import json

from aiohttp import web

from .players import Player

MAX_CELLS = 1000
"""The widest and tallest terminal a browser may ask a player for."""


def terminal_size(width: object, height: object) -> tuple[int, int]:
    """A terminal size from what the browser sent (80×24 for what it did not)."""
    return (
        number(width, 80, low=1, high=MAX_CELLS),
        number(height, 24, low=1, high=MAX_CELLS),
    )


async def forward(text: str, socket: web.WebSocketResponse, player: Player) -> None:
    """One message of textual.js's protocol; anything malformed is dropped."""
    try:
        envelope = json.loads(text)
    except (ValueError, RecursionError):  # "[[[[…": deeper than the parser goes
        return
    if not isinstance(envelope, list) or not envelope:
        return
    kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
    if kind == "stdin" and isinstance(data, str):
        await player.send_bytes(data.encode("utf-8", "replace"))
    elif kind == "resize" and isinstance(data, dict):
        await player.set_terminal_size(*terminal_size(data.get("width"), data.get("height")))
    elif kind == "ping" and isinstance(data, str) and len(data) < 64:
        with contextlib.suppress(ConnectionError, RuntimeError):  # the tab is closing
            await socket.send_json(["pong", data])
    elif kind == "focus":
        await player.focus()
    elif kind == "blur":
        await player.blur()


def number(value: object, default: int, *, low: int, high: int) -> int:
    """``value`` (a number, or its digits) if within ``low``..``high``, else ``default``."""
    if isinstance(value, bool):
        return default
    if isinstance(value, str) and value.isdigit() and len(value) <= 6:
        value = int(value)
    return value if isinstance(value, int) and low <= value <= high else default
