"""Read a YAML file into position-carrying nodes, refusing what a lesson never needs.

We build our own small node tree from the parser's event stream instead of
calling ``yaml.safe_load``. That lets us keep a line and column for every value,
refuse duplicate keys (PyYAML keeps the last silently), aliases (the "billion
laughs" bomb) and non-standard tags, and stop at a depth limit before Python's
recursion limit is anywhere near, all in one pass over libyaml's fast events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
import yaml.reader
from yaml.resolver import Resolver

from .diagnostics import Report, Severity
from .sourcefile import SourceFile
from .yamlerrors import reader_diagnostic, syntax_diagnostic

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_DEPTH = 20
MAX_NODES = 100_000

_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
_STR = "tag:yaml.org,2002:str"
_RESOLVER = Resolver()


@dataclass(frozen=True, slots=True)
class Scalar:
    value: str
    tag: str
    """The resolved YAML tag: plain ``no`` resolves to bool, ``"no"`` to str."""
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Sequence:
    items: list[Node]
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Mapping:
    items: list[tuple[Scalar, Node]]
    line: int
    column: int

    def get(self, key: str) -> Node | None:
        for k, v in self.items:
            if k.value == key:
                return v
        return None


Node = Scalar | Sequence | Mapping


class _AbortError(Exception):
    """Raised inside the composer once a limit makes going on pointless."""


def compose(source: SourceFile, report: Report) -> Node | None:
    """Parse one YAML document into nodes; problems go to ``report``.

    Returns None for an empty document or when parsing had to stop.
    """
    _warn_of_hidden_breaks(source, report)
    composer = _Composer(source, report)
    try:
        for event in yaml.parse(source.text, Loader=_Loader):
            composer.feed(event)
    except yaml.MarkedYAMLError as error:
        report.add(syntax_diagnostic(source, error))
        return None
    except yaml.reader.ReaderError as error:
        report.add(reader_diagnostic(source, error))
        return None
    except yaml.YAMLError as error:
        report.add(source.diagnostic(1, 1, f"YAML cannot read this file: {error}"))
        return None
    except _AbortError:
        return None
    return composer.root


_HIDDEN_BREAKS = {
    "\u0085": "NEXT LINE",
    "\u2028": "LINE SEPARATOR",
    "\u2029": "PARAGRAPH SEPARATOR",
}
_HIDDEN_BREAK = re.compile("[\u0085\u2028\u2029]")


def _warn_of_hidden_breaks(source: SourceFile, report: Report) -> None:
    """YAML ends a line at these, editors mostly do not: a comment ends there and
    what follows it on the line is read as YAML (a key can hide behind one)."""
    for found in _HIDDEN_BREAK.finditer(source.text):
        char = found.group()
        line, column = source.position(found.start())
        message = (
            f"U+{ord(char):04X} {_HIDDEN_BREAKS[char]} is a line break to YAML, though "
            "most editors show none: a comment ends there and the rest of the line "
            "is read as YAML; replace it with a newline or remove it"
        )
        report.add(source.diagnostic(line, column, message, Severity.WARNING))


class _Composer:
    """Turns parser events into nodes, checking limits as it goes."""

    def __init__(self, source: SourceFile, report: Report) -> None:
        self.source = source
        self.report = report
        self.root: Node | None = None
        self.stack: list[Mapping | Sequence] = []
        self.pending_keys: list[Scalar | None] = []
        self.nodes = 0
        self.documents = 0

    def error(self, mark: object, message: str) -> None:
        line, column = self.source.at(mark)
        self.report.add(self.source.diagnostic(line, column, message))

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.error(event.start_mark, "a lesson file holds one YAML document; remove '---'")
                raise _AbortError
        elif isinstance(event, yaml.AliasEvent):
            self.error(
                event.start_mark,
                f"aliases (*{event.anchor}) are not supported in lessons; write the value out",
            )
            self.attach(Scalar("", _STR, *self.source.at(event.start_mark)))
        elif isinstance(event, yaml.ScalarEvent):
            self.attach(self.scalar(event))
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.start_collection(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            node = self.stack.pop()
            self.pending_keys.pop()
            if isinstance(node, Mapping):
                self.check_duplicates(node)
            self.attach(node)

    def count(self, mark: object) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.error(mark, f"the file has more than {MAX_NODES:,} values; split it up")
            raise _AbortError

    def check_tag(self, event: yaml.NodeEvent, tag: str | None) -> None:
        if tag not in (None, "!") and tag not in _STANDARD_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            self.error(
                event.start_mark,
                f"the tag {shown} is not allowed; lessons hold only text, numbers, "
                "lists and mappings (remove the tag)",
            )

    def scalar(self, event: yaml.ScalarEvent) -> Scalar:
        self.count(event.start_mark)
        self.check_tag(event, event.tag)
        tag = event.tag
        if tag in (None, "!"):
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        elif tag not in _STANDARD_TAGS:
            tag = _STR
        return Scalar(event.value, tag, *self.source.at(event.start_mark))

    def start_collection(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        mark = event.start_mark
        self.count(mark)
        self.check_tag(event, event.tag)
        if len(self.stack) >= MAX_DEPTH:
            self.error(mark, f"values are nested more than {MAX_DEPTH} levels deep")
            raise _AbortError
        kind = Mapping if isinstance(event, yaml.MappingStartEvent) else Sequence
        self.stack.append(kind([], *self.source.at(mark)))
        self.pending_keys.append(None)

    def attach(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = self.pending_keys[-1]
        if key is None:
            if not isinstance(node, Scalar):
                self.error_at(node, "a key must be plain text, not a list or mapping")
                node = Scalar("?", _STR, node.line, node.column)
            self.pending_keys[-1] = node
        else:
            parent.items.append((key, node))
            self.pending_keys[-1] = None

    def error_at(self, node: Node, message: str) -> None:
        self.report.add(self.source.diagnostic(node.line, node.column, message))

    def check_duplicates(self, node: Mapping) -> None:
        seen: dict[str, Scalar] = {}
        for key, _ in node.items:
            first = seen.setdefault(key.value, key)
            if first is not key:
                self.error_at(
                    key,
                    f"duplicate key '{key.value}' (first set on line {first.line}); keep only one",
                )
