"""A learner reads a lesson, answers a quiz of every type, quits, comes back and carries on."""

from __future__ import annotations

from datetime import UTC

from course.progress import ProgressStore
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.lesson import LessonScreen
from course.ui.screens.profile import ProfileScreen
from course.ui.screens.quiz import QuizScreen
from course.ui.screens.results import ResultsScreen
from tests.ui.helpers import answer_current, next_question
from tests.ui.walk import drawn_text

SIZE = (80, 24)


async def test_new_learner_creates_profile_and_lands_on_map(make_app, private_data):
    app = make_app(learner=None)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ProfileScreen)
        for key in "Zoé":
            await pilot.press(key)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        assert app.journey.learner.name == "Zoé"
    assert [x.name for x in ProgressStore(private_data).list_learners()] == ["Zoé"]


async def test_read_lesson_then_quiz_of_every_type_all_right(make_app, mini_course, private_data):
    app = make_app()
    lesson = mini_course.lessons["alpha-un"]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")  # Continuer: the first lesson
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.lesson.id == "alpha-un"
        for _ in lesson.sections:
            await pilot.press("right")
            await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        types = []
        for _ in range(len(mini_course.quizzes["alpha-un"].questions)):
            types.append(app.screen.item.question.type)
            await answer_current(pilot, right=True)
            assert "Bonne réponse" in drawn_text(app.screen.query_one("#verdict"))
            await next_question(pilot)
        assert sorted(types) == sorted(["single", "multiple", "true_false", "order", "match", "short"])
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.result.score == 1.0 and app.screen.result.passed
    answers = ProgressStore(private_data).answers(app.journey.learner.id)
    assert len(answers) == 6 and all(a.correct for a in answers)
    assert {a.attempt for a in answers} == {1}


async def test_wrong_answer_shows_cross_words_and_explanation(make_app, mini_course):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.start_quiz(mini_course.quizzes["alpha-un"])
        await pilot.pause()
        question = app.screen.item.question
        await answer_current(pilot, right=False)
        verdict = drawn_text(app.screen.query_one("#verdict"))
        assert verdict.startswith("✗")
        assert "La bonne réponse" in verdict
        assert app.screen.query_one("#feedback").display
        assert question.explanation.split()[0] in drawn_text(app.screen.query_one("#explanation"))


async def test_quit_mid_quiz_and_continue_resumes_same_question(make_app, mini_course, private_data):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.start_quiz(mini_course.quizzes["alpha-un"])
        await pilot.pause()
        await answer_current(pilot)
        await next_question(pilot)
        await answer_current(pilot, right=False)
        await next_question(pilot)
        third = app.screen.item.question.id
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        assert isinstance(again.screen, CourseMapScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(again.screen, QuizScreen)
        assert again.screen.item.question.id == third
        assert "question 3 / 6" in str(again.screen.query_one("#screen-title").render())


async def test_continue_resumes_lesson_at_its_section(make_app):
    from course.content.bundled import bundled_course_dir
    from course.content.loader import load_course

    bundled = load_course(bundled_course_dir())
    app = make_app(course=bundled)
    async with app.run_test(size=SIZE) as pilot:
        app.open_lesson(bundled.ordered_lessons()[0].id)
        await pilot.pause()
        await pilot.press("right", "right")
        await pilot.pause()
        assert app.screen.index == 2 < len(app.screen.lesson.sections) - 1
    again = make_app(course=bundled)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(again.screen, LessonScreen)
        assert again.screen.index == 2


async def test_retry_keeps_history_of_attempts(make_app, mini_course):
    app = make_app()
    quiz = mini_course.quizzes["alpha-deux"]
    async with app.run_test(size=SIZE) as pilot:
        app.start_quiz(quiz)
        await pilot.pause()
        for _ in quiz.questions:
            await answer_current(pilot, right=False)
            await next_question(pilot)
        assert isinstance(app.screen, ResultsScreen) and not app.screen.result.passed
        await pilot.press("r")
        await pilot.pause()
        for _ in quiz.questions:
            await answer_current(pilot, right=True)
            await next_question(pilot)
        assert app.screen.result.passed and app.screen.result.number == 2
        assert [r.number for r in app.journey.results(quiz.id)] == [1, 2]
        assert "Tentative 1" in str(app.screen.query_one("#history").render())


async def test_hints_are_revealed_one_at_a_time_and_counted(make_app, mini_course, private_data):
    app = make_app()
    quiz = mini_course.quizzes["alpha-un"]
    hinted = next(q for q in quiz.questions if q.hints)
    async with app.run_test(size=SIZE) as pilot:
        app.start_quiz(quiz)
        await pilot.pause()
        while app.screen.item.question.id != hinted.id:
            await answer_current(pilot)
            await next_question(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert hinted.hints[0] in str(app.screen.query_one("#hints").render())
        await answer_current(pilot)
    stored = [
        a for a in ProgressStore(private_data).answers(app.journey.learner.id) if a.question == hinted.id
    ]
    assert stored[0].hints_used == 1


async def test_review_brings_back_missed_questions_later(make_app, mini_course):
    from datetime import datetime, timedelta

    app = make_app()
    quiz = mini_course.quizzes["alpha-deux"]
    async with app.run_test(size=SIZE) as pilot:
        app.start_quiz(quiz)
        await pilot.pause()
        await answer_current(pilot, right=False)
        assert app.journey.due_reviews() == []
        later = datetime.now(UTC) + timedelta(days=1, minutes=1)
        assert [c.question for c in app.journey.due_reviews(later)] == [quiz.questions[0].id]


async def test_reset_lesson_with_confirmation(make_app, mini_course):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "right")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        lesson = mini_course.lessons["alpha-un"]
        assert app.journey.status(lesson).state == "in_progress"
        app.confirm_reset_lesson(lesson)
        await pilot.pause()
        await pilot.press("escape")  # "non" first: nothing changes
        await pilot.pause()
        assert app.journey.status(lesson).state == "in_progress"
        app.confirm_reset_lesson(lesson)
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert app.journey.status(lesson).state == "not_started"


async def test_help_opens_on_every_main_screen(make_app, mini_course):
    from course.ui.screens.dialogs import HelpScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for opener in (
            lambda: None,
            lambda: app.open_lesson("alpha-un"),
            lambda: app.start_quiz(mini_course.quizzes["alpha-un"]),
        ):
            opener()
            await pilot.pause()
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)


async def test_too_small_terminal_shows_a_notice(make_app):
    from course.ui.screens.dialogs import TooSmallScreen

    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)


async def test_hostile_learner_name_is_shown_inert(make_app):
    app = make_app(learner="[bold red]Léa\x1b[31m")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        title = str(app.screen.query_one("#screen-title").render())
        assert "\x1b" not in title
        assert "[bold red]Léa" in title


async def test_continue_introduces_then_starts_a_module_pretest(make_app):
    from course.content.bundled import bundled_course_dir
    from course.content.loader import load_course

    bundled = load_course(bundled_course_dir())
    first = bundled.modules[0]
    assert first.pretest
    app = make_app(course=bundled)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        intro = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "pas une note" in intro and "Commencer le test" in intro  # what it is for, before it starts
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.items[0].quiz.id == first.pretest
