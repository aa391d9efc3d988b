"""The ``llm-landscape`` command: checks, prints, exports or plays a lesson
(the player is started by ``start.py``; the streams are ``streams.py``'s).

Kept free of Textual imports so that ``--check``, ``--print``, ``--help`` and
``--version`` start fast; the app is imported only when it is about to run.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import arguments, streams
from .lesson.pacing import MAX_WPM, MIN_WPM

TYPE_CHECKING = False  # not typing's: importing typing costs --check ~2 ms
if TYPE_CHECKING:  # at run time each is imported where it is needed: --check is hot,
    # and an unchanged lesson needs none of these
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
        streams.say_on_stderr("standard output is closed; give it a file or a terminal")
        os._exit(1)
    if sys.stderr is None:  # closed: print(file=None) would write on stdout
        streams.reopen_stderr(os.open(os.devnull, os.O_WRONLY))
    streams.write_what_the_encoding_takes()
    try:
        code = main()
        sys.stdout.flush()  # here, so that a full disk is seen, not lost on exit
    except BrokenPipeError:
        # What is still buffered can go nowhere; drop it rather than fail on exit.
        code = 0
    except OSError as error:
        if error.filename is not None:
            raise  # not the output: a bug to see, not to hide
        streams.say_on_stderr(f"could not write the output ({error.strerror or error})")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
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
        from . import start

        return start.for_a_class(loaded, path, args)
    if args.print_:
        return _print(loaded, path, None if args.step is None else args.step - 1)
    missing = streams.missing_terminal()
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
    ascii_only = args.ascii or not streams.utf8_terminal() or os.environ.get("TERM") == "linux"
    from . import start

    return start.in_terminal(loaded, path, args, ascii_only)


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
    title = streams.name(loaded.lesson.title)
    upcoming = review.next_due()
    later = f" The next card falls due {when(upcoming, review.now())}." if upcoming else ""
    print(f"Nothing to review in “{title}” now.{later}")
    return True


def _reset(loaded: Loaded, *, yes: bool) -> int:
    """Forget the lesson's place and answers, once the learner has said so."""
    from .player.state import StateStore, lesson_key

    title = streams.name(loaded.lesson.title)
    if not yes:
        if not streams.isatty(sys.stdin):
            streams.say_on_stderr("--reset asks first, and there is no terminal to ask: add --yes")
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
        streams.say_on_stderr(problem)
        return 1
    print(f"Forgot your place and answers in “{title}”.")
    return 0


def _scaffold(directory: Path) -> int:
    from .outputs.scaffold import ScaffoldError, write_new_lesson

    try:
        written = write_new_lesson(directory)
    except (ScaffoldError, OSError) as error:
        streams.say_on_stderr(str(error))
        return 1
    for path in written:
        print(f"wrote {streams.name(path)}")
    print(f"play it:  llm-landscape {streams.name(directory)}")
    return 0


def _export(loaded: Loaded, target: Path) -> int:
    from .outputs.exporter import export

    try:
        export(loaded.lesson, target)
    except (ValueError, OSError) as error:
        streams.say_on_stderr(str(error))
        return 1
    print(f"wrote {streams.name(target)}")
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
        print(f"{streams.name(path)}: ok, {loaded.steps} steps" + "".join(f", {c}" for c in counts))
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
