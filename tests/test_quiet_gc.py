"""The garbage collector is held while a step is drawn, and let go after."""

from __future__ import annotations

import gc
import weakref

import pytest
from textual import events
from textual.message import Message

from llm_landscape.lesson.model import Lesson
from llm_landscape.player.app import LessonApp, PlayerOptions

from .conftest import player, wait_for


async def test_the_collector_is_off_while_a_step_is_drawn_and_on_after(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=0, checks=False))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, gc.isenabled)
        screen = player(app)
        during: list[bool] = []

        def shown() -> None:
            during.append(gc.isenabled())
            screen.call_after_refresh(lambda: during.append(gc.isenabled()))

        screen.watch(screen, "tour", shown, init=False)
        await pilot.press("right")
        assert screen.tour.counter == "Step 2 / 6"
        assert during == [False, False]  # as the step was shown, and as its frame was drawn
        await wait_for(pilot, gc.isenabled)  # on again once the frame is out


@pytest.mark.parametrize(
    ("key", "screen"),
    [("question_mark", "HelpScreen"), ("o", "OverviewScreen"), ("slash", "SearchScreen")],
)
async def test_the_collector_is_off_while_a_screen_is_put_over_the_step(
    lesson: Lesson, key: str, screen: str
) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=5, checks=False))
    resumed: list[tuple[str, bool]] = []

    def hook(message: Message) -> None:
        if isinstance(message, events.ScreenResume):  # the screen shown, as it is shown
            resumed.append((type(app.screen).__name__, gc.isenabled()))

    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await wait_for(pilot, gc.isenabled)
        await pilot.press(key)
        await wait_for(pilot, lambda: type(app.screen).__name__ == screen)
        assert (screen, False) in resumed
        await wait_for(pilot, gc.isenabled)  # on again once its frame is out
        await pilot.press("escape")  # and the end card, from the last step
        await pilot.press("space")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "EndScreen")
        assert ("EndScreen", False) in resumed


class Litter:
    """A cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.itself = self


async def test_garbage_made_while_the_first_step_is_drawn_is_not_kept(lesson: Lesson) -> None:
    # The first time the collector is let go, what the player built is frozen
    # for the rest of the run: garbage among it must be collected first.
    app = LessonApp(lesson, PlayerOptions(checks=False))  # the title card: nothing held
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, gc.isenabled)
        screen = player(app)
        litter: list[weakref.ref[Litter]] = []
        screen.watch(screen, "tour", lambda: litter.append(weakref.ref(Litter())), init=False)
        await pilot.press("space")
        await wait_for(pilot, gc.isenabled)
        assert len(litter) == 1 and litter[0]() is None


async def test_a_player_that_quits_mid_hold_leaves_the_collector_on(lesson: Lesson) -> None:
    app = LessonApp(lesson, PlayerOptions(start_step=0, checks=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, gc.isenabled)
        player(app).action_next()
        assert not gc.isenabled()
        app.exit()  # before the hold's timer
    assert gc.isenabled()
