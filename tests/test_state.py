"""Resume and remembered theme across runs; a broken state file never stops the lesson."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llm_landscape.lesson.loader import load_lesson
from llm_landscape.lesson.model import Lesson
from llm_landscape.player.app import LessonApp, PlayerOptions
from llm_landscape.player.state import Memory, StateStore, lesson_key
from llm_landscape.player.widgets.title_card import TitleCard

from .conftest import player, screen_text, wait_for, write_lesson


def store(tmp_path: Path) -> StateStore:
    return StateStore(tmp_path / "state" / "state.json")


async def run_to_step(lesson: Lesson, state: StateStore, key: str) -> None:
    app = LessonApp(lesson, PlayerOptions(state=state))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(key)
        await pilot.press("q")
    assert app.return_code in (0, None)


async def test_resume_across_two_runs(lesson: Lesson, tmp_path: Path) -> None:
    state = store(tmp_path)
    await run_to_step(lesson, state, "4")
    saved = json.loads(state.path.read_text(encoding="utf-8"))
    assert list(saved["positions"].values()) == ["agents"]

    app = LessonApp(lesson, PlayerOptions(state=state))
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.query_one(TitleCard).text.endswith("\nResume at step 4 — press r")
        await pilot.press("r")
        assert player(app).tour.counter == "Step 4 / 6"

    app = LessonApp(lesson, PlayerOptions(state=state))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")  # Space still starts at the beginning
        assert player(app).tour.counter == "Step 1 / 6"


async def test_step_option_overrides_resume(lesson: Lesson, tmp_path: Path) -> None:
    state = store(tmp_path)
    await run_to_step(lesson, state, "5")
    app = LessonApp(lesson, PlayerOptions(state=state, start_step=1))
    async with app.run_test(size=(120, 40)):
        assert player(app).tour.counter == "Step 2 / 6"
        assert "Resume" not in app.query_one(TitleCard).text


async def test_theme_cycles_and_is_remembered(lesson: Lesson, tmp_path: Path) -> None:
    state = store(tmp_path)
    app = LessonApp(lesson, PlayerOptions(state=state))
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.theme == "llm-dark"
        await pilot.press("t")
        assert app.theme == "llm-light"
        await pilot.press("t")
        assert app.theme == "llm-high-contrast"
    app = LessonApp(lesson, PlayerOptions(state=state))
    async with app.run_test(size=(120, 40)):
        assert app.theme == "llm-high-contrast"
    app = LessonApp(lesson, PlayerOptions(state=state, theme="nord"))
    async with app.run_test(size=(120, 40)):
        assert app.theme == "nord"  # --theme wins over memory


@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"\xff\xfe\x00garbage", b"[]", b'{"positions": [1, 2]}', b'{"theme": 7}', b"null"],
)
async def test_a_broken_state_file_is_ignored_with_a_notice(
    lesson: Lesson, tmp_path: Path, content: bytes
) -> None:
    state = store(tmp_path)
    state.path.parent.mkdir(parents=True)
    state.path.write_bytes(content)
    memory, problem = state.load()
    assert memory == Memory()
    assert problem is not None and "ignored" in problem
    app = LessonApp(lesson, PlayerOptions(state=state))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for(pilot, lambda: "ignored" in screen_text(app))
        await pilot.press("space")
        assert player(app).tour.counter == "Step 1 / 6"
        await pilot.press("q")
    # The broken file was replaced by a good one.
    assert json.loads(state.path.read_text(encoding="utf-8"))["positions"]


async def test_an_unwritable_state_directory_is_survived(lesson: Lesson, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x", encoding="utf-8")
    state = StateStore(blocker / "state.json")  # its parent is a file: cannot write
    assert state.save(Memory()) is not None
    app = LessonApp(lesson, PlayerOptions(state=state))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("space")
        await wait_for(pilot, lambda: "could not" in screen_text(app))
        await pilot.press("right")
        assert player(app).tour.counter == "Step 2 / 6"


def test_saving_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    state = store(tmp_path)
    for n in range(20):
        assert state.save(Memory({"lesson": f"step-{n}"}, "llm-light")) is None
    assert state.load() == (Memory({"lesson": "step-19"}, "llm-light"), None)
    assert sorted(p.name for p in state.path.parent.iterdir()) == ["state.json", "state.json.lock"]


async def test_on_16_colours_the_terminal_palette_is_used_and_the_choice_kept(
    lesson: Lesson, tmp_path: Path
) -> None:
    state = store(tmp_path)
    app = LessonApp(lesson, PlayerOptions(state=state, colours="standard", theme="light"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "llm-ansi-light"
        await pilot.press("t")
        assert app.theme == "llm-ansi-dark"
        await pilot.press("t")
        assert app.theme == "llm-ansi-light"
    # Remembered by its full-colour name: a truecolor terminal next time gets that.
    app = LessonApp(lesson, PlayerOptions(state=state))
    async with app.run_test(size=(80, 24)):
        assert app.theme == "llm-light"


async def test_the_theme_names_the_help_uses_work_on_the_command_line(lesson: Lesson) -> None:
    for name, theme in (("light", "llm-light"), ("high-contrast", "llm-high-contrast")):
        app = LessonApp(lesson, PlayerOptions(theme=name))
        async with app.run_test(size=(80, 24)):
            assert app.theme == theme


async def test_two_players_sharing_the_state_file_keep_both_places(
    lesson: Lesson, tmp_path: Path
) -> None:
    """Both start from the same file; each saves its own lesson's place. The last
    writer used to win, and the first player's place was lost."""
    other = tmp_path / "other"
    other.mkdir()
    second = load_lesson(write_lesson(other, 5))[0]
    state = store(tmp_path)
    one = LessonApp(lesson, PlayerOptions(state=state))
    two = LessonApp(second, PlayerOptions(state=StateStore(state.path)))
    async with one.run_test(size=(80, 24)) as first, two.run_test(size=(80, 24)) as then:
        await first.press("4")
        await then.press("3")
        await first.press("q")
        await then.press("t", "q")
    memory, problem = state.load()
    assert problem is None
    assert memory.positions[lesson_key(lesson)] == lesson.steps[3].id
    assert memory.positions[lesson_key(second)] == second.steps[2].id
    assert memory.theme == "llm-light"  # the one player that changed it


def test_a_save_merges_only_what_changed(tmp_path: Path) -> None:
    state = store(tmp_path)
    assert state.save(Memory({"a": "1", "b": "1"}, "llm-dark")) is None
    stale = Memory({"a": "1", "b": "1"}, "llm-dark")  # read before the next save
    assert state.save(Memory({"a": "2", "b": "1"}, "llm-dark"), changed={"a"}) is None
    stale.positions["b"] = "9"
    assert state.save(stale, changed={"b"}, theme=False) is None
    assert state.load()[0] == Memory({"a": "2", "b": "9"}, "llm-dark")
