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


def load(path: Path) -> tuple[Lesson, list[str]] | None:
    """The lesson at ``path`` and its formatted warnings, if cached and unchanged."""
    entry = _valid_entry(path)
    if entry is None:
        return None
    try:
        return _lesson(_tuple(entry[3])), [str(line) for line in _tuple(entry[4])]
    except (ValueError, TypeError):
        return None


def load_report(path: Path) -> tuple[int, list[str], list[str]] | None:
    """What ``--check`` says of an unchanged lesson: its number of steps, warnings
    and notes, without building the lesson."""
    entry = _valid_entry(path)
    if entry is None:
        return None
    try:
        warnings, notes = _tuple(entry[4]), _tuple(entry[5])
        return len(_tuple(_tuple(entry[3])[7])), list(map(str, warnings)), list(map(str, notes))
    except (ValueError, TypeError):
        return None


def _valid_entry(path: Path) -> tuple[object, ...] | None:
    try:
        where = path.resolve()
        entry = _tuple(marshal.loads(_entry(where).read_bytes()))
        if len(entry) != 8 or entry[:2] != (FORMAT, _code_stamp()):
            return None
        if _tuple(entry[3])[4] != str(where):
            return None  # another path with the same crc32
        for stamp in _tuple(entry[2]):
            name, size, mtime = _tuple(stamp)
            if _stamp(Path(str(name))) != (name, size, mtime):
                return None
        return entry
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
        later: dict[str, str] = {}  # prose and code: added by store_part after a run
        data = (FORMAT, _code_stamp(), stamps, plain, tuple(warnings), tuple(notes), later, later)
        _write(where, data)
    except (OSError, ValueError):
        return


PROSE, CODE = 6, 7
"""Where an entry keeps what runs add to it: compiled prose and lexed code."""


def load_prose(path: Path) -> dict[str, Compiled] | None:
    """The compiled prose (``prose.Compiled``) of an unchanged lesson, as far as
    an earlier run stored it (see :func:`store_part`)."""
    return _load_part(path, PROSE, _compiled)


def load_code(path: Path) -> dict[str, Tokens] | None:
    """The lexed code (``highlight.Tokens`` by ``highlight.code_key``) of an
    unchanged lesson, as far as an earlier run stored it."""
    return _load_part(path, CODE, _tokens)


def store_part(path: Path, position: int, values: Mapping[str, object]) -> None:
    """Keep ``values`` (prose at PROSE, code at CODE) in an unchanged lesson's entry."""
    entry = _valid_entry(path)
    if entry is None:
        return
    updated = list(entry)
    updated[position] = dict(values)
    try:
        _write(path.resolve(), tuple(updated))
    except (OSError, ValueError):
        return


def _load_part(
    path: Path, position: int, check: Callable[[object], PartValue]
) -> dict[str, PartValue] | None:
    entry = _valid_entry(path)
    part = None if entry is None else entry[position]
    if not isinstance(part, dict):
        return None
    try:
        return {str(key): check(value) for key, value in part.items()}
    except (ValueError, TypeError):
        return None


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
