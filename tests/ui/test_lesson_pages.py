"""A section's text is one widget, read once: turning back to it shows it again without a parse or a restyle.

The lesson reader draws each section's Markdown in a single widget that keeps every text it has
read; these tests walk a lesson with callouts forth and back and look at what is on screen, how
many widgets the screen holds, how many texts were read and which widgets were restyled by each turn.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.ui.screens.lesson import LessonScreen
from course.ui.widgets.markdown_text import markdown_text
from course.ui.widgets.section_text import SectionText
from tests.ui.walk import screen_lines

SIZE = (80, 24)


def _lesson(course: Any) -> Any:
    """A text lesson of at least four sections, some with a callout and some without."""
    return next(
        x
        for x in course.ordered_lessons()
        if len(x.sections) >= 4
        and all(s.interactive is None for s in x.sections)
        and len({s.callout for s in x.sections}) > 1
    )


def _first_words(text: str) -> str:
    """The first three words of a section's text as drawn (Markdown marks left out)."""
    return " ".join(re.sub(r"[*_`#>\[\]]", "", text).split()[:3])


async def _open(make_app: Any) -> tuple[Any, Any, Any]:
    course = load_course(bundled_course_dir())
    lesson = _lesson(course)
    app = make_app(course=course, learner="Pages")
    return app, lesson, course


async def test_turning_back_shows_each_section_from_the_text_read_the_first_time(
    make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []

    def counted(markdown: str, *args: Any, **kwargs: Any) -> Any:
        read.append(markdown)
        return markdown_text(markdown, *args, **kwargs)

    monkeypatch.setattr("course.ui.widgets.section_text.markdown_text", counted)
    app, lesson, _course = await _open(make_app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_lesson(lesson.id, 0)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        last = len(lesson.sections) - 1
        await pilot.press(*["right"] * last)
        await pilot.pause()
        texts = {s.text for s in lesson.sections if s.text.strip()}
        assert len(read) == len(texts)
        for index in range(last - 1, -1, -1):
            await pilot.press("left")
            await pilot.pause()
            section = lesson.sections[index]
            shown = "\n".join(screen_lines(app))
            assert screen.index == index and section.title in shown
            if section.text.strip():
                assert _first_words(section.text) in re.sub(r"\s+", " ", shown)
        assert len(read) == len(texts)  # none read again


async def test_the_screen_holds_the_same_widgets_whatever_the_section_shows(make_app: Any) -> None:
    """Paragraphs, lists and callouts are drawn by one widget: no widget is mounted for a block."""
    app, lesson, _course = await _open(make_app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_lesson(lesson.id, 0)
        await pilot.pause()
        screen = app.screen
        counts = {len(list(screen.walk_children()))}
        for _ in range(len(lesson.sections) - 1):
            await pilot.press("right")
            await pilot.pause()
            counts.add(len(list(screen.walk_children())))
        assert any(s.text.count("\n- ") >= 2 for s in lesson.sections)  # a list was on the way
        assert len(counts) == 1
        assert list(screen.query_one("#section-body").query(SectionText)) == [
            screen.query_one("#section-text")
        ]


async def test_a_turn_to_a_section_already_seen_restyles_nothing_but_a_button_it_disables(
    make_app: Any,
) -> None:
    """The text is drawn again, the callout's frame changes colour or goes, with no style sheet
    applied again (only « Précédent », disabled on the first section, changes its look)."""
    app, lesson, _course = await _open(make_app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_lesson(lesson.id, 0)
        await pilot.pause()
        screen = app.screen
        last = len(lesson.sections) - 1
        await pilot.press(*["right"] * last)
        await pilot.pause()
        restyled: list[Any] = []
        apply = app.stylesheet.apply

        def counted(node: Any, *args: Any, **kwargs: Any) -> Any:
            restyled.append(node)
            return apply(node, *args, **kwargs)

        app.stylesheet.apply = counted
        callouts_seen = set()
        for _ in range(last):
            await pilot.press("left")
            await pilot.pause()
            callouts_seen.add(lesson.sections[screen.index].callout)
        assert len(callouts_seen) > 1  # the body's frame did change on the way
        assert restyled and {n.id for n in restyled} == {"previous"}


async def test_a_turn_back_to_a_section_already_seen_draws_one_frame(make_app: Any) -> None:
    from tests.ui.test_quiz_frames import count_frames

    app, lesson, _course = await _open(make_app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_lesson(lesson.id, 0)
        await pilot.pause()
        screen = app.screen
        last = len(lesson.sections) - 1
        await pilot.press(*["right"] * last)
        await screen.section_ready.wait()
        await pilot.pause()
        await pilot.pause()  # the last section's own frames drawn
        frames = count_frames(app)
        drawn = []
        for _ in range(last):
            before = frames[0]
            await pilot.press("left")
            await screen.section_ready.wait()
            await pilot.pause()
            drawn.append(frames[0] - before)
        assert screen.index == 0 and lesson.sections[0].title in "\n".join(screen_lines(app))
        # Leaving the last section relabels « Passer au quiz » as « Suivant »: the button's new width
        # takes a second pass there.
        assert drawn[0] <= 2 and drawn[1:] == [1] * (last - 1)
