"""Validated lessons kept between runs, so an unchanged lesson starts without YAML.

Importing PyYAML and the loader and parsing the files costs ~25 ms of every
start; a lesson that was valid last time and whose files have not changed is
read back from one JSON file instead. An entry is trusted the way Python
trusts a ``.pyc``: every file's size and modification time must match. It is
also tied to this program's own source files and Pygments' version, so a new
release or an edited checker never reads an old verdict.

The directory is not trusted. An entry is one header line (format and a CRC
of the rest) and a JSON object with named fields; anything wrong with it
(missing, unreadable, damaged, crafted, too large, from another version, of
the wrong shape) is a miss, never an error, and its text gets the same
stand-ins for control characters as loaded text. JSON is parsed by a parser
that cannot crash the interpreter, unlike ``marshal``. Entries are written to
a new temporary file (``mkstemp``: ``O_EXCL``, never through a planted link)
and renamed into place; a failed write removes it. A file modified in the last
two seconds is not cached, because an edit within the same clock tick could
keep both size and time ("racy" entries, as in git).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import zlib
from pathlib import Path

from . import cached_lesson

TYPE_CHECKING = False  # not typing's: importing typing costs --check ~2 ms
if TYPE_CHECKING:
    from typing import Any

    from .model import Lesson

CACHE_DIR_VARIABLE = "LLM_LANDSCAPE_CACHE_DIR"
FORMAT = 6
MAGIC = "llm-landscape-lesson-cache"
RACY_SECONDS = 2.0
MAX_ENTRY_BYTES = 32 * 1024 * 1024


def cache_dir() -> Path:
    override = os.environ.get(CACHE_DIR_VARIABLE)
    if override:
        return Path(override)
    if sys.platform.startswith("linux"):
        # What platformdirs answers on Linux (XDG), without importing it: it
        # brings tempfile, random and copy, ~8 ms of every --check and --print.
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        if not base or not Path(base).is_absolute():
            base = str(Path.home() / ".cache")
        return Path(base) / "llm-landscape"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("llm-landscape"))


class Cached:
    """A cache entry whose files are unchanged, its lesson checked field by field.

    The :class:`Lesson` itself is built when first asked for: ``--check`` of an
    unchanged lesson needs only its step count and notes, and importing the
    model (with ``typing``) cost it ~3.5 ms."""

    def __init__(self, checked: dict[str, Any], warnings: list[str], derived: dict[str, Any]):
        self._checked = checked
        self._lesson: Lesson | None = None
        self.steps = len(checked["steps"])
        self.warnings = warnings
        """The loader's warnings, formatted as ``--check`` prints them."""
        self.derived = derived
        """What runs added: compiled prose and lexed code (``render.renderings``),
        ``--check``'s notes."""

    @property
    def lesson(self) -> Lesson:
        if self._lesson is None:
            self._lesson = cached_lesson.build(self._checked)
        return self._lesson


def read(path: Path) -> Cached | None:
    """The entry of the lesson at ``path`` if its files are unchanged; None for a
    miss and for anything wrong with the cache."""
    try:
        data = _current(path.resolve(strict=True))
        if data is None:
            return None
        warnings = [cached_lesson.safe_text(line) for line in data["warnings"]]
        derived = data.get("derived")
        if not isinstance(derived, dict):
            derived = {}
        return Cached(cached_lesson.checked(data["lesson"]), warnings, derived)
    except (OSError, ValueError, TypeError, KeyError, IndexError, RecursionError, MemoryError):
        return None
    except RuntimeError:  # a loop of symbolic links, on Python 3.11-3.12
        return None


def store(path: Path, lesson: Lesson, warnings: list[str]) -> None:
    """Remember a valid lesson; silently skipped when it cannot be written."""
    with contextlib.suppress(OSError, ValueError, RuntimeError):  # RuntimeError: a link loop
        where = path.resolve(strict=True)
        stamps = [_stamp(file.resolve()) for file in lesson.files]
        if not stamps or any(mtime > (time.time() - RACY_SECONDS) * 1e9 for *_, mtime in stamps):
            return
        data = {
            "program": _program(),
            "path": str(where),
            "files": stamps,
            "lesson": cached_lesson.to_plain(lesson),
            "warnings": warnings,
            "derived": {},
        }
        _write(_entry(where), data)


def keep_derived(path: Path, derived: dict[str, Any]) -> None:
    """Store what a run compiled and lexed in the lesson's entry, if it still has one."""
    with contextlib.suppress(
        OSError, ValueError, TypeError, KeyError, RecursionError, RuntimeError
    ):
        where = path.resolve(strict=True)
        data = _current(where)
        if data is None:
            return  # changed meanwhile: the next load stores it afresh
        entry = _entry(where)
        known = data.get("derived")
        data["derived"] = {**(known if isinstance(known, dict) else {}), **derived}
        _write(entry, data)


def _current(where: Path) -> dict[str, Any] | None:
    """The decoded entry of the lesson at ``where`` while it is of this program
    and every file it was read from is unchanged; None otherwise. Raises for
    an entry that is missing or of the wrong shape."""
    data = _decode(_entry(where))
    if data.get("program") != _program() or data.get("path") != str(where):
        return None  # another version, or another path with the same crc32
    stamps = data["files"]
    if not isinstance(stamps, list) or not stamps:
        return None
    for stamp in stamps:
        name, size, mtime = stamp
        if not (isinstance(name, str) and Path(name).is_absolute()):
            return None
        if _stamp(Path(name)) != [name, size, mtime]:
            return None
    return data


def _decode(entry: Path) -> dict[str, Any]:
    with entry.open("rb") as handle:
        raw = handle.read(MAX_ENTRY_BYTES + 1)
    if len(raw) > MAX_ENTRY_BYTES:
        raise ValueError("entry too large")
    header, _, body = raw.partition(b"\n")
    magic, version, checksum = header.decode("ascii").split(" ")
    if magic != MAGIC or version != str(FORMAT) or checksum != f"{zlib.crc32(body):08x}":
        raise ValueError("not an entry of this format, or damaged")
    data = json.loads(body.decode("utf-8"))
    if not isinstance(data, dict):
        raise TypeError("entry")
    return data


def _write(entry: Path, data: dict[str, Any]) -> None:
    import tempfile

    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = f"{MAGIC} {FORMAT} {zlib.crc32(body):08x}\n".encode("ascii")
    entry.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=entry.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(header + body)
        Path(temporary).replace(entry)  # atomic: a reader sees the old entry or the new
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


def _entry(where: Path) -> Path:
    # The entry holds the full path too, so a crc32 clash is only a miss.
    return cache_dir() / "lessons" / f"{zlib.crc32(str(where).encode()):08x}.json"


def _stamp(file: Path) -> list[Any]:
    status = file.stat()
    return [str(file), status.st_size, status.st_mtime_ns]


def _program() -> list[Any]:
    """What the verdict depends on besides the lesson: our code and Pygments' lexers."""
    from pygments import __version__ as pygments_version

    from .. import __version__

    package = Path(__file__).resolve().parent.parent
    newest = 0
    for folder in (package, *(entry for entry in package.iterdir() if entry.is_dir())):
        for entry in os.scandir(folder):
            if entry.name.endswith(".py"):
                newest = max(newest, entry.stat().st_mtime_ns)
    return [__version__, newest, pygments_version]
