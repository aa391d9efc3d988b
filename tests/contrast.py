"""WCAG 2.x contrast of what the screen shows, cell by cell.

Reads the segments Textual composes for the terminal (every colour already
resolved: alpha blended, ``dim`` applied), so the ratio is the one a learner
sees in a truecolor terminal.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from rich.cells import get_character_cell_size
from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.app import App
from textual.screen import ModalScreen

TEXT = 4.5
"""WCAG AA for text."""
GRAPHICS = 3.0
"""WCAG AA for borders, frames and other non-text marks (1.4.11)."""


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: Color) -> float:
    r, g, b = colour.get_truecolor()
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def ratio(one: Color, two: Color) -> float:
    a, b = sorted((luminance(one), luminance(two)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def is_graphic(char: str) -> bool:
    """Box drawing, blocks and arrows of the frame: held to the 3:1 bar."""
    return "\u2500" <= char <= "\u259f"


class Cell(NamedTuple):
    x: int
    y: int
    char: str
    ratio: float
    needed: float
    colours: tuple[str, str]


def screen_segments(app: App[object]) -> Iterator[Segment]:
    """What the top screen sends to the terminal, row after row."""
    update = app.screen._compositor.render_update(full=True, simplify=True)
    for strips in update.strips:  # type: ignore[attr-defined]
        for strip in strips:
            yield from strip


def cells(app: App[object]) -> Iterator[Cell]:
    """Every visible, non-blank character on screen with its contrast ratio."""
    # What a dialog covers is dimmed on purpose, not there to be read: on a
    # modal screen only the cells of its own widgets count.
    screen = app.screen
    modal = isinstance(screen, ModalScreen)
    update = screen._compositor.render_update(full=True, simplify=True)
    for y, strips in enumerate(update.strips):  # type: ignore[attr-defined]
        x = 0
        for strip in strips:
            for segment in strip:
                style = segment.style or Style()
                fg, bg = style.color, style.bgcolor
                if style.reverse:
                    fg, bg = bg, fg
                for char in segment.text:
                    behind = modal and screen.get_widget_at(x, y)[0] is screen
                    # A half block in its own background's colour is the edge of
                    # a button (Textual's "tall" border), not a mark to be read.
                    edge = is_graphic(char) and fg == bg
                    if (
                        not char.isspace()
                        and fg is not None
                        and bg is not None
                        and not behind | edge
                    ):
                        needed = GRAPHICS if is_graphic(char) else TEXT
                        if ord(char) < 0x2000 or is_graphic(char) or "\u2190" <= char <= "\u21ff":
                            pair = (fg.get_truecolor().hex, bg.get_truecolor().hex)
                            yield Cell(x, y, char, ratio(fg, bg), needed, pair)
                    x += get_character_cell_size(char)
