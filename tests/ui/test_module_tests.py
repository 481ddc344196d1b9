"""Pre-test and post-test as a learner meets them, score lines that add up, « Tout recommencer »."""

from __future__ import annotations

from datetime import UTC

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.content.model import MultipleQuestion
from course.ui.screens.dialogs import ModuleTestIntroScreen
from course.ui.screens.quiz import QuizScreen
from course.ui.screens.results import ResultsScreen
from course.ui.widgets.choice_list import ChoiceList
from tests.ui.helpers import answer_current, next_question
from tests.ui.walk import give_wrong_answer, screen_lines

SIZE = (80, 24)
BUNDLED = load_course(bundled_course_dir())
MODULE = BUNDLED.modules[0]


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(screen_lines(app))


async def answer_all_wrong(pilot) -> None:  # type: ignore[no-untyped-def]
    while isinstance(pilot.app.screen, QuizScreen):
        give_wrong_answer(pilot.app.screen)
        await pilot.press("enter")
        await pilot.pause()
        if not pilot.app.screen.answered:  # how sure? then validate
            await pilot.press("1", "enter")
            await pilot.pause()
        await next_question(pilot)


async def test_pretest_is_introduced_and_its_result_is_never_marked_wrong(make_app):
    app = make_app(course=BUNDLED)
    async with app.run_test(size=SIZE) as pilot:
        app.open_quiz(BUNDLED.quizzes[MODULE.pretest])
        await pilot.pause()
        assert isinstance(app.screen, ModuleTestIntroScreen)
        intro = shown(app)
        assert "pas une note" in intro and "ne compte pas" in intro and "progrès" in intro
        await pilot.press("enter")
        await pilot.pause()
        await answer_all_wrong(pilot)
        assert isinstance(app.screen, ResultsScreen)
        result = shown(app)
        assert "pas une note" in result and "✗" not in result and "✓" not in result
        assert BUNDLED.quizzes[MODULE.pretest].max_attempts == 1
        assert "Recommencer" not in result  # a single attempt offers no retry
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


async def test_an_early_posttest_is_warned_and_back_to_the_lessons_is_the_default(make_app):
    app = make_app(course=BUNDLED)
    async with app.run_test(size=SIZE) as pilot:
        app.open_quiz(BUNDLED.quizzes[MODULE.posttest])
        await pilot.pause()
        assert isinstance(app.screen, ModuleTestIntroScreen)
        assert "pas encore terminé les leçons" in shown(app)
        assert app.focused.id == "later"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, (ModuleTestIntroScreen, QuizScreen))


async def test_partial_credit_is_shown_as_such_and_the_line_adds_up(make_app, mini_course):
    app = make_app()
    quiz = mini_course.quizzes["alpha-un"]
    async with app.run_test(size=SIZE) as pilot:
        app.start_quiz(quiz)
        await pilot.pause()
        while isinstance(app.screen, QuizScreen):
            question = app.screen.item.question
            if isinstance(question, MultipleQuestion):  # one right choice of two: partly right
                choices = app.screen.query_one(ChoiceList)
                first_right = next(p for p, o in enumerate(choices.order) if question.choices[o].correct)
                await pilot.press(str(first_right + 1), "enter")
                await pilot.pause()
            else:
                await answer_current(pilot, right=True)
            await next_question(pilot)
        result = app.screen.result
        assert len(result.partial) == 1
        percent = round(result.score * 100)
        line = f"5 bonnes réponses et 1 réponse juste en partie, sur 6 : {percent} %"
        assert line in shown(app).replace("\u00a0", " ")


async def test_reset_all_starts_everything_again_but_keeps_the_answers(make_app, private_data):
    from datetime import datetime, timedelta

    from course.progress import ProgressStore

    app = make_app(course=BUNDLED)
    async with app.run_test(size=SIZE) as pilot:
        app.start_quiz(BUNDLED.quizzes[MODULE.pretest])
        await pilot.pause()
        await answer_all_wrong(pilot)
        later = datetime.now(UTC) + timedelta(days=30)
        journey = app.journey
        assert journey.results(MODULE.pretest) and journey.due_reviews(later)
        journey.reset_all()
        assert journey.results(MODULE.pretest) == [] and journey.due_reviews(later) == []
        assert journey.continue_target() == ("quiz", MODULE.pretest)
    assert ProgressStore(private_data).answers(journey.learner.id)  # the history stays for the trainer
