"""Pygments lexers by language name, imported only when code is highlighted."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..lesson.languages import OUTLINE, PLAIN

if TYPE_CHECKING:  # Pygments' lexer machinery costs ~3 ms: not before a lexer is needed
    from pygments.lexer import Lexer


@lru_cache(maxsize=64)
def lexer_for(language: str) -> Lexer:
    """A lexer for a language name; plain text when the name is unknown."""
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    if language.lower() == OUTLINE:
        from .outline_lexer import OutlineLexer

        return OutlineLexer()
    try:
        return get_lexer_by_name(language.lower(), stripnl=False, ensurenl=False)
    except ClassNotFound:
        return get_lexer_by_name(PLAIN, stripnl=False, ensurenl=False)
