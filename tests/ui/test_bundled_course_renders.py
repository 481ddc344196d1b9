"""Every section and every question of the bundled course draws at 80×24 without an error."""

from __future__ import annotations

import pytest

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.ui.screens.lesson import LessonScreen
from course.ui.screens.quiz import QuizItem, QuizScreen

BUNDLED = load_course(bundled_course_dir())


@pytest.mark.parametrize("module", [m.id for m in BUNDLED.modules])
async def test_every_section_and_question_of_a_module_draws(make_app, module):
    app = make_app(course=BUNDLED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lessons = BUNDLED.lessons_of(next(m for m in BUNDLED.modules if m.id == module))
        for lesson in lessons:
            screen = LessonScreen(app.journey, lesson, 0)
            await app.push_screen(screen)
            for index in range(len(lesson.sections)):
                screen.index = index
                await screen._show()
                await pilot.pause()
                assert screen.query_one("#section-title").render()
            app.pop_screen()
        quizzes = [q for q in BUNDLED.quizzes.values() if BUNDLED.lessons[q.lesson].module == module]
        for quiz in quizzes:
            items = [QuizItem(quiz, q, 1, 7, list(range(len(getattr(q, "choices", ()))))) for q in quiz.questions]
            screen = QuizScreen(app.journey, items, title=quiz.id, total=len(items), done_before=0)
            await app.push_screen(screen)
            for index in range(len(items)):
                screen.index = index
                await screen._show()
                await pilot.pause()
                assert screen.query_one("#prompt").render()
            app.pop_screen()
