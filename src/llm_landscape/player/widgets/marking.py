"""A search match marked where it is drawn, until the learner moves on.

Applied to a drawn row as it goes to the screen, not baked into the cached
rows: marking and unmarking costs a repaint, never a re-wrap or re-highlight.
Every occurrence on the step is marked (as a browser's find does), so the
learner sees the one they chose and its neighbours.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

MARK = Style(reverse=True, bold=True)
"""Reversed: readable in every theme and on 16 colours, as the text's own colours swapped."""


def marked(strip: Strip, needle: str) -> Strip:
    """``strip`` with every case-insensitive occurrence of ``needle`` reversed."""
    if not needle:
        return strip
    text = strip.text
    folded = text.lower()
    if len(folded) != len(text):  # lower() changed the length (e.g. "İ"): no safe offsets
        return strip
    found = folded.find(needle)
    if found < 0:
        return strip
    cuts: list[int] = []
    while found >= 0:
        cuts += [cell_len(text[:found]), cell_len(text[: found + len(needle)])]
        found = folded.find(needle, found + len(needle))
    pieces = strip.divide([*cuts, strip.cell_length])  # the last cut ends the last piece
    out: list[Segment] = []
    for number, piece in enumerate(pieces):
        if number % 2:
            out += Segment.apply_style(piece, post_style=MARK)
        else:
            out += piece
    return Strip(out, strip.cell_length)
