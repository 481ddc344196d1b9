"""Every text section of the bundled course is read at 80×24 without scrolling."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.ui.screens.lesson import LessonScreen

BUNDLED = load_course(bundled_course_dir())


@pytest.mark.parametrize("module", [m.id for m in BUNDLED.modules])
async def test_every_text_section_of_a_module_fits_the_screen(make_app, module):
    app = make_app(course=BUNDLED)
    too_long = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for lesson in BUNDLED.lessons_of(next(m for m in BUNDLED.modules if m.id == module)):
            screen = LessonScreen(app.journey, lesson, 0)
            await app.push_screen(screen)
            for index, section in enumerate(lesson.sections):
                if section.interactive is not None:
                    continue
                screen.index = index
                await screen._show()
                await pilot.pause()
                body = screen.query_one("#section-body", VerticalScroll)
                if body.max_scroll_y > 0:
                    too_long.append(f"{lesson.id} « {section.title} » : {body.max_scroll_y} ligne(s) de trop")
            app.pop_screen()
    assert too_long == []
