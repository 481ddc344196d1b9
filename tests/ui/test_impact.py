"""Pre-test and post-test: taken from the course map, then the gain in `atelier report`."""

from __future__ import annotations

import io
from pathlib import Path

from course.content.loader import load_course
from course.progress import ProgressStore
from course.reports.compute import compute_report, store_source
from course.reports.course_index import build_index
from course.reports.impact import impact_rows, mean_gain
from course.terminal.report_view import render_report

COURSE = Path(__file__).parents[1] / "fixtures" / "activites"


def _take(store: ProgressStore, course, quiz_id: str, right: list[bool]) -> None:
    """Take a test through the learner's journey (what the quiz screen does), answers stored."""
    from course.learning.journey import Journey
    from course.quiz.grading import grade

    learner = store.find_learner("Léa") or store.create_learner("Léa")
    journey = Journey(course, store, learner)
    quiz = course.quizzes[quiz_id]
    attempt = journey.attempt(quiz)
    for question, ok in zip(quiz.questions, right, strict=True):
        if hasattr(question, "answer"):
            response = question.answer if ok else not question.answer
        else:
            response = next(i for i, c in enumerate(question.choices) if c.correct == ok)
        journey.record(quiz, question, attempt.number, grade(question, response), 0, 3.0)
    journey.finish(quiz, attempt.number)


def test_the_gain_in_the_report(private_data):
    course = load_course(COURSE)
    store = ProgressStore(private_data)
    _take(store, course, "jeu-depart", [True, False])
    _take(store, course, "jeu-final", [True, True])
    report = compute_report(store_source(store)[1], build_index(course))
    rows = impact_rows(report)
    assert [(r.pre, r.post, r.gain) for r in rows] == [(0.5, 1.0, 0.5)]
    assert [(r.pre_discernment, r.post_discernment) for r in rows] == [(0.0, 1.0)]
    assert mean_gain(rows) == 0.5
    out = io.StringIO()
    render_report(report, out)
    assert "+50 pts" in out.getvalue() and "Léa" in out.getvalue()
    assert "+0,00 → +1,00" in out.getvalue()
    store.close()


def test_tests_and_activities_count_in_their_place(private_data):
    course = load_course(COURSE)
    store = ProgressStore(private_data)
    lea = store.create_learner("Léa")
    from course.progress import AnswerRecord

    base = {
        "id": "",
        "learner": lea.id,
        "lesson": "jeu-manipulateur",
        "qtype": "true_false",
        "response": True,
        "response_text": "Vrai",
        "correct": True,
        "score": 1.0,
        "hints_used": 0,
        "duration_s": 5.0,
        "timestamp": "",
        "attempt": 1,
        "session": None,
    }
    store.record_answer(AnswerRecord(**base, quiz="jeu-depart", question="d1", sitting="s"))
    store.record_answer(AnswerRecord(**base, quiz="jeu-manipulateur/manip", question="n1", mode="activity"))
    report = compute_report(store_source(store)[1], build_index(course))
    (x,) = report.learners
    assert x.best_scores == {} and x.activities == 1 and x.answers == 2
    assert x.pretests["jeu"].complete is False  # one of two questions: begun, not finished
    assert [i.question for i in report.items] == ["d1"]  # the pre-test's item analysis
    store.close()


def test_discernment_is_telling_apart_not_suspicion():
    from course.reports.impact import discernment_index

    def answers(right: dict[str, bool]):
        return dict(right)

    reliable, misleading = ["r1", "r2"], ["m1", "m2"]
    doubts_everything = answers({"r1": False, "r2": False, "m1": True, "m2": True})
    trusts_everything = answers({"r1": True, "r2": True, "m1": False, "m2": False})
    perfect = answers({"r1": True, "r2": True, "m1": True, "m2": True})
    assert discernment_index(doubts_everything, reliable, misleading) == 0.0
    assert discernment_index(trusts_everything, reliable, misleading) == 0.0
    assert discernment_index(perfect, reliable, misleading) == 1.0
    assert discernment_index(perfect, [], misleading) is None


async def test_the_trainer_view_shows_the_impact_table(make_app, private_data):
    from course.ui.screens.trainer import TrainerScreen

    course = load_course(COURSE)
    store = ProgressStore(private_data)
    _take(store, course, "jeu-depart", [True, True])
    _take(store, course, "jeu-final", [True, True])
    store.close()
    app = make_app(course=course)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press(*"2468", "enter", *"2468", "enter")  # first use: the trainer code is chosen
        await pilot.pause()
        assert isinstance(app.screen, TrainerScreen)
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        text = app.screen.query_one("#trainer-report").text()  # every line, scrolled or not
        assert "Mesure d'impact" in text and "+0 pts" in text
