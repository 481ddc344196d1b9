"""The course map at 80 columns: wrapped lines start under their words, French typography stays together."""

from __future__ import annotations

import re

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.ui.widgets.typography import french_spacing
from tests.ui.walk import screen_lines

SIZE = (80, 24)
SPLIT = re.compile(r"(«\s*$)|(^\s*([:;?!%»]|min\)))")
"""A row that ends on « or begins with : ; ? ! % » (typography split across two rows)."""


async def test_map_rows_wrap_under_their_words_and_keep_french_typography(make_app):
    course = load_course(bundled_course_dir())
    app = make_app(course=course)
    rows: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lessons = app.screen.query_one("#lessons")
        lessons.focus()
        while True:  # every page of the list, as PgDn shows it
            rows += [line[1:-1] for line in screen_lines(app)[6:-2]]
            before = lessons.scroll_y
            await pilot.press("pagedown")
            await pilot.pause()
            if lessons.scroll_y == before:
                break
    starts = re.compile(r"^( Module \d|  [◇✓…] |    \S)")
    """A module, a line with its mark, or words at the text's column (a lesson to do, or a wrapped row)."""
    assert len(rows) > 30 and any(row.strip() == "min)" or row.strip().endswith("min)") for row in rows)
    assert [row for row in rows if row.strip() and not starts.match(row)] == []
    assert [row for row in rows if SPLIT.search(row)] == []


def test_a_state_and_its_score_read_as_one_phrase():
    from course.learning.journey import LessonStatus
    from course.ui.screens.course_map import status_text

    assert status_text(LessonStatus("done", 0.8, True, 1)) == "terminée, meilleur score 80 %"


def test_french_spacing_keeps_signs_with_their_words():
    assert (
        french_spacing("« Tout recommencer ? » : 80 % !")
        == "«\u00a0Tout recommencer\u00a0?\u00a0»\u00a0: 80\u00a0%\u00a0!"
    )


async def test_coming_back_to_the_map_keeps_its_footer_and_shows_its_keys(make_app, mini_course):
    """The map's footer stays while a quiz and its results come and go: nothing is rebuilt when
    the learner comes back (Textual's own Footer removed and remounted a widget per key), and
    the keys are on screen."""
    from course.ui.widgets.steady_footer import SteadyFooter
    from tests.ui.helpers import answer_current, next_question

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        map_screen = app.screen
        footer = map_screen.query_one(SteadyFooter)
        quiz = mini_course.quizzes["alpha-deux"]
        app.start_quiz(quiz)
        await pilot.pause()
        for _ in quiz.questions:
            await answer_current(pilot, right=True)
            await next_question(pilot)
        await pilot.press("escape")  # results → map
        await pilot.pause()
        assert app.screen is map_screen
        assert map_screen.query_one(SteadyFooter) is footer and list(footer.children) == []
        last = screen_lines(app)[-1]
        assert "Continuer" in last and "Quitter" in last


async def test_back_from_results_the_map_and_its_scrolled_list_are_drawn_in_one_frame(make_app):
    """The bundled course's list has a scrollbar: the map rebuilt on resuming draws it once."""
    from tests.ui.test_quiz_frames import walk_with_keys

    course = load_course(bundled_course_dir())
    quiz = course.quizzes["illectronisme-definir"]
    keys = await walk_with_keys(make_app(course=course, learner="Retour"), quiz, leave="escape")
    assert keys.seen[-1][:2] == ("results", "escape")
    assert keys.seen[-1][2] == 1


async def test_the_lesson_list_knows_its_lines_heights_without_wrapping_them_again(make_app, monkeypatch):
    """Each line of the list is as high as Textual's own measure says, at the map's width and narrower."""
    from textual.content import Content

    from course.ui.screens.course_map import WrappedLines

    wrapped: list[int] = []
    original = Content._wrap_and_format

    def counted(self, width, *args, **kwargs):  # type: ignore[no-untyped-def]
        wrapped.append(width)
        return original(self, width, *args, **kwargs)

    course = load_course(bundled_course_dir())
    app = make_app(course=course)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lessons = app.screen.query_one("#lessons")
        monkeypatch.setattr(Content, "_wrap_and_format", counted)
        heights = lessons._heights  # measured again from the lines as drawn
        lessons._line_cache.clear()
        assert lessons._heights == heights and len(heights) > 30
        assert wrapped == []  # measured without wrapping any line again
        monkeypatch.setattr(Content, "_wrap_and_format", original)
        prompts = [option.prompt for option in lessons.options]
        assert all(isinstance(prompt, WrappedLines) for prompt in prompts)
        assert sum(prompt.plain.count("\n") for prompt in prompts) > 0  # some lines are wrapped
        for width in (76, 60, 30, 12):
            own = [Content.get_height(prompt, lessons.styles, width) for prompt in prompts]
            assert [prompt.get_height(lessons.styles, width) for prompt in prompts] == own
