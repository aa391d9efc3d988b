"""Markdown prose to Rich ``Text``, built directly so lesson text is never markup.

The Textual ``Markdown`` widget mounts a widget per block (~150 ms a step) and
follows links on click; this renderer makes one ``Text`` per pane instead.
Links are shown (text plus address), never made live: no OSC 8, no actions.
Only attribute styles are used, so the prose follows whatever theme is active.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:  # imported on first use: ~15 ms the title card does not need
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_BULLET = "▸ "
_STYLES = {
    "strong": Style(bold=True),
    "em": Style(italic=True),
    "s": Style(strike=True),
}
_CODE = Style(bold=True, reverse=True)
_HEADING = Style(bold=True, underline=True)
_ADDRESS = Style(dim=True)


# Link addresses by number. A link's text carries only its number, in a click
# action we write ourselves ("app.follow_link(3)"), so no address is ever
# parsed as an action; the app looks the address up and asks before opening.
_LINKS: list[str] = []
_LINK_NUMBERS: dict[str, int] = {}


def link_target(number: int) -> str | None:
    return _LINKS[number] if 0 <= number < len(_LINKS) else None


def _link_style(address: str) -> Style:
    number = _LINK_NUMBERS.get(address)
    if number is None:
        number = _LINK_NUMBERS[address] = len(_LINKS)
        _LINKS.append(address)
    return Style(underline=True, meta={"@click": f"app.follow_link({number})"})


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # HTML is disabled so that raw tags show as the text they are.
    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


@lru_cache(maxsize=1024)
def render(markdown: str) -> Text:
    """The Markdown source as styled text; cached, since steps are revisited."""
    text = Text(end="")
    for index, (block, in_list) in enumerate(_blocks(_parser().parse(markdown))):
        if index:
            text.append("\n" if in_list else "\n\n")
        text.append_text(block)
    return text


def _blocks(tokens: list[Token]) -> Iterator[tuple[Text, bool]]:
    """Each paragraph, heading, list item or code block, and whether it
    continues a list (and so needs no blank line before it)."""
    lists: list[list[int]] = []  # a counter per open list; -1 for bullets
    quote = 0
    heading = False
    continues = False
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
            block = _prefix(lists, quote, token)
            block.append_text(_inline(token.children or []))
            if heading:
                block.stylize(_HEADING)
                heading = False
            yield block, continues
            continues = bool(lists)
        elif kind in ("fence", "code_block"):
            yield Text(token.content.rstrip("\n"), style=_CODE), False
        elif kind == "hr":
            yield Text("─" * 20, style=_ADDRESS), False


def _prefix(lists: list[list[int]], quote: int, token: Token) -> Text:
    prefix = Text(end="")
    prefix.append("┃ " * quote, _ADDRESS)
    if lists and token.level >= 2:
        counter = lists[-1]
        depth = "  " * (len(lists) - 1)
        if counter[0] < 0:
            prefix.append(depth + _BULLET)
        else:
            prefix.append(f"{depth}{counter[0]}. ")
            counter[0] += 1
    return prefix


def _inline(children: list[Token]) -> Text:
    text = Text(end="")
    styles: list[Style] = []
    addresses: list[str] = []
    for child in children:
        kind = child.type
        style = Style.combine(styles) if styles else None
        if kind == "text":
            text.append(child.content, style)
        elif kind == "code_inline":
            text.append(f" {child.content} ", _CODE)
        elif kind in ("softbreak",):
            text.append(" ", style)
        elif kind == "hardbreak":
            text.append("\n")
        elif kind == "image":
            text.append(f"[image: {child.content}]", _ADDRESS)
        elif kind == "link_open":
            address = str(child.attrGet("href") or "")
            addresses.append(address)
            styles.append(_link_style(address))
        elif kind.endswith("_open"):
            styles.append(_STYLES.get(kind[:-5], Style()))
        elif kind.endswith("_close"):
            if styles:
                styles.pop()
            if kind == "link_close" and addresses:
                text.append(f" ⟨{addresses.pop()}⟩", _ADDRESS)
    return text


def to_html(markdown: str) -> str:
    """Markdown as safe HTML for ``--export``: raw HTML is escaped, images become
    their alt text (no external assets), and markdown-it refuses javascript:,
    vbscript:, file: and data: links."""
    parser = _parser()
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


__all__ = ["render", "to_html"]
