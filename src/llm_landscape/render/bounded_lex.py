"""Lexing that cannot freeze us: a lexer we do not vouch for runs in a child
process, killed when it overruns its time.

Some Pygments lexers backtrack catastrophically or loop on a few crafted
characters, and a regular expression in CPython holds the GIL while it
matches: a thread cannot bound it and the whole player would freeze. The
lexers of the languages lessons use most are vetted and run in-process
(instantly); any other language is lexed by ``lex_worker`` in a child, whose
answer is the tokens as JSON, or nothing in time.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..lesson.languages import OUTLINE, PLAIN

if TYPE_CHECKING:
    from .highlight import Tokens

LEX_SECONDS = 2.0
"""How long a lexer we do not vouch for may take on one code panel, child start
(~0.1 s) included. Over it, the code is shown as plain text, and ``--check``,
``--print`` and ``--export`` say so."""

POLL_SECONDS = 0.05
"""How often a wait for the child looks whether it should give up early."""

VETTED = frozenset(
    {PLAIN, OUTLINE, "python", "py", "python3", "pycon", "javascript", "js", "typescript",
     "ts", "json", "yaml", "yml", "toml", "ini", "bash", "sh", "shell", "console",
     "shell-session", "c", "cpp", "c++", "rust", "rs", "go", "golang", "java", "html",
     "css", "sql", "markdown", "md", "diff", "udiff", "xml", "dockerfile", "docker", "make",
     "makefile"}
)  # fmt: skip
"""Languages whose Pygments lexers are lexed in-process: in wide use and with no
known pathological input. (Any name Pygments knows is allowed in a lesson.)"""


def vetted(language: str) -> bool:
    return language.lower() in VETTED


def lex_bounded(
    source: str,
    language: str,
    seconds: float = LEX_SECONDS,
    cancelled: Callable[[], bool] = lambda: False,
) -> Tokens | None:
    """``source`` lexed, or None if its lexer did not finish within ``seconds``
    (or its child failed, or ``cancelled`` turned true: the app is quitting,
    which must not wait for the clock): the caller shows plain text."""
    from .highlight import lex

    if vetted(language):
        return lex(source, language)
    request = json.dumps({"language": language, "source": source, "seconds": seconds})
    try:
        child = subprocess.Popen(
            [sys.executable, "-I", "-m", "llm_landscape.render.lex_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )
    except OSError:
        return None
    deadline = time.monotonic() + seconds
    pending: str | None = request
    try:
        while True:
            try:
                out, _ = child.communicate(pending, timeout=POLL_SECONDS)
                break
            except subprocess.TimeoutExpired:
                pending = None  # written: communicate keeps it
                if cancelled() or time.monotonic() > deadline:
                    return None
        answer = json.loads(out) if child.returncode == 0 else None
    except (OSError, ValueError):
        return None
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    if not isinstance(answer, list):
        return None
    tokens = tuple((str(kind), str(text)) for kind, text in answer)
    # A lexer keeps the text it was given; anything else is not ours to show.
    return tokens if "".join(text for _, text in tokens) == source else None
