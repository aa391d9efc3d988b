"""Which code languages we can highlight, without importing every lexer."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Pygments' lexer machinery costs ~3 ms: not before a lexer is needed
    from pygments.lexer import Lexer

PLAIN = "text"


@lru_cache(maxsize=64)
def lexer_for(language: str) -> Lexer:
    """A lexer for a language name; plain text when the name is unknown."""
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    if language.lower() == "outline":
        from .outline_lexer import OutlineLexer

        return OutlineLexer()
    try:
        return get_lexer_by_name(language.lower(), stripnl=False, ensurenl=False)
    except ClassNotFound:
        return get_lexer_by_name(PLAIN, stripnl=False, ensurenl=False)


def is_known(language: str) -> bool:
    if language.lower() in ("outline", PLAIN):
        return True
    from pygments.lexers import find_lexer_class_by_name
    from pygments.util import ClassNotFound

    try:
        find_lexer_class_by_name(language.lower())
    except ClassNotFound:
        return False
    return True
