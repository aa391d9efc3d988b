"""Make lesson text safe to put on a terminal.

Lesson text is data. Control characters (C0 except newline and tab, DEL, C1)
would let a lesson move the cursor, retitle the window, write the clipboard
(OSC 52) or plant hyperlinks (OSC 8); bidirectional overrides would let it
make text read differently from what it is; invisible characters would hide
text (an instruction in code a learner copies into an LLM, say). We do not strip them silently:
each is replaced by a visible stand-in so the author can see and fix it, and
the loader reports a warning with its position.
"""

from __future__ import annotations

import re

# U+2400..U+241F are the Unicode "control pictures" for C0; U+2421 for DEL.
_C0_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
_REPLACEMENT = "\ufffd"

_INVISIBLE = (
    "\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200e\u200f\u2060-\u2064\u3164\ufeff\uffa0"
    "\U0001d173-\U0001d17a\U000e0000-\U000e007f\U000e0100-\U000e01ef"
)
"""Characters that draw nothing and are not needed to draw anything else:
Unicode TAG characters (which can spell out hidden ASCII, "ASCII smuggling"),
zero-width spaces, word joiners, bidi marks, Hangul fillers, variation
selectors 17-256. (The zero-width joiner and VS15/VS16, which emoji need,
are kept.)"""

_UNSAFE = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069{_INVISIBLE}]"
)
_INVISIBLE_ONLY = re.compile(f"[{_INVISIBLE}]")
_BREAKS = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    return _C0_PICTURES.get(code, _REPLACEMENT)


def find_unsafe(text: str) -> re.Match[str] | None:
    """The first character that :func:`make_safe` would replace, if any."""
    return _UNSAFE.search(text)


def describe(char: str) -> str:
    """What kind of unsafe character this is, for a warning."""
    if _INVISIBLE_ONLY.fullmatch(char):
        return "invisible character"
    if char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        return "bidi override"
    if char in "\u2028\u2029":
        return "Unicode line separator"
    return "control character"


def safe_name(text: str) -> str:
    """A file name, key, tag or id from outside, for a message of one line: its
    line breaks shown as ``\\n`` (a name must not forge a line of output) and
    everything else as in :func:`make_safe`."""
    return make_safe(text.translate(_BREAKS))


def make_safe(text: str) -> str:
    """Replace every control and bidi-override character by a visible stand-in."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_stand_in, text)
