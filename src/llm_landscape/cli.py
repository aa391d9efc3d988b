"""The ``llm-landscape`` command: checks, prints, exports or plays a lesson.

Kept free of Textual imports so that ``--check``, ``--print``, ``--help`` and
``--version`` start fast; the app is imported only when it is about to run.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import arguments
from .lesson.pacing import DEFAULT_WPM, MAX_WPM, MIN_WPM

TYPE_CHECKING = False  # not typing's: importing typing costs --check ~2 ms
if TYPE_CHECKING:  # at run time each is imported where it is needed: --check is
    from types import SimpleNamespace  # hot, and an unchanged lesson needs none of these

    from .lesson import Loaded
    from .lesson.diagnostics import Diagnostic


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
    shell prompt comes back ~30 ms sooner after the player quits.

    Standard output is where every command answers, so its failures are met
    here, once, for all of them: closed (``>&-``) or full (``>/dev/full``) is
    one line on standard error and status 1; a reader that stopped early
    (``| head``) is not an error at all."""
    if sys.stdout is None:  # started with it closed: Python gives no stream
        _say_on_stderr("standard output is closed; give it a file or a terminal")
        os._exit(1)
    if sys.stderr is None:  # closed: print(file=None) would write on stdout
        _reopen_stderr(os.open(os.devnull, os.O_WRONLY))
    _write_what_the_encoding_takes()
    try:
        code = main()
        sys.stdout.flush()  # here, so that a full disk is seen, not lost on exit
    except BrokenPipeError:
        # What is still buffered can go nowhere; drop it rather than fail on exit.
        code = 0
    except OSError as error:
        if error.filename is not None:
            raise  # not the output: a bug to see, not to hide
        _say_on_stderr(f"could not write the output ({error.strerror or error})")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(code)


def _in_ascii(error: UnicodeError) -> tuple[str, int]:
    from .render.ascii import to_ascii

    assert isinstance(error, UnicodeEncodeError)
    return to_ascii(error.object[error.start : error.end]), error.end


def _write_what_the_encoding_takes() -> None:
    """In an ASCII or Latin-1 locale a character the output cannot encode is
    written as ASCII (``→`` as ``>``), not a traceback part-way through."""
    codecs.register_error("llm-landscape-ascii", _in_ascii)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            if "utf" not in (stream.encoding or "").lower().replace("-", ""):
                stream.reconfigure(errors="llm-landscape-ascii")  # type: ignore[union-attr]


def _name(path: object) -> str:
    """A path for a line of output: its control characters and line breaks
    made visible, so that a file name cannot retitle the terminal or forge
    an "ok" line."""
    from .lesson.textsafety import safe_name

    return safe_name(str(path))


def _say_on_stderr(message: str) -> None:
    """One line on standard error, if there is one to write to."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(f"llm-landscape: {_name(message)}\n")
        sys.stderr.flush()


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments.parse(argv)
    if not MIN_WPM <= args.wpm <= MAX_WPM:
        arguments.usage_error(f"--wpm must be between {MIN_WPM} and {MAX_WPM}")
    if args.check:
        if args.path is not None:
            args.check.append(args.path)
        return check(args.check)
    if args.schema:
        from .outputs.json_schema import schema_text

        sys.stdout.write(schema_text())
        return 0
    if args.new is not None:
        return _scaffold(args.new)
    path = args.path or builtin_lesson()
    loaded = _load_or_report(path)
    if loaded is None:
        return 1
    if args.export is not None:
        return _export(loaded, args.export)
    if args.reset:
        return _reset(loaded, yes=args.yes)
    if args.review and _nothing_due(loaded):
        return 0
    if args.step is not None and not 1 <= args.step <= len(loaded.lesson.steps):
        arguments.usage_error(f"--step must be between 1 and {len(loaded.lesson.steps)}")
    if args.serve:
        return _serve(loaded, path, args)
    if args.print_:
        return _print(loaded, path, None if args.step is None else args.step - 1)
    missing = _missing_terminal()
    if missing == "output":
        # Into a file or a pipe, or a terminal that cannot show the player:
        # the lesson as text, never a full-screen UI writing escape codes there.
        return _print(loaded, path, None if args.step is None else args.step - 1)
    if missing == "input":
        print(
            "llm-landscape: standard input is not a terminal, so no key would reach the "
            "player; run it in a terminal, or use --print",
            file=sys.stderr,
        )
        return 2
    # The Linux console's fonts have no emoji, and few of the other marks.
    ascii_only = args.ascii or not _utf8_terminal() or os.environ.get("TERM") == "linux"
    return _play(loaded, path, args, ascii_only)


def _missing_terminal() -> str | None:
    """Which side has no terminal for the player: ``output``, ``input`` or None.
    A Textual driver of its own (textual-serve's, a test's) needs neither."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return None
    if os.environ.get("TERM") == "dumb" or not _isatty(sys.stdout):
        return "output"
    if not _isatty(sys.stdin):
        return "input"
    return None


def _isatty(stream: object) -> bool:
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (ValueError, OSError):  # closed
        return False


def _draw_on_the_terminal() -> None:
    """Textual draws on standard error. Closed (``2>&-``) or sent to a file
    (``2>log``), the player ran invisible: draw where standard output is, the
    terminal the learner looks at. Not under a driver of its own: textual-serve's
    speaks a protocol on standard output, which stderr must not join."""
    if not os.environ.get("TEXTUAL_DRIVER") and not _isatty(sys.__stderr__):
        _reopen_stderr(os.dup(sys.stdout.fileno()))


def _reopen_stderr(fd: int) -> None:
    """Make ``fd`` descriptor 2 and ``sys.stderr``. The stream never closes 2
    itself: a stream replaced later must not close what replaced it."""
    if fd != 2:
        os.dup2(fd, 2)
        os.close(fd)
    stream = os.fdopen(2, "w", encoding="utf-8", errors="replace", closefd=False)
    sys.stderr = stream
    setattr(sys, "__stderr__", stream)  # noqa: B010 (Textual's driver reads it; mypy: Final)


def _play(loaded: Loaded, path: Path, args: SimpleNamespace, ascii_only: bool) -> int:
    _draw_on_the_terminal()
    _import_player()
    from .player.app import LessonApp
    from .player.options import PlayerOptions
    from .player.state import StateStore

    options = PlayerOptions(
        start_step=None if args.step is None else args.step - 1,
        play=args.play,
        checks=not args.skip_checks,
        review=args.review,
        wpm=args.wpm,
        ascii_only=ascii_only,
        theme=args.theme,
        state=StateStore(),
        watch=args.watch,
        lesson_path=path,
    )
    app = LessonApp(loaded.lesson, options, derived=loaded.derived)
    from .player.themes import ALIASES, resolve

    if args.theme and resolve(args.theme) not in app.available_themes:
        names = ", ".join([*ALIASES, *sorted(app.available_themes)])
        arguments.usage_error(f"unknown theme '{args.theme}'; choose one of: {names}")
    app.run()
    return app.return_code or 0


def _serve(loaded: Loaded, path: Path, args: SimpleNamespace) -> int:
    """``--serve``: the lesson to a class of browsers (``web/``)."""
    from . import web

    if (absent := web.missing()) is not None:
        _say_on_stderr(f"--serve needs {absent}, which is not installed: {web.INSTALL_HINT}")
        return 2
    if not 0 <= args.port <= 65535:
        arguments.usage_error("--port must be between 0 and 65535")
    if not 1 <= args.max_sessions <= 1000:
        arguments.usage_error("--max-sessions must be between 1 and 1000")
    token = args.token or os.environ.get("LLM_LANDSCAPE_TOKEN") or None
    from .player.state import default_path
    from .web.launch import THEMES, Launch
    from .web.run import serve
    from .web.server import Class

    if args.theme is not None and args.theme not in THEMES:
        arguments.usage_error(f"--theme with --serve is one of: {', '.join(THEMES)}")
    options = ["--skip-checks"] if args.skip_checks else []
    if args.wpm != DEFAULT_WPM:
        options += ["--wpm", str(args.wpm)]

    served = Class(
        lesson=path,
        title=loaded.lesson.title,
        steps=len(loaded.lesson.steps),
        state_root=default_path().parent / "web",
        max_sessions=args.max_sessions,
        token=token,
        start=Launch(args.step, args.theme),
        player_options=tuple(options),
    )
    return serve(served, args.host, args.port)


def _import_player() -> None:
    """Import Textual and the player with the garbage collector off, then
    freeze what the imports built.

    Importing allocates a great deal and frees little: ~100 collections during
    the imports cost the first frame ~10 ms, and a full collection of the
    ~44,000 objects came ~20 ms after it, just as a first key might. Frozen,
    those objects are left out of every later collection."""
    gc.disable()
    try:
        from .player import app  # noqa: F401
    finally:
        gc.freeze()
        gc.enable()


def _print(loaded: Loaded, path: Path, only: int | None = None) -> int:
    from .outputs import printer

    if printer.is_styled(sys.stdout, os.environ):
        printer.print_styled(loaded.lesson, sys.stdout, only)
        return 0
    # Plain text for a pipe: the compiled prose is kept with the cached lesson.
    from .lesson import keep_derived
    from .render.renderings import Renderings

    renderings = Renderings(loaded.derived)
    text = printer.plain_text(loaded.lesson, lambda markdown: renderings.prose(markdown)[0], only)
    sys.stdout.write(text)
    if renderings.new:
        keep_derived(path, renderings.derived())
    return 0


def _nothing_due(loaded: Loaded) -> bool:
    """Say so and when the next card falls due, if no card is due now."""
    from .player.review_session import Review, when
    from .player.state import StateStore, lesson_key

    memory, _ = StateStore().load()
    key = lesson_key(loaded.lesson)
    review = Review(loaded.lesson, memory.answers_of(key), memory.review.get(key, {}))
    if review.due():
        return False
    title = _name(loaded.lesson.title)
    upcoming = review.next_due()
    later = f" The next card falls due {when(upcoming, review.now())}." if upcoming else ""
    print(f"Nothing to review in “{title}” now.{later}")
    return True


def _reset(loaded: Loaded, *, yes: bool) -> int:
    """Forget the lesson's place and answers, once the learner has said so."""
    from .player.state import StateStore, lesson_key

    title = _name(loaded.lesson.title)
    if not yes:
        if not _isatty(sys.stdin):
            _say_on_stderr("--reset asks first, and there is no terminal to ask: add --yes")
            return 2
        try:
            answer = input(f"Forget your place and answers in “{title}”? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing forgotten.")
            return 0
    store = StateStore()
    if problem := store.forget(lesson_key(loaded.lesson)):
        _say_on_stderr(problem)
        return 1
    print(f"Forgot your place and answers in “{title}”.")
    return 0


def _scaffold(directory: Path) -> int:
    from .outputs.scaffold import ScaffoldError, write_new_lesson

    try:
        written = write_new_lesson(directory)
    except (ScaffoldError, OSError) as error:
        _say_on_stderr(str(error))
        return 1
    for path in written:
        print(f"wrote {_name(path)}")
    print(f"play it:  llm-landscape {_name(directory)}")
    return 0


def _export(loaded: Loaded, target: Path) -> int:
    from .outputs.exporter import export

    try:
        export(loaded.lesson, target)
    except (ValueError, OSError) as error:
        _say_on_stderr(str(error))
        return 1
    print(f"wrote {_name(target)}")
    return 0


def _load_or_report(path: Path) -> Loaded | None:
    """The lesson (from the cache when its files are unchanged, else from YAML),
    or None once its errors are reported."""
    from .lesson import load

    try:
        return load(path)
    except Exception as error:
        # Imported only here: a cached lesson's --print needs no diagnostics.
        from .lesson.diagnostics import LessonError

        if not isinstance(error, LessonError):
            raise
        _report(error.diagnostics)
        return None


def check(paths: Sequence[Path]) -> int:
    status = 0
    for path in paths:
        loaded = _load_or_report(path)
        if loaded is None:
            status = 1
            continue
        warnings, notes = loaded.warnings, _notes(loaded, path)
        _print_capped([*warnings, *notes])
        counts = [f"{len(warnings)} warning(s)"] if warnings else []
        counts += [f"{len(notes)} note(s)"] if notes else []
        print(f"{_name(path)}: ok, {loaded.steps} steps" + "".join(f", {c}" for c in counts))
    return status


def _notes(loaded: Loaded, path: Path) -> list[str]:
    """``--check``'s advice, formatted; kept with the cached lesson, since it
    depends on nothing else (and computing it needs the model and Rich)."""
    kept = loaded.derived.get("notes")
    if isinstance(kept, list) and all(isinstance(note, str) for note in kept):
        from .lesson.textsafety import make_safe

        return [make_safe(note) for note in kept]
    from .lesson import keep_derived
    from .outputs.advice import advise

    notes = [note.format() for note in advise(loaded.lesson)]
    keep_derived(path, {"notes": notes})
    return notes


MAX_REPORTED = 50


def _report(diagnostics: Sequence[Diagnostic]) -> None:
    _print_capped([diagnostic.format() for diagnostic in diagnostics[: MAX_REPORTED + 1]],
                  total=len(diagnostics))  # fmt: skip


def _print_capped(messages: Sequence[str], total: int | None = None) -> None:
    # A hostile file can hold thousands of the same mistake; the first ones suffice.
    total = len(messages) if total is None else total
    from .lesson.textsafety import make_safe

    for message in messages[:MAX_REPORTED]:
        print(make_safe(message), file=sys.stderr)  # formatted safe; this is the net
    if total > MAX_REPORTED:
        print(f"... and {total - MAX_REPORTED:,} more", file=sys.stderr)


def _utf8_terminal() -> bool:
    """Whether the locale says the terminal takes UTF-8 (an unset locale is
    taken to: most terminals do). Python turns LANG=C into LC_CTYPE=C.UTF-8
    for itself (PEP 538); the locale the learner set is LANG's, then."""
    import locale

    encoding = (sys.stdout.encoding or locale.getpreferredencoding(False) or "").lower()
    if "utf" not in encoding.replace("-", ""):
        return False
    environ = os.environ
    lang = environ.get("LANG")
    ctype = environ.get("LC_CTYPE")
    if ctype == "C.UTF-8" and lang in ("C", "POSIX") and not environ.get("LC_ALL"):
        ctype = None  # coerced by Python, not chosen
    chosen = environ.get("LC_ALL") or ctype or lang
    return chosen is None or "utf" in chosen.lower().replace("-", "")
