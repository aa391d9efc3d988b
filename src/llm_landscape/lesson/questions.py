"""A step's ``check:``, its self-check questions, read and validated.

Every mistake is an error at the value's line and column, as for every other
field: a list that is not one, a question without choices, too few or too
many choices, two the same, an answer that is none of them, an unknown kind.
"""

from __future__ import annotations

from . import schema
from .fields import STR, FieldReader
from .model import Question
from .yamlsource import Mapping, Node, Scalar, Sequence

PREDICT = "predict"


def read_check(fields: FieldReader, node: Node | None) -> tuple[Question, ...]:
    if node is None:
        return ()
    if not isinstance(node, Sequence):
        fields.error(node, "'check' must be a list of questions (each starting with '- question:')")
        return ()
    if len(node.items) > schema.MAX_QUESTIONS:
        fields.error(node, f"a step has at most {schema.MAX_QUESTIONS} questions; split the step")
        return ()
    questions = []
    for item in node.items:
        if not isinstance(item, Mapping):
            fields.error(item, "each question is a mapping with question, choices and answer")
            continue
        question = _question(fields, item)
        if question is not None:
            questions.append(question)
    return tuple(questions)


def _question(fields: FieldReader, node: Mapping) -> Question | None:
    found = fields.fields(node, schema.QUESTION, "a question")
    text = fields.required_text(found.get("question"), "question", line=False)
    choices = _choices(fields, found.get("choices"))
    answer = _answer(fields, found.get("answer"), choices)
    kind_node = found.get("kind")
    kind = fields.text(kind_node, "kind")
    if kind_node is not None and kind and kind != PREDICT:
        fields.error(kind_node, f"unknown kind '{kind}'; the one kind is '{PREDICT}'")
    if not text or choices is None or answer is None:
        return None
    explain = fields.text(found.get("explain"), "explain", line=False)
    return Question(text, choices, answer, explain, predict=kind == PREDICT)


def _choices(fields: FieldReader, node: Node | None) -> tuple[str, ...] | None:
    if node is None:
        return None  # reported as missing
    if not isinstance(node, Sequence):
        fields.error(node, "'choices' must be a list of texts, each on a '- ' line")
        return None
    count = len(node.items)
    if not schema.MIN_CHOICES <= count <= schema.MAX_CHOICES:
        low, high = schema.MIN_CHOICES, schema.MAX_CHOICES
        fields.error(node, f"a question has {low} to {high} choices, not {count}")
        return None
    choices: list[str] = []
    for item in node.items:
        choice = fields.required_text(item, "choice")
        if choice and choice in choices:
            fields.error(item, f"the choice '{choice}' is given twice; each must differ")
            return None
        choices.append(choice)
    return tuple(choices) if all(choices) else None


def _answer(fields: FieldReader, node: Node | None, choices: tuple[str, ...] | None) -> int | None:
    if node is None or choices is None:
        return None
    if isinstance(node, Scalar) and node.tag == "tag:yaml.org,2002:int":
        number = int(node.value, 0) if node.value.strip("+-").isdigit() else 0
        if 1 <= number <= len(choices):
            return number - 1
        fields.error(node, f"answer {node.value} is not a choice: give 1 to {len(choices)}")
        return None
    if isinstance(node, Scalar) and node.tag == STR:
        text = fields.text(node, "answer")
        if text in choices:
            return choices.index(text)
        fields.error(
            node, f"answer '{text}' is none of the choices; give its number or its exact text"
        )
        return None
    fields.error(node, f"'answer' must be a choice's number (1 to {len(choices)}) or its text")
    return None
