"""A learner's figures read column by column (answers as the store writes them) are the
figures read answer by answer: same attempts, scores, sessions, marks, in the same order;
answers of any other shape take the answer-by-answer read."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from course.reports import csv_export, learner_pass
from course.reports.learner_pass import learner_results
from tests.unit import reports_data as data

INDEX = data.index()
LEARNER = {"id": data.LEA, "name": "Léa"}
STATE = {
    "lessons": {data.ILLEC: {"section": 1, "read": True}},
    "visits": {"matin": {"first": "2026-11-24T08:00:00.000000Z", "last": "2026-11-24T12:30:00.000000Z"}},
}
QUESTIONS = [*INDEX.questions, ("q-illec", "inconnue"), ("q-absent", "q1")]
ODD = {
    "int score": ("score", 1),
    "bool hints": ("hints_used", True),
    "short time": ("timestamp", "2026-11-24T14:00:00Z"),
    "no sitting": ("sitting", ""),
    "bad mode": ("mode", "devoir"),
    "score too high": ("score", 1.5),
    "nan duration": ("duration_s", float("nan")),
    "no time": ("timestamp", None),
    "list session": ("session", ["matin"]),
}


def answer(n: int, pick: tuple[Any, ...]) -> dict[str, Any]:
    (quiz, question), session, mode, sitting, minute, right, hints, duration, attempt = pick
    return {
        "id": f"{n:032x}",
        "learner": data.LEA,
        "lesson": data.ILLEC,
        "quiz": quiz,
        "question": question,
        "qtype": "single",
        "response": 1,
        "response_text": "oui" if right else f"non {minute % 3}",
        "correct": right,
        "score": 1.0 if right else 0.0,
        "hints_used": hints,
        "duration_s": duration,
        "timestamp": f"2026-11-24T{9 + minute // 60:02d}:{minute % 60:02d}:00.000000Z",
        "attempt": attempt,
        "session": session,
        "confidence": None,
        "mode": mode,
        "sitting": sitting,
    }


answers = st.lists(
    st.tuples(
        st.sampled_from(QUESTIONS),
        st.sampled_from(["matin", "après-midi", " matin ", None, ""]),
        st.sampled_from(["quiz", "quiz", "quiz", "activity", "review"]),
        st.sampled_from(["s1", "s2", "s3"]),
        st.integers(0, 40),
        st.booleans(),
        st.integers(0, 2),
        st.sampled_from([0.0, 12.5, 30.0, 7.25, 0.0004, 123456.78951]),
        st.integers(1, 3),
    ),
    max_size=40,
).map(lambda picks: [answer(n, pick) for n, pick in enumerate(picks)])


def seen(results: dict[str | None, Any]) -> list[Any]:
    """Everything a view reads of the results; marks as (question, score, correct, text)."""
    return [
        (
            scope,
            result.figures,
            result.attempts,
            [
                (quiz, list(zip(*marks, strict=True)), score)
                for quiz, (marks, score) in result.first_sittings.items()
            ],
        )
        for scope, result in results.items()
    ]


def both(answers: list[dict[str, Any]], scopes: Any = None) -> tuple[list[Any], list[Any]]:
    plain = learner_results(LEARNER, answers, STATE, INDEX, scopes, 0.5)
    careful = learner_results(LEARNER, iter(answers), STATE, INDEX, scopes, 0.5)  # not a list
    return seen(plain), seen(careful)


@settings(max_examples=150, deadline=None)
@given(answers, st.sampled_from(list(ODD)), st.integers(0, 39), st.booleans())
def test_columns_give_the_figures_answers_give(
    answers: list[dict[str, Any]], odd: str, where: int, spoil: bool
) -> None:
    if spoil and answers:
        field, value = ODD[odd]
        answers[where % len(answers)][field] = value
    plain, careful = both(answers)
    assert plain == careful
    plain, careful = both(answers, [None, "matin", "absent"])
    assert plain == careful


def test_a_duplicate_and_a_sitting_spread_out_count_as_answer_by_answer() -> None:
    picks = [
        (("q-illec", "part-insee"), "matin", "quiz", "s1", 5, True, 0, 10.0, 1),
        (("q-sift", "etapes"), "matin", "quiz", "s2", 6, False, 1, 10.0, 1),
        (("q-illec", "definition"), "matin", "quiz", "s1", 4, True, 0, 10.0, 1),  # earlier, later in file
        (("q-illec", "part-insee"), "matin", "quiz", "s1", 7, False, 0, 10.0, 1),  # answered again
    ]
    answers = [answer(n, pick) for n, pick in enumerate(picks)]
    plain, careful = both(answers)
    assert plain == careful
    attempt = next(a for a in plain[0][2] if a.quiz == "q-illec")
    assert (attempt.raw, attempt.answered, attempt.started) == (1.0, 2, "2026-11-24T09:04:00.000000Z")
    answers.append(dict(answers[0]))  # the same answer from two windows
    assert both(answers)[0] == both(answers)[1] == plain


def test_answers_as_the_store_writes_them_are_not_read_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    picks = [
        (question, session, "quiz", f"s{n // 3}", n, n % 2 == 0, 0, 20.0, 1)
        for n, (question, session) in enumerate(
            (q, s) for s in ("matin", "après-midi") for q in list(INDEX.questions)[:3]
        )
    ]
    answers = [answer(n, pick) for n, pick in enumerate(picks)]
    expected = seen(learner_results(LEARNER, iter(answers), STATE, INDEX, None, 0.5))
    calls = []
    monkeypatch.setattr(learner_pass, "read_row", lambda raw: calls.append(raw))
    assert seen(learner_results(LEARNER, answers, STATE, INDEX, None, 0.5)) == expected
    assert calls == []
    assert [scope for scope, *_ in expected] == [None, "matin", "après-midi"]


def csv_rows(answers: list[Any], sep: str, session: str | None) -> tuple[str, int]:
    from course.reports.compute import LearnerData

    lesson_quizzes = {q.id for q in INDEX.quizzes.values() if q.kind == "lesson"}
    data = LearnerData(LEARNER, answers, STATE)
    return csv_export._learner_rows(
        "=Léa", data, INDEX, session, lesson_quizzes, {}, csv_export._Cells(sep), sep
    )


@settings(max_examples=150, deadline=None)
@given(
    answers,
    st.text(alphabet=st.sampled_from("=+-@\t\r\n ;,\"'aé1"), max_size=6),
    st.sampled_from(["qtype", "confidence", "response_text", "session", "sitting", "timestamp", None]),
    st.integers(0, 39),
    st.sampled_from([";", ","]),
    st.sampled_from([None, "matin", "après-midi"]),
)
@example(  # an answer that is a line break alone: quoted, not taken for a plain text
    [answer(0, (("q-illec", "part-insee"), "matin", "quiz", "s1", 0, False, 0, 0.0, 1))],
    "\n",
    "response_text",
    0,
    ";",
    None,
)
def test_csv_rows_read_column_by_column_are_the_rows_read_answer_by_answer(
    answers: list[dict[str, Any]], text: str, field: str | None, where: int, sep: str, session: str | None
) -> None:
    if field and answers:
        answers[where % len(answers)][field] = (
            3 if field == "confidence" else "=026-11-24T1;:0,:00.000000Z" if field == "timestamp" else text
        )
    plain = csv_rows(answers, sep, session)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(csv_export, "plain_columns", lambda answers: None)
        careful = csv_rows(answers, sep, session)
    assert plain == careful


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.floats(min_value=-1e7, max_value=1e7, allow_nan=False)
        | st.sampled_from([0.0, -0.0, 10.0, 100.0, 0.0005, 1000.0004]),
        max_size=30,
    ),
    st.sampled_from([";", ","]),
)
def test_decimals_of_a_column_are_each_number_formatted(values: list[float], sep: str) -> None:
    assert csv_export._decimals(values, sep) == [csv_export.format_number(v, sep) for v in values]
