"""Validated lessons kept between runs, so an unchanged lesson starts without YAML.

Importing PyYAML and the loader and parsing the files costs ~25 ms of every
start; a lesson that was valid last time and whose files have not changed is
read back from one ``marshal`` file instead. An entry is trusted the way
Python trusts a ``.pyc``: every file's size and modification time must match.
It is also tied to this program's own source files and Pygments' version, so
a new release or an edited checker never reads an old verdict.

Anything wrong with the cache (missing, unreadable, corrupt, from another
version) is a miss, never an error: the lesson is simply loaded again. A file
modified in the last two seconds is not cached, because an edit within the
same clock tick could keep both size and time ("racy" entries, as in git).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import time
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

TYPE_CHECKING = False  # not typing's: importing typing costs --check ~2 ms

if TYPE_CHECKING:
    from typing import TypeVar

    from .highlight import Tokens
    from .model import Lesson, Step
    from .prose import Compiled

    PartValue = TypeVar("PartValue")

CACHE_DIR_VARIABLE = "LLM_LANDSCAPE_CACHE_DIR"
FORMAT = 4
RACY_SECONDS = 2.0

Stamp = tuple[str, int, int]


def cache_dir() -> Path:
    override = os.environ.get(CACHE_DIR_VARIABLE)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("llm-landscape"))


_PROSE, _CODE = 6, 7
"""Where an entry keeps what runs add to it: compiled prose and lexed code."""


class Entry:
    """A cached lesson whose files are unchanged, read once; each part is
    decoded when asked for, so ``--check`` never builds the lesson."""

    def __init__(self, path: Path, data: tuple[object, ...]) -> None:
        """Raises TypeError or IndexError for data of the wrong shape."""
        self._path = path
        self._data = data
        self.steps = len(_tuple(_tuple(data[3])[7]))
        self.warnings = [str(line) for line in _tuple(data[4])]
        self.notes = [str(line) for line in _tuple(data[5])]
        """What ``--check`` advised besides the warnings."""

    def lesson(self) -> Lesson | None:
        """The lesson itself, or None if the entry does not hold a well-formed one."""
        try:
            return _lesson(_tuple(self._data[3]))
        except (TypeError, ValueError):
            return None

    def prose(self) -> dict[str, Compiled]:
        """Compiled prose (``prose.Compiled``), as far as earlier runs stored it."""
        return _part(self._data[_PROSE], _compiled)

    def code(self) -> dict[str, Tokens]:
        """Lexed code (``highlight.Tokens`` by ``highlight.code_key``), as far as
        earlier runs stored it."""
        return _part(self._data[_CODE], _tokens)

    def keep(
        self,
        prose: Mapping[str, Compiled] | None = None,
        code: Mapping[str, Tokens] | None = None,
    ) -> None:
        """Store compiled prose and/or lexed code in the entry (one write)."""
        updated = list(self._data)
        for position, values in ((_PROSE, prose), (_CODE, code)):
            if values is not None:
                updated[position] = dict(values)
        self._data = tuple(updated)
        with contextlib.suppress(OSError, ValueError):
            _write(self._path.resolve(), self._data)


def read(path: Path) -> Entry | None:
    """The cache entry of the lesson at ``path`` if its files are unchanged;
    None for a miss and for anything wrong with the cache."""
    try:
        where = path.resolve()
        data = _tuple(marshal.loads(_entry(where).read_bytes()))
        if len(data) != 8 or data[:2] != (FORMAT, _code_stamp()):
            return None
        if _tuple(data[3])[4] != str(where):
            return None  # another path with the same crc32
        for stamp in _tuple(data[2]):
            name, size, mtime = _tuple(stamp)
            if _stamp(Path(str(name))) != (name, size, mtime):
                return None
        return Entry(path, data)
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        return None


def store(path: Path, lesson: Lesson, warnings: Sequence[str], notes: Sequence[str]) -> None:
    """Remember a valid lesson; silently skipped when it cannot be written."""
    try:
        where = path.resolve()
        stamps = tuple(_stamp(file) for file in lesson.files)
        if any(mtime > (time.time() - RACY_SECONDS) * 1e9 for _, _, mtime in stamps):
            return
        plain = _plain(lesson, where)
        later: dict[str, str] = {}  # prose and code: kept by Entry.keep after a run
        data = (FORMAT, _code_stamp(), stamps, plain, tuple(warnings), tuple(notes), later, later)
        _write(where, data)
    except (OSError, ValueError):
        return


def _part(part: object, check: Callable[[object], PartValue]) -> dict[str, PartValue]:
    if not isinstance(part, dict):
        return {}
    try:
        return {str(key): check(value) for key, value in part.items()}
    except (ValueError, TypeError):
        return {}


def _tokens(value: object) -> Tokens:
    pairs = []
    for pair in _tuple(value):
        name, text = _tuple(pair)
        pairs.append((str(name), str(text)))
    return tuple(pairs)


def _compiled(value: object) -> Compiled:
    plain, spans = _tuple(value)
    checked = []
    for span in _tuple(spans):
        start, end, roles = _tuple(span)
        if not (isinstance(start, int) and isinstance(end, int)):
            raise TypeError("span bounds")
        checked.append((start, end, tuple(str(role) for role in _tuple(roles))))
    return str(plain), tuple(checked)


def _write(where: Path, data: tuple[object, ...]) -> None:
    entry = _entry(where)
    entry.parent.mkdir(parents=True, exist_ok=True)
    temporary = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    temporary.write_bytes(marshal.dumps(data))  # type: ignore[arg-type]  # plain values only
    temporary.replace(entry)  # atomic: a reader sees the old entry or the new


def _entry(where: Path) -> Path:
    # The entry holds the full path too, so a crc32 clash is only a miss.
    return cache_dir() / "lessons" / f"{zlib.crc32(str(where).encode()):08x}.marshal"


def _stamp(file: Path) -> Stamp:
    status = file.stat()
    return (str(file), status.st_size, status.st_mtime_ns)


def _code_stamp() -> tuple[str, int, str]:
    """What the verdict depends on besides the lesson: our code and Pygments' lexers."""
    from pygments import __version__ as pygments_version

    from . import __version__

    package = Path(__file__).parent
    newest = max(entry.stat().st_mtime_ns for entry in os.scandir(package) if entry.is_file())
    return (__version__, newest, pygments_version)


def _plain(lesson: Lesson, where: Path) -> tuple[object, ...]:
    steps = tuple(
        (
            step.id, step.label, step.icon, step.title, step.body, step.subtitle,
            step.heading, step.insight,
            None if step.code is None
            else (step.code.title, step.code.language, step.code.source),
            step.dwell,
        )
        for step in lesson.steps
    )  # fmt: skip
    files = tuple(str(file) for file in lesson.files)
    return (lesson.title, lesson.chapter, lesson.subtitle, lesson.badge, str(where),
            str(lesson.path), files, steps)  # fmt: skip


def _lesson(plain: tuple[object, ...]) -> Lesson:
    from .model import Lesson

    title, chapter, subtitle, badge, _where, manifest, files, steps = plain
    return Lesson(
        title=str(title),
        steps=tuple(_step(_tuple(step)) for step in _tuple(steps)),
        path=Path(str(manifest)),
        chapter=str(chapter),
        subtitle=str(subtitle),
        badge=str(badge),
        files=tuple(Path(str(file)) for file in _tuple(files)),
    )


def _step(plain: tuple[object, ...]) -> Step:
    from .model import CodePanel, Step

    id_, label, icon, title, body, subtitle, heading, insight, code, dwell = plain
    panel = None if code is None else CodePanel(*(str(part) for part in _tuple(code)))
    if not (dwell is None or isinstance(dwell, (int, float))):
        raise TypeError("dwell")
    return Step(
        str(id_), str(label), str(icon), str(title), str(body),
        str(subtitle), str(heading), str(insight), panel, dwell,
    )  # fmt: skip


def _tuple(value: object) -> tuple[object, ...]:
    if not isinstance(value, tuple):
        raise TypeError("a cache entry of the wrong shape")
    return value
