"""Pygments tokens to one Rich ``Text`` per source line.

Returning lines (not one renderable) lets the code panel draw only the lines
on screen, so a 20,000-line panel costs no more per frame than a short one.
"""

from __future__ import annotations

import time
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar, overload

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

from .lexers import lexer_for

Palette = Mapping[_TokenType, Style]
Raw = TypeVar("Raw")

Tokens = tuple[tuple[str, str], ...]
"""A lexed source as (token type name, text) pairs: strings only, so the lesson
cache can keep it and a cached lesson is highlighted without loading a lexer."""

YIELD_TOKENS = 256
"""How many tokens ``highlight_lines`` handles between two yields of the GIL."""

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
    lexed: Tokens | None = None,
) -> HighlightedLines:
    """Highlight ``source``; one line of text per source line, without newlines.

    Every few hundred tokens ``cancelled`` is polled, so that a long job in a
    worker thread stops promptly when the app quits, and the thread yields the
    GIL: holding it for the interpreter's whole 5 ms switch interval made a
    key on the UI thread wait, and scrolling 20,000 lines while they were
    highlighted took ~37 ms a line instead of ~8. ``lexed``, if given, is the
    source already lexed (:func:`lex`), so no lexer is loaded.
    """
    tokens: Iterable[tuple[_TokenType, str]]
    if lexed is not None:
        tokens = ((string_to_tokentype(name), value) for name, value in lexed)
    else:
        tokens = lexer_for(language).get_tokens(source)
    drawn = _LineBuilder()
    for count, (token, value) in enumerate(tokens):
        if count % YIELD_TOKENS == 0:
            if cancelled():
                raise HighlightCancelledError
            time.sleep(0)  # let a waiting thread (the UI) take the GIL now
        style = drawn.style_index(token, styles)
        first, *rest = value.split("\n")
        drawn.add(first, style)
        for part in rest:
            drawn.end_line()
            drawn.add(part, style)
    drawn.end_line()
    return HighlightedLines(drawn.lines[: source.count("\n") + 1], drawn.styles, drawn.widest)


class _LineBuilder:
    def __init__(self) -> None:
        self.lines: list[tuple[str | int, ...]] = []
        self.styles: list[Style | None] = []
        self._indexes: dict[_TokenType, int] = {}
        self._line: list[str | int] = []
        self._width = 0
        self.widest = 0
        """The widest line's width in cells, measured here rather than on the
        UI thread when the lines are shown (~20 ms for 20,000 lines)."""

    def style_index(self, token: _TokenType, styles: Palette) -> int:
        index = self._indexes.get(token)
        if index is None:
            index = self._indexes[token] = len(self.styles)
            self.styles.append(_style_for(token, styles))
        return index

    def add(self, text: str, style: int) -> None:
        if text:
            self._line += (text, style)
            self._width += cell_len(text)

    def end_line(self) -> None:
        self.lines.append(tuple(self._line))
        self._line = []
        self.widest = max(self.widest, self._width)
        self._width = 0


def _style_for(token: _TokenType, styles: Palette) -> Style | None:
    current: _TokenType | None = token
    while current is not None:
        if current in styles:
            return styles[current]
        current = current.parent
    return None


class LazyLines(Sequence[Text], typing.Generic[Raw]):  # (pygments has a Generic too)
    """Lines kept in a compact form, each made into a ``Text`` only when it is
    drawn, and the width of the widest known without making any."""

    def __init__(self, lines: list[Raw]) -> None:
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> Text: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Text]: ...
    def __getitem__(self, index: int | slice) -> Text | Sequence[Text]:
        if isinstance(index, slice):
            return [self._text(line) for line in self._lines[index]]
        return self._text(self._lines[index])

    def _text(self, line: Raw) -> Text:
        raise NotImplementedError

    def widest(self) -> int:
        raise NotImplementedError


class HighlightedLines(LazyLines[tuple[str | int, ...]]):
    """Highlighted lines, kept compact: each line a flat tuple of text and
    style numbers, made into a ``Text`` only when it is drawn.

    A ``Text`` per line (with its lists and spans) made ~250,000 objects for
    20,000 lines, and the garbage collector's passes over them, in the
    highlighting thread, held the GIL for 15-22 ms at a time. Tuples of
    strings and numbers are left out of those passes."""

    def __init__(
        self, lines: list[tuple[str | int, ...]], styles: list[Style | None], widest: int
    ) -> None:
        super().__init__(lines)
        self._styles = styles
        self._widest = widest

    def _text(self, line: tuple[str | int, ...]) -> Text:
        text = Text(end="")
        styles = self._styles
        for position in range(0, len(line), 2):
            text.append(str(line[position]), styles[int(line[position + 1])])
        return text

    def widest(self) -> int:
        return self._widest


class PlainLines(LazyLines[str]):
    """Unhighlighted lines, shown at once while highlighting is under way.

    A ``Text`` is made only for a line that is drawn, so showing 20,000 lines
    costs one ``split``, not 20,000 objects.
    """

    def __init__(self, source: str) -> None:
        super().__init__(source.split("\n"))

    def _text(self, line: str) -> Text:
        return Text(line, end="")

    def widest(self) -> int:
        return max((cell_len(line) for line in self._lines), default=0)
