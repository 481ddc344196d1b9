"""Each key of the lesson reader redraws the screen in at most two frames, and shows the new state.

Frames are counted where the app hands them to the terminal (`App._display`), from one key to
the next, so a frame drawn late (an activity scrolled to its first list) counts for its key.
Lessons are walked with → to their last section and back with ←, scrolling each section with
↓, PgDn, PgUp, ↑, and moving in each activity's first list; an activity (kept mounted, hidden
while another section is shown) is entered and left in two frames, and starts afresh when shown again.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.i18n import t
from course.ui.screens.lesson import LessonScreen
from tests.ui.helpers import open_section
from tests.ui.test_quiz_frames import count_frames
from tests.ui.walk import first_row_visible, screen_lines

SIZE = (80, 24)
LESSONS = ("attention-algorithmes-et-bulles",)
"""A lesson with text sections, its last one a feed simulator."""
ACTIVITY_LESSONS = (
    "attention-algorithmes-et-bulles",  # a feed simulator
    "illectronisme-se-proteger",  # a scenario
    "illectronisme-reperer-arnaques",  # a message inspector
)


class Keys:
    """Presses keys one at a time and notes how many frames each one drew."""

    def __init__(self, pilot: Any, screen: LessonScreen) -> None:
        self.pilot = pilot
        self.screen = screen
        self.frames = count_frames(pilot.app)
        self.seen: list[tuple[str, str, int]] = []

    async def press(self, key: str) -> None:
        before = self.frames[0]
        where = f"section {self.screen.index + 1}"
        await self.pilot.press(key)
        await asyncio.wait_for(self.screen.section_ready.wait(), timeout=30)
        await self.pilot.pause()
        self.seen.append((where, key, self.frames[0] - before))


async def walk(pilot: Any, screen: LessonScreen) -> Keys:
    keys = Keys(pilot, screen)
    sections = screen.lesson.sections
    for index in range(len(sections)):
        if index:
            await keys.press("right")
        assert screen.index == index
        assert sections[index].title in "\n".join(screen_lines(pilot.app))
        for key in ("pagedown", "down", "pageup", "up"):
            await keys.press(key)
        if screen.interactive:
            await keys.press("down")  # a move in the activity's list
    for index in range(len(sections) - 1, 0, -1):
        await keys.press("left")
        assert screen.index == index - 1
        assert sections[index - 1].title in "\n".join(screen_lines(pilot.app))
    return keys


def _plain_lesson(course: Any) -> Any:
    return next(
        x
        for x in course.ordered_lessons()
        if len(x.sections) >= 4 and all(s.scenario is s.feed is s.inspect is None for s in x.sections)
    )


async def walk_lesson(make_app: Any, lesson_id: str) -> Keys:
    course = load_course(bundled_course_dir())
    app = make_app(course=course, learner="Compteur")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_section(pilot, lesson_id, 0)
        keys = await walk(pilot, screen)
    turns = [seen for seen in keys.seen if seen[1] in ("right", "left")]
    assert len(turns) == 2 * (len(screen.lesson.sections) - 1)
    assert all(frames >= 1 for _where, _key, frames in turns)  # each turn did redraw
    return keys


async def test_every_key_of_a_text_lesson_draws_at_most_two_frames(make_app: Any) -> None:
    keys = await walk_lesson(make_app, _plain_lesson(load_course(bundled_course_dir())).id)
    assert [seen for seen in keys.seen if seen[2] > 2] == []


async def test_keys_within_a_lesson_with_an_activity_draw_at_most_two_frames(make_app: Any) -> None:
    keys = await walk_lesson(make_app, LESSONS[0])
    last = len(load_course(bundled_course_dir()).lessons[LESSONS[0]].sections)
    within = [
        seen
        for seen in keys.seen
        if not (seen[1] == "right" and seen[0] == f"section {last - 1}")  # into the activity
        and not (seen[1] == "left" and seen[0] == f"section {last}")  # out of it
    ]
    assert len(within) == len(keys.seen) - 2
    assert [seen for seen in within if seen[2] > 2] == []


@pytest.mark.parametrize("lesson_id", ACTIVITY_LESSONS)
async def test_turning_into_and_out_of_an_activity_draws_at_most_two_frames(
    make_app: Any, lesson_id: str
) -> None:
    keys = await walk_lesson(make_app, lesson_id)
    assert [seen for seen in keys.seen if seen[2] > 2] == []


async def test_an_activity_shown_again_starts_afresh_in_at_most_two_frames(make_app: Any) -> None:
    """Left and shown again, the feed simulator is back at its first round, its list focused and in view."""
    course = load_course(bundled_course_dir())
    lesson = course.lessons[LESSONS[0]]
    last = len(lesson.sections) - 1
    feed = lesson.sections[last].feed
    assert feed is not None
    app = make_app(course=course, learner="Compteur")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_section(pilot, lesson.id, last)
        first, second = (t("feed.round", n=n, total=feed.rounds) for n in (1, 2))
        assert first in "\n".join(screen_lines(app))
        await pilot.press("enter")  # a round validated, nothing liked
        await pilot.pause()
        assert second in "\n".join(screen_lines(app))
        keys = Keys(pilot, screen)
        await keys.press("left")
        await keys.press("right")
        shown = "\n".join(screen_lines(app))
        assert screen.index == last and screen.interactive
        assert first in shown and second not in shown
        assert app.focused is not None and app.focused.id == "feed-posts"
        assert first_row_visible(app, app.focused, rows=2)
        assert [seen for seen in keys.seen if seen[2] > 2] == []


async def test_a_turn_is_drawn_before_its_place_is_written_and_the_place_is_kept(make_app: Any) -> None:
    """The learner's place (a locked, synced write) is written once the turn's frame is drawn, not
    before it, and holds after quick turns and leaving the lesson."""
    course = load_course(bundled_course_dir())
    lesson = _plain_lesson(course)
    app = make_app(course=course, learner="Place")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_section(pilot, lesson.id, len(lesson.sections) - 2)
        frames = count_frames(app)
        seen: list[tuple[int, int]] = []
        journey = app.journey
        write = journey.open_section

        def noted(target: Any, index: int) -> None:
            seen.append((index, frames[0]))
            write(target, index)

        journey.open_section = noted
        await pilot.press("right")
        await asyncio.wait_for(screen.section_ready.wait(), timeout=30)
        await pilot.pause()
        last = len(lesson.sections) - 1
        assert seen and seen[0] == (last, seen[0][1]) and seen[0][1] >= 1  # after the turn's frame
        assert journey.section(lesson) == last
        seen.clear()
        await pilot.press("left", "right", "left")  # quick turns: the last one is remembered
        await asyncio.wait_for(screen.section_ready.wait(), timeout=30)
        await pilot.pause()
        assert journey.section(lesson) == last - 1
        await pilot.press("escape")
        await pilot.pause()
        assert journey.section(lesson) == last - 1
