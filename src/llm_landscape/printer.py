"""``--print``: the whole lesson as readable text, for screen readers, pipes and grep.

Plain (no escape sequences at all) when standard output is not a terminal or
``NO_COLOR`` is set; styled otherwise. Lesson text was made safe by the loader,
so nothing here can reach the terminal as a control sequence.
"""

from __future__ import annotations

import os
from typing import TextIO

from rich.console import Console
from rich.rule import Rule
from rich.text import Text

from . import prose
from .highlight import ANSI_COLOURS, highlight_lines, palette
from .model import Lesson, Step
from .navigation import Tour


def print_lesson(lesson: Lesson, out: TextIO, *, ascii_only: bool = False) -> None:
    styled = out.isatty() and not os.environ.get("NO_COLOR")
    console = Console(
        file=out,
        color_system="auto" if styled else None,
        force_terminal=styled,
        width=None if styled else 10_000,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=not styled,
    )
    _title(console, lesson)
    for index, step in enumerate(lesson.steps):
        _step(console, step, Tour(len(lesson.steps)).go(index).counter, styled)


def _title(console: Console, lesson: Lesson) -> None:
    console.print(Text(lesson.heading, style="bold"))
    if lesson.subtitle:
        console.print(lesson.subtitle)
    if lesson.badge:
        console.print(Text(f"[{lesson.badge}]", style="dim"))
    outline = " → ".join(f"{n}. {s.label}" for n, s in enumerate(lesson.steps, 1))
    console.print(Text(f"Steps: {outline}", style="dim"))


def _step(console: Console, step: Step, counter: str, styled: bool) -> None:
    console.print()
    if styled:
        console.print(Rule(Text(f"{counter} · {step.label}"), align="left"))
    else:
        console.print(f"=== {counter} · {step.label} ===")
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
        styles = palette(ANSI_COLOURS) if styled else {}
        for line in highlight_lines(step.code.source, step.code.language, styles):
            console.print(line, soft_wrap=True)
