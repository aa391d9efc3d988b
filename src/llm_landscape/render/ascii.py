"""Text made ASCII alone, cell for cell, for terminals that show nothing else.

``--ascii`` and a non-UTF-8 locale ask for it. Every character keeps its
width in cells, so whatever was laid out for the Unicode text (wrapped lines,
frames, the step bar) stays aligned: a two-cell emoji becomes two ASCII
characters, a box-drawing corner one.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rich.cells import get_character_cell_size

_TABLE = {
    # Quotes, dashes, spaces and marks that prose and the player use.
    "\u2018": "'", "\u2019": "'", "\u201a": ",", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": "<", "\u203a": ">", "\u2032": "'", "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2026": ".", "\u00b7": ".", "\u2022": "*", "\u2023": ">", "\u25b8": ">",
    "\u25b6": ">", "\u25c0": "<", "\u25cf": "*", "\u25cb": "o", "\u00d7": "x", "\u00a0": " ",
    "\u2713": "v", "\u2714": "v", "\u2717": "x", "\u2718": "x", "\u2605": "*", "\u2606": "*",
    "\u00a9": "c", "\u00ae": "r", "\u2122": "T", "\u00b0": "o", "\u2248": "~", "\u2260": "#",
    "\u2264": "<", "\u2265": ">", "\u00b1": "+", "\u2191": "^", "\u2193": "v", "\u2190": "<",
    "\u2192": ">", "\u2194": "-", "\u21d2": ">", "\u21d0": "<", "\u27e8": "<", "\u27e9": ">",
    "\u2502": "|", "\u2503": "|", "\u2551": "|", "\u2500": "-", "\u2501": "-", "\u2550": "=",
    "\u2504": "-", "\u2505": "-", "\u2508": "-", "\u2509": "-", "\u2506": "|", "\u250a": "|",
    "\ufffd": "?", "\u2400": "0",
}  # fmt: skip


@lru_cache(4096)
def _one(char: str) -> str:
    if char in _TABLE:
        return _TABLE[char]
    code = ord(char)
    if 0x2500 <= code <= 0x257F:  # box drawing: corners and joints
        return "+"
    if 0x2580 <= code <= 0x259F:  # blocks (scrollbar thumbs): their colour is the mark
        return " "
    if 0x2400 <= code <= 0x2426:  # control pictures: the player's stand-ins for controls
        return "^"
    width = get_character_cell_size(char)
    if width == 0:
        return ""  # combining marks, joiners, variation selectors
    plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    if width == 1 and len(plain) == 1:
        return plain
    return "?" * width


def to_ascii(text: str) -> str:
    """``text`` in ASCII, each character as wide as the one it replaces."""
    if text.isascii():
        return text
    return "".join(char if char.isascii() else _one(char) for char in text)
