"""Broken and hostile lessons: each ends in a lesson that plays or in positioned errors."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from llm_landscape.lesson.loader import LessonError, load_lesson
from llm_landscape.lesson.model import Lesson
from llm_landscape.player.app import LessonApp
from llm_landscape.player.widgets.prose_pane import ProsePane
from llm_landscape.player.widgets.step_bar import StepBar
from llm_landscape.player.widgets.step_heading import StepHeading
from llm_landscape.player.widgets.title_card import TitleCard

from .conftest import screen_text
from .make_big_corpus import BIG_EXPECTED, write

CORPUS = Path(__file__).resolve().parent / "corpus"


def expected_corpus() -> list[tuple[str, str]]:
    rows = []
    for line in (CORPUS / "EXPECTED").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, expected = line.split("\t")
            rows.append((name, expected))
    return rows


def outcome(path: Path) -> str | Lesson:
    """The lesson, or every error message joined; anything else fails the test."""
    try:
        return load_lesson(path)[0]
    except LessonError as error:
        return error.format()


@pytest.mark.parametrize(("name", "expected"), expected_corpus())
def test_corpus_with_the_loader(name: str, expected: str) -> None:
    result = outcome(CORPUS / name)
    if expected == "ok":
        assert isinstance(result, Lesson), result
    else:
        assert isinstance(result, str), "expected an error"
        assert f"{CORPUS / name}{expected}" in result


def test_corpus_with_check_command() -> None:
    names = [name for name, _ in expected_corpus()]
    for name, expected in expected_corpus():
        result = subprocess.run(
            [sys.executable, "-m", "llm_landscape", "--check", str(CORPUS / name)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "Traceback" not in result.stderr
        assert result.returncode == (0 if expected == "ok" else 1), (name, result.stderr)
        if expected != "ok":
            assert f"{CORPUS / name}{expected}" in result.stderr
    assert len(names) >= 30


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write(tmp_path_factory.mktemp("big"))


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BIG_EXPECTED))
def test_big_files_fail_fast_or_play(big: dict[str, Path], name: str) -> None:
    started = time.monotonic()
    result = outcome(big[name])
    elapsed = time.monotonic() - started
    # A hang guard, not a speed target: the limits exist so these fail at once.
    assert elapsed < 10, elapsed
    if BIG_EXPECTED[name] == "ok":
        assert isinstance(result, Lesson)
    else:
        assert isinstance(result, str)
        assert f"{big[name]}{BIG_EXPECTED[name]}" in result


async def test_markup_in_a_lesson_is_shown_literally_and_does_nothing() -> None:
    lesson = load_lesson(CORPUS / "markup-everywhere.yaml")[0]
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.query_one(TitleCard).text.splitlines()[0] == (
            "[bold]T[/] [@click=app.quit]quit[/]"
        )
        await pilot.press("space")
        assert app.query_one(StepHeading).title == ("[@click=app.quit]Click me[/]")
        text = screen_text(app)
        for literal in ("[/]", "[red]red[/red]", "[@click=app.quit]body[/]", "<script>x</script>"):
            assert literal in text
        # Links are shown with their address, never live; file: is not even a link.
        assert "[link](file:///etc/passwd)" in text
        assert "docs ⟨https://example.org⟩" in text
        await pilot.click(StepHeading)
        pane = app.query_one(ProsePane)
        row = next(n for n, line in enumerate(pane.text) if "[@click=app.quit]body" in line)
        column = pane.text[row].index("[@click=app.quit]body") + 3  # inside the padding of 1
        await pilot.click("#prose", offset=(column, row))
        assert app.is_running  # the [@click=app.quit] text is not an action
        assert app.query_one(StepBar).text.endswith("[/]")


async def test_control_characters_never_reach_the_screen() -> None:
    lesson = load_lesson(CORPUS / "control-characters.yaml")[0]
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")
        text = screen_text(app)
        assert "␛]2;PWNED␇Title" in text or "␛[2J" in text
        for char in text:
            code = ord(char)
            assert not (code < 0x20 and char != "\n") and not 0x7F <= code <= 0x9F, hex(code)
            assert not (0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069), hex(code)


def test_print_never_writes_control_characters() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "llm_landscape", "--print", str(CORPUS / "control-characters.yaml")],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0
    out = result.stdout.decode("utf-8")
    assert all(c in "\n" or (ord(c) >= 0x20 and not 0x7F <= ord(c) <= 0x9F) for c in out)
    assert "␛]52;c;cHduZWQ=␇" in out


async def test_wide_text_keeps_the_step_bar_within_the_screen() -> None:
    lesson = load_lesson(CORPUS / "wide-text.yaml")[0]
    app = LessonApp(lesson)
    async with app.run_test(size=(60, 20)) as pilot:
        for _ in range(2):
            await pilot.press("space")
            bar = app.query_one(StepBar)
            assert cell_len(bar.text) <= bar.content_region.width
            assert app.query_one(StepHeading).title in screen_text(app)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text())
def test_any_text_is_a_lesson_or_a_lesson_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "lesson.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = outcome(path)
    assert isinstance(result, (Lesson, str))


YAMLISH = st.recursive(
    st.one_of(
        st.sampled_from(["title", "steps", "id", "label", "body", "no", "2024", ""]),
        st.text(max_size=8),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(["title", "steps", "id", "label", "body", "code", "dwell", "x"]),
            inner,
            max_size=5,
        ),
    ),
    max_leaves=20,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=YAMLISH)
def test_any_yaml_structure_is_a_lesson_or_a_lesson_error(tmp_path: Path, data: object) -> None:
    import yaml

    path = tmp_path / "lesson.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert isinstance(outcome(path), (Lesson, str))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_any_bytes_are_a_lesson_or_a_lesson_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "lesson.yaml"
    path.write_bytes(data)
    assert isinstance(outcome(path), (Lesson, str))


RAW = ("\x1b", "\x07", "\x9b")
"""What must never reach the terminal from a name, key, tag or id."""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "llm_landscape", *args], capture_output=True, text=True, timeout=60
    )


def test_a_hostile_file_name_and_key_reach_no_terminal_and_forge_no_line(tmp_path: Path) -> None:
    name = tmp_path / "lesson\x1b]2;PWNED\x07\nok.yaml"
    name.write_text(
        "title: T\nsteps:\n  - id: a\n    label: A\n    title: T\n    body: B\n"
        '    "\\e]52;c;SGVsbG8=\\a\\u009b2J": 1\n',
        encoding="utf-8",
    )
    result = _run("--check", str(name))
    assert result.returncode == 1
    for char in RAW:
        assert char not in result.stderr and char not in result.stdout
    first = result.stderr.splitlines()[0]
    assert first.startswith(str(tmp_path)) and "\\nok.yaml:" in first  # one line, escaped
    assert "␛]52;c;SGVsbG8=␇" in result.stderr  # the key, made visible
    assert not any(line.startswith("ok.yaml") for line in result.stderr.splitlines())


def test_new_echoes_a_hostile_directory_name_safely(tmp_path: Path) -> None:
    target = tmp_path / "x\x1b[2J\ny"
    result = _run("--new", str(target))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert all(line.startswith(("wrote ", "play it:")) for line in result.stdout.splitlines())


TAGGED = "print('hi')\U000e0049\U000e0047\U000e004e\U000e004f\U000e0052\U000e0045"
"""Code that hides "IGNORE" in Unicode TAG characters (ASCII smuggling)."""


def test_invisible_characters_are_warned_about_and_shown(tmp_path: Path) -> None:
    path = tmp_path / "lesson.yaml"
    path.write_text(
        "title: T\nsteps:\n  - id: a\n    label: A\n    title: T\n"
        "    body: 'zero\u200bwidth'\n"
        f'    code: {{language: python, source: "{TAGGED}"}}\n',
        encoding="utf-8",
    )
    lesson, warnings = load_lesson(path)
    said = [warning.message for warning in warnings]
    assert any("invisible character U+E0049" in message for message in said), said
    assert any("invisible character U+200B" in message for message in said), said
    assert lesson.steps[0].code is not None
    shown = lesson.steps[0].code.source
    assert not any(0xE0000 <= ord(char) <= 0xE007F for char in shown)
    assert shown.count("\ufffd") == 6  # each hidden letter is visible as a stand-in
    printed = _run("--print", str(path)).stdout
    assert "\U000e0049" not in printed and "\u200b" not in printed


def test_the_characters_emoji_need_are_kept() -> None:
    from llm_landscape.lesson.textsafety import make_safe

    family = "👨\u200d💻 ❤\ufe0f"
    assert make_safe(family) == family


def _manifest(directory: Path, *steps: str) -> Path:
    lines = ["title: T", "steps:", *(f"  - {step}" for step in steps)]
    (directory / "lesson.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def _step(path: Path) -> None:
    path.write_text("id: s\nlabel: S\ntitle: T\nbody: B\n", encoding="utf-8")


@pytest.mark.parametrize("where", ["lesson", "step"])
def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path, where: str) -> None:
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    target = fifo if where == "lesson" else _manifest(tmp_path, "pipe.yaml")
    result = _run("--check", str(target))  # hung for ever before
    assert result.returncode == 1
    assert f"{fifo}: error: is a named pipe (FIFO), not a file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("where", ["lesson", "step"])
def test_a_loop_of_symbolic_links_is_refused_with_a_message(tmp_path: Path, where: str) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    target = tmp_path / "a.yaml" if where == "lesson" else _manifest(tmp_path, "a.yaml")
    result = _run("--check", str(target))
    assert result.returncode == 1
    assert "loop of symbolic links" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_device_is_refused(tmp_path: Path) -> None:
    result = _run("--check", "/dev/zero")
    assert result.returncode == 1 and "is a character device, not a file" in result.stderr


def test_the_file_opened_is_checked_not_only_its_name(tmp_path: Path) -> None:
    """A step file swapped for a link after the loader checked its path: the
    file actually opened must still be inside the lesson."""
    from llm_landscape.lesson.diagnostics import Report
    from llm_landscape.lesson.sourcefile import read_source

    outside, lesson = tmp_path / "outside", tmp_path / "lesson"
    outside.mkdir()
    lesson.mkdir()
    _step(outside / "secret.yaml")
    (lesson / "step.yaml").symlink_to(outside / "secret.yaml")
    report = Report()
    assert read_source(lesson / "step.yaml", report, within=lesson.resolve()) is None
    assert "leads outside the lesson directory" in report.diagnostics[0].message
    _step(lesson / "inside.yaml")
    assert read_source(lesson / "inside.yaml", Report(), within=lesson.resolve()) is not None
