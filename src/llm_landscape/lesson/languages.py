"""Which code languages a lesson may name: Pygments' lexer names, and ``outline``."""

from __future__ import annotations

PLAIN = "text"
OUTLINE = "outline"
"""Our own lexer for comment outlines (``render/outline_lexer.py``)."""


def is_known(language: str) -> bool:
    if language.lower() in (OUTLINE, PLAIN):
        return True
    from pygments.lexers import find_lexer_class_by_name
    from pygments.util import ClassNotFound

    try:
        find_lexer_class_by_name(language.lower())
    except ClassNotFound:
        return False
    return True
