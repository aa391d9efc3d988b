"""The lesson format's fields: one table read by the loader and the docs."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    LINE = "a single line of text"
    MARKDOWN = "Markdown text"
    SLUG = "an id of letters, digits, '-' and '_'"
    CHAPTER = "a number or text"
    SECONDS = "a number of seconds"
    CODE = "a mapping with title, language and source"
    STEPS = "a list of step file paths or inline steps"
    SOURCE = "text (the code, usually a '|' block)"
    CHECK = "a list of questions, each with question, choices, answer, explain"
    CHOICES = "a list of 2 to 6 texts"
    ANSWER = "the right choice: its number from 1, or its exact text"
    QUESTION_KIND = "'predict' (asked before the step is shown), or absent"


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: Kind
    required: bool = False
    help: str = ""


MANIFEST = (
    Field("title", Kind.LINE, required=True, help="the lesson's title"),
    Field("chapter", Kind.CHAPTER, help="shown as 'Ch N — title'"),
    Field("subtitle", Kind.LINE, help="the title card's second line"),
    Field("badge", Kind.LINE, help="a short tag on the title card"),
    Field("steps", Kind.STEPS, required=True, help="the steps, in order"),
)

STEP = (
    Field("id", Kind.SLUG, required=True, help="unique within the lesson"),
    Field("label", Kind.LINE, required=True, help="the step bar's text"),
    Field("icon", Kind.LINE, help="a Material Symbols name"),
    Field("title", Kind.LINE, required=True),
    Field("subtitle", Kind.LINE),
    Field("heading", Kind.LINE, help="the prose pane's heading"),
    Field("body", Kind.MARKDOWN, required=True),
    Field("insight", Kind.MARKDOWN, help="the 'Key insight' callout"),
    Field("code", Kind.CODE),
    Field("dwell", Kind.SECONDS, help="seconds in Play mode"),
    Field("check", Kind.CHECK, help="self-check questions"),
)

QUESTION = (
    Field("question", Kind.MARKDOWN, required=True),
    Field("choices", Kind.CHOICES, required=True),
    Field("answer", Kind.ANSWER, required=True),
    Field("explain", Kind.MARKDOWN, help="shown once answered"),
    Field("kind", Kind.QUESTION_KIND, help="'predict': asked before the step is shown"),
)

MIN_CHOICES, MAX_CHOICES = 2, 6
MAX_QUESTIONS = 20

CODE = (
    Field("title", Kind.LINE),
    Field("language", Kind.LINE, help="a Pygments lexer name, or 'outline'"),
    Field("source", Kind.SOURCE, required=True),
)

MAX_STEPS = 5_000
MAX_DWELL = 3_600.0
