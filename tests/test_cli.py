"""The command line: --check, --print, usage errors, and no Textual where none is needed."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from llm_landscape import arguments
from llm_landscape.cli import builtin_lesson

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "llm_landscape", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


# Blocks every import of textual, as if it were not installed.
_NO_TEXTUAL = """
import sys
class _Block:
    def find_spec(self, name, path=None, target=None):
        if name == "textual" or name.startswith("textual."):
            raise ImportError("textual is hidden in this test")
sys.meta_path.insert(0, _Block())
"""


def run_without_textual(*args: str) -> subprocess.CompletedProcess[str]:
    code = _NO_TEXTUAL + "from llm_landscape.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
    )


def test_engine_imports_without_textual() -> None:
    # Every module of the packages that must not need Textual, found on disk, so
    # that a new module is covered without editing this list.
    source = Path(__file__).resolve().parent.parent / "src" / "llm_landscape"
    modules = ["cli", "arguments"] + [
        ".".join(path.relative_to(source).with_suffix("").parts)
        for package in ("lesson", "render", "outputs")
        for path in sorted((source / package).glob("*.py"))
    ]
    code = _NO_TEXTUAL + "".join(f"import llm_landscape.{m}\n" for m in modules)
    code += "assert not any(m.startswith('textual') for m in sys.modules)\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert len(modules) > 20


def test_check_and_print_work_without_textual() -> None:
    check = run_without_textual("--check", str(builtin_lesson()))
    assert check.returncode == 0, check.stderr
    assert "ok, 6 steps" in check.stdout
    printed = run_without_textual("--print")
    assert printed.returncode == 0, printed.stderr
    assert "Step 6 / 6" in printed.stdout
    schema = run_without_textual("--schema")
    assert schema.returncode == 0 and '"$defs"' in schema.stdout


def test_check_reports_errors_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: yes\nsteps: []\n", encoding="utf-8")
    result = run("--check", str(builtin_lesson()), str(bad))
    assert result.returncode == 1
    assert f"{bad}:1:8: error: 'title' must be text" in result.stderr
    assert f"{bad}:2:8: error: 'steps' is empty" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_prints_warnings_but_passes(tmp_path: Path) -> None:
    lesson = tmp_path / "l.yaml"
    lesson.write_text(
        "title: T\nsteps:\n  - {id: a, label: A, title: T, body: B, icon: nope}\n",
        encoding="utf-8",
    )
    result = run("--check", str(lesson))
    assert result.returncode == 0
    assert f"{lesson}:3:48: warning: unknown icon 'nope'" in result.stderr


def test_playing_a_broken_lesson_exits_1_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [\n", encoding="utf-8")
    result = run(str(bad))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{bad}:")
    assert "Traceback" not in result.stderr


def test_print_is_plain_text_with_every_step(tmp_path: Path) -> None:
    result = run("--print")
    assert result.returncode == 0
    out = result.stdout
    assert "\x1b" not in out  # not a terminal: no escape sequences at all
    assert out.startswith("Ch 14 — The LLM Landscape\n")
    for title in ("The Major Players", "What’s Next: The Road Ahead"):
        assert title in out
    assert "Key insight: The entire field rests on one elegant idea" in out
    assert '    if action.type == "final_answer":' in out


@pytest.mark.parametrize(
    "args",
    [["--step", "0"], ["--step", "7"], ["--wpm", "0"], ["--bogus"], ["a", "b"]],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("llm-landscape ")
    assert "--check" in run("--help").stdout


def test_output_into_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    """The command leaves with os._exit after flushing; a reader that stopped
    early (``| head``) must not turn that into a traceback or a failure."""
    steps = "".join(
        f"  - {{id: s{n}, label: S{n}, title: T{n}, body: '{'word ' * 200}'}}\n" for n in range(300)
    )
    lesson = tmp_path / "long.yaml"
    lesson.write_text("title: Long\nsteps:\n" + steps, encoding="utf-8")
    # As on a learner's machine: buffered output (these machines set
    # PYTHONUNBUFFERED, which writes line by line and hides the failure).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    for args in (["--print", str(lesson)], ["--schema"]):
        command = [sys.executable, "-m", "llm_landscape", *args]
        printer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert printer.stdout is not None and printer.stderr is not None
        assert printer.stdout.readline()
        printer.stdout.close()  # like head -1: stop reading after the first line
        errors = printer.stderr.read().decode()
        assert printer.wait(timeout=60) == 0, errors
        assert errors == ""


@pytest.mark.parametrize("args", [["--print"], ["--schema"]], ids=["print", "schema"])
@pytest.mark.parametrize("output", [">/dev/full", ">&-"], ids=["full", "closed"])
def test_a_full_or_closed_output_is_one_line_and_a_failure(args: list[str], output: str) -> None:
    """With buffered output, as on a learner's machine: no traceback, a reason,
    and a status that tells a script the text went nowhere."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    command = " ".join([shlex.quote(sys.executable), "-m", "llm_landscape", *args, output])
    done = subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr.startswith("llm-landscape: ") and done.stderr.count("\n") == 1


def test_lazy_imports_really_defer() -> None:
    """What docs/architecture.md lists as imported late is not imported early:
    the player's first frame needs no step view, screen, parser or lexer."""
    probe = (
        "import sys\n"
        "import llm_landscape.cli, llm_landscape.start, llm_landscape.lesson\n"
        "early = set(sys.modules)\n"
        "import llm_landscape.player.app\n"
        "late = (\n"
        "    'llm_landscape.player.widgets.step_view', 'llm_landscape.player.screens.help',\n"
        "    'llm_landscape.player.screens.search', 'llm_landscape.player.live_reload',\n"
        "    'llm_landscape.player.commands', 'markdown_it', 'yaml', 'pygments.lexers',\n"
        "    'llm_landscape.lesson.loader', 'webbrowser', 'llm_landscape.web',\n"
        "    'llm_landscape.player.widgets.reload_banner', 'llm_landscape.player.download',\n"
        "    'llm_landscape.outputs.exporter', 'aiohttp',\n"
        ")\n"
        "print(sorted(m for m in late if m in sys.modules))\n"
        "print(sorted(m for m in early if m.startswith(('textual', 'yaml', 'rich'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["[]", "[]"]


def test_no_arguments_give_the_parsers_defaults_without_the_parser() -> None:
    assert arguments.parse([]) == SimpleNamespace(**vars(arguments.parser().parse_args([])))


def test_into_a_file_the_player_writes_the_lesson_as_text(tmp_path: Path) -> None:
    """`llm-landscape > file` started the full-screen UI and hung, writing escape
    codes into the file; with no terminal on its output it prints the lesson."""
    out = tmp_path / "lesson.txt"
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    with out.open("w", encoding="utf-8") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "llm_landscape"], stdout=handle, stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL, env=env, timeout=60,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "=== Step 6 / 6 · Future ===" in text
    assert "\x1b" not in text


def test_print_with_a_step_prints_just_that_step() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "llm_landscape", "--print", "--step", "3"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "=== Step 3 / 6 · Closed ===" in done.stdout
    assert "Step 2 / 6" not in done.stdout and "Step 4 / 6" not in done.stdout
    assert done.stdout.startswith("Ch 14 — The LLM Landscape\n")


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_an_output_that_cannot_take_unicode_gets_ascii_not_a_traceback(encoding: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "llm_landscape", "--print"],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": encoding},
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode(encoding)
    assert "Traceback" not in result.stderr.decode(encoding)
    assert "Ch 14 - The LLM Landscape" in text  # the dash, as ASCII
    assert "tokenizer > embeddings" in text  # the arrow
    if encoding == "ascii":
        assert result.stdout.isascii()


def test_with_standard_error_closed_no_error_goes_to_standard_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [\n", encoding="utf-8")
    result = subprocess.run(
        f"{sys.executable} -m llm_landscape --check {bad} 2>&-",
        shell=True, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stdout == ""  # print(file=None) used to write the errors here
