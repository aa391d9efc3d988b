"""A lexer that never finishes (``tnt`` on ``a=b``, lexed without a final
newline) must not freeze the player, block quitting, or hang an output."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from llm_landscape.lesson.loader import load_lesson
from llm_landscape.player.app import LessonApp, PlayerOptions
from llm_landscape.player.widgets.code_view import CodeView
from llm_landscape.player.widgets.prose_pane import ProsePane
from llm_landscape.render.bounded_lex import LEX_SECONDS, lex_bounded
from llm_landscape.render.highlight import lex

from .conftest import player, screen_text, wait_for

ENDLESS = Path(__file__).resolve().parent / "corpus" / "endless-lexer.yaml"


def test_an_endless_lexer_is_given_up_on_its_clock() -> None:
    started = time.monotonic()
    assert lex_bounded("a=b", "tnt", seconds=0.5) is None
    assert time.monotonic() - started < 1.5


def test_a_lexer_that_finishes_gives_the_tokens_it_would_in_process() -> None:
    assert lex_bounded("a=b\n", "tnt") == lex("a=b\n", "tnt")
    assert lex_bounded("x = 1\n", "python") == lex("x = 1\n", "python")  # vetted: no child


def test_quitting_does_not_wait_for_the_clock() -> None:
    started = time.monotonic()
    assert lex_bounded("a=b", "tnt", seconds=30, cancelled=lambda: True) is None
    assert time.monotonic() - started < 0.5


async def test_the_step_shows_at_once_and_keys_work_while_the_lexer_runs() -> None:
    lesson = load_lesson(ENDLESS)[0]
    app = LessonApp(lesson, PlayerOptions(start_step=0))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert "tnt lexer loops on" in " ".join(app.query_one(ProsePane).text)
        assert [line.plain for line in app.query_one(CodeView).lines] == ["a=b"]  # plain, now
        started = time.monotonic()
        await pilot.press("question_mark")  # the app answers keys meanwhile
        await pilot.press("escape")
        assert time.monotonic() - started < 0.5
        said = "Highlighting this tnt code took over"
        await wait_for(pilot, lambda: said in screen_text(app), timeout=LEX_SECONDS + 3)
        assert [line.plain for line in app.query_one(CodeView).lines] == ["a=b"]
        assert player(app).tour.counter == "Step 1 / 1"


def test_check_warns_and_export_finishes_plain(tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "llm_landscape", *args],
            capture_output=True, text=True, timeout=30,
        )  # fmt: skip

    checked = run("--check", str(ENDLESS))
    assert checked.returncode == 0
    assert "highlighting this tnt code took over" in checked.stderr
    started = time.monotonic()
    exported = run("--export", str(tmp_path / "page.html"), str(ENDLESS))
    assert time.monotonic() - started < LEX_SECONDS + 5
    assert exported.returncode == 0, exported.stderr
    assert "its code is written as plain text" in exported.stderr
    assert "a=b" in (tmp_path / "page.html").read_text(encoding="utf-8")
