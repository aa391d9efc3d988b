"""The code panel: a title line over a :class:`CodeView`, with highlighting cached per step."""

from __future__ import annotations

from collections.abc import Sequence

from rich.color import Color, ColorParseError
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.worker import get_current_worker

from ..highlight import (
    CACHED_LINES,
    HighlightCancelledError,
    Palette,
    PlainLines,
    highlight_lines,
    palette,
)
from ..model import CodePanel as CodeModel
from .code_view import CodeView
from .text_lines import TextLines

SYNC_HIGHLIGHT_LINES = CACHED_LINES
"""Above this many lines, highlight in a thread and show plain text first."""


def _is_colour(value: str) -> bool:
    try:
        Color.parse(value)
    except ColorParseError:
        return False
    return True


class CodePanel(Vertical):
    DEFAULT_CSS = """
    CodePanel { border: round $primary 50%; }
    CodePanel > #code-title { padding: 0 1; background: $panel; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._cache: dict[int, Sequence[Text]] = {}
        self._showing: int | None = None

    def compose(self) -> ComposeResult:
        yield TextLines(id="code-title")
        yield CodeView(id="code")

    def show(self, key: int, code: CodeModel) -> None:
        """Show ``code``; ``key`` (the step index) identifies it in the cache."""
        self._showing = key
        self.query_one("#code-title", TextLines).update(Text(code.title or code.language))
        self.query_one(CodeView).show(self._lines(key, code))

    def prepare(self, key: int, code: CodeModel) -> None:
        """Highlight and render ``code`` ahead of time; long code is left to ``show``,
        whose background highlighting this must not cancel."""
        if key not in self._cache and code.source.count("\n") >= SYNC_HIGHLIGHT_LINES:
            return
        self.query_one(CodeView).prepare(self._lines(key, code))

    def forget(self) -> None:
        """Drop cached highlighting (the theme and so the colours changed)."""
        self._cache.clear()

    def _lines(self, key: int, code: CodeModel) -> Sequence[Text]:
        if (cached := self._cache.get(key)) is not None:
            return cached
        if code.source.count("\n") < SYNC_HIGHLIGHT_LINES:
            lines = self._cache[key] = highlight_lines(code.source, code.language, self._palette())
            return lines
        self._highlight(key, code, self._palette())
        return PlainLines(code.source)

    @work(thread=True, exclusive=True, group="highlight")
    def _highlight(self, key: int, code: CodeModel, styles: Palette) -> None:
        worker = get_current_worker()
        try:
            lines = highlight_lines(code.source, code.language, styles, lambda: worker.is_cancelled)
        except HighlightCancelledError:
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._highlighted, key, lines)

    def _highlighted(self, key: int, lines: Sequence[Text]) -> None:
        self._cache[key] = lines
        if self._showing == key:
            self.query_one(CodeView).show(lines, keep_scroll=True)

    def _palette(self) -> Palette:
        variables = self.app.theme_variables
        roles = ("primary", "accent", "success", "warning", "error")
        colours = {role: variables.get(f"text-{role}", "") for role in roles}
        colours["muted"] = variables.get("foreground-darken-3", variables.get("secondary", ""))
        return palette({k: v for k, v in colours.items() if _is_colour(v)})
