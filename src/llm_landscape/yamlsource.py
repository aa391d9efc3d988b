"""Read a YAML file into position-carrying nodes, refusing what a lesson never needs.

We build our own small node tree from the parser's event stream instead of
calling ``yaml.safe_load``. That lets us keep a line and column for every value,
refuse duplicate keys (PyYAML keeps the last silently), aliases (the "billion
laughs" bomb) and non-standard tags, and stop at a depth limit before Python's
recursion limit is anywhere near, all in one pass over libyaml's fast events.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

import yaml
import yaml.reader
from yaml.resolver import Resolver

from .diagnostics import Diagnostic, Report

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_LINE_CHARS = 100_000
MAX_DEPTH = 20
MAX_NODES = 100_000

_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)
_STR = "tag:yaml.org,2002:str"
_RESOLVER = Resolver()


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A lesson file's path and text, kept to quote lines in diagnostics."""

    path: Path
    text: str
    lines: list[str] = field(default_factory=list)

    def line(self, number: int) -> str | None:
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1]
        return None

    def diagnostic(self, line: int, column: int, message: str) -> Diagnostic:
        return Diagnostic(self.path, line, column, message, source_line=self.line(line))


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


def read_source(path: Path, report: Report) -> SourceFile | None:
    """Read and decode a lesson file; on failure add a diagnostic and return None."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        report.add(Diagnostic(path, 0, 0, "is a directory; expected a YAML file"))
        return None
    except FileNotFoundError:
        report.add(Diagnostic(path, 0, 0, "no such file"))
        return None
    except PermissionError:
        report.add(Diagnostic(path, 0, 0, "cannot be read (permission denied)"))
        return None
    except OSError as error:
        report.add(Diagnostic(path, 0, 0, f"cannot be read ({error.strerror or error})"))
        return None
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        message = f"is larger than {limit} MiB; split the lesson into step files"
        report.add(Diagnostic(path, 0, 0, message))
        return None
    text = _decode(path, data, report)
    if text is None:
        return None
    source = SourceFile(path, text, text.split("\n"))
    for number, line in enumerate(source.lines, 1):
        if len(line) > MAX_LINE_CHARS:
            message = f"line is {len(line):,} characters long; the limit is {MAX_LINE_CHARS:,}"
            report.add(source.diagnostic(number, 1, message))
            return None
    return source


def _decode(path: Path, data: bytes, report: Report) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        message = "is UTF-16 encoded; save it as UTF-8"
        report.add(Diagnostic(path, 0, 0, message))
        return None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        message = "contains a NUL byte; is this a binary or UTF-16 file? Save it as UTF-8 text"
        report.add(Diagnostic(path, line, column, message))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        byte = data[error.start]
        message = (
            f"byte 0x{byte:02x} is not valid UTF-8 (is the file Latin-1 or "
            "Windows-1252?); save it as UTF-8"
        )
        report.add(Diagnostic(path, line, column, message))
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", "replace")) + 1
    return before.count(b"\n") + 1, column


def compose(source: SourceFile, report: Report) -> Node | None:
    """Parse one YAML document into nodes; problems go to ``report``.

    Returns None for an empty document or when parsing had to stop.
    """
    composer = _Composer(source, report)
    try:
        for event in yaml.parse(source.text, Loader=_Loader):
            composer.feed(event)
    except yaml.MarkedYAMLError as error:
        report.add(_syntax_diagnostic(source, error))
        return None
    except yaml.reader.ReaderError as error:
        report.add(_reader_diagnostic(source, error))
        return None
    except yaml.YAMLError as error:
        report.add(source.diagnostic(1, 1, f"YAML cannot read this file: {error}"))
        return None
    except _AbortError:
        return None
    return composer.root


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
        line, column = _at(mark)
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
            self.attach(Scalar("", _STR, *_at(event.start_mark)))
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
        return Scalar(event.value, tag, *_at(event.start_mark))

    def start_collection(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        mark = event.start_mark
        self.count(mark)
        self.check_tag(event, event.tag)
        if len(self.stack) >= MAX_DEPTH:
            self.error(mark, f"values are nested more than {MAX_DEPTH} levels deep")
            raise _AbortError
        kind = Mapping if isinstance(event, yaml.MappingStartEvent) else Sequence
        self.stack.append(kind([], *_at(mark)))
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


def _at(mark: object) -> tuple[int, int]:
    """1-based line and column of a parser mark (libyaml's or PyYAML's)."""
    line = getattr(mark, "line", 0)
    column = getattr(mark, "column", 0)
    return int(line) + 1, int(column) + 1


def _reader_diagnostic(source: SourceFile, error: yaml.reader.ReaderError) -> Diagnostic:
    before = source.text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(error.character)
    message = f"the control character U+{code:04X} is not allowed in YAML; remove it"
    return source.diagnostic(line, column, message)


def _indented_with_tab(line: str) -> bool:
    return "\t" in line[: len(line) - len(line.lstrip())]


def _syntax_diagnostic(source: SourceFile, error: yaml.MarkedYAMLError) -> Diagnostic:
    problem = error.problem or "YAML syntax error"
    mark = error.problem_mark or error.context_mark
    past_text = mark is not None and not (source.line(mark.line + 1) or "").strip()
    if error.context_mark is not None and ("end of stream" in problem or past_text):
        # Pointing past the last line helps nobody; show where the value opened.
        mark = error.context_mark
    message = next((nice for raw, nice in _FRIENDLY if raw in problem), None)
    if mark is not None and _indented_with_tab(source.line(mark.line + 1) or ""):
        # libyaml does not name the character; a tab in the indentation is the usual one.
        message = "a tab is used for indentation; YAML allows only spaces here"
    if message is None:
        context = f" ({error.context})" if error.context else ""
        message = f"YAML syntax error: {problem}{context}"
    if mark is None:
        return source.diagnostic(1, 1, message)
    line = min(mark.line + 1, max(len(source.lines), 1))
    return source.diagnostic(line, mark.column + 1, message)
