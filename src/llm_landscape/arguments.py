"""What ``llm-landscape`` accepts on its command line.

argparse is imported and its parser built only when there is something to
parse: together they cost ~5 ms before the first frame (argparse imports
gettext and looks up a translation of every help text), and the learner's
usual start, ``llm-landscape`` alone, has nothing to parse.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

from . import __version__
from .lesson.pacing import DEFAULT_WPM, MAX_WPM, MIN_WPM

TYPE_CHECKING = False  # not typing's: importing typing costs --check ~2 ms
if TYPE_CHECKING:
    import argparse
    from typing import NoReturn


def parser() -> argparse.ArgumentParser:
    import argparse

    built = argparse.ArgumentParser(
        prog="llm-landscape",
        description="Play a lesson in the terminal: 'The LLM Landscape' by default.",
        epilog="Keys in the player: Space next, Left back, 1-9 jump, p play, ? help, q quit.",
    )
    built.add_argument("path", nargs="?", type=Path, help="a lesson directory or .yaml file")
    built.add_argument("--step", type=int, metavar="N", help="start at step N (1-based)")
    built.add_argument("--play", action="store_true", help="start in Play mode")
    built.add_argument(
        "--skip-checks",
        action="store_true",
        help="do not ask the lesson's questions (to present it, say): Play never waits",
    )
    built.add_argument(
        "--wpm",
        type=int,
        default=DEFAULT_WPM,
        metavar="N",
        help=f"reading pace for Play mode, words per minute ({MIN_WPM}-{MAX_WPM}, "
        f"default {DEFAULT_WPM})",
    )
    built.add_argument(
        "--theme", metavar="NAME", help="dark, light, high-contrast, or any Textual theme"
    )
    built.add_argument("--ascii", action="store_true", help="ASCII icons and arrows only")
    built.add_argument(
        "--check",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="validate lessons and exit (0 valid, 1 errors)",
    )
    built.add_argument(
        "--print",
        dest="print_",
        action="store_true",
        help="write the whole lesson to standard output as text",
    )
    built.add_argument(
        "--watch", action="store_true", help="reload the lesson when its files change (authors)"
    )
    built.add_argument(
        "--export", type=Path, metavar="FILE", help="write the lesson as FILE.md or FILE.html"
    )
    built.add_argument(
        "--new", type=Path, metavar="DIR", help="write a new two-step lesson into DIR to start from"
    )
    built.add_argument(
        "--schema", action="store_true", help="print the lesson format's JSON Schema"
    )
    built.add_argument(
        "--reset",
        action="store_true",
        help="forget your place and answers in the lesson (asks first, unless --yes)",
    )
    built.add_argument("--yes", action="store_true", help="with --reset: do not ask")
    built.add_argument(
        "--review",
        action="store_true",
        help="review the lesson's key insights and your answered questions that are due",
    )
    web = built.add_argument_group("serving a class in the browser (needs llm-landscape[web])")
    web.add_argument(
        "--serve", action="store_true", help="serve the lesson to web browsers, a player per tab"
    )
    web.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    web.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    web.add_argument(
        "--max-sessions",
        type=int,
        default=8,
        metavar="N",
        help="players at once; the next tab is told the class is full (8)",
    )
    web.add_argument(
        "--token",
        help="a shared secret the class's link carries (?token=); or LLM_LANDSCAPE_TOKEN",
    )
    built.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return built


def parse(argv: Sequence[str] | None) -> SimpleNamespace:
    """The parsed command line; with nothing to parse, the parser's defaults
    without building it (tests/test_cli.py checks that they match)."""
    if argv is None:
        argv = sys.argv[1:]
    if argv:
        return SimpleNamespace(**vars(parser().parse_args(argv)))
    return SimpleNamespace(
        path=None, step=None, play=False, skip_checks=False, wpm=DEFAULT_WPM, theme=None,
        ascii=False,
        check=None, print_=False, watch=False, export=None, new=None, schema=False,
        reset=False, yes=False, review=False,
        serve=False, host="127.0.0.1", port=8000, max_sessions=8, token=None,
    )  # fmt: skip


def usage_error(message: str) -> NoReturn:
    """Exit with status 2 and the usage line, as argparse does for its own errors."""
    parser().error(message)
