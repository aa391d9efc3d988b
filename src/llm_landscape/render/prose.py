"""Markdown prose to Rich ``Text``, built directly so lesson text is never markup.

The Textual ``Markdown`` widget mounts a widget per block (~150 ms a step) and
follows links on click; this renderer makes one ``Text`` per pane instead.
Links are shown (text plus address), never made live: no OSC 8, no actions.
Only attribute styles are used, so the prose follows whatever theme is active.

Rendering goes through a *compiled* form: the plain text and spans of named
roles (``strong``, ``code``, ``link:<address>`` …). It holds only strings and
numbers, so the lesson cache can keep it beside the lesson (see
``renderings.py``), and a player or ``--print`` whose lesson is cached never
imports the Markdown parser (~40 ms and ~1.7 MiB).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:  # imported on first use: ~35 ms the title card does not need
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

Span = tuple[int, int, tuple[str, ...]]
Compiled = tuple[str, tuple[Span, ...]]
"""Plain text and (start, end, roles) spans, in the order they apply."""

_BULLET = "▸ "
_ROLE_STYLES = {
    "strong": Style(bold=True),
    "em": Style(italic=True),
    "s": Style(strike=True),
    "code": Style(bold=True, reverse=True),
    "heading": Style(bold=True, underline=True),
    "address": Style(dim=True),
}
_LINK = "link:"


LINK_META = "link"
"""The key under which a link's address is kept in its style's meta: data for
the player to look up on a click, never an action (no address is parsed)."""


@lru_cache(maxsize=1024)
def compile_markdown(markdown: str) -> Compiled:
    """The Markdown source as plain text and role spans."""
    builder = _Builder()
    _blocks(builder, _parser().parse(markdown))
    return builder.result()


def render(markdown: str, compiled: Compiled | None = None) -> Text:
    """The Markdown source as styled text, from its compiled form if given."""
    plain, spans = compile_markdown(markdown) if compiled is None else compiled
    text = Text(plain, end="")
    for start, end, roles in spans:
        styles = [style for style in map(_style_of, roles) if style is not None]
        if styles:
            text.stylize(Style.combine(styles), start, end)
    return text


def _style_of(role: str) -> Style | None:
    if role.startswith(_LINK):
        return Style(underline=True, meta={LINK_META: role[len(_LINK) :]})
    return _ROLE_STYLES.get(role)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # HTML is disabled so that raw tags show as the text they are.
    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.length = 0

    def add(self, text: str, roles: tuple[str, ...] = ()) -> None:
        if not text:
            return
        if roles:
            self.spans.append((self.length, self.length + len(text), roles))
        self.parts.append(text)
        self.length += len(text)

    def result(self) -> Compiled:
        return "".join(self.parts), tuple(self.spans)


def _blocks(out: _Builder, tokens: list[Token]) -> None:
    """Each paragraph, heading, list item or code block; a blank line between
    blocks, a line break only between the items of a list."""
    lists: list[list[int]] = []  # a counter per open list; -1 for bullets
    quote = 0
    heading = False
    continues = False
    first = True

    def separate(in_list: bool) -> int:
        nonlocal first
        if not first:
            out.add("\n" if in_list else "\n\n")
        first = False
        return out.length

    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading = True
        elif kind == "bullet_list_open":
            lists.append([-1])
        elif kind == "ordered_list_open":
            lists.append([int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            continues = bool(lists)
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "inline":
            start = separate(continues)
            _prefix(out, lists, quote, token)
            _inline(out, token.children or [])
            if heading:
                if out.length > start:
                    out.spans.append((start, out.length, ("heading",)))
                heading = False
            continues = bool(lists)
        elif kind in ("fence", "code_block"):
            separate(False)
            out.add(token.content.rstrip("\n"), ("code",))
        elif kind == "hr":
            separate(False)
            out.add("─" * 20, ("address",))


def _prefix(out: _Builder, lists: list[list[int]], quote: int, token: Token) -> None:
    out.add("┃ " * quote, ("address",))
    if lists and token.level >= 2:
        counter = lists[-1]
        depth = "  " * (len(lists) - 1)
        if counter[0] < 0:
            out.add(depth + _BULLET)
        else:
            out.add(f"{depth}{counter[0]}. ")
            counter[0] += 1


def _inline(out: _Builder, children: list[Token]) -> None:
    roles: list[str] = []
    addresses: list[str] = []
    for child in children:
        kind = child.type
        if kind == "text":
            out.add(child.content, tuple(roles))
        elif kind == "code_inline":
            out.add(f" {child.content} ", ("code",))
        elif kind == "softbreak":
            out.add(" ", tuple(roles))
        elif kind == "hardbreak":
            out.add("\n")
        elif kind == "image":
            out.add(f"[image: {child.content}]", ("address",))
        elif kind == "link_open":
            address = str(child.attrGet("href") or "")
            addresses.append(address)
            roles.append(_LINK + address)
        elif kind.endswith("_open"):
            roles.append(kind[:-5])  # a role without a style (e.g. a new token) is plain
        elif kind.endswith("_close"):
            if roles:
                roles.pop()
            if kind == "link_close" and addresses:
                out.add(f" ⟨{addresses.pop()}⟩", ("address",))


@lru_cache(maxsize=1)
def _page_parser() -> MarkdownIt:
    parser = _parser().__class__("commonmark", {"html": False}).enable("strikethrough")
    # Live links on a page are web links and anchors only; any other scheme
    # (mailto:, ftp:, ssh:, a browser's own) stays the Markdown text it was.
    parser.validateLink = lambda url: url.lower().startswith(("http://", "https://", "#"))  # type: ignore[method-assign]
    return parser


def block_tokens(markdown: str) -> list[Token]:
    """The Markdown's block tokens (``fence``, ``code_block`` … with their line ``map``)."""
    return list(_parser().parse(markdown))


def to_html(markdown: str) -> str:
    """Markdown as safe HTML for ``--export``: raw HTML is escaped, images become
    their alt text (no external assets), and only http:, https: and ``#``
    links are live."""
    parser = _page_parser()
    tokens = parser.parse(markdown)
    for token in tokens:
        for child in token.children or []:
            if child.type == "image":
                child.type, child.content, child.children = (
                    "text",
                    f"[image: {child.content}]",
                    None,
                )
    return str(parser.renderer.render(tokens, parser.options, {}))


__all__ = ["LINK_META", "block_tokens", "compile_markdown", "render", "to_html"]
