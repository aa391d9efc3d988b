"""The code panel: a title line over a :class:`CodeView`, with highlighting cached per step.

The highlighting's colours are the theme's: the cache is dropped in one
place, ``notify_style_update``, when the theme is not the one it was made in.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.color import Color, ColorParseError
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.worker import get_current_worker

from ...lesson.model import CodePanel as CodeModel
from ...render.bounded_lex import LEX_SECONDS, lex_bounded, vetted
from ...render.highlight import (
    HighlightCancelledError,
    Palette,
    PlainLines,
    highlight_lines,
    palette,
)
from ...render.renderings import CACHED_LINES, Renderings
from .code_view import CodeView
from .one_layout import UnscrolledVertical

SYNC_HIGHLIGHT_LINES = CACHED_LINES
"""Above this many lines, highlight in a thread and show plain text first."""


def _is_colour(value: str) -> bool:
    try:
        Color.parse(value)
    except ColorParseError:
        return False
    return True


class CodePanel(UnscrolledVertical):  # as tall as its code: see one_layout.py
    BLANK = False  # it draws its border
    DEFAULT_CSS = """
    CodePanel {
        height: auto; max-height: 100%;  /* as tall as its code, at most the pane */
        border: round $primary;
        border-title-style: bold; border-title-color: $text;
        border-subtitle-color: $text-muted;
    }
    CodePanel:focus-within { border: round $text-accent; border-title-color: $text-accent; }
    CodePanel > CodeView { height: auto; max-height: 100%; }
    """

    class Highlighted(Message):
        """Long code finished highlighting in the background."""

        def __init__(self, key: int, lines: Sequence[Text]) -> None:
            super().__init__()
            self.key = key
            self.lines = lines

    def __init__(
        self, renderings: Renderings, *, id: str | None = None, ascii_only: bool = False
    ) -> None:
        super().__init__(id=id)
        self._ascii = ascii_only
        self._renderings = renderings
        self._cache: dict[int, Sequence[Text]] = {}
        self._cache_theme = ""
        self._showing: tuple[int, CodeModel] | None = None

    def compose(self) -> ComposeResult:
        yield CodeView(id="code", ascii_only=self._ascii)

    def show(self, key: int, code: CodeModel) -> None:
        """Show ``code``; ``key`` (the step index) identifies it in the cache."""
        self._showing = (key, code)
        # In the frame: a row more for code. Content, so a title is never markup.
        self.border_title = Content(code.title or code.language)
        self.border_subtitle = Content(code.language if code.title else "")
        self.query_one(CodeView).show(self.lines_for(key, code))

    def prepare(self, key: int, code: CodeModel, *, draw: bool = True) -> None:
        """Highlight ``code`` ahead of time, and render its rows too if ``draw``
        (in one column the prose pane draws it, from these lines); long code is
        left to ``show``, whose background highlighting this must not cancel."""
        if key not in self._cache and code.source.count("\n") >= SYNC_HIGHLIGHT_LINES:
            return
        lines = self.lines_for(key, code)
        if draw:
            self.query_one(CodeView).prepare(lines)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # On every style change (focus, hover, theme); only a new theme changes
        # the colours, and the theme's variables are already current here.
        theme = self.app.theme
        if self._cache_theme and theme != self._cache_theme:
            self._cache.clear()
            if self._showing is not None:
                self.call_later(self.show, *self._showing)
        self._cache_theme = theme

    def lines_for(self, key: int, code: CodeModel) -> Sequence[Text]:
        """``code`` highlighted (kept per key); long code as plain lines at first,
        highlighted in a thread, with :class:`CodePanel.Highlighted` posted then."""
        if (cached := self._cache.get(key)) is not None:
            return cached
        self._cache_theme = self.app.theme
        tokens = self._renderings.tokens(code.source, code.language)
        if tokens is not None:
            styles = self._palette()
            lines = highlight_lines(code.source, code.language, styles, lexed=tokens)
            self._cache[key] = lines
            return lines
        self._highlight(key, code, self._palette())
        return PlainLines(code.source)

    @work(thread=True, exclusive=True, group="highlight")
    def _highlight(self, key: int, code: CodeModel, styles: Palette) -> None:
        worker = get_current_worker()

        def cancelled() -> bool:
            return worker.is_cancelled

        tokens = None
        if not vetted(code.language):  # in a child, on a clock: it may never finish
            tokens = lex_bounded(code.source, code.language, cancelled=cancelled)
            if tokens is None:
                if not worker.is_cancelled:
                    self.app.call_from_thread(self._gave_up, code.language)
                return
        try:
            lines = highlight_lines(code.source, code.language, styles, cancelled, tokens)
        except HighlightCancelledError:
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._highlighted, key, lines)

    def _gave_up(self, language: str) -> None:
        self.notify(
            f"Highlighting this {language} code took over {LEX_SECONDS:g} s: shown as plain text.",
            markup=False,
        )

    def _highlighted(self, key: int, lines: Sequence[Text]) -> None:
        self._cache[key] = lines
        self.post_message(self.Highlighted(key, lines))
        if self._showing is not None and self._showing[0] == key:
            self.query_one(CodeView).show(lines, keep_scroll=True)

    def _palette(self) -> Palette:
        variables = self.app.theme_variables
        roles = ("primary", "accent", "success", "warning", "error")
        colours = {role: variables.get(f"text-{role}", "") for role in roles}
        colours["muted"] = variables.get("foreground-darken-3", variables.get("secondary", ""))
        if self.app.current_theme.ansi:  # the terminal's own colours, as Rich names them
            colours = {k: v.removeprefix("ansi_").split()[0] for k, v in colours.items() if v}
            colours["muted"] = "bright_black" if self.app.current_theme.dark else "black"
        return palette({k: v for k, v in colours.items() if _is_colour(v)})
