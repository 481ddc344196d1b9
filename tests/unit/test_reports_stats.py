"""The rules under every figure: scoring, attempts by sitting, reading odd answers, statistics."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from course.learning.journey import Journey
from course.learning.scoring import DEFAULT_PASS_RATIO, attempt_score, is_passed, sitting_key
from course.reports.compute import compute_report, memory_source
from course.reports.course_index import build_index
from course.reports.learner_pass import read_row, read_rows, utc_timestamp
from course.reports.model import CourseIndex, LessonInfo, ModuleInfo, QuestionInfo, QuizInfo
from course.reports.stats import correlation, discernment_index, paired_interval, t_quantile_95
from course.text.safe import pseudonym
from tests.unit import reports_data as data


def test_one_pass_rule_and_one_default() -> None:
    from course.content.model import Quiz

    assert Quiz(id="q", lesson="l", questions=[]).pass_ratio == DEFAULT_PASS_RATIO == 0.7
    # Ten partial scores of 0.7 sum to 6.999999999999999 in floating point: still a pass.
    score = attempt_score([0.7] * 10, 10)
    assert score == 0.7 and is_passed(score) and not is_passed(0.69)
    assert attempt_score([1.0], 3) == 0.3333  # counted over ALL the quiz's questions
    assert attempt_score([], 0) == 0.0


def test_sitting_keys_old_and_new() -> None:
    assert sitting_key({"sitting": "abc", "attempt": 2}) == "abc"
    assert sitting_key({"sitting": "", "attempt": 2}) == "#2"  # stores from before sittings
    assert sitting_key({"attempt": "x"}) == "#1"


def test_pass_ratio_boundary_in_the_report() -> None:
    index = CourseIndex(
        "c",
        {"m": ModuleInfo("m", "M", ("l",))},
        {"l": LessonInfo("l", "L", "m", "q")},
        {"q": QuizInfo("q", "Q", "lesson", "m", "l", tuple(str(n) for n in range(10)))},
        {("q", str(n)): QuestionInfo("p", "single") for n in range(10)},
    )
    answers = [
        {
            "id": f"{n}",
            "learner": "a",
            "quiz": "q",
            "lesson": "l",
            "question": f"{n}",
            "score": 0.7,
            "correct": False,
            "attempt": 1,
            "timestamp": f"2026-11-24T14:00:{n:02d}Z",
        }
        for n in range(10)
    ]
    report = compute_report(memory_source([{"id": "a", "name": "A"}], answers), index)
    assert report.learners[0].passed == frozenset({"l"})


def test_odd_values_read_safely() -> None:
    row = read_row(
        {
            "id": "x",
            "score": float("nan"),
            "duration_s": "abc",
            "correct": "yes",
            "attempt": -3,
            "hints_used": None,
            "session": "  ",
            "timestamp": "2026-11-24T15:03:05+01:00",
        }
    )
    assert row is not None
    assert (row.score, row.duration_s, row.correct, row.hints_used, row.session) == (0.0, 0.0, False, 0, "")
    assert row.timestamp == "2026-11-24T14:03:05.000000Z"
    assert read_row({"score": 7, "timestamp": "2026-11-24T14:03:05Z"}).score == 1.0  # type: ignore[union-attr]
    assert read_row({"timestamp": "hier"}) is None
    assert utc_timestamp("2026-11-24T14:03:05.250Z") == "2026-11-24T14:03:05.250000Z"
    # Same id twice (a file copied twice): counted once; times sort whatever their form.
    rows = read_rows(
        [
            {"id": "a", "timestamp": "2026-11-24T14:00:01Z"},
            {"id": "a", "timestamp": "2026-11-24T14:00:01Z"},
            {"id": "b", "timestamp": "2026-11-24T14:00:00.500Z"},
        ]
    )
    assert [r.id for r in rows] == ["b", "a"]


def test_answers_of_a_retired_question_count_for_the_learner_only() -> None:
    extra = dict(data.answers()[0], id="e" * 32, quiz="retired", question="old")
    report = compute_report(memory_source(data.learners(), [*data.answers(), extra]), data.index())
    assert all(item.quiz != "retired" for item in report.items)
    assert {x.id: x.answers for x in report.learners}[data.LEA] == 7


def test_statistics() -> None:
    assert t_quantile_95(1) == 12.706 and t_quantile_95(30) == 2.042 and t_quantile_95(200) == 1.96
    low, high = paired_interval([0.5, -0.5])  # type: ignore[misc]
    assert (low, high) == (pytest.approx(-6.353), pytest.approx(6.353))
    assert paired_interval([0.2]) is None
    assert correlation([1, 0, 1], [1, 0, 1]) == pytest.approx(1.0)
    assert correlation([1, 1, 1], [0, 1, 0]) is None  # nothing varies: no index
    assert discernment_index({"r": True, "m": True}, ["r"], ["m"]) == 1.0
    assert discernment_index({"r": False, "m": True}, ["r"], ["m"]) == 0.0  # doubts everything
    assert discernment_index({"r": True}, ["r"], ["m"]) is None


def test_pseudonym_stable_and_salted() -> None:
    assert pseudonym(data.LEA) == pseudonym(data.LEA)
    assert pseudonym(data.LEA).startswith("apprenant-") and len(pseudonym(data.LEA)) == 18
    assert pseudonym(data.LEA, "sel") != pseudonym(data.LEA)


def test_two_windows_of_one_learner_share_one_attempt(tmp_path: Path) -> None:
    from course.progress import ProgressStore
    from course.quiz.grading import grade

    course = data.course(tmp_path / "cours")
    store = ProgressStore(tmp_path / "data")
    lea = store.create_learner("Léa")
    first, second = Journey(course, store, lea), Journey(course, store, lea)
    quiz = course.quizzes["q1"]
    one = first.attempt(quiz)
    two = second.attempt(quiz)  # its own copy of the state says nothing is open
    assert (two.number, two.sitting) == (one.number, one.sitting) and one.sitting
    question = quiz.questions[0]
    first.record(quiz, question, one.number, grade(question, True), 0, 1.0)
    assert second.attempt(quiz).answered == frozenset({question.id})
    second.record(quiz, quiz.questions[1], two.number, grade(quiz.questions[1], True), 0, 1.0)
    result = first.finish(quiz, one.number)
    assert result.score == 1.0 and result.complete
    third = second.attempt(quiz)
    assert third.number == 2 and third.sitting not in ("", one.sitting)
    assert {a.sitting for a in store.answers(lea.id)} == {one.sitting}
    store.close()


def test_reports_package_never_imports_textual() -> None:
    code = (
        "import sys, course.reports.compute, course.terminal.report_view, course.reports.csv_export, "
        "course.reports.xapi, course.reports.report_html, course.reports.report_json; "
        "sys.exit(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0


def test_answers_stored_before_sittings_still_load(tmp_path: Path) -> None:
    """Old stores number attempts; their answers have no sitting id (and files hold no key)."""
    from course.progress import AnswerRecord, ProgressStore

    course = data.course(tmp_path / "cours")
    store = ProgressStore(tmp_path / "data")
    lea = store.create_learner("Léa")
    for attempt, right in ((1, False), (2, True)):
        for question in ("a", "b"):
            store.record_answer(
                AnswerRecord(
                    id="",
                    learner=lea.id,
                    lesson="l1",
                    quiz="q1",
                    question=question,
                    qtype="true_false",
                    response=right,
                    response_text="Vrai",
                    correct=right,
                    score=float(right),
                    hints_used=0,
                    duration_s=2.0,
                    timestamp="",
                    attempt=attempt,
                    session=None,
                )
            )
    store.update_state(lea.id, lambda s: s.update(quizzes={"q1": {"attempt": 3, "seed": 5, "open": True}}))
    journey = Journey(course, store, lea)
    assert [r.score for r in journey.results("q1")] == [0.0, 1.0]
    attempt = journey.attempt(course.quizzes["q1"])  # the open old-style attempt is resumed
    assert (attempt.number, attempt.sitting) == (3, "")
    report = compute_report(
        memory_source([lea.to_dict()], [a.to_dict() for a in store.answers(lea.id)]), build_index(course)
    )
    assert [(a.sitting, a.score) for a in report.attempts] == [("#1", 0.0), ("#2", 1.0)]
    store.close()
