"""Pygments tokens to one Rich ``Text`` per source line.

Returning lines (not one renderable) lets the code panel draw only the lines
on screen, so a 20,000-line panel costs no more per frame than a short one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import overload

from pygments.token import (
    Comment,
    Error,
    Generic,
    Keyword,
    Name,
    Number,
    Operator,
    String,
    _TokenType,
    string_to_tokentype,
)
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from .languages import lexer_for

Palette = Mapping[_TokenType, Style]

Tokens = tuple[tuple[str, str], ...]
"""A lexed source as (token type name, text) pairs: strings only, so the lesson
cache can keep it and a cached lesson is highlighted without loading a lexer."""

CACHED_LINES = 400
"""Code shorter than this is lexed once and cached; longer code is highlighted
in the background instead (and would make the cache large)."""

YIELD_TOKENS = 256
"""How many tokens ``highlight_lines`` handles between two yields of the GIL."""

_PRELOADED: dict[str, Tokens] = {}

# The roles a palette fills; the app maps them to theme colours.
ROLES: dict[_TokenType, str] = {
    Comment: "muted",
    Keyword: "accent",
    Keyword.Constant: "success",
    Name.Builtin: "accent",
    Name.Function: "warning",
    Name.Class: "warning",
    Name.Attribute: "primary",
    Name.Decorator: "primary",
    String: "success",
    Number: "warning",
    Operator: "accent",
    Operator.Word: "accent",
    Generic.Heading: "primary",
    Generic.Inserted: "success",
    Generic.Deleted: "error",
    Generic.Emph: "success",
    Error: "error",
}

ANSI_COLOURS = {
    "muted": "bright_black",
    "accent": "magenta",
    "success": "green",
    "warning": "yellow",
    "primary": "cyan",
    "error": "red",
}


def palette(colours: Mapping[str, str]) -> dict[_TokenType, Style]:
    """A palette from role colours (theme hex values or ANSI colour names)."""
    styles: dict[_TokenType, Style] = {}
    for token, role in ROLES.items():
        style = Style(color=colours.get(role))
        if token is Generic.Heading:
            style += Style(bold=True)
        elif token is Comment:
            style += Style(italic=True)
        styles[token] = style
    return styles


class HighlightCancelledError(Exception):
    """Highlighting was abandoned (the app is quitting)."""


def code_key(source: str, language: str) -> str:
    return f"{language}\0{source}"


def preload(tokens: Mapping[str, Tokens]) -> None:
    """Use these lexed sources (from the lesson cache, by :func:`code_key`)."""
    _PRELOADED.update(tokens)


def lex(source: str, language: str) -> Tokens:
    """``source`` lexed, as strings (see :data:`Tokens`)."""
    return tuple(
        (str(token).removeprefix("Token.").removeprefix("Token"), value)
        for token, value in lexer_for(language).get_tokens(source)
    )


def highlight_lines(
    source: str,
    language: str,
    styles: Palette,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Text]:
    """Highlight ``source``; one ``Text`` per line, without newlines.

    Every few hundred tokens ``cancelled`` is polled, so that a long job in a
    worker thread stops promptly when the app quits, and the thread yields the
    GIL: holding it for the interpreter's whole 5 ms switch interval made a
    key on the UI thread wait, and scrolling 20,000 lines while they were
    highlighted took ~37 ms a line instead of ~8.
    """
    preloaded = _PRELOADED.get(code_key(source, language))
    tokens: Iterable[tuple[_TokenType, str]]
    if preloaded is not None:
        tokens = ((string_to_tokentype(name), value) for name, value in preloaded)
    else:
        tokens = lexer_for(language).get_tokens(source)
    lines: list[Text] = [Text(end="")]
    cache: dict[_TokenType, Style | None] = {}
    for count, (token, value) in enumerate(tokens):
        if count % YIELD_TOKENS == 0:
            if cancelled():
                raise HighlightCancelledError
            time.sleep(0)  # let a waiting thread (the UI) take the GIL now
        style = cache.get(token, Style.null())
        if style is Style.null():
            style = cache[token] = _style_for(token, styles)
        first, *rest = value.split("\n")
        if first:
            lines[-1].append(first, style)
        for part in rest:
            line = Text(end="")
            if part:
                line.append(part, style)
            lines.append(line)
    expected = source.count("\n") + 1
    return lines[:expected]


def _style_for(token: _TokenType, styles: Palette) -> Style | None:
    current: _TokenType | None = token
    while current is not None:
        if current in styles:
            return styles[current]
        current = current.parent
    return None


class PlainLines(Sequence[Text]):
    """Unhighlighted lines, shown at once while highlighting is under way.

    A ``Text`` is made only for a line that is drawn, so showing 20,000 lines
    costs one ``split``, not 20,000 objects.
    """

    def __init__(self, source: str) -> None:
        self._lines = source.split("\n")

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> Text: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Text]: ...
    def __getitem__(self, index: int | slice) -> Text | Sequence[Text]:
        if isinstance(index, slice):
            return [Text(line, end="") for line in self._lines[index]]
        return Text(self._lines[index], end="")

    def widest(self) -> int:
        return max((cell_len(line) for line in self._lines), default=0)
