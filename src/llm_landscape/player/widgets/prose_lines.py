"""A step's prose laid out at one width: the heading, the Markdown body and the
"Key insight" callout as rows of segments, for the prose pane to draw.

Laying out is the costly part of showing a step (Markdown to wrapped, styled
rows), so it is a function of its inputs alone: the pane calls it once per
step and width and keeps the result until the colours change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich import box
from rich.console import Console, RenderableType
from rich.panel import Panel
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from ...lesson.model import Step

PARTS = ("heading", "body", "insight")

Row = list[Segment]


@dataclass(frozen=True)
class ProseLines:
    """A step's prose laid out at one width: the rows, and where each part starts.

    Rows are kept as segments, not Strips: a Strip carries seven caches of its
    own that fill with copies as Textual draws it, and cached layouts of every
    visited step made Strips the largest item of the player's memory."""

    rows: list[Row]
    starts: dict[str, int]
    width: int


NOTHING = ProseLines([], {}, 0)


@dataclass(frozen=True)
class ProseColours:
    """The pane's colours the rows are drawn in (its CSS, resolved)."""

    base: Style
    heading: Style
    insight: Style


def lay_out(
    step: Step,
    width: int,
    console: Console,
    colours: ProseColours,
    markdown: Callable[[str], Text],
) -> ProseLines:
    """The rows of ``step``'s prose at ``width`` cells; ``markdown`` turns a
    Markdown source into styled text (never markup)."""
    base = colours.base
    rows: list[Row] = []
    starts: dict[str, int] = {}

    def add(part: str, renderable: RenderableType, gap_before: bool) -> None:
        if gap_before and rows:
            rows.append([Segment(" " * width, base)])
        starts[part] = len(rows)
        rows.extend(_rows(console, renderable, width, base))

    if step.heading:
        add("heading", Text(step.heading, colours.heading), False)
    add("body", markdown(step.body), True)
    if step.insight:
        accent = colours.insight
        callout = Panel(
            markdown(step.insight),
            box=box.ROUNDED,
            title=Text("Key insight", accent),
            title_align="left",
            border_style=Style(color=accent.color),
            padding=(0, 1),
        )
        add("insight", callout, True)
    return ProseLines(rows, starts, width)


def _rows(console: Console, renderable: RenderableType, width: int, base: Style) -> list[Row]:
    options = console.options.update(width=width, height=None)
    # Runs of one style as one segment: every segment costs Textual a Strip
    # piece per cut and the terminal an escape sequence per frame.
    lines = console.render_lines(renderable, options, style=base, pad=True)
    return [list(Segment.simplify(line)) for line in lines]
