"""The ``llm-landscape`` command: checks, prints, exports or plays a lesson.

Kept free of Textual imports so that ``--check``, ``--print``, ``--help`` and
``--version`` start fast; the app is imported only when it is about to run.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import arguments
from .pacing import MAX_WPM, MIN_WPM

TYPE_CHECKING = False  # not typing's: importing typing costs --check ~2 ms
if TYPE_CHECKING:  # at run time each is imported where it is needed: --check is
    from types import SimpleNamespace  # hot, and an unchanged lesson needs none of these

    from .diagnostics import Diagnostic
    from .highlight import Tokens
    from .lesson_cache import Entry
    from .model import Lesson
    from .prose import Compiled


def builtin_lesson() -> Path:
    """The packaged course (inside the wheel), or the checkout's ``lessons/``."""
    here = Path(__file__).resolve().parent
    packaged = here / "lessons" / "llm-landscape"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "lessons" / "llm-landscape"


def entry() -> None:
    """The installed command. Once ``main`` has returned, everything worth keeping
    is written (the place on unmount, the lesson cache on load), so the process
    leaves at once instead of tearing down some 300 modules one by one: the
    shell prompt comes back ~30 ms sooner after the player quits."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        # A closed pipe (output piped into head) is not an error.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments.parse(argv)
    if not MIN_WPM <= args.wpm <= MAX_WPM:
        arguments.usage_error(f"--wpm must be between {MIN_WPM} and {MAX_WPM}")
    if args.check:
        if args.path is not None:
            args.check.append(args.path)
        return check(args.check)
    if args.schema:
        from .json_schema import schema_text

        sys.stdout.write(schema_text())
        return 0
    if args.new is not None:
        return _scaffold(args.new)
    path = args.path or builtin_lesson()
    loaded = _load_or_report(path)
    if loaded is None:
        return 1
    lesson, entry = loaded
    if args.export is not None:
        return _export(lesson, args.export)
    if args.step is not None and not 1 <= args.step <= len(lesson.steps):
        arguments.usage_error(f"--step must be between 1 and {len(lesson.steps)}")
    if args.print_:
        return _print(lesson, entry, path)
    ascii_only = args.ascii or not _utf8_terminal()
    return _play(lesson, entry, path, args, ascii_only)


def _play(
    lesson: Lesson,
    entry: Entry | None,
    path: Path,
    args: SimpleNamespace,
    ascii_only: bool,
) -> int:
    _import_player()
    from . import lesson_cache
    from .app import LessonApp, PlayerOptions
    from .state import StateStore

    options = PlayerOptions(
        start_step=None if args.step is None else args.step - 1,
        play=args.play,
        wpm=args.wpm,
        ascii_only=ascii_only,
        theme=args.theme,
        state=StateStore(),
        watch=args.watch,
        known=entry,
    )
    app = LessonApp(lesson, options)
    if args.theme and args.theme not in app.available_themes:
        names = ", ".join(sorted(app.available_themes))
        arguments.usage_error(f"unknown theme '{args.theme}'; choose one of: {names}")
    app.run()
    # On the way out, once per edit of the lesson: what the cache lacks, so that
    # the next start needs neither the Markdown parser nor a lexer.
    known_prose = entry.prose() if entry else {}
    known_code = entry.code() if entry else {}
    entry = entry or lesson_cache.read(path)  # a first load has just been cached
    compiled = _complete_prose(lesson, known_prose)
    lexed = _complete_code(lesson, known_code)
    if entry is not None and (compiled is not known_prose or lexed is not known_code):
        entry.keep(prose=compiled, code=lexed)
    return app.return_code or 0


def _import_player() -> None:
    """Import Textual and the player with the garbage collector off, then
    freeze what the imports built.

    Importing allocates a great deal and frees little: ~100 collections during
    the imports cost the first frame ~10 ms, and a full collection of the
    ~44,000 objects came ~20 ms after it, just as a first key might. Frozen,
    those objects are left out of every later collection."""
    gc.disable()
    try:
        from . import app  # noqa: F401
    finally:
        gc.freeze()
        gc.enable()


def _complete_prose(lesson: Lesson, known: dict[str, Compiled]) -> dict[str, Compiled]:
    """Every prose text of the lesson compiled: ``known`` itself when it lacks
    nothing, else a new map with the rest compiled."""
    from .printer import prose_texts

    missing = prose_texts(lesson) - known.keys()
    if not missing:
        return known
    from . import prose

    return {**known, **{text: prose.compile_markdown(text) for text in missing}}


def _complete_code(lesson: Lesson, known: dict[str, Tokens]) -> dict[str, Tokens]:
    """Every code panel under highlight.CACHED_LINES lines lexed: ``known``
    itself when it lacks nothing, else a new map with the rest lexed."""
    from . import highlight

    wanted = {
        highlight.code_key(step.code.source, step.code.language): step.code
        for step in lesson.steps
        if step.code is not None and step.code.source.count("\n") < highlight.CACHED_LINES
    }
    missing = {key: code for key, code in wanted.items() if key not in known}
    if not missing:
        return known
    return {**known, **{key: highlight.lex(c.source, c.language) for key, c in missing.items()}}


def _print(lesson: Lesson, entry: Entry | None, path: Path) -> int:
    from . import lesson_cache, printer

    if printer.is_styled(sys.stdout, os.environ):
        printer.print_styled(lesson, sys.stdout)
        return 0
    # Plain text for a pipe: the compiled prose is cached with the lesson.
    known = entry.prose() if entry else {}
    compiled = _complete_prose(lesson, known)
    entry = entry or lesson_cache.read(path)  # a first load has just been cached
    if entry is not None and compiled is not known:
        entry.keep(prose=compiled)
    sys.stdout.write(printer.plain_text(lesson, {text: compiled[text][0] for text in compiled}))
    return 0


def _scaffold(directory: Path) -> int:
    from .scaffold import ScaffoldError, write_new_lesson

    try:
        written = write_new_lesson(directory)
    except (ScaffoldError, OSError) as error:
        print(f"llm-landscape: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    print(f"play it:  llm-landscape {directory}")
    return 0


def _export(lesson: Lesson, target: Path) -> int:
    from .exporter import export

    try:
        export(lesson, target)
    except (ValueError, OSError) as error:
        print(f"llm-landscape: {error}", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    return 0


def _load_or_report(path: Path) -> tuple[Lesson, Entry | None] | None:
    """The lesson and its cache entry: from the cache when its files are
    unchanged, else from YAML (errors reported; None)."""
    from . import lesson_cache

    entry = lesson_cache.read(path)
    lesson = entry.lesson() if entry else None
    if lesson is not None:
        return lesson, entry
    from .diagnostics import LessonError

    try:
        return _load(path)[0], None
    except LessonError as error:
        _report(error.diagnostics)
        return None


def _load(path: Path) -> tuple[Lesson, list[str], list[str]]:
    """Load from YAML: the lesson, its warnings and ``--check`` notes, formatted.
    A valid lesson is kept in the cache for the next run."""
    from . import lesson_cache
    from .lint import advise
    from .loader import load_lesson

    lesson, found = load_lesson(path)
    warnings = [warning.format() for warning in found]
    notes = [note.format() for note in advise(lesson)]
    lesson_cache.store(path, lesson, warnings, notes)
    return lesson, warnings, notes


def check(paths: Sequence[Path]) -> int:
    from . import lesson_cache

    status = 0
    for path in paths:
        entry = lesson_cache.read(path)
        if entry is not None:
            steps, warnings, notes = entry.steps, entry.warnings, entry.notes
        else:
            from .diagnostics import LessonError

            try:
                lesson, warnings, notes = _load(path)
            except LessonError as error:
                _report(error.diagnostics)
                status = 1
                continue
            steps = len(lesson.steps)
        _print_capped([*warnings, *notes])
        counts = [f"{len(warnings)} warning(s)"] if warnings else []
        counts += [f"{len(notes)} note(s)"] if notes else []
        print(f"{path}: ok, {steps} steps" + "".join(f", {c}" for c in counts))
    return status


MAX_REPORTED = 50


def _report(diagnostics: Sequence[Diagnostic]) -> None:
    _print_capped([diagnostic.format() for diagnostic in diagnostics[: MAX_REPORTED + 1]],
                  total=len(diagnostics))  # fmt: skip


def _print_capped(messages: Sequence[str], total: int | None = None) -> None:
    # A hostile file can hold thousands of the same mistake; the first ones suffice.
    total = len(messages) if total is None else total
    for message in messages[:MAX_REPORTED]:
        print(message, file=sys.stderr)
    if total > MAX_REPORTED:
        print(f"... and {total - MAX_REPORTED:,} more", file=sys.stderr)


def _utf8_terminal() -> bool:
    import locale

    encoding = (sys.stdout.encoding or locale.getpreferredencoding(False) or "").lower()
    if "utf" not in encoding.replace("-", ""):
        return False
    lang = os.environ.get("LC_ALL") or os.environ.get("LC_CTYPE") or os.environ.get("LANG")
    return lang is None or "utf" in lang.lower().replace("-", "")
