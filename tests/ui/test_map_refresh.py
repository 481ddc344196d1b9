"""Back on the map after a quiz, only the lines whose words changed are made and drawn again.

The map shows every lesson's state. Coming back from a quiz's results, one lesson (and at most
its module's bar) reads differently; the other lines are those already drawn. They keep their
drawing, and the list keeps its scroll position and its highlighted lesson, which is where the
learner left it.
"""

from __future__ import annotations

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.ui.screens import course_map
from course.ui.screens.course_map import CourseMapScreen, LessonList, WrappedLines, status_text
from course.ui.widgets.typography import french_spacing
from tests.ui.helpers import answer_all_wrong
from tests.ui.walk import screen_lines

SIZE = (80, 24)


async def test_back_from_a_quiz_the_map_redraws_only_the_lines_that_changed(make_app, monkeypatch):
    course = load_course(bundled_course_dir())
    lessons = course.ordered_lessons()
    lesson = lessons[len(lessons) // 2]  # halfway down: the list is scrolled to show it
    quiz = next(q for q in course.quizzes.values() if q.lesson == lesson.id)
    app = make_app(course=course, learner="Retour")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        map_screen = app.screen
        assert isinstance(map_screen, CourseMapScreen)
        lesson_list = map_screen.query_one(LessonList)
        lesson_list.focus()
        lesson_list.highlighted = lesson_list.get_option_index(f"lesson:{lesson.id}")
        await pilot.pause()
        scrolled = lesson_list.scroll_y
        assert scrolled > 0
        shown_before = [option.prompt.plain for option in lesson_list.options]

        app.start_quiz(quiz)
        await pilot.pause()
        await answer_all_wrong(pilot)

        made: list[str] = []
        wrap = course_map.map_line

        def counted_line(mark, title, detail, width, **kwargs):  # type: ignore[no-untyped-def]
            made.append(title)
            return wrap(mark, title, detail, width, **kwargs)

        drawn: list[str] = []
        render = WrappedLines.render_strips

        def counted_render(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            drawn.append(self.plain)
            return render(self, *args, **kwargs)

        monkeypatch.setattr(course_map, "map_line", counted_line)
        monkeypatch.setattr(WrappedLines, "render_strips", counted_render)
        await pilot.press("escape")
        await pilot.pause()
        while app._batch_count:
            await pilot.pause()
        await pilot.pause()

        assert app.screen is map_screen
        shown_after = [option.prompt.plain for option in lesson_list.options]
        changed = [after for before, after in zip(shown_before, shown_after, strict=True) if before != after]
        state = french_spacing(status_text(map_screen.journey.status(lesson)))
        assert any(state in line for line in changed)  # the lesson's new state is among them
        assert made == [lesson.title]  # its line alone was made again (the module's has no mark)
        assert drawn and set(drawn) <= set(changed)  # and only changed lines were drawn again

        # What the learner sees: the lesson, its new state, still highlighted where it was.
        assert lesson_list.scroll_y == scrolled
        assert lesson_list.highlighted == lesson_list.get_option_index(f"lesson:{lesson.id}")
        screen = "\n".join(screen_lines(app))
        assert lesson.title[:30] in screen
        assert state.split(",")[0] in screen
