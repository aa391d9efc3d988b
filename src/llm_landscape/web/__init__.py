"""``llm-landscape --serve``: the player in the browser, one process per tab.

Built on textual-serve (Textualize's aiohttp server and xterm.js page), an
optional extra: ``pip install 'llm-landscape[web]'``. This package never
imports Textual or the player: it starts each player as a command of its own
(``launch.py``), minds those processes (``players.py``) and answers the
browser (``server.py``, ``page.py``).
"""

from __future__ import annotations

INSTALL_HINT = "pip install 'llm-landscape[web]'"


def missing() -> str | None:
    """The optional package --serve needs and cannot import, or None."""
    from importlib import import_module

    for module in ("aiohttp", "textual_serve.app_service"):
        try:
            import_module(module)
        except ImportError:
            return module.partition(".")[0]
    return None
