"""The per-learner summary: what the map shows is the same with it as derived from every
answer, whatever happened before (answers, attempts closed, resets, a kill between an answer
and its summary, answers merged from another machine), and a fresh one spares reading them."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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
from course.progress.summary import answers_identity, load_summary, save_summary, summary_path
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
    quizzes = journey.course.quizzes
    last = {quiz: journey.last_results(quiz, 5) for quiz in quizzes}  # a results screen's history
    return {**shown, "last five": last, "results": {quiz: journey.results(quiz) for quiz in quizzes}}


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
@example(
    [
        ("import",),
        ("reset all",),
        ("answer", 0, 0, False),
        ("import",),
        ("answer", 0, 0, False),
        ("finish", 0),
    ]
)
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


@contextmanager
def counting_reads() -> Iterator[list[str]]:
    """Every read of a learner's answers through the store, by learner id."""
    reads: list[str] = []
    original = ProgressStore.answers

    def answers(self, learner_id):
        reads.append(learner_id)
        return original(self, learner_id)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ProgressStore, "answers", answers)
        yield reads


session_steps = st.lists(
    st.one_of(
        st.tuples(st.just("answer"), st.integers(0, 5), st.integers(0, 5), st.booleans()),
        st.tuples(st.just("finish"), st.integers(0, 5)),
        st.tuples(st.just("read"), st.integers(0, 5)),
        st.tuples(st.just("activity"), st.integers(0, 5), st.booleans()),
        st.tuples(st.just("reset lesson"), st.integers(0, 5)),
        st.tuples(st.just("reset all")),
    ),
    max_size=16,
)


def play(journey: Journey, step: tuple[Any, ...]) -> None:
    lessons = journey.course.ordered_lessons()
    kind = step[0]
    if kind == "answer":
        answer(journey, step[1], step[2], step[3])
    elif kind == "finish":
        finish(journey, step[1])
    elif kind == "read":
        lesson = lessons[step[1] % len(lessons)]
        journey.open_section(lesson, len(lesson.sections) - 1)
    elif kind == "activity":
        lesson = lessons[step[1] % len(lessons)]
        journey.record_activity(lesson, "bloc", "etape", "choice", 1, "x", step[2], float(step[2]))
    elif kind == "reset lesson":
        journey.reset_lesson(lessons[step[1] % len(lessons)])
    elif kind == "reset all":
        journey.reset_all()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=session_steps, opened_twice=st.booleans())
@example(steps=[("answer", 0, 0, False), ("finish", 0), ("answer", 0, 1, True)], opened_twice=True)
@example(steps=[("activity", 0, False), ("reset all",), ("activity", 1, False)], opened_twice=False)
def test_after_a_session_the_next_start_reads_no_answer(mini_course, steps, opened_twice) -> None:
    """The summary follows each answer and each change of state: the next start shows what
    the answers say without reading any of them."""
    with tempfile.TemporaryDirectory() as folder:
        store = ProgressStore(Path(folder) / "data")
        learner = store.create_learner("Awa")
        if opened_twice:  # a summary saved by an earlier start, answers already there
            answer(Journey(mini_course, store, learner), 1, 0, False)
            Journey(mini_course, ProgressStore(Path(folder) / "data"), learner)
        journey = Journey(mini_course, ProgressStore(Path(folder) / "data"), learner)
        for step in steps:
            play(journey, step)
        with counting_reads() as reads:
            reopened = Journey(mini_course, ProgressStore(Path(folder) / "data"), learner)
            shown = on_the_map(reopened)
        assert reads == []
        expected = from_answers(mini_course, store, learner)
        assert shown == {name: expected[name] for name in shown}
        assert seen(reopened) == expected


windows = st.lists(
    st.tuples(st.sampled_from(["left", "right"]), session_steps.map(lambda x: x[:2])),
    max_size=8,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(windows)
@example(
    [("left", [("answer", 0, 0, False)]), ("right", [("answer", 0, 1, True)]), ("left", [("finish", 0)])]
)
@example([("left", [("activity", 0, False)]), ("right", [("activity", 1, False)])])
def test_two_windows_never_leave_a_summary_that_disagrees(mini_course, windows) -> None:
    """Two windows (two stores, as two processes) answer for the same learner in turns;
    whatever summary is on disk after each turn shows what the answers say."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        learner = ProgressStore(data).create_learner("Awa")
        answer(Journey(mini_course, ProgressStore(data), learner), 0, 0, False)
        Journey(mini_course, ProgressStore(data), learner)  # both windows open with a fresh summary
        journeys = {side: Journey(mini_course, ProgressStore(data), learner) for side in ("left", "right")}
        for side, turn in windows:
            for step in turn:
                play(journeys[side], step)
            store = ProgressStore(data)
            assert seen(Journey(mini_course, store, learner)) == from_answers(mini_course, store, learner)


def test_a_kill_after_a_session_answer_leaves_the_summary_stale(mini_course, tmp_path) -> None:
    """The answer is on disk, the process dies before its summary is written: the next
    start finds the summary stale and counts the answer."""
    store = ProgressStore(tmp_path / "data")
    learner = store.create_learner("Awa")
    journey = Journey(mini_course, store, learner)
    answer(journey, 0, 0, True)
    finish(journey, 0)
    kept = summary_path(store.paths, learner.id).read_bytes()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(journey_module, "save_summary", lambda *args: None)  # dies before it
        answer(journey, 0, 1, False)
    assert summary_path(store.paths, learner.id).read_bytes() == kept
    with counting_reads() as reads:
        reopened = Journey(mini_course, ProgressStore(tmp_path / "data"), learner)
    assert reads == [learner.id]  # rebuilt from the answers
    assert seen(reopened) == from_answers(mini_course, store, learner)
    assert [c.question for c in reopened.due_reviews(LATER)]


def test_an_answer_written_by_another_window_stops_the_summary(mini_course, tmp_path) -> None:
    """The other window's answer came between this window's known files and its write:
    the store says so, and this window saves no summary claiming files it did not see."""
    data = tmp_path / "data"
    learner = ProgressStore(data).create_learner("Awa")
    left = Journey(mini_course, ProgressStore(data), learner)
    right = Journey(mini_course, ProgressStore(data), learner)
    answer(left, 0, 0, True)
    answer(right, 1, 0, False)
    answer(left, 0, 1, True)
    assert left._known is None
    assert load_summary(left.store.paths, learner.id, left._course_key) is None  # stale, not wrong
    store = ProgressStore(data)
    assert seen(Journey(mini_course, store, learner)) == from_answers(mini_course, store, learner)


def test_a_quiz_taken_after_a_fresh_start_reads_no_old_answer(mini_course, tmp_path) -> None:
    """Opening an attempt, answering, scoring it, its results and its confidence table:
    none of it reads the answers given before (they are in the summary)."""
    data = tmp_path / "data"
    learner = ProgressStore(data).create_learner("Awa")
    earlier = Journey(mini_course, ProgressStore(data), learner)
    for _ in range(3):
        answer(earlier, 0, 0, False)
        finish(earlier, 0)
    Journey(mini_course, ProgressStore(data), learner)
    quiz = next(iter(mini_course.quizzes.values()))
    with counting_reads() as reads:
        journey = Journey(mini_course, ProgressStore(data), learner)
        attempt = journey.attempt(quiz)
        for question in quiz.questions:
            grade = Grade(True, 1.0, "x", "x", "x")
            journey.record(quiz, question, attempt.number, grade, 0, 1.0, confidence=3)
        result = journey.finish(quiz, attempt.number)
        shown = on_the_map(journey)
        table = journey.calibration(quiz.id, attempt.number)
        history = journey.results(quiz.id)
    assert reads == []
    assert result.score == 1.0 and table == {(True, True): len(quiz.questions)}
    assert [r.number for r in history] == [1, 2, 3, 4] and history[-1].passed
    store = ProgressStore(data)
    expected = from_answers(mini_course, store, learner)
    assert shown == {name: expected[name] for name in shown}
    with counting_reads() as reads:
        reopened = Journey(mini_course, store, learner)
        assert seen(reopened) == expected
    assert reads == []


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text(max_size=6), json_values, max_size=5), json_values)
def test_a_saved_summary_reads_back_as_derived(derived, replacement) -> None:
    """Saved from the text kept of what did not change, the summary reads back whole."""
    with tempfile.TemporaryDirectory() as folder:
        store = ProgressStore(Path(folder) / "data")
        learner = store.create_learner("Awa").id
        identity = answers_identity(store.paths, learner)
        for _ in range(2):
            save_summary(store.paths, learner, "c", identity, derived)
            assert load_summary(store.paths, learner, "c") == (derived, identity)
            for name, value in list(derived.items()):
                if isinstance(value, dict) and value:
                    value[next(iter(value))] = replacement  # replaced, as the journey does
                else:
                    derived[name] = replacement
                break


def test_an_attempt_resumed_after_a_restart_reads_no_old_answer(mini_course, tmp_path) -> None:
    """The window closed in the middle of an attempt: the next start resumes it, finishes
    it and shows its result from the summary, which keeps the attempt's own answers."""
    data = tmp_path / "data"
    learner = ProgressStore(data).create_learner("Awa")
    earlier = Journey(mini_course, ProgressStore(data), learner)
    answer(earlier, 0, 1, False)
    finish(earlier, 0)
    Journey(mini_course, ProgressStore(data), learner)
    quiz = next(iter(mini_course.quizzes.values()))
    first = Journey(mini_course, ProgressStore(data), learner)
    answer(first, 0, 0, True)  # then the window closes
    with counting_reads() as reads:
        journey = Journey(mini_course, ProgressStore(data), learner)
        attempt = journey.attempt(quiz)
        assert attempt.answered == {quiz.questions[0].id}
        for question in attempt.remaining():
            journey.record(quiz, question, attempt.number, Grade(True, 1.0, "x", "x", "x"), 0, 1.0)
        result = journey.finish(quiz, attempt.number)
        figures = journey.confidence_counts(quiz.id, attempt.number), journey.last_results(quiz.id, 5)
    assert reads == []
    assert result.score == 1.0 and [r.score for r in figures[1]] == [0.0, 1.0]
    store = ProgressStore(data)
    assert seen(Journey(mini_course, store, learner)) == from_answers(mini_course, store, learner)
