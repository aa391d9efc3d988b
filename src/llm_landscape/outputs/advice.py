"""``--check`` advice beyond validity: what will read badly in a terminal.

These are notes (exit status stays 0): code wider than the code pane at
120 columns, prose taller than an 80×24 terminal, and steps that lack an
insight or code where most steps have one; and a warning for code whose
lexer did not finish in its time (``render/bounded_lex.py``).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

from rich.cells import cell_len

from ..lesson.diagnostics import Diagnostic, Severity
from ..lesson.model import Lesson, Step

CODE_PANE_COLUMNS = 55
"""Columns of code visible at 120×40: half the screen less border, padding, scrollbar."""
NARROW_PROSE_COLUMNS = 77
"""Prose width at 80×24, where prose and code are stacked."""
NARROW_PROSE_ROWS = 18
"""Rows for the step's prose and code at 80×24 under the fixed bars."""


def advise(lesson: Lesson) -> list[Diagnostic]:
    notes: list[Diagnostic] = []
    for number, step in enumerate(lesson.steps, 1):
        notes += _code_width(lesson.path, number, step)
        notes += _prose_height(lesson.path, number, step)
        notes += _lexer_time(lesson.path, number, step)
        notes += _same_answers(lesson.path, number, step)
    notes += _missing_parts(lesson)
    return notes


def _note(path: Path, message: str) -> Diagnostic:
    return Diagnostic(path, 0, 0, message, Severity.NOTE)


def _same_answers(path: Path, number: int, step: Step) -> Iterator[Diagnostic]:
    answers = {question.answer for question in step.check}
    if len(step.check) >= 2 and len(answers) == 1:
        yield _note(
            path,
            f"step {number} ({step.id}): every question's right answer is choice "
            f"{answers.pop() + 1}; a learner soon learns to pick it: vary where it is",
        )


def _lexer_time(path: Path, number: int, step: Step) -> Iterator[Diagnostic]:
    """A lexer we do not vouch for is tried, on its clock, as the player will."""
    from ..render.bounded_lex import LEX_SECONDS, lex_bounded, vetted

    code = step.code
    if code is None or vetted(code.language) or lex_bounded(code.source, code.language):
        return
    yield Diagnostic(
        path,
        0,
        0,
        f"step {number} ({step.id}): highlighting this {code.language} code took over "
        f"{LEX_SECONDS:g} s, so learners see it as plain text; the lexer may never "
        "finish on it: try another language name, or `text`",
        Severity.WARNING,
    )


def _code_width(path: Path, number: int, step: Step) -> Iterator[Diagnostic]:
    if step.code is None:
        return
    for line_number, line in enumerate(step.code.source.split("\n"), 1):
        width = cell_len(line)
        if width > CODE_PANE_COLUMNS:
            yield _note(
                path,
                f"step {number} ({step.id}): code line {line_number} is {width} columns; "
                f"at 120×40 the code pane shows {CODE_PANE_COLUMNS}, so it scrolls sideways",
            )


def _rows(markdown: str, width: int) -> int:
    """Rows the text takes when wrapped; an estimate from the Markdown source,
    close enough for advice and free of the renderer's start-up cost."""
    paragraphs = [p for p in markdown.split("\n\n") if p.strip()]
    wrapped = sum(len(textwrap.wrap(p, width)) or 1 for p in paragraphs)
    return wrapped + max(len(paragraphs) - 1, 0)  # a blank row between paragraphs


def _prose_height(path: Path, number: int, step: Step) -> Iterator[Diagnostic]:
    rows = 2 if step.heading else 0
    rows += _rows(step.body, NARROW_PROSE_COLUMNS)
    if step.insight:
        rows += 3 + _rows(step.insight, NARROW_PROSE_COLUMNS - 4)
    what = "prose"
    if step.code is not None:
        # At 80×24 the code is drawn under the prose: a blank row, its title, its lines.
        rows += 2 + step.code.source.count("\n") + 1
        what = "prose and code"
    if rows > NARROW_PROSE_ROWS:
        yield _note(
            path,
            f"step {number} ({step.id}): its {what} take{'s' if what == 'prose' else ''} "
            f"{rows} rows at 80×24, where {NARROW_PROSE_ROWS} are visible; learners on "
            "small terminals will scroll (↓ or j)",
        )


def _has(step: Step, part: str) -> bool:
    return bool(step.insight) if part == "insight" else step.code is not None


def _missing_parts(lesson: Lesson) -> Iterator[Diagnostic]:
    steps = lesson.steps
    for part in ("insight", "code"):
        having = sum(1 for step in steps if _has(step, part))
        if having * 2 <= len(steps):
            continue  # most steps do without: nothing is missing
        for number, step in enumerate(steps, 1):
            if not _has(step, part):
                yield _note(
                    lesson.path,
                    f"step {number} ({step.id}) has no {part}, unlike {having} of "
                    f"the {len(steps)} steps",
                )
