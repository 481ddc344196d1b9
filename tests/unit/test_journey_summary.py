"""The per-learner summary: what the map shows is the same with it as derived from every
answer, whatever happened before (answers, attempts closed, resets, a kill between an answer
and its summary, answers merged from another machine), and a fresh one spares reading them."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from course.learning import journey as journey_module
from course.learning.journey import Journey
from course.progress import ProgressStore
from course.progress.summary import summary_path
from course.progress.transfer import export_progress, import_progress
from course.quiz.grading import Grade

LATER = datetime.now(UTC) + timedelta(days=400)


def on_the_map(journey: Journey) -> dict[str, Any]:
    """Everything the map and the « Continuer » button read."""
    course = journey.course
    return {
        "status": [journey.status(lesson) for lesson in course.ordered_lessons()],
        "continue": journey.continue_target(),
        "retry": [journey.can_retry(quiz) for quiz in course.quizzes.values()],
        "due now": [(c.quiz, c.question, c.box) for c in journey.due_reviews()],
        "due later": [(c.quiz, c.question, c.box, c.due) for c in journey.due_reviews(LATER)],
        "next": journey.next_review(),
        "first": [journey.first_result(quiz) for quiz in course.quizzes],
    }


def seen(journey: Journey) -> dict[str, Any]:
    """The map, then every attempt's result (which may read the answers)."""
    shown = on_the_map(journey)
    return {**shown, "results": {quiz: journey.results(quiz) for quiz in journey.course.quizzes}}


def from_answers(course, store: ProgressStore, learner) -> dict[str, Any]:
    journey = Journey(course, store, learner)
    journey._summary = None  # the reference: every figure derived from the answers
    journey._answers = store.answers(learner.id)
    return seen(journey)


def answer(journey: Journey, quiz_index: int, question_index: int, right: bool) -> None:
    quizzes = list(journey.course.quizzes.values())
    quiz = quizzes[quiz_index % len(quizzes)]
    attempt = journey.attempt(quiz)
    question = quiz.questions[question_index % len(quiz.questions)]
    grade = Grade(right, 1.0 if right else 0.0, "x", "x", "x")
    journey.record(quiz, question, attempt.number, grade, 0, 1.0)


def finish(journey: Journey, quiz_index: int) -> None:
    quizzes = list(journey.course.quizzes.values())
    quiz = quizzes[quiz_index % len(quizzes)]
    journey.finish(quiz, journey.attempt(quiz).number)


steps = st.lists(
    st.one_of(
        st.tuples(st.just("answer"), st.integers(0, 5), st.integers(0, 5), st.booleans()),
        st.tuples(st.just("finish"), st.integers(0, 5)),
        st.tuples(st.just("read"), st.integers(0, 5)),
        st.tuples(st.just("reset lesson"), st.integers(0, 5)),
        st.tuples(st.just("reset all")),
        st.tuples(st.just("reopen")),
        st.tuples(st.just("import")),
    ),
    max_size=14,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps)
@example([("answer", 0, 0, False), ("finish", 0), ("reset lesson", 0)])
@example([("answer", 1, 0, False), ("finish", 1), ("reset all",), ("answer", 1, 1, True)])
@example([("answer", 0, 0, False), ("import",), ("finish", 0)])
@example([("answer", 1, 0, True), ("finish", 1), ("answer", 1, 0, False), ("finish", 1), ("reopen",)])
@pytest.mark.parametrize("kept", [1, journey_module.KEPT_RESULTS])
def test_the_summary_shows_what_the_answers_say(mini_course, monkeypatch, kept, steps) -> None:
    monkeypatch.setattr(journey_module, "KEPT_RESULTS", kept)  # 1: figures only, past one attempt
    with tempfile.TemporaryDirectory() as folder:
        store = ProgressStore(Path(folder) / "data")
        learner = store.create_learner("Awa")
        journey = Journey(mini_course, store, learner)
        lessons = mini_course.ordered_lessons()
        for step in steps:
            kind = step[0]
            if kind == "answer":
                answer(journey, step[1], step[2], step[3])
            elif kind == "finish":
                finish(journey, step[1])
            elif kind == "read":
                lesson = lessons[step[1] % len(lessons)]
                journey.open_section(lesson, len(lesson.sections) - 1)
            elif kind == "reset lesson":
                journey.reset_lesson(lessons[step[1] % len(lessons)])
            elif kind == "reset all":
                journey.reset_all()
            elif kind == "import":  # the same answers come back from another machine, and one more
                other = ProgressStore(Path(folder) / "other")
                import_progress(other, export_progress(store))
                twin = Journey(mini_course, other, other.find_learner("Awa"))
                answer(twin, 0, 0, False)
                import_progress(store, export_progress(other))
            journey = Journey(mini_course, ProgressStore(Path(folder) / "data"), learner)
            assert seen(journey) == from_answers(mini_course, store, learner)
        reopened = Journey(mini_course, ProgressStore(Path(folder) / "data"), learner)
        on_the_map(reopened)
        assert reopened._loaded is None  # a fresh summary: the map read no answer
        assert seen(reopened) == from_answers(mini_course, store, learner)


def test_a_kill_between_the_answer_and_the_summary_leaves_it_stale(mini_course, tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "data")
    learner = store.create_learner("Awa")
    journey = Journey(mini_course, store, learner)
    quiz = next(iter(mini_course.quizzes.values()))
    answer(journey, 0, 0, False)
    finish(journey, 0)
    Journey(mini_course, store, learner)  # the summary now holds one wrong answer
    kept = summary_path(store.paths, learner.id).read_bytes()
    # An answer reaches the disk, then the process dies before any summary is written.
    last = store.answers(learner.id)[-1]
    store.record_answer(replace(last, id="", timestamp="", correct=True, score=1.0, sitting="other"))
    assert summary_path(store.paths, learner.id).read_bytes() == kept
    reopened = Journey(mini_course, ProgressStore(tmp_path / "data"), learner)
    assert len(reopened.results(quiz.id)) == 2
    assert seen(reopened) == from_answers(mini_course, store, learner)


def test_a_damaged_summary_is_rebuilt(mini_course, tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "data")
    learner = store.create_learner("Awa")
    answer(Journey(mini_course, store, learner), 0, 0, False)
    Journey(mini_course, store, learner)
    summary_path(store.paths, learner.id).write_bytes(b'{"version": 1, "derived": [')
    reopened = Journey(mini_course, ProgressStore(tmp_path / "data"), learner)
    assert [c.question for c in reopened.due_reviews(LATER)]
    assert seen(reopened) == from_answers(mini_course, store, learner)
