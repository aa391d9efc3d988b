"""The lesson cache: an unchanged lesson loads without YAML; any change is seen."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import zlib
from pathlib import Path

from llm_landscape.cli import builtin_lesson
from llm_landscape.lesson import cache as lesson_cache
from llm_landscape.lesson import keep_derived, load
from llm_landscape.lesson.loader import load_lesson

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
    lesson_cache.store(directory, lesson, ["a warning"])
    entry = lesson_cache.read(directory)
    assert entry is not None and entry.lesson == lesson
    assert (entry.warnings, entry.derived) == (["a warning"], {})
    keep_derived(directory, {"prose": {"*x*": ["x", [[0, 1, ["em"]]]]}})
    again = lesson_cache.read(directory)
    assert again is not None and again.derived == {"prose": {"*x*": ["x", [[0, 1, ["em"]]]]}}
    assert again.lesson == lesson


def test_load_reads_yaml_once_then_the_cache(tmp_path: Path) -> None:
    directory = aged_copy(tmp_path)
    first, second = load(directory), load(directory)
    assert first.lesson == second.lesson == load_lesson(directory)[0]
    assert lesson_cache.read(directory) is not None


def test_an_edit_of_the_same_size_is_seen(tmp_path: Path) -> None:
    directory = aged_copy(tmp_path)
    lesson_cache.store(directory, load_lesson(directory)[0], [])
    step = directory / "03-closed.yaml"
    text = step.read_text(encoding="utf-8")
    step.write_text(text.replace("Frontier Edge", "Frontier EDGE"), encoding="utf-8")
    assert lesson_cache.read(directory) is None
    (directory / "06-future.yaml").unlink()
    assert lesson_cache.read(directory) is None


def test_a_file_written_just_now_is_not_trusted(tmp_path: Path) -> None:
    directory = aged_copy(tmp_path)
    (directory / "lesson.yaml").touch()  # same size, new time, inside the racy window
    lesson_cache.store(directory, load_lesson(directory)[0], [])
    assert lesson_cache.read(directory) is None


def entry_of(cache: Path) -> Path:
    (entry,) = (cache / "lessons").glob("*.json")
    return entry


def rewrite(entry: Path, change: object) -> None:
    """Apply ``change`` to the entry's JSON and write it back with a valid checksum,
    as someone who can write the cache directory could."""
    body = json.loads(entry.read_bytes().partition(b"\n")[2])
    change(body)  # type: ignore[operator]
    raw = json.dumps(body).encode()
    entry.write_bytes(
        f"{lesson_cache.MAGIC} {lesson_cache.FORMAT} {zlib.crc32(raw):08x}\n".encode() + raw
    )


def test_a_damaged_or_crafted_entry_is_a_miss_never_an_error(
    tmp_path: Path, private_lesson_cache: Path
) -> None:
    directory = aged_copy(tmp_path)
    lesson, _ = load_lesson(directory)
    lesson_cache.store(directory, lesson, [])
    entry = entry_of(private_lesson_cache)
    good = entry.read_bytes()
    header, _, body = good.partition(b"\n")
    flipped = body.replace(b"Players", b"Pl4yers", 1)
    for damage in (
        b"", b"garbage", good[: len(good) // 2], header + b"\n" + flipped,  # checksum
        b"\x00" * 165,
        header.replace(f" {lesson_cache.FORMAT} ".encode(), f" {lesson_cache.FORMAT - 1} ".encode())
        + b"\n" + body,  # another format
        f"{lesson_cache.MAGIC} {lesson_cache.FORMAT} {zlib.crc32(b'[1]'):08x}\n[1]".encode(),
        f"{lesson_cache.MAGIC} {lesson_cache.FORMAT} {zlib.crc32(b'[' * 100_000):08x}\n".encode()
        + b"[" * 100_000,  # deep nesting
    ):  # fmt: skip
        entry.write_bytes(damage)
        assert lesson_cache.read(directory) is None, damage[:40]
    for change in (
        lambda data: data.update(files=[]),  # every entry must have its stamps
        lambda data: data["files"][0].__setitem__(0, "relative/lesson.yaml"),
        lambda data: data["lesson"]["steps"][0].update(title=7),
        lambda data: data["lesson"].update(steps=[]),
        lambda data: data.update(warnings=5),
        lambda data: data["lesson"]["steps"][0].update(
            check=[
                {"question": "Q", "choices": ["a"], "answer": 3, "explain": "", "predict": False}
            ]
        ),
        lambda data: data["lesson"]["steps"][0].update(
            check=[
                {"question": "Q", "choices": ["a"], "answer": 0, "explain": "", "predict": "yes"}
            ]
        ),
    ):
        entry.write_bytes(good)
        rewrite(entry, change)
        assert lesson_cache.read(directory) is None
    entry.unlink()
    entry.mkdir()  # a directory where the file should be
    assert lesson_cache.read(directory) is None
    lesson_cache.store(directory, lesson, [])  # cannot replace it: quietly not cached
    assert [p.name for p in entry.parent.iterdir()] == [entry.name]  # no temporary left


def test_crafted_text_in_an_entry_reaches_no_terminal_raw(
    tmp_path: Path, private_lesson_cache: Path
) -> None:
    directory = aged_copy(tmp_path)
    lesson_cache.store(directory, load_lesson(directory)[0], [])
    entry = entry_of(private_lesson_cache)
    osc = "\x1b]52;c;aGk=\x07\x1b[2J"
    rewrite(entry, lambda data: data["lesson"]["steps"][0].update(title=f"Hi{osc}"))
    rewrite(entry, lambda data: data.update(warnings=[f"warn{osc}"]))
    cached = lesson_cache.read(directory)
    assert cached is not None
    for text in (cached.lesson.steps[0].title, cached.warnings[0]):
        assert "\x1b" not in text and "\x07" not in text
        assert "\u241b" in text  # a visible stand-in, as for loaded text


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


def test_lexed_code_highlights_exactly_as_the_lexer_does() -> None:
    from llm_landscape.render import highlight

    styles = highlight.palette(highlight.ANSI_COLOURS)
    for step in load_lesson(builtin_lesson())[0].steps:
        assert step.code is not None
        source, language = step.code.source, step.code.language
        fresh = highlight.highlight_lines(source, language, styles)
        lexed = highlight.lex(source, language)
        again = highlight.highlight_lines(source, language, styles, lexed=lexed)
        assert [(line.plain, line.spans) for line in again] == [
            (line.plain, line.spans) for line in fresh
        ]


def test_the_player_keeps_what_it_compiled_and_the_next_start_needs_no_parser(
    tmp_path: Path,
) -> None:
    """A player hands what it compiled and lexed to the cache as it quits (a
    write, nothing computed then); the next start of the same lesson shows
    every step without the Markdown parser or a lexer."""
    directory = aged_copy(tmp_path)

    def play() -> str:
        return probe(
            "import asyncio, os, sys; from pathlib import Path\n"
            f"os.environ['LLM_LANDSCAPE_STATE_DIR'] = {str(tmp_path / 'state')!r}\n"
            "from llm_landscape.lesson import load\n"
            "from llm_landscape.player.app import LessonApp, PlayerOptions\n"
            f"path = Path({str(directory)!r})\n"
            "loaded = load(path)\n"
            # Without the questions: the digits below must jump, not answer step
            # 1's question when its focus arrives before the next key.
            "options = PlayerOptions(lesson_path=path, checks=False)\n"
            "app = LessonApp(loaded.lesson, options, derived=loaded.derived)\n"
            "async def run():\n"
            "    async with app.run_test(size=(120, 40)) as pilot:\n"
            "        await pilot.press(*'123456')\n"
            "        await pilot.pause()\n"
            "asyncio.run(run())\n"
            "print(sorted(m for m in ('markdown_it', 'pygments.lexers') if m in sys.modules))"
        )

    assert play() == "['markdown_it', 'pygments.lexers']\n"
    assert play() == "[]\n"
