"""Author tools: --watch, --check notes, --export, --new and the JSON Schema."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from llm_landscape.cli import builtin_lesson
from llm_landscape.lesson.loader import LessonError, load_lesson
from llm_landscape.lesson.model import Lesson
from llm_landscape.lesson.navigation import Tour, carry_over
from llm_landscape.outputs.exporter import to_html, to_markdown
from llm_landscape.outputs.json_schema import schema_text
from llm_landscape.outputs.scaffold import ScaffoldError, write_new_lesson
from llm_landscape.player.app import LessonApp, PlayerOptions
from llm_landscape.player.widgets.step_bar import StepBar
from llm_landscape.player.widgets.step_heading import StepHeading

from .conftest import player, screen_text, wait_for, write_lesson

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"


def title(app: LessonApp) -> str:
    """The step title on screen; empty while the app rebuilds its widgets."""
    found = app.query(StepHeading)
    return found.first().title if found else ""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "llm_landscape", *args], capture_output=True, text=True, timeout=60
    )


async def test_watch_reloads_keeps_the_step_and_shows_then_clears_errors(tmp_path: Path) -> None:
    path = write_lesson(tmp_path, 3)
    lesson = load_lesson(path)[0]
    app = LessonApp(lesson, PlayerOptions(watch=True, start_step=1))
    async with app.run_test(size=(120, 40)) as pilot:
        assert title(app) == "Title 2"
        path.write_text(path.read_text(encoding="utf-8").replace("Title 2", "Edited"), "utf-8")
        await wait_for(pilot, lambda: title(app) == "Edited", timeout=15)
        assert player(app).tour.counter == "Step 2 / 3"

        good = path.read_text(encoding="utf-8")
        path.write_text(good.replace('title: "Generated"', "title: no"), encoding="utf-8")
        banner = "#reload-errors"
        await wait_for(pilot, lambda: "Not reloaded" in screen_text(app), timeout=15)
        text = screen_text(app)
        assert "Not reloaded" in text and "generated.yaml:1:8: error: 'title'" in text
        assert title(app) == "Edited"  # the last good lesson

        path.write_text(good.replace("Edited", "Fixed"), encoding="utf-8")
        await wait_for(pilot, lambda: title(app) == "Fixed", timeout=15)
        assert not app.query_one(banner).display
        assert player(app).tour.counter == "Step 2 / 3"


async def test_a_reload_keeps_the_current_and_visited_steps_by_id(tmp_path: Path) -> None:
    path = write_lesson(tmp_path, 3)
    app = LessonApp(load_lesson(path)[0], PlayerOptions(watch=True))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "2")  # s1 and s2 visited, s2 shown
        await wait_for(pilot, lambda: player(app).tour.counter == "Step 2 / 3")
        # The steps reordered s3, s1, s2 and one title edited, in one save.
        text = path.read_text(encoding="utf-8").replace("Title 2", "Edited")
        head, *steps = text.split("  - id: ")
        path.write_text(head + "".join("  - id: " + s for s in (steps[2], steps[0], steps[1])))
        await wait_for(pilot, lambda: title(app) == "Edited", timeout=15)
        assert player(app).tour.counter == "Step 3 / 3"  # s2, now third
        assert app.query_one(StepBar).visited == frozenset({1, 2})  # s1 and s2, moved
        assert player(app).tour.visited == frozenset({1, 2})


def test_carry_over_follows_ids(lesson: Lesson) -> None:
    reordered = Lesson(lesson.title, tuple(reversed(lesson.steps)), lesson.path)
    tour = Tour(6).go(0).go(3)
    moved = carry_over(tour, lesson, reordered)
    assert moved.current == 2  # "agents" is third from the end
    assert moved.visited == frozenset({5, 2})
    shorter = Lesson(lesson.title, lesson.steps[:2], lesson.path)
    assert carry_over(tour, lesson, shorter).current is None  # its step is gone


def test_check_notes_wide_code_tall_prose_and_missing_parts(tmp_path: Path) -> None:
    long_body = " ".join(["word"] * 600)
    wide = "x = '" + "y" * 80 + "'"
    path = tmp_path / "l.yaml"
    path.write_text(
        "title: T\nsteps:\n"
        f"  - {{id: a, label: A, title: T, body: '{long_body}', insight: I,"
        f' code: {{source: "{wide}"}}}}\n'
        "  - {id: b, label: B, title: T, body: B, insight: I, code: {source: x}}\n"
        "  - {id: c, label: C, title: T, body: C}\n",
        encoding="utf-8",
    )
    result = run("--check", str(path))
    assert result.returncode == 0
    assert "note: step 1 (a): code line 1 is 86 columns" in result.stderr
    assert "note: step 1 (a): its prose and code take" in result.stderr
    assert "note: step 3 (c) has no insight, unlike 2 of the 3 steps" in result.stderr
    assert "note: step 3 (c) has no code, unlike 2 of the 3 steps" in result.stderr
    assert "ok, 3 steps, 4 note(s)" in result.stdout


def test_export_markdown_holds_every_step(lesson_with_questions: Lesson, tmp_path: Path) -> None:
    lesson = lesson_with_questions
    text = to_markdown(lesson)
    for step in lesson.steps:
        assert step.title in text and step.body in text and step.insight in text
        assert step.code is not None and step.code.source in text
    assert text.count("> **Key insight:**") == 6
    assert text.count("#### Check yourself") == 6
    target = tmp_path / "out.md"
    assert run("--export", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8") == text


def test_export_html_is_self_contained_and_complete(lesson: Lesson) -> None:
    page = to_html(lesson)
    for forbidden in ("<script", "<link", "src=", "url(", "@import"):
        assert forbidden not in page
    for step in lesson.steps:
        assert "<h2>" in page and step.title.replace("’", "’") in page.replace("&#x27;", "'")
    assert page.count('class="insight"') == 6 and page.count('class="code"') == 6
    assert page.count("<section") == 6
    assert re.search(r'<nav class="steps">.*Players.*Future.*?</nav>', page, re.S)


def test_export_html_neutralises_hostile_text() -> None:
    lesson = load_lesson(CORPUS / "markup-everywhere.yaml")[0]
    page = to_html(lesson)
    assert "<script>x</script>" not in page and "&lt;script&gt;" in page
    assert 'href="file:' not in page


def test_markdown_export_makes_raw_html_text_and_keeps_code(tmp_path: Path) -> None:
    """A Markdown viewer (GitHub's, an editor's preview) renders raw HTML: the
    lesson's tags must reach it as text, its code as written."""
    path = tmp_path / "lesson.yaml"
    path.write_text(
        "title: T\nsteps:\n  - id: a\n    label: A\n    title: A\n    body: |\n"
        "      Hi <script>alert(1)</script>, `<b>code</b>`, <https://example.org>.\n"
        "      <img src=x onerror=alert(1)>\n\n"
        "      ```html\n      <div>kept</div>\n      ```\n"
        "    insight: 'Beware <iframe src=x>'\n",
        encoding="utf-8",
    )
    text = to_markdown(load_lesson(path)[0])
    for raw in ("<script>", "<img", "<iframe"):
        assert raw not in text
    assert "&lt;script>alert(1)&lt;/script>" in text and "&lt;img src=x" in text
    assert "`<b>code</b>`" in text and "<div>kept</div>" in text  # code as written
    assert "<https://example.org>" in text  # an autolink stays a link


def test_html_export_makes_only_web_links_and_anchors_live() -> None:
    from llm_landscape.render.prose import to_html as prose_html

    page = prose_html(
        "[a](https://x.org) [b](mailto:me@x.org) [c](ftp://x) [d](#step-2) [e](ssh://h)"
    )
    assert page.count("<a ") == 2
    assert 'href="https://x.org"' in page and 'href="#step-2"' in page
    assert "[b](mailto:me@x.org)" in page and "[e](ssh://h)" in page


def test_html_export_follows_the_colour_scheme_and_prints_on_white(lesson: Lesson) -> None:
    from rich.color import Color

    from .contrast import ratio

    page = to_html(lesson)
    blocks = {
        "dark": re.search(r":root \{(.*?)\}", page, re.S),
        "light": re.search(r"prefers-color-scheme: light\) \{\s*:root \{(.*?)\}", page, re.S),
        "print": re.search(r"@media print \{\s*:root \{(.*?)\}", page, re.S),
    }
    for name, found in blocks.items():
        assert found, name
        colours = dict(re.findall(r"--([\w-]+): (#[0-9a-f]{3,6})", found.group(1)))
        bg = Color.parse(colours["bg"])
        for text in ("fg", "link", "muted", "accent"):
            assert ratio(Color.parse(colours[text]), bg) >= 4.5, (name, text)
        for frame in ("frame", "code"):
            assert ratio(Color.parse(colours[frame]), bg) >= 3, (name, frame)
        light_page = ratio(bg, Color.parse("#000000")) > 15
        assert light_page == (name != "dark"), name  # printed on white, never dark
    printed = page[page.index("@media print") :]
    assert re.search(r"\.insight, \.code, \.code pre, \.check \{ break-inside: avoid; \}", printed)
    assert "nav.steps { display: none; }" in printed


def test_new_writes_a_valid_lesson_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    written = write_new_lesson(target)
    assert {p.name for p in written} >= {"lesson.yaml", "01-welcome.yaml", "02-next.yaml"}
    lesson, warnings = load_lesson(target)
    assert len(lesson.steps) == 2 and warnings == []
    with pytest.raises(ScaffoldError):
        write_new_lesson(target)
    result = run("--new", str(target))
    assert result.returncode == 1 and "already exists" in result.stderr


def _schema() -> dict[str, object]:
    return json.loads(schema_text())  # type: ignore[no-any-return]


def test_schema_in_docs_is_the_generated_one() -> None:
    assert (ROOT / "docs" / "lesson.schema.json").read_text(encoding="utf-8") == schema_text()
    assert run("--schema").stdout == schema_text()


def test_schema_accepts_the_builtin_lesson() -> None:
    validator = jsonschema.Draft202012Validator(_schema())
    for path in sorted(builtin_lesson().glob("*.yaml")):
        validator.validate(yaml.safe_load(path.read_text(encoding="utf-8")))


# Problems the schema cannot see: they need the file system, the whole lesson,
# the YAML source text, or YAML 1.1 typing (editors read YAML 1.2).
BEYOND_SCHEMA = {
    "absolute-step.yaml", "climbing-step.yaml", "missing-step.yaml", "directory-step.yaml",
    "step-path-nul.yaml",
    "duplicate-id.yaml", "duplicate-key.yaml", "alias.yaml", "two-documents.yaml",
    "yaml11-on.yaml", "yaml11-no.yaml", "yaml11-hex.yaml", "utf16.yaml", "latin1.yaml",
    "nul-byte.yaml", "python-tag.yaml", "custom-tag.yaml", "tab-indent.yaml",
    "unclosed-quote.yaml", "unclosed-bracket.yaml", "stray-colon.yaml", "bad-indent.yaml",
}  # fmt: skip


def test_schema_rejects_what_the_loader_rejects() -> None:
    validator = jsonschema.Draft202012Validator(_schema())
    checked = 0
    for path in sorted(CORPUS.glob("*.yaml")):
        try:
            load_lesson(path)
            continue
        except LessonError:
            pass
        if path.name in BEYOND_SCHEMA:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.stat().st_size else None
        assert not validator.is_valid(data), path.name
        checked += 1
    assert checked >= 10


def test_questions_are_printed_and_exported_answers_after_them(tmp_path: Path) -> None:
    path = tmp_path / "lesson.yaml"
    path.write_text(
        "title: Q\nsteps:\n  - id: a\n    label: A\n    title: T\n    body: B\n    check:\n"
        "      - question: Which <b>one</b>?\n        choices: [one, two]\n        answer: 2\n"
        "        explain: Because two.\n"
        "      - question: Guess\n        kind: predict\n        choices: [x, y]\n"
        "        answer: 2\n",
        encoding="utf-8",
    )
    printed = run("--print", str(path)).stdout
    assert printed.index("Q1. Which <b>one</b>?") < printed.index("Answers:")
    assert "Q2 (before reading the step). Guess" in printed
    assert "Q1: 2) two — Because two." in printed
    lesson = load_lesson(path)[0]
    markdown = to_markdown(lesson)
    assert "<b>" not in markdown and "Which &lt;b>one&lt;/b>?" in markdown
    assert markdown.index("1. one") < markdown.index("<details><summary>Answers</summary>")
    page = to_html(lesson)
    assert page.index("Which") < page.index("<details><summary>Answers</summary>")
    assert "<b>one" not in page
    checked = run("--check", str(path))
    assert "every question's right answer is choice 2" in checked.stderr
