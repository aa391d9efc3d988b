"""``--ascii`` (and a non-UTF-8 locale, and TERM=linux): a screen of ASCII alone."""

from __future__ import annotations

import pytest

from llm_landscape.lesson.model import Lesson
from llm_landscape.player.app import LessonApp, PlayerOptions
from llm_landscape.render.ascii import to_ascii

from .contrast import screen_segments

VIEWS = {
    "title card": [],
    "step 1": ["1"],
    "step 4": ["4"],
    "end card": ["6", "space"],
    "help": ["1", "question_mark"],
    "overview": ["2", "o"],
    "search": ["slash", *"model"],
}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("view", VIEWS)
async def test_every_character_on_screen_is_ascii(
    lesson: Lesson, view: str, size: tuple[int, int]
) -> None:
    app = LessonApp(lesson, PlayerOptions(ascii_only=True))
    async with app.run_test(size=size) as pilot:
        await pilot.press(*VIEWS[view])
        await pilot.pause(0.1)
        text = "".join(segment.text for segment in screen_segments(app))
        assert text.strip()
        assert text.isascii(), sorted({char for char in text if not char.isascii()})


async def test_without_ascii_the_same_screen_is_not(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        assert not "".join(segment.text for segment in screen_segments(app)).isascii()


@pytest.mark.parametrize(
    ("text", "ascii"),
    [
        ("“Quoted” — it’s…", '"Quoted" - it\'s.'),
        ("╭─ Key insight ─╮", "+- Key insight -+"),
        ("tokenizer → embeddings", "tokenizer > embeddings"),
        ("🌐 Players › Open", "?? Players > Open"),
        ("café naïve", "cafe naive"),
        ("▁▂▃█", "    "),
    ],
)
def test_each_character_keeps_its_width(text: str, ascii: str) -> None:
    assert to_ascii(text) == ascii
