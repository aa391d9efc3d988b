"""Material Symbols names mapped to terminal glyphs of a known width.

Every glyph is an emoji with the default emoji presentation (Unicode
East Asian Width "W"), so terminals agree it takes two cells. Glyphs that
need VS16 to become emoji (such as 🗺 for "map") are avoided: terminals
disagree on their width and the step bar would misalign.
"""

from __future__ import annotations

_GLYPHS = {
    "public": ("🌐", "@"),
    "lock_open": ("🔓", "o"),
    "lock": ("🔒", "#"),
    "build": ("🔨", "%"),
    "map": ("🧭", "="),
    "rocket_launch": ("🚀", "^"),
    "school": ("🎓", "S"),
    "lightbulb": ("💡", "!"),
    "code": ("💻", ">"),
    "menu_book": ("📖", "B"),
    "quiz": ("📝", "?"),
    "flag": ("🚩", "F"),
    "star": ("⭐", "*"),
    "bolt": ("⚡", "z"),
    "search": ("🔍", "s"),
    "settings": ("🔧", "%"),
    "check_circle": ("✅", "v"),
    "warning": ("🚧", "!"),
    "science": ("🔬", "x"),
    "database": ("💾", "D"),
    "cloud": ("💭", "c"),
    "memory": ("🧠", "m"),
    "chat": ("💬", '"'),
    "person": ("👤", "p"),
    "group": ("👥", "g"),
    "home": ("🏠", "h"),
    "timer": ("⏳", "t"),
    "trending_up": ("📈", "/"),
}
_NEUTRAL = ("🔹", "*")


def is_known(name: str) -> bool:
    return name in _GLYPHS


def glyph(name: str, *, ascii_only: bool = False) -> str:
    """The glyph for a Material Symbols name; a neutral one if unknown."""
    emoji, plain = _GLYPHS.get(name, _NEUTRAL)
    return plain if ascii_only else emoji
