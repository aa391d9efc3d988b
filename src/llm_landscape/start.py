"""Starting the player: in this terminal (``in_terminal``), or one per browser
tab for a class (``for_a_class``, ``--serve``). Textual is imported only here,
and only once the command line has asked for the player.
"""

from __future__ import annotations

import gc
import os

from . import arguments, streams
from .lesson.pacing import DEFAULT_WPM

TYPE_CHECKING = False  # not typing's: importing typing costs --check ~2 ms
if TYPE_CHECKING:
    from pathlib import Path
    from types import SimpleNamespace

    from .lesson import Loaded


def in_terminal(loaded: Loaded, path: Path, args: SimpleNamespace, ascii_only: bool) -> int:
    streams.draw_on_the_terminal()
    _import_player()
    from .player.app import LessonApp
    from .player.options import PlayerOptions
    from .player.state import StateStore

    options = PlayerOptions(
        start_step=None if args.step is None else args.step - 1,
        play=args.play,
        checks=not args.skip_checks,
        review=args.review,
        wpm=args.wpm,
        ascii_only=ascii_only,
        theme=args.theme,
        state=StateStore(),
        watch=args.watch,
        lesson_path=path,
    )
    app = LessonApp(loaded.lesson, options, derived=loaded.derived)
    from .player.themes import ALIASES, resolve

    if args.theme and resolve(args.theme) not in app.available_themes:
        names = ", ".join([*ALIASES, *sorted(app.available_themes)])
        arguments.usage_error(f"unknown theme '{args.theme}'; choose one of: {names}")
    app.run()
    return app.return_code or 0


def for_a_class(loaded: Loaded, path: Path, args: SimpleNamespace) -> int:
    """``--serve``: the lesson to a class of browsers (``web/``)."""
    from . import web

    if (absent := web.missing()) is not None:
        streams.say_on_stderr(f"--serve needs {absent}, which is not installed: {web.INSTALL_HINT}")
        return 2
    if not 0 <= args.port <= 65535:
        arguments.usage_error("--port must be between 0 and 65535")
    if not 1 <= args.max_sessions <= 1000:
        arguments.usage_error("--max-sessions must be between 1 and 1000")
    token = args.token or os.environ.get("LLM_LANDSCAPE_TOKEN") or None
    from .player.state import default_path
    from .web.launch import THEMES, Launch
    from .web.run import serve
    from .web.server import Class

    if args.theme is not None and args.theme not in THEMES:
        arguments.usage_error(f"--theme with --serve is one of: {', '.join(THEMES)}")
    options = ["--skip-checks"] if args.skip_checks else []
    if args.wpm != DEFAULT_WPM:
        options += ["--wpm", str(args.wpm)]

    served = Class(
        lesson=path,
        title=loaded.lesson.title,
        steps=len(loaded.lesson.steps),
        state_root=default_path().parent / "web",
        max_sessions=args.max_sessions,
        token=token,
        start=Launch(args.step, args.theme),
        player_options=tuple(options),
    )
    return serve(served, args.host, args.port)


def _import_player() -> None:
    """Import Textual and the player with the garbage collector off, then
    freeze what the imports built.

    Importing allocates a great deal and frees little: ~100 collections during
    the imports cost the first frame ~10 ms, and a full collection of the
    ~44,000 objects came ~20 ms after it, just as a first key might. Frozen,
    those objects are left out of every later collection."""
    gc.disable()
    try:
        from .player import app  # noqa: F401
    finally:
        gc.freeze()
        gc.enable()
