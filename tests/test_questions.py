"""Self-check questions in the player: answer, retry, predict, and Play."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from llm_landscape.lesson.loader import load_lesson
from llm_landscape.lesson.model import Lesson
from llm_landscape.player.app import LessonApp, PlayerOptions
from llm_landscape.player.widgets.check_list import CheckList
from llm_landscape.player.widgets.play_clock import PlayClock
from llm_landscape.player.widgets.prose_pane import ProsePane
from llm_landscape.player.widgets.status_bar import StatusBar

from .conftest import player, screen_text, settled, wait_for


def step_hidden(app: LessonApp) -> bool:
    """The step's prose is nowhere on screen (behind its guess)."""
    step = player(app).lesson.steps[player(app).tour.current or 0]
    return step.body.strip() not in screen_text(app)


LESSON = """\
title: Q
steps:
  - id: first
    label: First
    title: The first step
    body: "Plain text, no questions."
  - id: asks
    label: Asks
    title: A step that asks
    body: "Paris is the capital of France."
    check:
      - question: "What is the capital of France?"
        choices: [Lyon, Paris, Nice]
        answer: 2
        explain: "The step says so."
      - question: "And is it a city?"
        choices: ["yes", "no"]
        answer: "yes"
  - id: guess
    label: Guess
    title: A step that opens on a guess
    body: "The answer is 42."
    check:
      - question: "Guess the answer"
        kind: predict
        choices: ["7", "42"]
        answer: 2
  - id: last
    label: Last
    title: The last step
    body: "The end."
"""


def lesson(tmp_path: Path) -> Lesson:
    path = tmp_path / "lesson.yaml"
    path.write_text(LESSON, encoding="utf-8")
    return load_lesson(path)[0]


async def test_answer_wrong_then_retry_then_right(tmp_path: Path) -> None:
    app = LessonApp(lesson(tmp_path), PlayerOptions(start_step=1))
    async with app.run_test(size=(100, 30)) as pilot:
        checks = app.query_one(CheckList)
        assert checks.display and "What is the capital of France?" in checks.text
        checks.focus()
        await pilot.pause()
        status = app.query_one(StatusBar)
        assert "1–3 answer" in status.text and "jump" not in status.text  # what digits do here
        await pilot.press("1")  # wrong: Lyon
        assert "✗ 1) Lyon" in checks.text and "Not quite: try another." in checks.text
        assert "The step says so." in checks.text  # the explanation, at once
        assert player(app).answers == {"asks": {0: 0}}
        await pilot.press("3")  # another wrong one
        await pilot.press("2")  # right
        assert "✓ 2) Paris" in checks.text and "Right." in checks.text
        assert player(app).tour.counter == "Step 2 / 4"  # digits answered, never jumped
        await pilot.press("enter")  # on to the next question
        assert "And is it a city?" in checks.text
        await pilot.press("down", "up", "enter")  # ↑/↓ and Enter answer too
        assert "✓ 1) yes" in checks.text
        await pilot.press("enter")
        assert "all 2 answered right" in checks.text


async def test_a_predict_question_comes_first_and_answering_reveals_the_step(
    tmp_path: Path,
) -> None:
    app = LessonApp(lesson(tmp_path), PlayerOptions(start_step=2))
    async with app.run_test(size=(100, 30)) as pilot:
        checks = app.query_one(CheckList)
        assert step_hidden(app)  # the step is hidden behind its question
        assert app.focused is checks  # so a digit answers rather than jumps
        assert "Before you read" in checks.text and "Show me the step" in checks.text
        await pilot.press("1")  # a wrong guess still reveals the step
        await pilot.pause()
        assert not step_hidden(app)
        assert "✗ 1) 7" in checks.text and "Not quite." in checks.text


async def test_the_bottom_line_says_what_the_keys_do_at_each_turn_of_a_question(
    tmp_path: Path,
) -> None:
    def hint() -> str:
        return " ".join(app.query_one(StatusBar).text.split())

    app = LessonApp(lesson(tmp_path), PlayerOptions(start_step=2))
    async with app.run_test(size=(100, 30)) as pilot:
        assert "1–2 guess 3 show me the step" in hint() and "Tab" not in hint()
        await pilot.press("tab")  # nothing else takes focus while the step is veiled
        assert app.focused is app.query_one(CheckList) and step_hidden(app)
        await pilot.press("1")
        assert "Enter go on Tab leave the question" in hint()
        await pilot.press("enter")  # the step's only question: the step's own keys again
        assert "1–4 jump" in hint()
        await pilot.press("left", "a")  # the step before asks two
        assert "1–3 answer Tab leave the question" in hint()
        await pilot.press("1")
        assert "1–3 try another Tab leave the question" in hint()
        await pilot.press("2", "enter")
        assert "1–2 answer" in hint()
        await pilot.press("tab")
        assert "jump" in hint() and "answer" not in hint()


async def test_the_digit_after_a_guess_s_choices_shows_the_step(tmp_path: Path) -> None:
    app = LessonApp(lesson(tmp_path), PlayerOptions(start_step=2))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")  # after "1) 7" and "2) 42": "Show me the step"
        await pilot.pause()
        assert not step_hidden(app)
        assert player(app).answers == {"guess": {0: -1}}  # seen, not guessed


async def test_show_me_reveals_the_step_without_a_guess(tmp_path: Path) -> None:
    app = LessonApp(lesson(tmp_path), PlayerOptions(start_step=2))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "down", "enter")  # onto "Show me the step"
        await pilot.pause()
        assert not step_hidden(app)
        await pilot.press("left", "right")  # and back: not asked again
        assert not step_hidden(app)


async def test_space_and_the_arrows_still_move_past_a_question(tmp_path: Path) -> None:
    app = LessonApp(lesson(tmp_path), PlayerOptions(start_step=1))
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one(CheckList).focus()
        await pilot.press("space")
        assert player(app).tour.counter == "Step 3 / 4"
        await pilot.press("right")
        assert player(app).tour.counter == "Step 4 / 4"
        assert not app.query_one(CheckList).display  # a step without questions
        await pilot.pause()
        assert "1–4 jump" in app.query_one(StatusBar).text  # digits jump again


async def test_play_waits_at_a_question_and_goes_on_once_answered(tmp_path: Path) -> None:
    app = LessonApp(lesson(tmp_path), PlayerOptions(start_step=1))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = player(app)
        await pilot.press("p")
        assert screen.playing
        app.query_one(PlayClock).start(0.01)  # the step's time is up
        await wait_for(pilot, lambda: not screen.playing)
        assert screen.tour.counter == "Step 2 / 4"  # stopped at the question
        checks = app.query_one(CheckList)
        assert app.focused is checks
        await pilot.press("2", "enter")
        assert screen.tour.counter == "Step 2 / 4"  # one of two answered: still waiting
        await pilot.press("1")
        await wait_for(pilot, lambda: screen.tour.counter == "Step 3 / 4")
        assert screen.playing  # and Play goes on


async def test_answers_survive_a_restart_and_a_predict_is_not_asked_twice(tmp_path: Path) -> None:
    from llm_landscape.player.state import StateStore

    shown = lesson(tmp_path)
    state = StateStore(tmp_path / "state" / "state.json")
    app = LessonApp(shown, PlayerOptions(start_step=1, state=state))
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one(CheckList).focus()
        await pilot.press("2", "enter", "1")  # both of step 2's, right
        await pilot.press("right", "2")  # step 3's guess
    app = LessonApp(shown, PlayerOptions(start_step=1, state=StateStore(state.path)))
    async with app.run_test(size=(100, 30)) as pilot:
        assert player(app).answers == {"asks": {0: 1, 1: 0}, "guess": {0: 1}}
        assert "all 2 answered right" in app.query_one(CheckList).text
        await pilot.press("right")
        assert not step_hidden(app)  # guessed last time: the step shows


def test_reset_forgets_place_and_answers_after_asking(tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    from llm_landscape.player.state import Memory, StateStore, lesson_key

    shown = lesson(tmp_path)
    state_dir = tmp_path / "state"
    store = StateStore(state_dir / "state.json")
    key = lesson_key(shown)
    store.save(Memory({key: "asks", "other": "x"}, None, {key: {"asks": {"0": [1, 1.0]}}}))
    env = {**os.environ, "LLM_LANDSCAPE_STATE_DIR": str(state_dir)}

    def reset(*extra: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "llm_landscape", "--reset", str(shown.path), *extra]
        return subprocess.run(
            command, capture_output=True, text=True, timeout=60, env=env, stdin=subprocess.DEVNULL
        )

    refused = reset()
    assert refused.returncode == 2 and "add --yes" in refused.stderr  # no terminal to ask
    assert key in json.loads(store.path.read_text())["positions"]
    done = reset("--yes")
    assert done.returncode == 0 and "Forgot your place and answers" in done.stdout
    kept = json.loads(store.path.read_text())
    assert key not in kept["positions"] and key not in kept["progress"]
    assert kept["positions"] == {"other": "x"}  # another lesson's place stays


async def test_the_step_bar_overview_and_end_card_show_the_score(tmp_path: Path) -> None:
    from llm_landscape.player.screens.end import EndScreen
    from llm_landscape.player.screens.overview import OverviewScreen
    from llm_landscape.player.widgets.step_bar import StepBar

    app = LessonApp(lesson(tmp_path), PlayerOptions(start_step=1))
    async with app.run_test(size=(120, 30)) as pilot:
        checks = app.query_one(CheckList)
        checks.focus()
        await pilot.press("2", "enter", "1")  # step 2: both right
        await pilot.press("right", "1")  # step 3: the guess, wrong
        await pilot.press("right")
        bar = app.query_one(StepBar).text
        assert "Asks✦" in bar and "Guess✓" in bar  # all right, against only visited
        await pilot.press("o")
        assert isinstance(app.screen, OverviewScreen)
        assert app.screen.query_one("#outline").border_title == "Overview · 2 of 3 questions right"
        outline = "\n".join(str(o.prompt) for o in app.screen.query_one("#outline")._options)
        assert "[2/2 right]" in outline and "[0/1 right]" in outline
        await pilot.press("escape", "space")  # past the last step: the end card
        assert isinstance(app.screen, EndScreen)
        text = app.screen.query_one("Static").render()
        shown = str(text)
        assert "Questions: 2 of 3 answered right." in shown
        assert "Still open" not in shown  # the wrong guess was a guess: not asked again
        await pilot.press("2")  # step 2 has nothing open: not a way back
        assert isinstance(app.screen, EndScreen)


async def test_the_end_card_lists_open_questions_with_a_way_back(tmp_path: Path) -> None:
    from llm_landscape.player.screens.end import EndScreen

    app = LessonApp(lesson(tmp_path), PlayerOptions(start_step=3))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("space")
        assert isinstance(app.screen, EndScreen)
        shown = str(app.screen.query_one("Static").render())
        assert "Questions: 0 of 3 answered right." in shown
        assert "2 · Asks: What is the capital of France?" in shown
        await pilot.press("2")
        assert not isinstance(app.screen, EndScreen)
        assert player(app).tour.counter == "Step 2 / 4"


async def test_the_title_card_offers_the_first_step_with_questions_open(tmp_path: Path) -> None:
    from llm_landscape.player.state import StateStore
    from llm_landscape.player.widgets.title_card import TitleCard

    shown = lesson(tmp_path)
    state = StateStore(tmp_path / "state" / "state.json")
    app = LessonApp(shown, PlayerOptions(start_step=1, state=state))
    async with app.run_test(size=(100, 30)) as pilot:
        app.query_one(CheckList).focus()
        await pilot.press("2")  # one of step 2's two questions, right
    app = LessonApp(shown, PlayerOptions(state=StateStore(state.path)))
    async with app.run_test(size=(100, 30)) as pilot:
        card = app.query_one(TitleCard).text
        assert "Resume at step 2 — press r" in card
        assert "Step 2 has 1 question still open — press u" in card
        await pilot.press("u")
        assert player(app).tour.counter == "Step 2 / 4"
        assert "And is it a city?" in app.query_one(CheckList).text  # the open one


async def test_help_on_a_question_lists_its_digits(tmp_path: Path) -> None:
    from textual.geometry import Region
    from textual.widgets import Static

    app = LessonApp(lesson(tmp_path), PlayerOptions(start_step=1))
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one(CheckList).focus()
        await pilot.press("question_mark")
        help_text = app.screen.query_one(Static)
        table = "\n".join(s.text for s in help_text.render_lines(Region(0, 0, *help_text.size)))
        assert "1–3" in table and "Answer with that choice" in table  # three choices: 1-3
        assert "Focus Next" not in table and "Copy selected text" not in table
        assert "Tab  Shift+Tab" in table


async def test_in_a_short_terminal_a_question_waits_as_one_line_and_a_opens_it(
    lesson_with_questions: Lesson,
) -> None:
    app = LessonApp(lesson_with_questions, PlayerOptions(start_step=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        checks, prose = app.query_one(CheckList), app.query_one("#prose")
        assert checks.text == "Check yourself · 1 of 3 · a to answer"
        reading = prose.size.height
        await pilot.press("a")  # to the question, past the panes Tab would visit first
        await pilot.pause()
        assert app.focused is checks
        assert "Which does the step point them to?" in checks.text
        assert prose.size.height < reading  # the question takes its rows only now
        await pilot.press("2")  # answers, never jumps
        assert player(app).tour.counter == "Step 3 / 6"
        await pilot.press("tab")  # away: one line again, saying how it went
        await pilot.pause()
        assert checks.text == "Check yourself · 1 of 3: right · a to go on"
        assert prose.size.height == reading


async def test_a_tall_terminal_shows_the_question_in_full_and_a_resize_folds_it(
    lesson_with_questions: Lesson,
) -> None:
    app = LessonApp(lesson_with_questions, PlayerOptions(start_step=2))
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        checks = app.query_one(CheckList)
        assert "Which does the step point them to?" in checks.text
        assert "(press a first)" in checks.text
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: checks.text.endswith("a to answer"))


async def test_a_does_nothing_where_there_is_no_question(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert app.focused is None
        assert player(app).tour.counter == "Step 3 / 6"


async def test_help_lists_a_only_where_a_question_is_open(lesson_with_questions: Lesson) -> None:
    from textual.geometry import Region
    from textual.widgets import Static

    def help_table() -> str:
        shown = app.screen.query_one(Static)
        strips = shown.render_lines(Region(0, 0, *shown.size))
        return "\n".join(strip.text for strip in strips)

    app = LessonApp(lesson_with_questions, PlayerOptions(start_step=2))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        table = help_table()
        assert "Answer the step's question" in table
        assert "Download the lesson (HTML)" in table
        await pilot.press("escape", "home")
        await wait_for(pilot, lambda: player(app).tour.counter == "Step 1 / 6")
        first = lesson_with_questions.steps[0]  # all of its questions answered right
        player(app).answers[first.id] = {n: q.answer for n, q in enumerate(first.check)}
        await pilot.press("question_mark")
        assert "Answer the step's question" not in help_table()


async def test_beneath_the_card_step_1_waits_drawn_and_its_question_takes_focus_on_space(
    lesson_with_questions: Lesson, tmp_path: Path
) -> None:
    """Step 1 is shown under the title card, so Space only uncovers it; its
    question (a guess before the step) must not take the card's keys meanwhile."""
    from llm_landscape.player.state import StateStore

    options = PlayerOptions(state=StateStore(tmp_path / "state.json"))
    app = LessonApp(lesson_with_questions, options)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: player(app).step_view is not None)
        view = player(app).step_view
        assert view is not None and view.index == 0  # beneath the card already
        await pilot.pause()
        assert app.focused is None  # the card's keys are the card's
        await pilot.press("space")
        assert player(app).tour.counter == "Step 1 / 6"
        assert app.focused is app.query_one(CheckList)  # the guess comes first, as before


async def test_a_digit_on_the_card_jumps_though_a_question_waits_beneath(
    lesson_with_questions: Lesson, tmp_path: Path
) -> None:
    from llm_landscape.player.state import StateStore

    options = PlayerOptions(state=StateStore(tmp_path / "state.json"))
    app = LessonApp(lesson_with_questions, options)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: player(app).step_view is not None)
        await pilot.pause()
        await pilot.press("3")
        await wait_for(pilot, lambda: player(app).tour.counter == "Step 3 / 6")


GUESS_FIRST = """\
title: G
steps:
  - id: guess
    label: Guess
    title: A step that opens on a guess
    body: "The answer is 42."
    code: {language: python, source: "answer = 42"}
    check:
      - question: "Guess the answer"
        kind: predict
        choices: ["7", "42"]
        answer: 2
        explain: >-
          Answered, the question's panel grows by these lines of explanation, long
          enough to take three rows at 120 columns, so that the panes above it give
          up those rows, and the prose pane, whose one line of text fits either way,
          is shorter than it was laid out beneath the question; it needs no scrollbar.
  - id: next
    label: Next
    title: The step after it
    body: "Plain prose after the guess."
    code: {language: python, source: "print('a')\\nprint('b')\\nprint('c')"}
"""


def guess_first(tmp_path: Path, start_step: int | None = None) -> LessonApp:
    path = tmp_path / "guess.yaml"
    path.write_text(GUESS_FIRST, encoding="utf-8")
    return LessonApp(load_lesson(path)[0], PlayerOptions(start_step=start_step))


START = pytest.mark.parametrize(
    "start_step", [None, 0], ids=["from the title card", "started on it (--step 1)"]
)
"""On from the title card, beneath which the step was laid out; or started on
the guess, its panes never shown before it."""


async def onto_the_guess(pilot: Pilot[None], app: LessonApp) -> None:
    """To step 1, its panes hidden behind the guess (from the title card, if
    the player started there)."""
    await pilot.pause(0.2)  # the step view, laid out beneath the title card
    if player(app).tour.current is None:
        await pilot.press("space")
    await wait_for(pilot, lambda: step_hidden(app))
    await settled(pilot)


@START
async def test_leaving_a_guess_lays_the_screen_out_once(
    tmp_path: Path, start_step: int | None
) -> None:
    """The panes hidden behind a guess keep their size: showing them again is
    one layout, whose frame has the next step's text (it took two, the text
    coming ~60 ms after the key, when the panes had been laid out at no size)."""
    app = guess_first(tmp_path, start_step)
    async with app.run_test(size=(120, 40)) as pilot:
        await onto_the_guess(pilot, app)
        layouts: list[object] = []
        screen = player(app)
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)
        await pilot.press("space")
        await pilot.pause(0.3)  # past the neighbours' preparing and any later pass
        assert screen.tour.counter == "Step 2 / 2"
        assert "Plain prose after the guess." in "\n".join(app.query_one(ProsePane).text)
        assert len(layouts) == 1


@START
async def test_answering_a_guess_shows_the_step_in_the_first_layout(
    tmp_path: Path, start_step: int | None
) -> None:
    """The layout the answer asks for shows the step with its text and no
    scrollbar: it showed the panes empty, laid out at no size, until a second
    layout; and the prose pane, shorter under the answered question, showed a
    scrollbar for text that fits, taken away in a second layout."""
    app = guess_first(tmp_path, start_step)
    async with app.run_test(size=(120, 40)) as pilot:
        await onto_the_guess(pilot, app)
        prose = app.query_one(ProsePane)
        seen: list[tuple[bool, bool, bool]] = []

        def laid_out(_: object) -> None:
            shown = prose.size.width > 0 and not step_hidden(app)
            text = "The answer is 42." in "\n".join(prose.text)
            seen.append((shown, text, prose.show_vertical_scrollbar))

        screen = player(app)
        screen.screen_layout_refresh_signal.subscribe(screen, laid_out)
        await pilot.press("2")  # the right guess: the step shows
        await pilot.pause(0.3)
        assert seen and seen[0] == (True, True, False)


LONG_CODE = "\\n".join(f"line_{n} = {n}" for n in range(60))
SHRINKS = f"""\
title: S
steps:
  - id: plain
    label: Plain
    title: No question
    body: "Short prose that fits."
    code: {{language: python, source: "{LONG_CODE}"}}
  - id: asks
    label: Asks
    title: A question under the step
    body: "Short prose that fits, above a tall question."
    code: {{language: python, source: "{LONG_CODE}"}}
    check:
      - question: "Which of these choices, each long enough to take a row of its own, is right?"
        choices: ["The first of them", "The second of them", "The third", "The fourth"]
        answer: 1
"""


async def test_panes_shortened_by_a_question_are_laid_out_once(tmp_path: Path) -> None:
    """The question under the next step shortens the panes: the prose pane's
    scrollbar was decided against its content padded to the taller view it
    had, shown for text that fits and taken away in a second layout; and the
    resized question panel and code panel's scrollbar each asked for one."""
    path = tmp_path / "shrinks.yaml"
    path.write_text(SHRINKS, encoding="utf-8")
    app = LessonApp(load_lesson(path)[0], PlayerOptions(start_step=0))
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        prose, screen = app.query_one(ProsePane), player(app)
        bars: list[bool] = []
        screen.screen_layout_refresh_signal.subscribe(
            screen, lambda _: bars.append(prose.show_vertical_scrollbar)
        )
        await pilot.press("right")
        await pilot.pause(0.3)
        assert screen.tour.counter == "Step 2 / 2"
        assert bars == [False]


async def test_what_an_answer_shows_is_compiled_before_the_answer(tmp_path: Path) -> None:
    """The explanations of the step's questions are compiled while it is read:
    compiled on the answer's key, the first one not in the lesson cache also
    imported markdown-it there (~60 ms from a guess's answer to the step)."""
    app = LessonApp(lesson(tmp_path), PlayerOptions(start_step=1))
    async with app.run_test(size=(100, 30)) as pilot:
        explain = "The step says so."
        await wait_for(pilot, lambda: explain in app.renderings.derived()["prose"])
        assert player(app).answers == {}  # nothing answered yet


def _asks(step: str, question: str) -> str:
    return (
        f"  - id: {step}\n    label: {step}\n    title: Step {step}\n    body: Prose of {step}.\n"
        f'    check:\n      - question: "{question}"\n'
        "        choices: [Red, Green, Blue]\n        answer: 1\n"
    )


TALL_QUESTION = " ".join(["A question long enough to wrap across the panel's rows."] * 6)


def heights_lesson(tmp_path: Path) -> Lesson:
    """Three steps whose questions take a row each, then one whose question wraps."""
    steps = [_asks(s, f"Which colour is {s}?") for s in ("a", "b", "c")]
    text = "title: H\nsteps:\n" + "".join(steps) + _asks("d", TALL_QUESTION)
    (tmp_path / "lesson.yaml").write_text(text, encoding="utf-8")
    return load_lesson(tmp_path / "lesson.yaml")[0]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_question_as_tall_as_the_last_one_lays_nothing_out(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """The panel asks for a layout only when its rows change (at 80×24 an
    unfocused question is a one-line summary, at 120×40 here each question
    takes as many rows), so such a switch only repaints."""
    app = LessonApp(heights_lesson(tmp_path), PlayerOptions(start_step=0))
    async with app.run_test(size=size) as pilot:
        await settled(pilot)
        screen = player(app)
        layouts: list[object] = []
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)
        for key, step in (("right", "b"), ("right", "c"), ("left", "b")):
            await pilot.press(key)
            await pilot.pause(0.2)
            shown = screen_text(app)
            assert f"Step {step}" in shown
            # Below 30 rows the unfocused question is its one-line summary.
            summary = "Check yourself · 1 of 1 · a to answer"
            assert (summary if size[1] < 30 else f"Which colour is {step}?") in shown
        assert layouts == []


async def test_a_taller_question_grows_its_panel_and_a_shorter_one_shrinks_it(
    tmp_path: Path,
) -> None:
    app = LessonApp(heights_lesson(tmp_path), PlayerOptions(start_step=2))
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        checks = app.query_one(CheckList)
        short = checks.size.height
        await pilot.press("right")
        await pilot.pause(0.2)
        shown = screen_text(app)
        assert "Step 4 / 4" in shown
        assert "3) Blue" in shown and "to answer (press a first)" in shown  # its last rows
        assert checks.size.height > short
        await pilot.press("left")
        await pilot.pause(0.2)
        assert "Which colour is c?" in screen_text(app)
        assert checks.size.height == short
