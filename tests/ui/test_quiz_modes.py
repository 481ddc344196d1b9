"""Quiz options: confidence before grading, practice until right, a limited number of attempts."""

from __future__ import annotations

import shutil
from pathlib import Path

from course.content.loader import load_course
from course.progress import ProgressStore
from course.ui.screens.quiz import QuizScreen
from course.ui.screens.results import ResultsScreen
from tests.ui.helpers import answer_current, next_question
from tests.ui.walk import drawn_text

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


def _course_with(tmp_path: Path, extra: str):
    root = tmp_path / "cours"
    shutil.copytree(MINI, root)
    quiz = root / "quizzes" / "alpha" / "02-deux.yaml"
    quiz.write_text(
        quiz.read_text(encoding="utf-8").replace("lesson: alpha-deux\n", f"lesson: alpha-deux\n{extra}"),
        encoding="utf-8",
    )
    course = load_course(root)
    assert not course.errors, [p.format() for p in course.errors]
    return course


async def test_confidence_is_asked_then_stored_and_calibrated(tmp_path, make_app, private_data):
    course = _course_with(tmp_path, "confidence: true\n")
    app = make_app(course=course)
    async with app.run_test(size=(80, 24)) as pilot:
        app.start_quiz(course.quizzes["alpha-deux"])
        await pilot.pause()
        await answer_current(pilot, right=False)  # chooses the wrong answer, then asks how sure
        assert not app.screen.answered and app.screen.query("#confidence")
        await pilot.press("3", "enter")  # "tout à fait sûr·e"
        await pilot.pause()
        assert app.screen.answered
        await next_question(pilot)
        await answer_current(pilot, right=True)
        await pilot.press("2", "enter")  # "plutôt sûr·e": counted as chosen, not as "pas sûr·e"
        await pilot.pause()
        await next_question(pilot)
        assert isinstance(app.screen, ResultsScreen)
        calibration = drawn_text(app.screen.query_one("#summary"))
        assert "Tout à fait sûr·e mais faux : 1" in calibration and "Plutôt sûr·e et juste : 1" in calibration
        assert "Pas sûr·e" not in calibration
    answers = ProgressStore(private_data).answers(app.journey.learner.id)
    assert [a.confidence for a in answers] == [3, 2]


async def test_practice_mode_lets_the_learner_retry_until_right(tmp_path, make_app, private_data):
    course = _course_with(tmp_path, "mode: practice\n")
    app = make_app(course=course)
    async with app.run_test(size=(80, 24)) as pilot:
        app.start_quiz(course.quizzes["alpha-deux"])
        await pilot.pause()
        await answer_current(pilot, right=False)
        verdict = drawn_text(app.screen.query_one("#verdict"))
        assert verdict.startswith("✗") and "La bonne réponse" not in verdict
        await next_question(pilot)  # "Réessayer": the same question again
        assert isinstance(app.screen, QuizScreen) and app.screen.item.question.id == "q-barre"
        assert not app.screen.answered
        await answer_current(pilot, right=True)
        await next_question(pilot)
        assert app.screen.item.question.id == "q-page"
    answers = ProgressStore(private_data).answers(app.journey.learner.id)
    assert [(a.question, a.correct) for a in answers] == [("q-barre", False), ("q-barre", True)]


async def test_max_attempts_stops_retries_and_shows_solutions(tmp_path, make_app):
    course = _course_with(tmp_path, "max_attempts: 1\n")
    app = make_app(course=course)
    quiz = course.quizzes["alpha-deux"]
    async with app.run_test(size=(80, 24)) as pilot:
        app.start_quiz(quiz)
        await pilot.pause()
        for _ in quiz.questions:
            await answer_current(pilot, right=False)
            await next_question(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "Bonne réponse : Dans la barre d'adresse" in drawn_text(app.screen.query_one("#summary"))
        shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert not app.screen.query("#retry") and "Recommencer" not in shown  # no retry offered at all
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
