"""A JSON Schema of the lesson format, generated from the same field table the loader reads.

Editors (the YAML language server and the extensions built on it) use it to
complete keys and flag mistakes while an author types; ``--check`` remains the
authority (it also checks paths, duplicate ids and YAML 1.1 surprises).
"""

from __future__ import annotations

import json
from typing import Any

from ..lesson import schema
from ..lesson.schema import Field, Kind

SCHEMA_ID = "https://llm-landscape.invalid/lesson.schema.json"
"""A name, not an address: editors are pointed at the file (see docs/lesson-format.md)."""

_TEXT: dict[str, Any] = {"type": "string"}
_KINDS: dict[Kind, dict[str, Any]] = {
    Kind.LINE: _TEXT,
    Kind.MARKDOWN: _TEXT,
    Kind.SOURCE: _TEXT,
    Kind.SLUG: {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*$"},
    Kind.CHAPTER: {"type": ["integer", "number", "string"]},
    Kind.SECONDS: {"type": "number", "exclusiveMinimum": 0, "maximum": schema.MAX_DWELL},
    Kind.CODE: {"$ref": "#/$defs/code"},
    Kind.CHECK: {
        "type": "array",
        "maxItems": schema.MAX_QUESTIONS,
        "items": {"$ref": "#/$defs/question"},
    },
    Kind.CHOICES: {
        "type": "array",
        "minItems": schema.MIN_CHOICES,
        "maxItems": schema.MAX_CHOICES,
        "uniqueItems": True,
        "items": {"type": "string", "minLength": 1},
    },
    Kind.QUESTION_KIND: {"enum": ["predict"]},
    Kind.ANSWER: {
        "oneOf": [
            {"type": "integer", "minimum": 1, "maximum": schema.MAX_CHOICES},
            {"type": "string", "minLength": 1},
        ]
    },
    Kind.STEPS: {
        "type": "array",
        "minItems": 1,
        "maxItems": schema.MAX_STEPS,
        "items": {
            "oneOf": [
                {"type": "string", "description": "a step file, relative to the lesson"},
                {"$ref": "#/$defs/step"},
            ]
        },
    },
}


def _object(fields: tuple[Field, ...], description: str) -> dict[str, Any]:
    properties = {}
    for field in fields:
        prop = dict(_KINDS[field.kind])
        prop["description"] = field.help or field.kind.value
        if field.kind in (Kind.LINE, Kind.MARKDOWN, Kind.SOURCE) and field.required:
            prop["minLength"] = 1
        properties[field.name] = prop
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }


def lesson_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "llm-landscape lesson",
        "description": "A lesson manifest (lesson.yaml or a single-file lesson) or one step file.",
        "oneOf": [{"$ref": "#/$defs/lesson"}, {"$ref": "#/$defs/step"}],
        "$defs": {
            "lesson": _object(schema.MANIFEST, "a lesson: title card and steps"),
            "step": _object(schema.STEP, "one step of a lesson"),
            "code": _object(schema.CODE, "the code panel"),
            "question": _object(schema.QUESTION, "a self-check question"),
        },
    }


def schema_text() -> str:
    return json.dumps(lesson_schema(), indent=2, ensure_ascii=False) + "\n"
