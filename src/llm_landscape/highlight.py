"""Pygments tokens to one Rich ``Text`` per source line.

Returning lines (not one renderable) lets the code panel draw only the lines
on screen, so a 20,000-line panel costs no more per frame than a short one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
)
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from .languages import lexer_for

Palette = Mapping[_TokenType, Style]

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


def highlight_lines(
    source: str,
    language: str,
    styles: Palette,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Text]:
    """Highlight ``source``; one ``Text`` per line, without newlines.

    ``cancelled`` is polled every few thousand tokens so that a long job in a
    worker thread stops promptly when the app quits.
    """
    lines: list[Text] = [Text(end="")]
    cache: dict[_TokenType, Style | None] = {}
    for count, (token, value) in enumerate(lexer_for(language).get_tokens(source)):
        if count % 4096 == 0 and cancelled():
            raise HighlightCancelledError
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
