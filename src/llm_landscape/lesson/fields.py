"""Reading one YAML mapping against a schema table: its fields, its texts, and
every problem as a diagnostic at the value's line and column."""

from __future__ import annotations

import difflib

from . import schema
from .diagnostics import Diagnostic, Report, Severity
from .sourcefile import SourceFile
from .textsafety import describe, find_unsafe, make_safe
from .yamlsource import Mapping, Node, Scalar, Sequence

STR = "tag:yaml.org,2002:str"
TAG_NAMES = {
    "tag:yaml.org,2002:bool": "a true/false value",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "an empty value",
    "tag:yaml.org,2002:timestamp": "a date",
}


class FieldReader:
    """Reads the fields of one mapping against a schema table."""

    def __init__(self, source: SourceFile, report: Report) -> None:
        self.source = source
        self.report = report

    def error(self, node: Node | Scalar, message: str) -> None:
        self.report.add(self.source.diagnostic(node.line, node.column, message))

    def warn(self, node: Node, message: str) -> None:
        diagnostic = self.source.diagnostic(node.line, node.column, message)
        self.report.add(
            Diagnostic(
                diagnostic.path,
                diagnostic.line,
                diagnostic.column,
                message,
                Severity.WARNING,
                diagnostic.source_line,
            )
        )

    def fields(self, node: Mapping, table: tuple[schema.Field, ...], what: str) -> dict[str, Node]:
        names = [f.name for f in table]
        found: dict[str, Node] = {}
        for key, value in node.items:
            if key.value in names:
                found[key.value] = value
                continue
            close = difflib.get_close_matches(key.value, names, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(names)}"
            self.error(key, f"unknown key '{make_safe(key.value)}' in {what}; {hint}")
        for field in table:
            if field.required and field.name not in found:
                self.error(node, f"{what} is missing '{field.name}' ({field.kind.value})")
        return found

    def text(self, node: Node | None, name: str, *, line: bool = True) -> str:
        if node is None:
            return ""
        if isinstance(node, Scalar) and node.tag == STR:
            if (bad := find_unsafe(node.value)) is not None:
                code, kind = ord(bad.group()), describe(bad.group())
                self.warn(
                    node,
                    f"'{name}' contains the {kind} U+{code:04X}; "
                    "it is shown as a visible symbol, never sent to the terminal",
                )
            value = make_safe(node.value)
            return " ".join(value.split()) if line else value
        if isinstance(node, Scalar):
            kind = TAG_NAMES.get(node.tag, "something other than text")
            if node.tag == "tag:yaml.org,2002:null":
                self.error(node, f"'{name}' is empty; write its text or remove the key")
            else:
                self.error(
                    node,
                    f"'{name}' must be text, but YAML reads {make_safe(node.value)} as {kind}; "
                    f'put it in quotes: {name}: "{make_safe(node.value)}"',
                )
        else:
            found = "a list" if isinstance(node, Sequence) else "a mapping"
            self.error(node, f"'{name}' must be text, found {found}")
        return ""

    def required_text(self, node: Node | None, name: str, *, line: bool = True) -> str:
        value = self.text(node, name, line=line)
        if node is not None and isinstance(node, Scalar) and node.tag == STR and not value.strip():
            self.error(node, f"'{name}' must not be empty")
        return value
