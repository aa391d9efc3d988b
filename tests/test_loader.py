"""The built-in lesson is the course page, faithfully; broken lessons say where and why."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from llm_landscape.lesson.loader import LessonError, load_lesson
from llm_landscape.lesson.model import Lesson

from .conftest import SEED


def seed_steps() -> list[dict[str, str]]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = lines.index("Step- / 6") + 1
    keys = ("icon", "title", "subtitle", "heading", "body", "insight", "code_title", "code")
    steps = []
    for n in range(6):
        chunk = lines[start + 8 * n : start + 8 * n + 8]
        steps.append(dict(zip(keys, chunk, strict=True)))
    return steps


needs_seed = pytest.mark.skipif(not SEED.exists(), reason="course seed not beside the repo")


def test_builtin_lesson_title_card(lesson: Lesson) -> None:
    assert lesson.heading == "Ch 14 — The LLM Landscape"
    assert lesson.subtitle == (
        "Capstone — the major players, open vs closed, what’s next, "
        "and connecting everything you’ve learned"
    )
    assert lesson.badge == "Capstone"
    assert [s.label for s in lesson.steps] == [
        "Players", "Open", "Closed", "Agents", "Recap", "Future"
    ]  # fmt: skip
    assert [s.icon for s in lesson.steps] == [
        "public", "lock_open", "lock", "build", "map", "rocket_launch"
    ]  # fmt: skip


@needs_seed
@pytest.mark.parametrize("index", range(6))
def test_step_matches_the_course_page(lesson: Lesson, index: int) -> None:
    seed = seed_steps()[index]
    step = lesson.steps[index]
    assert step.icon == seed["icon"]
    assert step.title == seed["title"]
    assert step.subtitle == seed["subtitle"]
    assert step.heading == seed["heading"]
    assert step.body == seed["body"]
    assert "Key insight: " + step.insight == seed["insight"]
    assert step.code is not None
    assert step.code.title == seed["code_title"]
    # The seed lost its line breaks: compare with whitespace normalised.
    assert step.code.source.split() == seed["code"].split()
    # ...and check the breaks were restored: every "# " comment starts a line.
    for line in step.code.source.splitlines():
        assert " # " not in line.strip(), line


def test_agent_loop_is_valid_python(lesson: Lesson) -> None:
    code = lesson.steps[3].code
    assert code is not None and code.language == "python"
    tree = ast.parse(code.source)
    loop = tree.body[0]
    assert isinstance(loop, ast.While)
    assert ast.unparse(loop.test) == "not done"


def _errors(tmp_path: Path, text: str | bytes, name: str = "lesson.yaml") -> list[str]:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(LessonError) as caught:
        load_lesson(path)
    return [d.format() for d in caught.value.diagnostics]


STEP = "  - {id: a, label: A, title: T, body: B}\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "title: no\nsteps:\n" + STEP,
            "lesson.yaml:1:8: error: 'title' must be text, but YAML reads no as a true/false value; put it in quotes",
        ),
        (
            "title: 2024\nsteps:\n" + STEP,
            "lesson.yaml:1:8: error: 'title' must be text, but YAML reads 2024 as a number",
        ),
        (
            "title: T\nsubtitle: 2025-01-01\nsteps:\n" + STEP,
            "lesson.yaml:2:11: error: 'subtitle' must be text, but YAML reads 2025-01-01 as a date",
        ),
        (
            "title: T\nsteps:\n  - {id: 0x1F, label: A, title: T, body: B}\n",
            "lesson.yaml:3:10: error: 'id' must be text",
        ),
        (
            "title: T\nsteps:\n  - {id: a, label: on, title: T, body: B}\n",
            "lesson.yaml:3:20: error: 'label' must be text, but YAML reads on as a true/false value",
        ),
        (
            "titel: T\nsteps:\n" + STEP,
            "lesson.yaml:1:1: error: unknown key 'titel' in the lesson; did you mean 'title'?",
        ),
        ("title: T\nsteps: []\n", "lesson.yaml:2:8: error: 'steps' is empty"),
        ("title: T\nsteps: {a: 1}\n", "lesson.yaml:2:8: error: 'steps' must be a list"),
        ("title: T\n", "lesson.yaml:1:1: error: the lesson is missing 'steps'"),
        (
            "title: T\ntitle: U\nsteps:\n" + STEP,
            "lesson.yaml:2:1: error: duplicate key 'title' (first set on line 1)",
        ),
        ("title: T\nsteps:\n" + STEP + STEP, "lesson.yaml:4:10: error: the id 'a' is already used"),
        ("", "lesson.yaml:1:1: error: the file is empty"),
        (
            "- a\n- b\n",
            "lesson.yaml:1:1: error: expected 'key: value' lines at the top level, found a list",
        ),
        ("title: T\n\tsteps: []\n", "lesson.yaml:2:1: error: a tab is used for indentation"),
        ('title: "T\nsteps: []\n', "lesson.yaml:1:8: error: the file ends inside a quoted"),
        ("title: a: b\nsteps: []\n", "lesson.yaml:1:9: error: unexpected ':'"),
        (
            "title: !!python/object:os.system T\nsteps:\n" + STEP,
            "lesson.yaml:1:8: error: the tag !!python/object:os.system is not allowed",
        ),
        (
            "title: &t T\nsubtitle: *t\nsteps:\n" + STEP,
            "lesson.yaml:2:11: error: aliases (*t) are not supported",
        ),
        (
            "title: T\nsteps:\n  - ../outside.yaml\n",
            "lesson.yaml:3:5: error: this step path leads outside the lesson directory",
        ),
        (
            "title: T\nsteps:\n  - /etc/passwd\n",
            "lesson.yaml:3:5: error: step paths must be relative",
        ),
        (
            "title: T\nsteps:\n  - nowhere.yaml\n",
            "lesson.yaml:3:5: error: no step file 'nowhere.yaml'",
        ),
        (
            "title: T\nsteps:\n  - {id: a, label: A, title: T, body: B, dwell: -1}\n",
            "lesson.yaml:3:49: error: 'dwell' must be a number of seconds",
        ),
        (
            "title: T\nsteps:\n  - {id: a, label: A, title: T}\n",
            "lesson.yaml:3:5: error: a step is missing 'body'",
        ),
        (b"title: caf\xe9\nsteps: []\n", "lesson.yaml:1:11: error: byte 0xe9 is not valid UTF-8"),
        (b"\xff\xfet\x00i\x00", "lesson.yaml: error: is UTF-16 encoded; save it as UTF-8"),
        (b"title: T\x00\n", "lesson.yaml:1:9: error: contains a NUL byte"),
    ],
)
def test_invalid_lessons_point_at_the_problem(tmp_path: Path, text: str, expected: str) -> None:
    errors = _errors(tmp_path, text)
    assert any(e.startswith(str(tmp_path / expected)) for e in errors), errors


def test_every_error_is_reported_at_once_with_a_caret(tmp_path: Path) -> None:
    errors = _errors(tmp_path, "title: no\nbadge: [x]\nsteps: []\n")
    assert len(errors) == 3
    first = errors[0].splitlines()
    assert first[1] == "    title: no"
    assert first[2] == "           ^"


def test_utf8_bom_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "l.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: T\nsteps:\n" + STEP.encode())
    assert load_lesson(path)[0].title == "T"


def test_step_symlink_out_of_the_lesson_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: a\nlabel: A\ntitle: T\nbody: B\n", encoding="utf-8")
    lesson_dir = tmp_path / "lesson"
    lesson_dir.mkdir()
    (lesson_dir / "step.yaml").symlink_to(outside)
    (lesson_dir / "lesson.yaml").write_text("title: T\nsteps:\n  - step.yaml\n", encoding="utf-8")
    with pytest.raises(LessonError) as caught:
        load_lesson(lesson_dir)
    assert "leads outside the lesson directory" in caught.value.format()


def test_unknown_icon_and_language_are_warnings(tmp_path: Path) -> None:
    path = tmp_path / "l.yaml"
    path.write_text(
        "title: T\nsteps:\n  - id: a\n    label: A\n    title: T\n    body: B\n"
        "    icon: nope\n    code: {language: klingon, source: x}\n",
        encoding="utf-8",
    )
    lesson, warnings = load_lesson(path)
    assert lesson.steps[0].code is not None
    assert lesson.steps[0].code.language == "text"
    assert [w.message.split(";")[0] for w in warnings] == [
        "unknown icon 'nope'",
        "unknown language 'klingon'",
    ]


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\u0085"])
def test_yaml_only_line_breaks_keep_positions_right_and_hidden_keys_loud(
    tmp_path: Path, brk: str
) -> None:
    """libyaml ends a line at U+2028, U+2029 and U+0085; editors mostly do not.
    Positions must be the editor's, and a key after one in a comment is warned of."""
    path = tmp_path / "lesson.yaml"
    path.write_text(
        f"title: T\n# a note{brk}subtitle: hidden\nsteps:\n  - id: a\n    label: A\n"
        "    title: T\n    body: B\n    bogus: 1\n",
        encoding="utf-8",
    )
    with pytest.raises(LessonError) as raised:
        load_lesson(path)
    by_message = {d.message.split(";")[0]: d for d in raised.value.diagnostics}
    bogus = next(d for m, d in by_message.items() if "unknown key 'bogus'" in m)
    assert (bogus.line, bogus.column) == (8, 5)  # as an editor counts: 8 lines
    assert bogus.source_line == "    bogus: 1"
    path.write_text(path.read_text(encoding="utf-8").replace("    bogus: 1\n", ""), "utf-8")
    lesson, warnings = load_lesson(path)
    assert lesson.subtitle == "hidden"  # what YAML reads...
    hidden = [w for w in warnings if f"U+{ord(brk):04X}" in w.message]
    assert hidden and (hidden[0].line, hidden[0].column) == (2, 9)  # ...is said, where it is


CHECK_STEP = "title: Q\nsteps:\n  - id: a\n    label: A\n    title: T\n    body: B\n    check:\n"


@pytest.mark.parametrize(
    ("check", "expected"),
    [
        ("      - question: Q\n        choices: [a, b, b]\n        answer: 1\n",
         "9:25: error: the choice 'b' is given twice"),
        ("      - question: Q\n        choices: [a]\n        answer: 1\n",
         "9:18: error: a question has 2 to 6 choices, not 1"),
        ("      - question: Q\n        choices: [a, b, c, d, e, f, g]\n        answer: 1\n",
         "9:18: error: a question has 2 to 6 choices, not 7"),
        ("      - question: Q\n        choices: [a, b]\n        answer: 3\n",
         "10:17: error: answer 3 is not a choice: give 1 to 2"),
        ("      - question: Q\n        choices: [a, b]\n        answer: c\n",
         "10:17: error: answer 'c' is none of the choices"),
        ("      - question: Q\n        choices: [a, b]\n        answer: 1\n        kind: guess\n",
         "11:15: error: unknown kind 'guess'; the one kind is 'predict'"),
        ("      - question: Q\n        choices: [a, b]\n",
         "8:9: error: a question is missing 'answer'"),
        ("      - Q\n", "8:9: error: each question is a mapping"),
        ("      question: Q\n", "8:7: error: 'check' must be a list of questions"),
    ],
)  # fmt: skip
def test_bad_questions_are_errors_at_their_place(tmp_path: Path, check: str, expected: str) -> None:
    path = tmp_path / "lesson.yaml"
    path.write_text(CHECK_STEP + check, encoding="utf-8")
    with pytest.raises(LessonError) as raised:
        load_lesson(path)
    assert expected in raised.value.format()


def test_questions_load_with_answers_by_number_or_text(tmp_path: Path) -> None:
    path = tmp_path / "lesson.yaml"
    path.write_text(
        CHECK_STEP
        + "      - question: Which?\n        choices: [one, two]\n        answer: 2\n"
        + "        explain: Because.\n"
        + "      - question: Guess\n        kind: predict\n        choices: [x, y, z]\n"
        + "        answer: z\n",
        encoding="utf-8",
    )
    (step,) = load_lesson(path)[0].steps
    first, second = step.check
    assert (first.choices, first.answer, first.explain, first.predict) == (
        ("one", "two"), 1, "Because.", False
    )  # fmt: skip
    assert (second.answer, second.predict) == (2, True)


def test_the_capstone_asks_two_or_three_questions_a_step_and_predicts_twice(
    lesson_with_questions: Lesson,
) -> None:
    lesson = lesson_with_questions
    assert all(2 <= len(step.check) <= 3 for step in lesson.steps)
    assert sum(question.predict for step in lesson.steps for question in step.check) >= 2
    for step in lesson.steps:  # the right answer is not always in the same place
        assert len({question.answer for question in step.check}) > 1, step.id
