"""Figures of the trainer's report, checked against values computed by hand.

The data set and the hand computation are in test_reports_data.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from course.reports.safe_text import pseudonym
from course.reports.stats import (
    CourseIndex, LearnerStats, LessonInfo, QuestionInfo, ReportStats, attempt_results,
    compute_report, read_answer, select_answers, utc_timestamp,
)


from tests.unit import reports_data as data


def report(**options: Any) -> ReportStats:
    return compute_report(data.learners(), data.answers(), data.index(), **options)


def by_id(stats: ReportStats) -> dict[str, LearnerStats]:
    return {learner.id: learner for learner in stats.learners}


def test_per_learner_figures() -> None:
    learners = by_id(report())
    lea, karim, zoe = learners[data.LEA], learners[data.KARIM], learners[data.ZOE]
    assert (lea.answers, lea.correct) == (6, 5)
    assert lea.success_rate == pytest.approx(5 / 6)
    assert lea.time_spent_s == 160
    assert lea.sessions == ("atelier-1", "atelier-2")
    assert lea.lessons_done == (data.ILLEC,)
    assert lea.best_scores == {data.ILLEC: 1.0}
    assert lea.average_score == 1.0
    assert (karim.answers, karim.correct, karim.time_spent_s) == (5, 2, 255)
    assert karim.success_rate == pytest.approx(0.4)
    assert karim.hints_used == 2
    assert karim.lessons_done == (data.SIFT,)
    assert karim.best_scores[data.ILLEC] == pytest.approx(1 / 3)
    assert karim.best_scores[data.SIFT] == pytest.approx(0.75)
    assert karim.average_score == pytest.approx((1 / 3 + 0.75) / 2)
    assert (zoe.answers, zoe.correct, zoe.time_spent_s) == (3, 1, 125)
    assert zoe.lessons_done == ()
    # An incomplete attempt is counted over all the quiz's questions: 1 of 3.
    assert zoe.best_scores == {data.ILLEC: pytest.approx(1 / 3), data.SIFT: 0.0}
    assert zoe.last_activity == "2026-12-01T14:10:00Z"
    assert all(learner.lessons_total == 2 for learner in learners.values())


def test_learners_sorted_by_name_and_totals() -> None:
    stats = report()
    assert [learner.name for learner in stats.learners] == ["Karim", "Léa", "Zoé"]
    assert (stats.answers, stats.correct, stats.time_spent_s) == (14, 8, 540)
    assert stats.success_rate == pytest.approx(8 / 14)
    assert stats.sessions == ("atelier-1", "atelier-2")


def test_per_question_success_and_frequent_wrong_answer() -> None:
    questions = {q.question: q for q in report().questions}
    part = questions["part-insee"]
    assert (part.answers, part.correct, part.success_rate) == (4, 1, 0.25)
    assert (part.wrong_answer, part.wrong_count) == ("Environ 5 %", 2)
    definition = questions["definition"]
    assert definition.success_rate == 0.75
    assert (definition.wrong_answer, definition.wrong_count) == ("illettrisme", 1)
    assert questions["aide"].wrong_answer is None
    # A tie is broken alphabetically, so the result never depends on input order.
    assert questions["etapes"].wrong_answer == "E, S, R, C"
    assert list(questions) == ["part-insee", "definition", "aide", "etapes", "source"]


def test_wrong_answers_grouped_without_case_or_extra_spaces() -> None:
    answers = data.answers()
    answers[11]["response_text"] = "  environ   5 %"
    part = {q.question: q for q in compute_report(
        data.learners(), answers, data.index()).questions}["part-insee"]
    assert (part.wrong_answer, part.wrong_count) == ("Environ 5 %", 3)


def test_hardest_questions_per_lesson() -> None:
    lessons = {lesson.lesson: lesson for lesson in report(min_answers=2).lessons}
    illec, sift = lessons[data.ILLEC], lessons[data.SIFT]
    assert [q.question for q in illec.hardest] == ["part-insee", "definition"]
    assert [q.question for q in sift.hardest] == ["etapes"]
    assert (illec.learners_started, illec.learners_done) == (3, 1)
    assert (sift.learners_started, sift.learners_done) == (2, 1)
    default = {lesson.lesson: lesson for lesson in report().lessons}
    assert [q.question for q in default[data.SIFT].hardest] == []
    assert [q.question for q in report(min_answers=2, hardest=1).lessons[0].hardest] == [
        "part-insee"]


def test_session_filter() -> None:
    first = report(session="atelier-1")
    assert first.answers == 8
    assert [learner.name for learner in first.learners] == ["Karim", "Léa"]
    lea = by_id(first)[data.LEA]
    assert (lea.answers, lea.correct, lea.time_spent_s) == (3, 2, 95)
    assert lea.lessons_done == ()
    assert lea.best_scores[data.ILLEC] == pytest.approx(2 / 3)
    second = report(session="atelier-2")
    assert second.answers == 6
    assert [learner.name for learner in second.learners] == ["Léa", "Zoé"]
    assert by_id(second)[data.LEA].lessons_done == (data.ILLEC,)
    assert second.sessions == ("atelier-2",)
    assert report(session="inconnue").learners == ()


def test_learner_filter() -> None:
    stats = report(learner_ids={data.KARIM})
    assert [learner.id for learner in stats.learners] == [data.KARIM]
    assert stats.answers == 5
    assert stats.learner_filter == (data.KARIM,)
    both = report(learner_ids={data.KARIM}, session="atelier-2")
    assert both.learners == () and both.answers == 0


def test_learner_without_answers_listed_unless_session_filter() -> None:
    learners = [*data.learners(), {"id": "d4" * 16, "name": "Inès", "created": ""}]
    stats = compute_report(learners, data.answers(), data.index())
    ines = by_id(stats)["d4" * 16]
    assert (ines.answers, ines.success_rate, ines.average_score) == (0, None, None)
    assert ines.lessons_done == () and ines.last_activity is None
    filtered = compute_report(learners, data.answers(), data.index(), session="atelier-1")
    assert "d4" * 16 not in by_id(filtered)


def test_attempts_completion_and_pass() -> None:
    attempts = attempt_results(select_answers(data.answers()), data.index())
    summary = {(a.learner, a.quiz, a.attempt): (a.complete, a.passed) for a in attempts}
    assert summary == {
        (data.LEA, "q-illec", 1): (True, False),
        (data.LEA, "q-illec", 2): (True, True),
        (data.KARIM, "q-illec", 1): (True, False),
        (data.KARIM, "q-sift", 1): (True, True),
        (data.ZOE, "q-illec", 1): (False, False),
        (data.ZOE, "q-sift", 1): (False, False),
    }


def test_question_answered_twice_in_an_attempt_counts_once() -> None:
    answers = data.answers()[:3]
    retry = dict(answers[2], id="f" * 32, timestamp="2026-11-24T14:05:00Z", correct=False,
                 score=0.0)
    stats = compute_report(data.learners(), [*answers, retry], data.index())
    lea = by_id(stats)[data.LEA]
    assert lea.answers == 4
    assert lea.best_scores[data.ILLEC] == pytest.approx(1 / 3)  # latest answer counts


def test_duplicate_answer_ids_counted_once() -> None:
    answers = data.answers()
    stats = compute_report(data.learners(), answers + answers[:4], data.index())
    assert stats.answers == 14


def test_odd_values_read_safely() -> None:
    answer = read_answer({"id": "x", "score": float("nan"), "duration_s": "abc",
                          "correct": "yes", "attempt": -3, "hints_used": None,
                          "session": "  ", "timestamp": "2026-11-24T15:03:05+01:00"})
    assert (answer.score, answer.duration_s, answer.correct) == (0.0, 0.0, False)
    assert (answer.attempt, answer.hints_used, answer.session) == (1, 0, None)
    assert answer.timestamp == "2026-11-24T14:03:05Z"
    assert read_answer({"score": 7}).score == 1.0
    assert utc_timestamp("not a date") is None
    assert utc_timestamp("2026-11-24T14:03:05.250Z") == "2026-11-24T14:03:05.250Z"


def test_unknown_question_ignored_in_question_stats_but_counted_for_learner() -> None:
    extra = dict(data.answers()[0], id="e" * 32, quiz="retired", question="old")
    stats = compute_report(data.learners(), [*data.answers(), extra], data.index())
    assert all(q.quiz != "retired" for q in stats.questions)
    assert by_id(stats)[data.LEA].answers == 7


def test_pass_ratio_boundary_is_inclusive() -> None:
    index = CourseIndex("c", {"l": LessonInfo("L", "M", "q", 10, 0.7)},
                        {("q", f"{n}"): QuestionInfo("p", "single", "l") for n in range(10)})
    answers = [{"id": f"{n}", "learner": "a", "quiz": "q", "lesson": "l", "question": f"{n}",
                "score": 0.7, "correct": False, "attempt": 1,
                "timestamp": f"2026-11-24T14:00:{n:02d}Z"} for n in range(10)]
    # Ten partial scores of 0.7 sum to 6.999999999999999 in floating point.
    stats = compute_report([{"id": "a", "name": "A"}], answers, index)
    assert stats.learners[0].lessons_done == ("l",)


def test_pseudonym_stable_and_salted() -> None:
    assert pseudonym(data.LEA) == pseudonym(data.LEA)
    assert pseudonym(data.LEA).startswith("apprenant-") and len(pseudonym(data.LEA)) == 18
    assert pseudonym(data.LEA, "sel") != pseudonym(data.LEA)
    assert len({pseudonym(x) for x in (data.LEA, data.KARIM, data.ZOE)}) == 3


def test_reports_package_never_imports_textual() -> None:
    code = ("import sys, course.reports.stats, course.reports.report_view, "
            "course.reports.csv_export, course.reports.xapi; "
            "sys.exit(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))")
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0
