"""``c``: the step's code into the clipboard, and what to say after.

Textual copies by sending the code to the terminal (OSC 52), and nothing
comes back to tell whether the terminal took it.

Where the terminal is known to take it (and no multiplexer stands between,
whose own setting decides), the notice says "copied"; elsewhere it says the
code was *sent*, and how to get it if it did not arrive.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from textual.app import App

from ..lesson.model import CodePanel

_TAKES_OSC_52 = {
    "TERM": ("xterm-kitty", "foot", "foot-extra", "alacritty", "xterm-ghostty", "contour"),
    "TERM_PROGRAM": ("WezTerm", "ghostty", "rio"),
}
_MARKERS = ("KITTY_WINDOW_ID", "WT_SESSION", "WEZTERM_PANE")
_MULTIPLEXERS = ("TMUX", "STY", "ZELLIJ")


def known_to_copy(environ: Mapping[str, str]) -> bool:
    """Whether this terminal is known to take OSC 52 as it comes."""
    if any(environ.get(name) for name in _MULTIPLEXERS):
        return False
    if any(environ.get(name) for name in _MARKERS):
        return True
    return any(environ.get(name, "") in values for name, values in _TAKES_OSC_52.items())


def notice(lines: int, step: int, environ: Mapping[str, str], *, in_browser: bool) -> str:
    """The notice after copying ``lines`` lines of step ``step`` (1-based)."""
    what = f"{lines} line{'s' if lines != 1 else ''} of code"
    if in_browser or known_to_copy(environ):
        return f"Copied {what} to the clipboard."
    return (
        f"Sent {what} to the terminal's clipboard (OSC 52). If pasting gives nothing, "
        f"this terminal does not take it: llm-landscape --print --step {step} prints the step."
    )


def copy_code(app: App[Any], code: CodePanel | None, step: int) -> None:
    """Copy step ``step``'s (1-based) code, or say that it has none."""
    if code is None:
        app.notify("This step has no code to copy.", markup=False)
        return
    app.copy_to_clipboard(code.source)
    lines = code.source.count("\n") + 1
    said = notice(lines, step, os.environ, in_browser=app.is_web)
    app.notify(said, markup=False, timeout=8)
