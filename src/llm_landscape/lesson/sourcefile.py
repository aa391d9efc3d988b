"""Read a lesson file's bytes into text, refusing what is too big or not UTF-8.

Every refusal becomes a diagnostic naming the file (and, where it helps, the
line and column of the offending byte), never an exception.
"""

from __future__ import annotations

import bisect
import codecs
import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, Report, Severity

MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_LINE_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A lesson file's path and text, kept to quote lines in diagnostics."""

    path: Path
    text: str
    lines: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    """Where each line begins in ``text``: positions by bisection, not by
    counting newlines again for each of a big file's values."""

    def line(self, number: int) -> str | None:
        if 1 <= number <= len(self.lines):
            return self.lines[number - 1]
        return None

    def diagnostic(
        self, line: int, column: int, message: str, severity: Severity = Severity.ERROR
    ) -> Diagnostic:
        return Diagnostic(self.path, line, column, message, severity, self.line(line))

    def position(self, index: int) -> tuple[int, int]:
        """1-based line and column of the character at ``index``, as an editor
        counts them: after newlines only. YAML also breaks lines at U+0085,
        U+2028 and U+2029 (and a lone CR), so its own line numbers can run ahead."""
        index = max(0, min(index, len(self.text)))
        starts = self.starts or _starts(self.lines)
        line = bisect.bisect_right(starts, index)
        return line, index - starts[line - 1] + 1

    def at(self, mark: object) -> tuple[int, int]:
        """The position of a YAML parser mark (libyaml's or PyYAML's)."""
        index = getattr(mark, "index", None)
        if isinstance(index, int):
            return self.position(index)
        return int(getattr(mark, "line", 0)) + 1, int(getattr(mark, "column", 0)) + 1


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
)


def _open(path: Path) -> int:
    """Open ``path`` for reading without blocking on what is not a file: a FIFO
    with no writer, a device or a terminal would otherwise wait for ever."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    return os.open(path, flags | getattr(os, "O_CLOEXEC", 0))


def _opened_path(fd: int) -> Path | None:
    """Where the file just opened really is (Linux), to check that file, not
    the name, which a link swapped in meanwhile could redirect."""
    try:
        return Path(f"/proc/self/fd/{fd}").readlink()
    except OSError:
        return None


def read_source(path: Path, report: Report, *, within: Path | None = None) -> SourceFile | None:
    """Read and decode a lesson file; on failure add a diagnostic and return None.
    With ``within``, the file opened must lie inside that directory."""
    try:
        fd = _open(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            message = "is a loop of symbolic links; make it point at a YAML file"
            report.add(Diagnostic(path, 0, 0, message))
            return None
        _unreadable(path, error, report)
        return None
    try:
        mode = os.fstat(fd).st_mode
        for test, kind in _KINDS:
            if test(mode):
                message = f"is {kind}, not a file; give the path of a YAML file"
                report.add(Diagnostic(path, 0, 0, message))
                return None
        opened = _opened_path(fd)
        if within is not None and opened is not None and not opened.is_relative_to(within):
            message = "leads outside the lesson directory (a link?); keep step files inside it"
            report.add(Diagnostic(path, 0, 0, message))
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        _unreadable(path, error, report)
        return None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        message = f"is larger than {limit} MiB; split the lesson into step files"
        report.add(Diagnostic(path, 0, 0, message))
        return None
    text = _decode(path, data, report)
    if text is None:
        return None
    lines = text.split("\n")
    source = SourceFile(path, text, lines, _starts(lines))
    for number, line in enumerate(source.lines, 1):
        if len(line) > MAX_LINE_CHARS:
            message = f"line is {len(line):,} characters long; the limit is {MAX_LINE_CHARS:,}"
            report.add(source.diagnostic(number, 1, message))
            return None
    return source


def _starts(lines: list[str]) -> list[int]:
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    return starts


def _unreadable(path: Path, error: OSError, report: Report) -> None:
    if isinstance(error, IsADirectoryError):
        message = "is a directory; expected a YAML file"
    elif isinstance(error, FileNotFoundError):
        message = "no such file"
    elif isinstance(error, PermissionError):
        message = "cannot be read (permission denied)"
    else:
        message = f"cannot be read ({error.strerror or error})"
    report.add(Diagnostic(path, 0, 0, message))


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
