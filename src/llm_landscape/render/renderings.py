"""One lesson's compiled prose and lexed code, kept with it in the lesson cache.

Compiling Markdown needs markdown-it (~40 ms to import, ~1.7 MiB) and lexing
needs a Pygments lexer (~2 MiB for Python's): a start whose lesson is cached
needs neither when their results come back from the cache with it. This
object is that memo. It is made from the cache entry's ``derived`` part (or
empty), fills itself as texts are asked for, and says what it learned
(``new``), so its owner can hand it back to the cache. It holds no reference
to any widget and there is none of it at module level: each player and each
``--print`` has its own.

What comes from the cache is data from a file we do not trust: every value is
checked for shape here and dropped if wrong (a miss, never an error), and its
text gets the same stand-ins for control characters as loaded lesson text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..lesson.textsafety import make_safe

if TYPE_CHECKING:  # imported when something must be compiled or lexed: a plain
    from .highlight import Tokens  # --print of a cached lesson needs neither Rich nor them
    from .prose import Compiled

CACHED_LINES = 400
"""Code shorter than this is lexed once and kept; longer code is highlighted
in the background each time (and would make the cache entry large)."""


class Renderings:
    def __init__(self, derived: Mapping[str, Any] | None = None) -> None:
        derived = derived or {}
        self._prose: dict[str, Compiled] = _checked(derived.get("prose"), _compiled)
        self._code: dict[str, Tokens] = _checked(derived.get("code"), _tokens)
        self.new = False
        """Whether anything was compiled or lexed since this was made."""

    def prose(self, markdown: str) -> Compiled:
        found = self._prose.get(markdown)
        if found is None:
            from .prose import compile_markdown

            found = self._prose[markdown] = compile_markdown(markdown)
            self.new = True
        return found

    def tokens(self, source: str, language: str) -> Tokens | None:
        """The code lexed, if it is short enough to keep and its lexer is vetted
        (``bounded_lex``); None for long code, and for a lexer that must run
        in a child with a time bound (never on the caller's thread)."""
        from .bounded_lex import vetted

        if source.count("\n") >= CACHED_LINES or not vetted(language):
            return None
        key = f"{language}\0{source}"
        found = self._code.get(key)
        if found is None:
            from .highlight import lex

            found = self._code[key] = lex(source, language)
            self.new = True
        return found

    def derived(self) -> dict[str, Any]:
        """Everything known, as plain JSON values for the lesson cache."""
        return {
            "prose": {text: [plain, [list(span) for span in spans]]
                      for text, (plain, spans) in self._prose.items()},
            "code": {key: [list(pair) for pair in tokens] for key, tokens in self._code.items()},
        }  # fmt: skip


def _checked(part: object, check: Any) -> dict[str, Any]:
    if not isinstance(part, dict):
        return {}
    try:
        return {key: check(value) for key, value in part.items() if isinstance(key, str)}
    except (TypeError, ValueError):
        return {}


def _compiled(value: object) -> Compiled:
    plain, spans = _pair(value)
    if not isinstance(plain, str) or not isinstance(spans, list):
        raise TypeError("compiled prose")
    checked = []
    for span in spans:
        if not (isinstance(span, list) and len(span) == 3):
            raise TypeError("span")
        start, end, roles = span
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(roles, list)):
            raise TypeError("span")
        if not (0 <= start <= end <= len(plain)) or not all(isinstance(r, str) for r in roles):
            raise ValueError("span")
        checked.append((start, end, tuple(roles)))
    # Stand-ins are one character each, so the spans still fit the text.
    return make_safe(plain), tuple(checked)


def _tokens(value: object) -> Tokens:
    if not isinstance(value, list):
        raise TypeError("tokens")
    pairs = []
    for pair in value:
        name, text = _pair(pair)
        if not (isinstance(name, str) and isinstance(text, str)):
            raise TypeError("token")
        pairs.append((name, make_safe(text)))
    return tuple(pairs)


def _pair(value: object) -> tuple[object, object]:
    if not (isinstance(value, list) and len(value) == 2):
        raise TypeError("a pair")
    return value[0], value[1]
