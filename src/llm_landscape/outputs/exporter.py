"""``--export``: the lesson as one Markdown document or one self-contained HTML page."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..lesson.icons import glyph
from ..lesson.model import Lesson, Step
from ..lesson.navigation import Tour
from ..render import prose

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~-])")
_TAG_START = re.compile(r"<(?!https?://[^>\s]*>)(?=[A-Za-z/!?])")
"""A ``<`` that would open raw HTML (a tag, comment or declaration) where a
Markdown viewer renders it; web autolinks (``<https://…>``) stay links."""
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)


def export(lesson: Lesson, target: Path) -> None:
    """Write ``target``; its suffix (.md or .html) picks the format."""
    suffix = target.suffix.lower()
    if suffix in (".md", ".markdown"):
        text = to_markdown(lesson)
    elif suffix in (".html", ".htm"):
        text = to_html(lesson)
    else:
        raise ValueError(f"cannot export to '{target.suffix}'; use a .md or .html file name")
    target.write_text(text, encoding="utf-8")


def _md_line(text: str) -> str:
    """Single-line lesson text as literal Markdown (titles are text, not markup)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_prose(markdown: str) -> str:
    """Lesson Markdown for a Markdown document, its raw HTML made text:
    GitHub and most viewers would render ``<script>`` or ``<img onerror>``.
    Code blocks and code spans are left as written (there ``<`` is text)."""
    lines = markdown.split("\n")
    code_lines: set[int] = set()
    for token in prose.block_tokens(markdown):
        if token.type in ("fence", "code_block") and token.map:
            code_lines.update(range(*token.map))
    for number, line in enumerate(lines):
        if number not in code_lines and "<" in line:
            pieces = _CODE_SPAN.split(line)  # text, run, code, text, run, code, ...
            for i in range(0, len(pieces), 3):
                pieces[i] = _TAG_START.sub("&lt;", pieces[i])
            lines[number] = "".join(
                piece if i % 3 != 2 else f"{pieces[i - 1]}{piece}{pieces[i - 1]}"
                for i, piece in enumerate(pieces)
                if i % 3 != 1
            )
    return "\n".join(lines)


def _fence(code: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


def to_markdown(lesson: Lesson) -> str:
    out = [f"# {_md_line(lesson.heading)}", ""]
    if lesson.subtitle:
        out += [f"*{_md_line(lesson.subtitle)}*", ""]
    if lesson.badge:
        out += [f"**{_md_line(lesson.badge)}**", ""]
    bar = " → ".join(
        f"[{glyph(s.icon)} {_md_line(s.label)}](#step-{n})" for n, s in enumerate(lesson.steps, 1)
    )
    out += [bar, ""]
    for index, step in enumerate(lesson.steps):
        out += _markdown_step(step, index, len(lesson.steps))
    return "\n".join(out).rstrip() + "\n"


def _markdown_step(step: Step, index: int, count: int) -> list[str]:
    counter = Tour(count).go(index).counter
    out = [f'<a id="step-{index + 1}"></a>', "", f"## {_md_line(step.title)}", ""]
    out += [f"{counter} · {glyph(step.icon)} {_md_line(step.label)}", ""]
    if step.subtitle:
        out += [f"*{_md_line(step.subtitle)}*", ""]
    if step.heading:
        out += [f"### {_md_line(step.heading)}", ""]
    out += [_md_prose(step.body.strip()), ""]
    if step.insight:
        quoted = "\n".join(
            f"> {line}" if line else ">" for line in _md_prose(step.insight.strip()).split("\n")
        )
        out += ["> **Key insight:**", ">", quoted, ""]
    if step.code is not None:
        fence = _fence(step.code.source)
        if step.code.title:
            out += [f"**{_md_line(step.code.title)}**", ""]
        language = "" if step.code.language in ("text", "outline") else step.code.language
        out += [f"{fence}{language}", step.code.source, fence, ""]
    out += _markdown_check(step)
    return out


def _markdown_check(step: Step) -> list[str]:
    if not step.check:
        return []
    out = ["#### Check yourself", ""]
    for number, question in enumerate(step.check, 1):
        before = " *(before reading the step)*" if question.predict else ""
        out += [f"**Q{number}.**{before} {_md_prose(question.question.strip())}", ""]
        out += [f"{n}. {_md_line(choice)}" for n, choice in enumerate(question.choices, 1)]
        out.append("")
    out += ["<details><summary>Answers</summary>", ""]
    for number, question in enumerate(step.check, 1):
        right = f"{question.answer + 1}. {_md_line(question.choices[question.answer])}"
        explain = f" — {_md_prose(question.explain.strip())}" if question.explain else ""
        out += [f"- **Q{number}:** {right}{explain}"]
    return [*out, "", "</details>", ""]


_CSS = """
:root { --fg: #e0e0e0; --bg: #121212; --panel: #1e1e1e; --head: #242f38; --link: #6cb4ec;
        --muted: #a8a8a8; --rule: #333; --accent: #ffc473; --frame: #fea62b; --code: #0178d4;
        color-scheme: dark light; }
@media (prefers-color-scheme: light) {
  :root { --fg: #1f1f1f; --bg: #fafafa; --panel: #f0f0f0; --head: #dde6ee; --link: #00528f;
          --muted: #4f4f4f; --rule: #ccc; --accent: #7a4500; --frame: #a86d1c; --code: #004578; }
}
body { font: 16px/1.55 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;
       color: var(--fg); background: var(--bg); }
a { color: var(--link); }
nav.steps { position: sticky; top: 0; background: var(--panel); padding: .5rem 1rem;
            border-radius: 6px; }
nav.steps a { text-decoration: none; margin-right: .25rem; }
header.card { text-align: center; padding: 3rem 0; }
.badge { background: #fea62b; color: #121212; padding: .1rem .6rem; font-weight: bold; }
section.step { border-top: 1px solid var(--rule); padding-top: 1rem; margin-top: 2rem; }
.counter, .subtitle { color: var(--muted); }
.subtitle { font-style: italic; }
.panes { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
@media (max-width: 60rem) { .panes { grid-template-columns: 1fr; } }
.insight { border: 1px solid var(--frame); border-radius: 8px; padding: .25rem 1rem; }
.insight h4 { color: var(--accent); margin: .5rem 0; }
.code { border: 1px solid var(--code); border-radius: 8px; overflow: hidden; }
.code h4 { margin: 0; padding: .4rem .8rem; background: var(--head); }
.code h4 small { font-weight: normal; color: var(--muted); margin-left: .5rem; }
.code pre { margin: 0; padding: .8rem; overflow-x: auto; background: var(--panel); }
.check { margin-top: 1.5rem; border-top: 1px dashed var(--rule); }
.check summary { cursor: pointer; color: var(--link); }
@media print {
  :root { --fg: #000000; --bg: #ffffff; --panel: #f4f4f4; --head: #e8e8e8; --link: #00528f;
          --muted: #444444; --rule: #bbbbbb; --accent: #7a4500; --frame: #a86d1c; --code: #004578; }
  body { max-width: none; margin: 0; font-size: 11pt; }
  nav.steps { display: none; }
  header.card { padding: 1rem 0; }
  .panes { grid-template-columns: 1fr; }
  section.step { break-before: page; border-top: none; margin-top: 0; }
  h2, h3, h4 { break-after: avoid; }
  .insight, .code, .code pre, .check { break-inside: avoid; }
  .check details > ol { display: block; }
  .code pre { white-space: pre-wrap; overflow: visible; }
}
"""


def to_html(lesson: Lesson) -> str:
    """One page, no external assets: inline CSS, inline-styled highlighting."""
    e = html.escape
    nav = " › ".join(
        f'<a href="#step-{n}">{e(glyph(s.icon))} {e(s.label)}</a>'
        for n, s in enumerate(lesson.steps, 1)
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(lesson.heading)}</title><style>{_CSS}{_code_css()}</style></head><body>",
        f'<nav class="steps">{nav}</nav>',
        f'<header class="card"><h1>{e(lesson.heading)}</h1>',
    ]
    if lesson.subtitle:
        parts.append(f'<p class="subtitle">{e(lesson.subtitle)}</p>')
    if lesson.badge:
        parts.append(f'<p><span class="badge">{e(lesson.badge)}</span></p>')
    parts.append("</header>")
    for index, step in enumerate(lesson.steps):
        parts.append(_html_step(step, index, len(lesson.steps)))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _html_step(step: Step, index: int, count: int) -> str:
    e = html.escape
    render = prose.to_html
    out = [f'<section class="step" id="step-{index + 1}">']
    out.append(f'<p class="counter">{e(Tour(count).go(index).counter)} · {e(step.label)}</p>')
    out.append(f"<h2>{e(glyph(step.icon))} {e(step.title)}</h2>")
    if step.subtitle:
        out.append(f'<p class="subtitle">{e(step.subtitle)}</p>')
    out.append('<div class="panes"><div class="prose">')
    if step.heading:
        out.append(f"<h3>{e(step.heading)}</h3>")
    out.append(render(step.body))
    if step.insight:
        out.append(f'<div class="insight"><h4>Key insight</h4>{render(step.insight)}</div>')
    out.append("</div>")
    if step.code is not None:
        code = step.code
        name = e(code.title or code.language)
        language = f"<small>{e(code.language)}</small>" if code.title else ""
        out.append(f'<div class="code"><h4>{name}{language}</h4>')
        out.append(_highlight_html(step, step.code.source, step.code.language))
        out.append("</div>")
    out.append("</div>")
    out += _html_check(step)
    out.append("</section>")
    return "\n".join(out)


def _html_check(step: Step) -> list[str]:
    """The questions, then their answers behind a disclosure: a class can try first."""
    if not step.check:
        return []
    e, render = html.escape, prose.to_html
    out = ['<div class="check"><h4>Check yourself</h4><ol class="questions">']
    for question in step.check:
        before = '<em class="predict">Before reading the step: </em>' if question.predict else ""
        choices = "".join(f"<li>{e(choice)}</li>" for choice in question.choices)
        out.append(f"<li>{before}{render(question.question)}<ol>{choices}</ol></li>")
    out.append("</ol><details><summary>Answers</summary><ol>")
    for question in step.check:
        right = f"{question.answer + 1}. {e(question.choices[question.answer])}"
        explain = render(question.explain) if question.explain else ""
        out.append(f"<li><strong>{right}</strong>{explain}</li>")
    out.append("</ol></details></div>")
    return out


def _highlight_html(step: Step, source: str, language: str) -> str:
    import io

    from pygments.formatters import HtmlFormatter
    from pygments.token import string_to_tokentype

    from ..render.bounded_lex import lex_bounded
    from .printer import gave_up

    tokens = lex_bounded(source, language)
    if tokens is None:
        gave_up(step, language)
        tokens = (("Text", source),)
    formatter = HtmlFormatter(cssclass="hl", nobackground=True)
    page = io.StringIO()
    formatter.format(((string_to_tokentype(kind), text) for kind, text in tokens), page)
    return page.getvalue()


def _code_css() -> str:
    """The highlighting's colours as classes, so that the page's light variant
    (and its print) can swap them: monokai on dark, the default style on light."""
    from pygments.formatters import HtmlFormatter

    def rules(style: str) -> str:
        formatter = HtmlFormatter(style=style, nobackground=True)
        return str(formatter.get_style_defs(".hl"))  # type: ignore[no-untyped-call]

    # Tokens the light style leaves alone must not keep monokai's near-white.
    reset = ".hl [class] { color: var(--fg); background-color: transparent; font-weight: normal;"
    light = reset + " font-style: normal; border: none; }\n" + rules("default")
    return (
        f"\n{rules('monokai')}\n@media (prefers-color-scheme: light) {{\n{light}\n}}"
        f"\n@media print {{\n{light}\n}}\n"
    )
