"""One learner's figures, from her stored answers and state, in one pass over them.

Answers arrive as the store's dicts (or an export's): each is read into a light
`Row` once, with safe values for anything odd, then grouped by quiz and sitting.
Scores come from `course.learning.scoring`, as in the learner's app.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from operator import attrgetter
from typing import Any, NamedTuple

from course.learning.scoring import attempt_score, is_passed, sitting_key
from course.reports.model import (
    AttemptFigures,
    CourseIndex,
    LearnerFigures,
    QuizInfo,
    TestFigures,
    Visit,
)
from course.reports.stats import discernment_index

_CANONICAL = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")


class Row(NamedTuple):
    """One answer, read defensively."""

    timestamp: str
    quiz: str
    question: str
    mode: str
    session: str
    sitting: str
    attempt: int
    score: float
    correct: bool
    duration_s: float
    hints_used: int
    response_text: str
    id: str
    lesson: str
    raw: Mapping[str, Any]


def utc_timestamp(value: object) -> str | None:
    """`value` as "YYYY-MM-DDTHH:MM:SS.ffffffZ" (sorts as text), or None if it is not a time."""
    if not isinstance(value, str):
        return None
    if _CANONICAL.fullmatch(value):
        return value
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(value: str) -> datetime:
    """A canonical timestamp as a datetime (the epoch for a malformed one: it cannot crash a report)."""
    try:
        return datetime.fromisoformat(value[:-1]).replace(tzinfo=UTC)
    except ValueError:
        return datetime.fromtimestamp(0, UTC)


def _number(value: object, high: float) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return min(max(float(value), 0.0), high)
    return 0.0


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def read_row(raw: Mapping[str, Any]) -> Row | None:
    """A `Row`, or None for an answer without a usable time (it cannot be placed).

    Answers as the store writes them take a fast path (a few type checks); anything else
    (other machines, old versions, hand edits) is read field by field with safe defaults.
    """
    try:
        stamp, score, duration, hints = raw["timestamp"], raw["score"], raw["duration_s"], raw["hints_used"]
        quiz, question, mode, session = raw["quiz"], raw["question"], raw["mode"], raw["session"]
        sitting, attempt, text, answer_id = raw["sitting"], raw["attempt"], raw["response_text"], raw["id"]
        lesson, correct = raw["lesson"], raw["correct"]
    except KeyError:
        return _read_row_slowly(raw)
    if (
        type(stamp) is str
        and len(stamp) == 27
        and stamp[10] == "T"
        and stamp[19] == "."
        and stamp[26] == "Z"
        and type(score) is float
        and 0.0 <= score <= 1.0
        and type(duration) is float
        and 0.0 <= duration < 1e7
        and type(hints) is int
        and hints >= 0
        and type(quiz) is str
        and type(question) is str
        and mode in _MODES
        and (session is None or type(session) is str)
        and type(sitting) is str
        and type(attempt) is int
        and type(text) is str
        and type(answer_id) is str
        and type(lesson) is str
    ):
        return Row(
            stamp,
            quiz,
            question,
            mode,
            session.strip() if session else "",
            sitting or f"#{attempt}",
            attempt,
            score,
            correct is True,
            duration,
            hints,
            text,
            answer_id,
            lesson,
            raw,
        )
    return _read_row_slowly(raw)


_MODES = frozenset(("quiz", "review", "activity"))


def _read_row_slowly(raw: Mapping[str, Any]) -> Row | None:
    stamp = raw.get("timestamp")
    timestamp = stamp if isinstance(stamp, str) and _CANONICAL.fullmatch(stamp) else utc_timestamp(stamp)
    if timestamp is None:
        return None
    attempt = raw.get("attempt")
    mode = raw.get("mode", "quiz")
    return Row(
        timestamp,
        _text(raw.get("quiz")),
        _text(raw.get("question")),
        mode if mode in _MODES else "quiz",
        _text(raw.get("session")).strip(),
        sitting_key(raw),
        attempt if isinstance(attempt, int) and not isinstance(attempt, bool) else 1,
        _number(raw.get("score"), 1.0),
        raw.get("correct") is True,
        _number(raw.get("duration_s"), 1e7),
        int(_number(raw.get("hints_used"), 1e6)),
        _text(raw.get("response_text")),
        _text(raw.get("id")),
        _text(raw.get("lesson")),
        raw,
    )


def read_each(answers: Iterable[Mapping[str, Any]]) -> list[Row | None]:
    """`read_row` of each answer, in the order given (None for one that cannot be placed)."""
    return [read_row(raw) if isinstance(raw, Mapping) else None for raw in answers]


def unique_in_time_order(rows: Iterable[Row | None]) -> list[Row]:
    """Rows in time order, an id seen twice counted once (the first copy)."""
    seen: set[str] = set()
    out = []
    for row in rows:
        if row is None or (row.id and row.id in seen):
            continue
        seen.add(row.id)
        out.append(row)
    out.sort(key=_TIME)
    return out


def read_rows(answers: Iterable[Mapping[str, Any]]) -> list[Row]:
    """Rows in time order, an id seen twice counted once (the first copy)."""
    return unique_in_time_order(read_each(answers))


@dataclass
class LearnerResult:
    figures: LearnerFigures
    attempts: list[AttemptFigures]
    first_sittings: Mapping[str, tuple[Mapping[str, Any], float]] = field(default_factory=dict)
    """Quiz id → the first sitting's latest answer per question (a `Row`, or what the report
    cache keeps of it: score, correct, response_text), and its score (item analysis)."""


def _attempt(learner: str, quiz: QuizInfo, rows: list[Row]) -> tuple[AttemptFigures, dict[str, Row]]:
    known = quiz.question_set
    latest = {r.question: r for r in rows if r.question in known}
    raw = sum(r.score for r in latest.values())
    score = attempt_score((raw,), len(quiz.questions))
    figures = AttemptFigures(
        learner=learner,
        quiz=quiz.id,
        sitting=rows[0].sitting,
        number=rows[0].attempt,
        score=score,
        raw=raw,
        answered=len(latest),
        question_count=len(quiz.questions),
        complete=len(latest) == len(quiz.questions),
        passed=is_passed(score, quiz.pass_ratio),
        started=rows[0].timestamp,
        finished=rows[-1].timestamp,
        session=rows[-1].session or None,
        duration_s=sum(r.duration_s for r in rows),
    )
    return figures, latest


def _test(
    quiz: QuizInfo, attempts: list[tuple[AttemptFigures, dict[str, Row]]], known: dict[int, TestFigures]
) -> TestFigures | None:
    """The first complete sitting's figures (computed once per sitting, shared by the scopes)."""
    if not attempts:
        return None
    chosen = next(((a, latest) for a, latest in attempts if a.complete), None)
    if chosen is None:
        return TestFigures(attempts[0][0].score, False)
    attempt, latest = chosen
    if id(attempt) not in known:
        marks = {q: r.correct for q, r in latest.items()}
        known[id(attempt)] = TestFigures(
            attempt.score, True, discernment_index(marks, quiz.reliable, quiz.misleading)
        )
    return known[id(attempt)]


class _Tally:
    """What one session's answers add up to for one learner."""

    __slots__ = (
        "activities",
        "activities_correct",
        "answers",
        "correct",
        "first",
        "hints",
        "last",
        "lead",
        "reviews",
    )

    def __init__(self, row: Row) -> None:
        self.answers = self.correct = self.hints = self.activities = self.activities_correct = (
            self.reviews
        ) = 0
        self.first, self.lead, self.last = row.timestamp, row.duration_s, row.timestamp


def _visits(tallies: Mapping[str, _Tally], state: Mapping[str, Any], scope: str | None) -> list[Visit]:
    spans: dict[str, list[Any]] = {
        label: [tally.first, tally.lead, tally.last, tally.answers, None]
        for label, tally in tallies.items()
        if scope is None or label == scope
    }
    stored = state.get("visits") if isinstance(state, Mapping) else None
    for label, visit in stored.items() if isinstance(stored, Mapping) else ():
        if (
            (scope is not None and label != scope)
            or not isinstance(visit, Mapping)
            or not isinstance(label, str)
        ):
            continue
        began, ended = utc_timestamp(visit.get("first")), utc_timestamp(visit.get("last"))
        if began is None or ended is None:
            continue
        span = spans.setdefault(label, [began, 0.0, ended, 0, None])
        span[4] = began
        span[2] = max(span[2], ended)
    visits = []
    for label, (first, lead, last, count, read) in sorted(spans.items(), key=lambda item: item[1][0]):
        # The first answer began `lead` seconds before it was stored; reading may begin earlier.
        start = parse_time(first) - timedelta(seconds=lead)
        if read is not None:
            start = min(start, parse_time(read))
            first = min(first, read)
        duration = max((parse_time(last) - start).total_seconds(), 0.0)
        visits.append(Visit(label, first, last, duration, count))
    return visits


def learner_results(
    learner: Mapping[str, Any],
    answers: Iterable[Mapping[str, Any]],
    state: Mapping[str, Any],
    index: CourseIndex,
    scopes: Iterable[str | None] | None,
    help_below: float,
    *,
    rows: Iterable[Row | None] | None = None,
) -> dict[str | None, LearnerResult]:
    """The figures of one learner for each scope asked (None in `scopes`: every session; a
    label: that session; `scopes` None: every session she was seen in, and all), from ONE
    pass over her answers as stored: attempts are scored once, each belonging to the
    session it ended in. An answer id seen twice counts once; answers may come in any order.
    """
    learner_id, name = _text(learner.get("id")), _text(learner.get("name"))
    tallies: dict[str, _Tally] = {}
    sittings: dict[tuple[str, str], list[Row]] = {}
    seen: set[str] = set()
    if rows is None:  # `rows`: `read_each(answers)`, when the caller has read them already
        rows = (read_row(raw) if isinstance(raw, Mapping) else None for raw in answers)
    for row in rows:
        if row is None or row.id in seen:
            continue
        if row.id:
            seen.add(row.id)
        tally = tallies.get(row.session)
        if tally is None:
            tally = tallies[row.session] = _Tally(row)
        elif row.timestamp < tally.first:
            tally.first, tally.lead = row.timestamp, row.duration_s
        elif row.timestamp > tally.last:
            tally.last = row.timestamp
        tally.answers += 1
        tally.correct += row.correct
        tally.hints += row.hints_used
        mode = row.mode
        if mode == "quiz":
            group = sittings.get((row.quiz, row.sitting))
            if group is None:
                sittings[(row.quiz, row.sitting)] = [row]
            else:
                group.append(row)
        elif mode == "activity":
            tally.activities += 1
            tally.activities_correct += row.correct
        else:
            tally.reviews += 1
    scored = []
    for (quiz_id, _), group in sittings.items():
        quiz = index.quizzes.get(quiz_id)
        if quiz is not None:
            group.sort(key=_TIME)
            scored.append(_attempt(learner_id, quiz, group))
    scored.sort(key=lambda pair: pair[0].started)
    firsts: dict[str, AttemptFigures] = {}
    for attempt, _ in scored:
        firsts.setdefault(attempt.quiz, attempt)
    read = state.get("lessons") if isinstance(state, Mapping) else None
    read = read if isinstance(read, Mapping) else {}
    tests: dict[int, TestFigures] = {}
    if scopes is None:
        scopes = [None, *tallies, *(label for label in _visit_labels(state) if label not in tallies)]
    return {
        scope: _result(
            learner_id, name, scope, tallies, scored, firsts, tests, read, state, index, help_below
        )
        for scope in scopes
    }


def _visit_labels(state: Mapping[str, Any]) -> list[str]:
    visits = state.get("visits") if isinstance(state, Mapping) else None
    return [label for label in visits if isinstance(label, str)] if isinstance(visits, Mapping) else []


_TIME = attrgetter("timestamp")


def _result(
    learner_id: str,
    name: str,
    scope: str | None,
    tallies: Mapping[str, _Tally],
    scored: list[tuple[AttemptFigures, dict[str, Row]]],
    firsts: Mapping[str, AttemptFigures],
    tests: dict[int, TestFigures],
    read: Mapping[str, Any],
    state: Mapping[str, Any],
    index: CourseIndex,
    help_below: float,
) -> LearnerResult:
    answers = correct = hints = activities = activities_correct = reviews = 0
    for label, tally in tallies.items():
        if scope is None or label == scope:
            answers += tally.answers
            correct += tally.correct
            hints += tally.hints
            activities += tally.activities
            activities_correct += tally.activities_correct
            reviews += tally.reviews
    per_quiz: dict[str, list[tuple[AttemptFigures, dict[str, Row]]]] = {}
    for pair in scored:
        if scope is None or (pair[0].session or "") == scope:
            per_quiz.setdefault(pair[0].quiz, []).append(pair)
    best: dict[str, float] = {}
    passed: set[str] = set()
    done = []
    for lesson in index.lessons.values():
        entry = read.get(lesson.id)
        was_read = isinstance(entry, Mapping) and entry.get("read") is True
        if lesson.quiz is None:
            if was_read and scope is None:
                done.append(lesson.id)
            continue
        found = per_quiz.get(lesson.quiz)
        if found:
            best[lesson.id] = max(a.score for a, _ in found)
            if any(a.passed for a, _ in found):
                passed.add(lesson.id)
                if was_read:
                    done.append(lesson.id)
    pretests: dict[str, TestFigures] = {}
    posttests: dict[str, TestFigures] = {}
    for module in index.modules.values():
        for quiz_id, into in ((module.pretest, pretests), (module.posttest, posttests)):
            if (
                quiz_id
                and (test := _test(index.quizzes[quiz_id], per_quiz.get(quiz_id, []), tests)) is not None
            ):
                into[module.id] = test
    visits = _visits(
        {label: t for label, t in tallies.items() if scope is None or label == scope}, state, scope
    )
    average = sum(best.values()) / len(best) if best else None
    figures = LearnerFigures(
        id=learner_id,
        name=name,
        lessons_done=tuple(done),
        lessons_total=len(index.lessons),
        best_scores=best,
        passed=frozenset(passed),
        average_score=average,
        pretests=pretests,
        posttests=posttests,
        activities=activities,
        activities_correct=activities_correct,
        reviews=reviews,
        answers=answers,
        correct=correct,
        hints_used=hints,
        time_s=sum(v.duration_s for v in visits),
        visits=tuple(visits),
        first=min((v.first for v in visits), default=None),
        last=max((v.last for v in visits), default=None),
        needs_help=False,
    )
    level = figures.level
    if level is not None and level < help_below:
        figures = replace(figures, needs_help=True)
    # Item analysis reads each learner's first sitting of a quiz; a session's view keeps those
    # first sittings that were taken in it.
    first = {
        quiz_id: (found[0][1], found[0][0].score)
        for quiz_id, found in per_quiz.items()
        if scope is None or found[0][0] is firsts.get(quiz_id)
    }
    return LearnerResult(figures, [a for pairs in per_quiz.values() for a, _ in pairs], first)


def learner_result(
    learner: Mapping[str, Any],
    answers: Iterable[Mapping[str, Any]],
    state: Mapping[str, Any],
    index: CourseIndex,
    scope: str | None,
    help_below: float,
) -> LearnerResult:
    """One scope's figures (`learner_results` for a single scope)."""
    return learner_results(learner, answers, state, index, (scope,), help_below)[scope]
