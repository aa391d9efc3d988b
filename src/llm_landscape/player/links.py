"""Following a link from the prose: web links only, and only after asking.

In the player a link carries its address as data (``render/prose.py``); a click
reaches here through the lesson screen, never as an action of its own.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.app import App

WEB_SCHEMES = ("http", "https")


def follow(app: App[Any], address: str) -> None:
    """Ask before opening ``address`` in the browser; refuse anything but the web."""
    from urllib.parse import urlsplit

    from .screens.confirm import ConfirmScreen

    if urlsplit(address).scheme.lower() not in WEB_SCHEMES:
        app.notify(f"Not opened: only web links are, and this is {address}", markup=False)
        return
    question = f"Open this link in your web browser?\n\n{address}"
    app.push_screen(ConfirmScreen(question, "Open"), partial(_open, app, address))


def _open(app: App[Any], address: str, answer: bool | None) -> None:
    if not answer:
        return
    if app.is_web:  # --serve: the learner's browser opens it, in a new tab
        app.open_url(address, new_tab=True)
        return
    import webbrowser

    if not webbrowser.open(address):
        app.notify(f"No web browser found here. The address: {address}", markup=False)
