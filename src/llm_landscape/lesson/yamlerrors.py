"""libyaml's error messages, rewritten for lesson authors who are not programmers."""

from __future__ import annotations

import yaml
import yaml.reader

from .diagnostics import Diagnostic
from .sourcefile import SourceFile

_FRIENDLY = (
    (
        "found a tab character",
        "a tab is used for indentation; YAML allows only spaces here",
    ),
    (
        "found character '\\t' that cannot start any token",
        "a tab is used for indentation; YAML allows only spaces here",
    ),
    (
        "mapping values are not allowed",
        "unexpected ':'; if the value contains a colon, put the whole value in quotes",
    ),
    (
        "could not find expected ':'",
        "expected 'key: value'; check this line's indentation and the line before it",
    ),
    (
        "found unexpected end of stream",
        "the file ends inside a quoted or bracketed value; close the quote or bracket",
    ),
    (
        "did not find expected key",
        "this line does not line up with the keys above it; check its indentation",
    ),
    (
        "did not find expected ',' or ']'",
        "a '[' list is not closed; add the missing ']' (or quote text starting with '[')",
    ),
    (
        "did not find expected ',' or '}'",
        "a '{' mapping is not closed; add the missing '}' (or quote text starting with '{')",
    ),
    (
        "found undefined tag handle",
        "'!' starts a YAML tag; put the value in quotes",
    ),
    (
        "found character that cannot start any token",
        "this character cannot start a value; put the value in quotes",
    ),
    (
        "special characters are not allowed",
        "the file contains a control character YAML does not allow; remove it",
    ),
    (
        "did not find expected node content",
        "a value is missing or starts with a character YAML reserves; quote it",
    ),
    (
        "found unknown escape character",
        "unknown backslash escape in double quotes; write \\\\ for a backslash",
    ),
)


def reader_diagnostic(source: SourceFile, error: yaml.reader.ReaderError) -> Diagnostic:
    before = source.text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(error.character)
    message = f"the control character U+{code:04X} is not allowed in YAML; remove it"
    return source.diagnostic(line, column, message)


def _indented_with_tab(line: str) -> bool:
    return "\t" in line[: len(line) - len(line.lstrip())]


def syntax_diagnostic(source: SourceFile, error: yaml.MarkedYAMLError) -> Diagnostic:
    problem = error.problem or "YAML syntax error"
    mark = error.problem_mark or error.context_mark
    past_text = mark is not None and not (source.line(source.at(mark)[0]) or "").strip()
    if error.context_mark is not None and ("end of stream" in problem or past_text):
        # Pointing past the last line helps nobody; show where the value opened.
        mark = error.context_mark
    message = next((nice for raw, nice in _FRIENDLY if raw in problem), None)
    if mark is not None and _indented_with_tab(source.line(source.at(mark)[0]) or ""):
        # libyaml does not name the character; a tab in the indentation is the usual one.
        message = "a tab is used for indentation; YAML allows only spaces here"
    if message is None:
        context = f" ({error.context})" if error.context else ""
        message = f"YAML syntax error: {problem}{context}"
    if mark is None:
        return source.diagnostic(1, 1, message)
    line, column = source.at(mark)
    return source.diagnostic(min(line, max(len(source.lines), 1)), column, message)
