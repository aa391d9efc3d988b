"""Make lesson text safe to put on a terminal.

Lesson text is data. Control characters (C0 except newline and tab, DEL, C1)
would let a lesson move the cursor, retitle the window, write the clipboard
(OSC 52) or plant hyperlinks (OSC 8); bidirectional overrides would let it
make text read differently from what it is. We do not strip them silently:
each is replaced by a visible stand-in so the author can see and fix it, and
the loader reports a warning with its position.
"""

from __future__ import annotations

import re

# U+2400..U+241F are the Unicode "control pictures" for C0; U+2421 for DEL.
_C0_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
_REPLACEMENT = "\ufffd"

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    return _C0_PICTURES.get(code, _REPLACEMENT)


def find_unsafe(text: str) -> re.Match[str] | None:
    """The first character that :func:`make_safe` would replace, if any."""
    return _UNSAFE.search(text)


def make_safe(text: str) -> str:
    """Replace every control and bidi-override character by a visible stand-in."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_stand_in, text)
