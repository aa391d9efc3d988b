"""A validated lesson as plain JSON values, and back (the lesson cache's
``lesson`` field).

What comes back was read from a file we do not trust: ``checked`` checks every
field for its type and shape and gives text the same stand-ins for control
characters as loaded lesson text, raising ``TypeError``, ``ValueError`` or
``KeyError`` for anything else; ``build`` then makes the :class:`Lesson`
without validating again.
"""

from __future__ import annotations

from pathlib import Path

from .textsafety import make_safe

TYPE_CHECKING = False  # not typing's: importing typing costs --check ~2 ms
if TYPE_CHECKING:
    from typing import Any

    from .model import Lesson

STEP_FIELDS = ("id", "label", "icon", "title", "body", "subtitle", "heading", "insight")


def to_plain(lesson: Lesson) -> dict[str, Any]:
    """The lesson as JSON values (``checked`` reads them back)."""
    return {
        "title": lesson.title,
        "chapter": lesson.chapter,
        "subtitle": lesson.subtitle,
        "badge": lesson.badge,
        "manifest": str(lesson.path),
        "files": [str(file) for file in lesson.files],
        "steps": [
            {
                **{name: getattr(step, name) for name in STEP_FIELDS},
                "code": None if step.code is None else step.code._asdict(),
                "dwell": step.dwell,
                "check": [
                    {**question._asdict(), "choices": list(question.choices)}
                    for question in step.check
                ],
            }
            for step in lesson.steps
        ],
    }


LESSON_FIELDS = ("title", "chapter", "subtitle", "badge", "manifest")


def checked(plain: dict[str, Any]) -> dict[str, Any]:
    """The entry's lesson with every field checked for type and made safe; raises
    TypeError, ValueError or KeyError for one of the wrong shape."""
    steps = [_checked_step(step) for step in plain["steps"]]
    if not steps:
        raise ValueError("no steps")
    fields = {name: safe_text(plain[name]) for name in LESSON_FIELDS}
    return {**fields, "files": [safe_text(file) for file in plain["files"]], "steps": steps}


def _checked_step(plain: dict[str, Any]) -> dict[str, Any]:
    code, dwell = plain["code"], plain["dwell"]
    if code is not None:
        code = {name: safe_text(code[name]) for name in ("title", "language", "source")}
    if isinstance(dwell, bool) or not (
        dwell is None or (isinstance(dwell, (int, float)) and dwell > 0)
    ):
        raise TypeError("dwell")
    check = [_checked_question(question) for question in plain["check"]]
    texts = {name: safe_text(plain[name]) for name in STEP_FIELDS}
    return {**texts, "code": code, "dwell": dwell, "check": check}


def _checked_question(plain: dict[str, Any]) -> dict[str, Any]:
    choices = [safe_text(choice) for choice in plain["choices"]]
    answer, predict = plain["answer"], plain["predict"]
    if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer < len(choices):
        raise ValueError("answer")
    if not isinstance(predict, bool):
        raise TypeError("predict")
    texts = {name: safe_text(plain[name]) for name in ("question", "explain")}
    return {**texts, "choices": tuple(choices), "answer": answer, "predict": predict}


def build(fields: dict[str, Any]) -> Lesson:
    """The lesson of fields that ``checked`` returned."""
    from .model import CodePanel, Lesson, Question, Step

    steps = tuple(
        Step(
            **{name: step[name] for name in STEP_FIELDS},
            code=None if step["code"] is None else CodePanel(**step["code"]),
            dwell=step["dwell"],
            check=tuple(Question(**question) for question in step["check"]),
        )
        for step in fields["steps"]
    )
    return Lesson(
        title=fields["title"],
        steps=steps,
        path=Path(fields["manifest"]),
        chapter=fields["chapter"],
        subtitle=fields["subtitle"],
        badge=fields["badge"],
        files=tuple(Path(file) for file in fields["files"]),
    )


def safe_text(value: object) -> str:
    """``value`` if it is a string, with control characters made visible."""
    if not isinstance(value, str):
        raise TypeError("text")
    return make_safe(value)
