"""The lesson cache: an unchanged lesson loads without YAML; any change is seen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from llm_landscape import lesson_cache
from llm_landscape.cli import builtin_lesson
from llm_landscape.loader import load_lesson

DATA = Path(__file__).parent / "data"


def aged_copy(tmp_path: Path) -> Path:
    """The built-in lesson, copied, with files old enough to be cached."""
    directory = tmp_path / "lesson"
    shutil.copytree(builtin_lesson(), directory)
    an_hour_ago = time.time() - 3600
    for file in directory.iterdir():
        os.utime(file, (an_hour_ago, an_hour_ago))
    return directory


def aged_rich_lesson(tmp_path: Path) -> Path:
    """tests/data/prose-rich.yaml, copied, old enough to be cached."""
    lesson = tmp_path / "prose-rich.yaml"
    shutil.copy(DATA / "prose-rich.yaml", lesson)
    an_hour_ago = time.time() - 3600
    os.utime(lesson, (an_hour_ago, an_hour_ago))
    return lesson


def probe(code: str) -> str:
    """What a fresh interpreter prints after running ``code``."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_round_trip_gives_the_same_lesson(tmp_path: Path) -> None:
    directory = aged_copy(tmp_path)
    lesson, _ = load_lesson(directory)
    assert lesson_cache.read(directory) is None
    lesson_cache.store(directory, lesson, ["a warning"], ["a note", "another"])
    entry = lesson_cache.read(directory)
    assert entry is not None and entry.lesson() == lesson
    assert (entry.steps, entry.warnings, entry.notes) == (6, ["a warning"], ["a note", "another"])
    assert (entry.prose(), entry.code()) == ({}, {})  # added by runs that need them
    entry.keep(prose={"*x*": ("x", ((0, 1, ("em",)),))})
    again = lesson_cache.read(directory)
    assert again is not None and again.prose() == {"*x*": ("x", ((0, 1, ("em",)),))}


def test_an_edit_of_the_same_size_is_seen(tmp_path: Path) -> None:
    directory = aged_copy(tmp_path)
    lesson_cache.store(directory, load_lesson(directory)[0], [], [])
    step = directory / "03-closed.yaml"
    text = step.read_text(encoding="utf-8")
    step.write_text(text.replace("Frontier Edge", "Frontier EDGE"), encoding="utf-8")
    assert lesson_cache.read(directory) is None
    (directory / "06-future.yaml").unlink()
    assert lesson_cache.read(directory) is None


def test_a_file_written_just_now_is_not_trusted(tmp_path: Path) -> None:
    directory = aged_copy(tmp_path)
    (directory / "lesson.yaml").touch()  # same size, new time, inside the racy window
    lesson_cache.store(directory, load_lesson(directory)[0], [], [])
    assert lesson_cache.read(directory) is None


def test_a_broken_cache_is_a_miss_never_an_error(
    tmp_path: Path, private_lesson_cache: Path
) -> None:
    directory = aged_copy(tmp_path)
    lesson, _ = load_lesson(directory)
    lesson_cache.store(directory, lesson, [], [])
    (entry,) = (private_lesson_cache / "lessons").iterdir()
    good = entry.read_bytes()
    import marshal

    for damage in (b"", b"garbage", good[: len(good) // 2], marshal.dumps((1, 2, 3))):
        entry.write_bytes(damage)
        assert lesson_cache.read(directory) is None
    entry.unlink()
    entry.mkdir()  # a directory where the file should be
    assert lesson_cache.read(directory) is None
    lesson_cache.store(directory, lesson, [], [])  # cannot replace it: quietly not cached


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "llm_landscape", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
    )


def test_the_command_uses_the_cache_and_sees_edits(tmp_path: Path) -> None:
    directory = aged_copy(tmp_path)
    loads = (
        "import sys; from pathlib import Path; from llm_landscape.cli import _load_or_report; "
        f"_load_or_report(Path({str(directory)!r})); print('yaml' in sys.modules)"
    )
    assert (probe(loads), probe(loads)) == ("True\n", "False\n")
    assert "Frontier Edge" in run_cli("--print", str(directory)).stdout
    step = directory / "03-closed.yaml"
    step.write_text(step.read_text(encoding="utf-8").replace("Edge", "Lead"), encoding="utf-8")
    printed = run_cli("--print", str(directory)).stdout
    assert "Frontier Lead" in printed and "Frontier Edge" not in printed


def test_check_reports_the_same_from_the_cache(tmp_path: Path) -> None:
    directory = aged_copy(tmp_path)
    step = directory / "02-open.yaml"
    text = step.read_text(encoding="utf-8").replace("why open matters", "why open \\a matters")
    step.write_text(text, encoding="utf-8")  # a control character: shown, with a warning
    an_hour_ago = time.time() - 3600
    os.utime(step, (an_hour_ago, an_hour_ago))
    cold, warm = run_cli("--check", str(directory)), run_cli("--check", str(directory))
    assert cold.returncode == warm.returncode == 0
    assert "warning" in cold.stderr and "warning(s)" in cold.stdout
    assert (cold.stdout, cold.stderr) == (warm.stdout, warm.stderr)


def test_plain_print_is_the_same_cold_and_cached_and_needs_no_rich(tmp_path: Path) -> None:
    """prose-rich.print.txt was written by the earlier Rich-based printer; the
    string-based plain printer must reproduce it byte for byte, from YAML and
    from the cache, and a cached run must not import Rich or the parser."""
    lesson = aged_rich_lesson(tmp_path)
    expected = (DATA / "prose-rich.print.txt").read_text(encoding="utf-8")
    for _ in range(3):  # cold, prose added to the entry, fully cached
        assert run_cli("--print", str(lesson)).stdout == expected
    printed = probe(
        "import sys; from llm_landscape.cli import main; "
        f"main(['--print', {str(lesson)!r}]); "
        "heavy = ('rich.console', 'rich.text', 'markdown_it', 'pygments.lexers', 'yaml'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    assert printed.endswith("\n[]\n"), printed[-200:]


def test_preloaded_prose_renders_without_the_markdown_parser(tmp_path: Path) -> None:
    from llm_landscape import prose

    lesson = aged_rich_lesson(tmp_path)
    assert "Frontier" not in run_cli("--print", str(lesson)).stdout  # fills the cache
    rendered = probe(
        "import sys; from pathlib import Path; from llm_landscape import lesson_cache, prose; "
        f"known = lesson_cache.read(Path({str(lesson)!r})).prose(); prose.preload(known); "
        "texts = [prose.render(text) for text in known]; "
        "print(len(texts), 'markdown_it' in sys.modules)"
    )
    assert rendered == "3 False\n"  # two bodies and an insight
    entry = lesson_cache.read(lesson)
    assert entry is not None
    for markdown, compiled in entry.prose().items():
        assert prose.render(markdown).plain == compiled[0]


def test_lexed_code_highlights_exactly_as_the_lexer_does(tmp_path: Path) -> None:
    from llm_landscape import highlight

    styles = highlight.palette(highlight.ANSI_COLOURS)
    for step in load_lesson(builtin_lesson())[0].steps:
        assert step.code is not None
        source, language = step.code.source, step.code.language
        fresh = highlight.highlight_lines(source, language, styles)
        highlight.preload({highlight.code_key(source, language): highlight.lex(source, language)})
        again = highlight.highlight_lines(source, language, styles)
        assert [(line.plain, line.spans) for line in again] == [
            (line.plain, line.spans) for line in fresh
        ]
    highlighted = probe(
        "import sys; from llm_landscape import highlight as h; "
        "h.preload({h.code_key('x = 1', 'python'): (('Name', 'x'), ('Text', ' '), "
        "('Operator', '='), ('Text', ' '), ('Literal.Number.Integer', '1'))}); "
        "line, = h.highlight_lines('x = 1', 'python', h.palette(h.ANSI_COLOURS)); "
        "print(line.plain, len(line.spans), 'pygments.lexers' in sys.modules)"
    )
    assert highlighted == "x = 1 2 False\n"  # '=' and '1' styled, no lexer


def test_the_player_uses_the_cache_entry_and_loads_it_after_the_first_frame(
    tmp_path: Path,
) -> None:
    """The entry's prose and code reach the player through PlayerOptions and are
    loaded when the step view is mounted (the first frame needs neither):
    every step then shows without the Markdown parser or a lexer."""
    from llm_landscape import highlight

    directory = aged_copy(tmp_path)
    assert run_cli("--print", str(directory)).returncode == 0  # the entry, with prose
    entry = lesson_cache.read(directory)
    assert entry is not None
    codes = [step.code for step in load_lesson(directory)[0].steps if step.code]
    entry.keep(
        code={
            highlight.code_key(c.source, c.language): highlight.lex(c.source, c.language)
            for c in codes
        }
    )

    def play(known: str) -> str:
        return probe(
            "import asyncio, sys; from pathlib import Path\n"
            "from llm_landscape import lesson_cache\n"
            "from llm_landscape.app import LessonApp, PlayerOptions\n"
            "from llm_landscape.cli import _load_or_report\n"
            f"lesson, entry = _load_or_report(Path({str(directory)!r}))\n"
            f"app = LessonApp(lesson, PlayerOptions(known={known}))\n"
            "async def run():\n"
            "    async with app.run_test(size=(120, 40)) as pilot:\n"
            "        await pilot.press(*'123456')\n"
            "        await pilot.pause()\n"
            "asyncio.run(run())\n"
            "print(sorted(m for m in ('markdown_it', 'pygments.lexers') if m in sys.modules))"
        )

    assert play("entry") == "[]\n"
    assert play("None") == "['markdown_it', 'pygments.lexers']\n"
