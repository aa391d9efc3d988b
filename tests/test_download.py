"""The e key: the lesson as one HTML page for the learner to keep; and links
in the browser. (In the browser itself: tests/test_serve.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from llm_landscape.lesson.model import Lesson
from llm_landscape.player.app import LessonApp, PlayerOptions
from llm_landscape.player.download import file_name, free_path

from .conftest import click_in_prose, one_step_lesson, screen_text, wait_for


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("The LLM Landscape", "the-llm-landscape.html"),
        ("../../etc/passwd", "etc-passwd.html"),
        ('a"b\r\nContent-Type: x', "a-b-content-type-x.html"),
        ("🚀", "lesson.html"),
        ("", "lesson.html"),
        ("x" * 200, "x" * 60 + ".html"),
    ],
)
def test_the_file_name_is_safe_in_any_folder_and_header(title: str, name: str) -> None:
    assert file_name(title) == name


def test_a_taken_name_gets_a_number_never_an_overwrite(tmp_path: Path) -> None:
    assert free_path(tmp_path, "a.html") == tmp_path / "a.html"
    (tmp_path / "a.html").write_text("mine")
    (tmp_path / "a (2).html").write_text("mine too")
    assert free_path(tmp_path, "a.html") == tmp_path / "a (3).html"


async def test_e_saves_the_page_in_the_downloads_folder_and_says_where(
    lesson: Lesson, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = tmp_path / "Downloads" / "not yet made"
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(downloads))
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("e")
        saved = downloads / "the-llm-landscape.html"
        await wait_for(pilot, lambda: "Saved the lesson" in screen_text(app), timeout=20)
        page = saved.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and "The Major Players" in page
        assert "the-llm-landscape.html" in screen_text(app)  # (the folder wraps)
        saved.write_text("the learner's notes")
        await pilot.press("e")
        again = downloads / "the-llm-landscape (2).html"
        await wait_for(pilot, again.exists, timeout=20)
        assert saved.read_text() == "the learner's notes"  # never overwritten


async def test_e_says_so_when_the_downloads_folder_cannot_be_made(
    lesson: Lesson, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path / "file" / "Downloads"))
    app = LessonApp(lesson)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("e")
        await wait_for(pilot, lambda: "Not saved: cannot make" in screen_text(app), timeout=20)
        assert app.is_running  # a notice, not a crash


class BrowserApp(LessonApp):
    """The player as textual-serve runs it, as far as a link is concerned."""

    opened: list[tuple[str, bool]]

    @property
    def is_web(self) -> bool:
        return True

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        self.opened.append((url, new_tab))


async def test_in_the_browser_a_link_opens_in_a_new_tab_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: pytest.fail("opened on the server"))
    lesson = one_step_lesson(tmp_path, "Read [docs](https://example.org/x).")
    app = BrowserApp(lesson, PlayerOptions(start_step=0))
    app.opened = []
    async with app.run_test(size=(100, 30)) as pilot:
        await click_in_prose(pilot, "docs")
        await pilot.press("y")
        assert app.opened == [("https://example.org/x", True)]
