"""``--print``: the whole lesson as readable text, for screen readers, pipes and grep.

Plain (no escape sequences at all) when standard output is not a terminal or
``NO_COLOR`` is set; styled otherwise. Lesson text was made safe by the loader,
so nothing here can reach the terminal as a control sequence.

Plain text is built from strings alone: with the prose already compiled (the
lesson cache keeps it, see ``render/renderings.py``), printing to a pipe
imports neither Rich's console nor the Markdown parser nor a lexer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TextIO

from ..lesson.model import Lesson, Step
from ..lesson.navigation import Tour

if TYPE_CHECKING:
    from rich.console import Console

TAB_SIZE = 8
"""Tab stops in prose, as Rich expands them in the styled output."""


def is_styled(out: TextIO, environ: Mapping[str, str]) -> bool:
    """Colours only on a terminal that shows them (not ``TERM=dumb``, not ``NO_COLOR``)."""
    return out.isatty() and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"


def plain_text(lesson: Lesson, prose_of: Callable[[str], str], only: int | None = None) -> str:
    """The lesson as plain text; ``prose_of`` turns a Markdown text into plain text.
    With ``only`` (0-based), the title lines and that one step."""
    lines = [lesson.heading]
    lines += [lesson.subtitle] if lesson.subtitle else []
    lines += [f"[{lesson.badge}]"] if lesson.badge else []
    lines.append("Steps: " + " → ".join(f"{n}. {s.label}" for n, s in enumerate(lesson.steps, 1)))
    for index, step in enumerate(lesson.steps):
        if only is not None and index != only:
            continue
        counter = Tour(len(lesson.steps)).go(index).counter
        lines += ["", f"=== {counter} · {step.label} ===", step.title]
        lines += [step.subtitle] if step.subtitle else []
        lines += ["", step.heading] if step.heading else []
        lines += ["", _expand_tabs(prose_of(step.body))]
        if step.insight:
            lines += ["", "Key insight: " + _expand_tabs(prose_of(step.insight))]
        if step.code is not None:
            lines += ["", f"--- {step.code.title or 'Code'} ({step.code.language}) ---"]
            lines += step.code.source.split("\n")
        lines += check_lines(step, prose_of)
    return "\n".join(lines) + "\n"


def check_lines(step: Step, prose_of: Callable[[str], str]) -> list[str]:
    """A step's questions as text, then their answers: read top to bottom, a
    learner meets each question before its answer."""
    if not step.check:
        return []
    lines = ["", "--- Check yourself ---"]
    for number, question in enumerate(step.check, 1):
        before = " (before reading the step)" if question.predict else ""
        lines += ["", f"Q{number}{before}. {_expand_tabs(prose_of(question.question))}"]
        lines += [f"  {n}) {choice}" for n, choice in enumerate(question.choices, 1)]
    lines += ["", "Answers:"]
    for number, question in enumerate(step.check, 1):
        right = f"{question.answer + 1}) {question.choices[question.answer]}"
        explain = f" — {_expand_tabs(prose_of(question.explain))}" if question.explain else ""
        lines.append(f"  Q{number}: {right}{explain}")
    return lines


def _expand_tabs(text: str) -> str:
    if "\t" not in text:
        return text
    from rich.cells import cell_len  # by cells, as Rich does: wide characters count 2

    out = []
    for line in text.split("\n"):
        expanded = ""
        for part in line.split("\t")[:-1]:
            expanded += part
            expanded += " " * (TAB_SIZE - cell_len(expanded) % TAB_SIZE)
        out.append(expanded + line.split("\t")[-1])
    return "\n".join(out)


def print_styled(lesson: Lesson, out: TextIO, only: int | None = None) -> None:
    """The lesson with colours and rules, for a terminal."""
    from rich.console import Console

    console = Console(
        file=out,
        color_system="auto",
        force_terminal=True,
        highlight=False,
        emoji=False,
        markup=False,
    )
    _title(console, lesson)
    for index, step in enumerate(lesson.steps):
        if only is None or index == only:
            _step(console, step, Tour(len(lesson.steps)).go(index).counter)


def _title(console: Console, lesson: Lesson) -> None:
    from rich.text import Text

    console.print(Text(lesson.heading, style="bold"))
    if lesson.subtitle:
        console.print(lesson.subtitle)
    if lesson.badge:
        console.print(Text(f"[{lesson.badge}]", style="dim"))
    outline = " → ".join(f"{n}. {s.label}" for n, s in enumerate(lesson.steps, 1))
    console.print(Text(f"Steps: {outline}", style="dim"))


def gave_up(step: Step, language: str) -> None:
    """Say on standard error that a step's code goes out plain, and why."""
    from ..render.bounded_lex import LEX_SECONDS

    sys.stderr.write(
        f"llm-landscape: step {step.id}: highlighting {language} took over "
        f"{LEX_SECONDS:g} s; its code is written as plain text\n"
    )


def _step(console: Console, step: Step, counter: str) -> None:
    from rich.rule import Rule
    from rich.text import Text

    from ..render import prose
    from ..render.bounded_lex import lex_bounded
    from ..render.highlight import ANSI_COLOURS, highlight_lines, palette

    console.print()
    console.print(Rule(Text(f"{counter} · {step.label}"), align="left"))
    console.print(Text(step.title, style="bold"))
    if step.subtitle:
        console.print(Text(step.subtitle, style="italic"))
    if step.heading:
        console.print()
        console.print(Text(step.heading, style="bold underline"))
    console.print()
    console.print(prose.render(step.body))
    if step.insight:
        console.print()
        insight = Text("Key insight: ", style="bold")
        insight.append_text(prose.render(step.insight))
        console.print(insight)
    if step.code is not None:
        console.print()
        title = step.code.title or "Code"
        console.print(Text(f"--- {title} ({step.code.language}) ---", style="bold"))
        styles = palette(ANSI_COLOURS)
        code = step.code
        tokens = lex_bounded(code.source, code.language)
        if tokens is None:
            gave_up(step, code.language)
            tokens = (("Text", code.source),)
        for line in highlight_lines(code.source, code.language, styles, lexed=tokens):
            console.print(line, soft_wrap=True)
    for said in check_lines(step, lambda markdown: prose.render(markdown).plain):
        console.print(Text(said, style="bold" if said.startswith(("---", "Answers")) else ""))
