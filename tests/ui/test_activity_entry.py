"""Turning into an activity (feed simulator, scenario, message inspector) and out of it, at 80×24:
its text is on screen in the first frame the key draws, and each turn draws one frame, the screen
as it stays (its first list already scrolled into view, the scroll bar already drawn).

Frames are caught where the app hands them to the terminal (`App._display`), with the rows the
screen holds at that moment, so a text that only comes in a later frame does not count.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from textual.app import App

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.content.model import Section
from course.i18n import t
from course.ui.screens.lesson import LessonScreen
from tests.ui.helpers import open_section

SIZE = (80, 24)
ACTIVITIES = (
    "attention-algorithmes-et-bulles",  # a feed simulator
    "illectronisme-se-proteger",  # a scenario
    "illectronisme-reperer-arnaques",  # a message inspector
)


def record_frames(app: App[Any]) -> list[str]:
    """The frames the app draws from now on, each as the text of its rows (spaces folded)."""
    frames: list[str] = []
    draw = app._display

    def recorded(screen: Any, renderable: Any) -> None:
        if renderable is not None and not app._batch_count:
            rows = [strip.text for strip in app.screen._compositor.render_strips()]
            frames.append(" ".join(" ".join(rows).split()))
        draw(screen, renderable)

    app._display = recorded  # type: ignore[method-assign]
    return frames


def words(text: str, count: int = 6) -> str:
    """The first `count` words of `text`, spaces folded, Markdown marks dropped."""
    return " ".join(text.replace("*", "").split()[:count])


def first_words(section: Section) -> list[str]:
    """What the activity shows first: its header, its situation's first words, or the message to
    inspect (its counter, above it, is scrolled away for the clues' first rows to be in view)."""
    if section.feed is not None:
        return [t("feed.round", n=1, total=section.feed.rounds)]
    if section.scenario is not None:
        scenario = section.scenario
        start = next(node for node in scenario.nodes if node.id == scenario.start)
        return [words(start.text)]
    assert section.inspect is not None
    item = section.inspect.items[0]
    return [words(item.details[0].value, 3), words(item.clues[0].text, 4)]


def shown(app: App[Any]) -> str:
    """The screen's rows now, as `record_frames` keeps a frame."""
    rows = [strip.text for strip in app.screen._compositor.render_strips()]
    return " ".join(" ".join(rows).split())


async def turn(pilot: Any, screen: LessonScreen, key: str, frames: list[str]) -> list[str]:
    """Press `key`, wait for the section to be drawn, and return the frames it drew."""
    frames.clear()
    await pilot.press(key)
    await asyncio.wait_for(screen.section_ready.wait(), timeout=30)
    await pilot.pause()
    return list(frames)


@pytest.mark.parametrize("lesson_id", ACTIVITIES)
async def test_an_activity_is_read_in_the_first_frame_of_the_key_that_enters_it(
    make_app: Any, lesson_id: str
) -> None:
    course = load_course(bundled_course_dir())
    lesson = course.lessons[lesson_id]
    index = next(i for i, s in enumerate(lesson.sections) if s.interactive is not None)
    section, before = lesson.sections[index], lesson.sections[index - 1]
    app = make_app(course=course, learner="Entree")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_section(pilot, lesson.id, index - 1)
        frames = record_frames(app)
        for _ in range(2):  # the first entry builds the activity, the second shows it again
            entered = await turn(pilot, screen, "right", frames)
            assert screen.index == index and screen.interactive
            assert 1 <= len(entered) <= 2, len(entered)
            for wanted in (section.title, *first_words(section)):
                assert wanted in entered[0], (wanted, entered[0])
            left = await turn(pilot, screen, "left", frames)
            assert screen.index == index - 1 and not screen.interactive
            assert 1 <= len(left) <= 2, len(left)
            assert before.title in left[0]
            assert all(wanted not in left[0] for wanted in first_words(section))


@pytest.mark.parametrize("lesson_id", ACTIVITIES)
async def test_entering_and_leaving_an_activity_draws_one_frame_the_screen_as_it_stays(
    make_app: Any, lesson_id: str
) -> None:
    """One layout pass and one frame per turn: the activity is built, placed, scrolled to its first
    list and the body's scroll bar drawn in it; leaving draws the text section as it stays."""
    course = load_course(bundled_course_dir())
    lesson = course.lessons[lesson_id]
    index = next(i for i, s in enumerate(lesson.sections) if s.interactive is not None)
    app = make_app(course=course, learner="Image")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_section(pilot, lesson.id, index - 1)
        frames = record_frames(app)
        for _ in range(2):  # built, then shown again
            entered = await turn(pilot, screen, "right", frames)
            assert screen.index == index and screen.interactive
            assert entered == [shown(app)], len(entered)
            left = await turn(pilot, screen, "left", frames)
            assert screen.index == index - 1 and not screen.interactive
            assert left == [shown(app)], len(left)


@pytest.mark.parametrize("lesson_id", ACTIVITIES)
async def test_the_activity_is_built_ahead_while_the_section_before_it_is_read_drawing_nothing(
    make_app: Any, lesson_id: str
) -> None:
    course = load_course(bundled_course_dir())
    lesson = course.lessons[lesson_id]
    index = next(i for i, s in enumerate(lesson.sections) if s.interactive is not None)
    app = make_app(course=course, learner="Avance")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_section(pilot, lesson.id, index - 1)
        frames = record_frames(app)
        before = shown(app)
        block = screen.query_one("#section-block")
        for _ in range(20):
            if block.children:
                break
            await pilot.pause()
        await pilot.pause()
        assert [widget.display for widget in block.children] == [False]  # built, hidden
        assert frames == [] and shown(app) == before
        assert not screen.interactive
