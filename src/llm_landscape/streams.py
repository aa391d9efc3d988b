"""The standard streams and the terminal behind them: which of them is a
terminal, what the locale lets us write, and one safe line on standard error.

Kept free of Textual and of anything slow to import: ``--check`` and
``--print`` use it before anything else.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys


def _in_ascii(error: UnicodeError) -> tuple[str, int]:
    from .render.ascii import to_ascii

    assert isinstance(error, UnicodeEncodeError)
    return to_ascii(error.object[error.start : error.end]), error.end


def write_what_the_encoding_takes() -> None:
    """In an ASCII or Latin-1 locale a character the output cannot encode is
    written as ASCII (``→`` as ``>``), not a traceback part-way through."""
    codecs.register_error("llm-landscape-ascii", _in_ascii)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            if "utf" not in (stream.encoding or "").lower().replace("-", ""):
                stream.reconfigure(errors="llm-landscape-ascii")  # type: ignore[union-attr]


def name(path: object) -> str:
    """A path for a line of output: its control characters and line breaks
    made visible, so that a file name cannot retitle the terminal or forge
    an "ok" line."""
    from .lesson.textsafety import safe_name

    return safe_name(str(path))


def say_on_stderr(message: str) -> None:
    """One line on standard error, if there is one to write to."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(f"llm-landscape: {name(message)}\n")
        sys.stderr.flush()


def missing_terminal() -> str | None:
    """Which side has no terminal for the player: ``output``, ``input`` or None.
    A Textual driver of its own (textual-serve's, a test's) needs neither."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return None
    if os.environ.get("TERM") == "dumb" or not isatty(sys.stdout):
        return "output"
    if not isatty(sys.stdin):
        return "input"
    return None


def isatty(stream: object) -> bool:
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (ValueError, OSError):  # closed
        return False


def draw_on_the_terminal() -> None:
    """Textual draws on standard error. Closed (``2>&-``) or sent to a file
    (``2>log``), the player ran invisible: draw where standard output is, the
    terminal the learner looks at. Not under a driver of its own: textual-serve's
    speaks a protocol on standard output, which stderr must not join."""
    if not os.environ.get("TEXTUAL_DRIVER") and not isatty(sys.__stderr__):
        reopen_stderr(os.dup(sys.stdout.fileno()))


def reopen_stderr(fd: int) -> None:
    """Make ``fd`` descriptor 2 and ``sys.stderr``. The stream never closes 2
    itself: a stream replaced later must not close what replaced it."""
    if fd != 2:
        os.dup2(fd, 2)
        os.close(fd)
    stream = os.fdopen(2, "w", encoding="utf-8", errors="replace", closefd=False)
    sys.stderr = stream
    setattr(sys, "__stderr__", stream)  # noqa: B010 (Textual's driver reads it; mypy: Final)


def utf8_terminal() -> bool:
    """Whether the locale says the terminal takes UTF-8 (an unset locale is
    taken to: most terminals do). Python turns LANG=C into LC_CTYPE=C.UTF-8
    for itself (PEP 538); the locale the learner set is LANG's, then."""
    import locale

    encoding = (sys.stdout.encoding or locale.getpreferredencoding(False) or "").lower()
    if "utf" not in encoding.replace("-", ""):
        return False
    environ = os.environ
    lang = environ.get("LANG")
    ctype = environ.get("LC_CTYPE")
    if ctype == "C.UTF-8" and lang in ("C", "POSIX") and not environ.get("LC_ALL"):
        ctype = None  # coerced by Python, not chosen
    chosen = environ.get("LC_ALL") or ctype or lang
    return chosen is None or "utf" in chosen.lower().replace("-", "")
