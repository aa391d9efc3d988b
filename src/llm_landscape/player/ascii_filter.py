"""The last step before the terminal: every line in ASCII (``--ascii``).

A line filter rather than a flag in every widget: Textual's own borders,
scrollbars and dialogs, Rich's boxes and the lesson's own text all pass
through it, so nothing is missed, and each character keeps its width.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from ..render.ascii import to_ascii


class AsciiFilter(LineFilter):
    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            segment if segment.text.isascii() else segment._replace(text=to_ascii(segment.text))
            for segment in segments
        ]
