"""Read a lesson file's bytes into text, refusing what is too big or not UTF-8.

Every refusal becomes a diagnostic naming the file (and, where it helps, the
line and column of the offending byte), never an exception.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, Report

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_LINE_CHARS = 100_000


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
