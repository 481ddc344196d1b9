"""One learner's figures, from her stored answers and state, in one pass over them.

Answers arrive as the store's dicts (or an export's): each is read into a light
`Row` once, with safe values for anything odd, then grouped by quiz and sitting.
Scores come from `course.learning.scoring`, as in the learner's app.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import compress, pairwise
from operator import attrgetter, itemgetter, le, ne, or_
from typing import Any, NamedTuple

from course.learning.scoring import attempt_score, is_passed, sitting_key
from course.reports.model import (
    AttemptFigures,
    CourseIndex,
    LearnerFigures,
    QuizInfo,
    TestFigures,
    Visit,
    attempt_figures,
    help_level,
    learner_figures,
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


Marks = tuple[tuple[str, ...], tuple[float, ...], tuple[bool, ...], tuple[str, ...]]
"""What a sitting's figures read of its latest answer to each question (item analysis, a
test's discernment), as four columns of one length: the questions, their scores, whether
each was right, the answers' texts. Columns, not a tuple per answer: for answers as the
store writes them they are slices of the learner's columns, and item analysis reads them
column by column."""
NO_MARKS: Marks = ((), (), (), ())


_Scored = list[tuple[AttemptFigures, Marks]]
"""Sittings scored, in time order, each with its latest answer per question (its `Marks`;
`NO_MARKS` where no reader needs them)."""


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
    first_sittings: Mapping[str, tuple[Marks, float]] = field(default_factory=dict)
    """Quiz id → the first sitting's latest answer per question (its `Marks`), and its score
    (item analysis)."""


def _attempt(learner: str, quiz: QuizInfo, rows: list[Row]) -> tuple[AttemptFigures, dict[str, Row]]:
    known = quiz.question_set
    latest = {r.question: r for r in rows if r.question in known}
    raw = sum(r.score for r in latest.values())
    figures = _attempt_figures(
        learner,
        quiz,
        rows[0].sitting,
        rows[0].attempt,
        raw,
        len(latest),
        rows[0].timestamp,
        rows[-1].timestamp,
        rows[-1].session,
        sum(r.duration_s for r in rows),
    )
    return figures, latest


def _attempt_figures(
    learner: str,
    quiz: QuizInfo,
    sitting: str,
    number: int,
    raw: float,
    answered: int,
    started: str,
    finished: str,
    session: str,
    duration_s: float,
) -> AttemptFigures:
    score = attempt_score((raw,), len(quiz.questions))
    return attempt_figures(
        {
            "learner": learner,
            "quiz": quiz.id,
            "sitting": sitting,
            "number": number,
            "score": score,
            "raw": raw,
            "answered": answered,
            "question_count": len(quiz.questions),
            "complete": answered == len(quiz.questions),
            "passed": is_passed(score, quiz.pass_ratio),
            "started": started,
            "finished": finished,
            "session": session or None,
            "duration_s": duration_s,
        }
    )


def _test(quiz: QuizInfo, attempts: _Scored, known: dict[int, TestFigures]) -> TestFigures:
    """The first complete sitting's figures (computed once per sitting, shared by the scopes);
    `attempts`: at least one."""
    chosen = next(((a, latest) for a, latest in attempts if a.complete), None)
    if chosen is None:
        return TestFigures(attempts[0][0].score, False)
    attempt, latest = chosen
    if id(attempt) not in known:
        marks = dict(zip(latest[0], latest[2]))
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

    def __init__(self, first: str, lead: float, last: str) -> None:
        self.answers = self.correct = self.hints = self.activities = self.activities_correct = (
            self.reviews
        ) = 0
        self.first, self.lead, self.last = first, lead, last


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
    columns: tuple[tuple[Any, ...], ...] | None = None,
) -> dict[str | None, LearnerResult]:
    """The figures of one learner for each scope asked (None in `scopes`: every session; a
    label: that session; `scopes` None: every session she was seen in, and all), from ONE
    pass over her answers as stored: attempts are scored once, each belonging to the
    session it ended in. An answer id seen twice counts once; answers may come in any order.
    """
    learner_id, name = _text(learner.get("id")), _text(learner.get("name"))
    if columns is None and type(answers) is list:  # `columns`: `plain_columns(answers)`, if read
        columns = plain_columns(answers)
    fast = _plain_pass(learner_id, columns, index) if columns is not None else None
    if fast is None:
        fast = _careful_pass(learner_id, answers, index, rows)
    tallies, scored = fast
    firsts: dict[str, AttemptFigures] = {}
    for attempt, _ in scored:
        firsts.setdefault(attempt.quiz, attempt)
    lessons = state.get("lessons") if isinstance(state, Mapping) else None
    read = frozenset(
        lesson_id
        for lesson_id, entry in (lessons.items() if isinstance(lessons, Mapping) else ())
        if isinstance(entry, Mapping) and entry.get("read") is True
    )
    tests: dict[int, TestFigures] = {}
    if scopes is None:
        scopes = [None, *tallies, *(label for label in _visit_labels(state) if label not in tallies)]
    course = _course(index)
    visits = _visits(tallies, state, None)  # a session's visit is the same in every scope
    by_session: dict[str, _Scored] = {}  # each sitting in the session it ended in, read once
    if scopes != [None]:
        for pair in scored:
            label = pair[0].session or ""
            found_pairs = by_session.get(label)
            if found_pairs is None:
                by_session[label] = [pair]
            else:
                found_pairs.append(pair)
    return {
        scope: _result(
            learner_id,
            name,
            scope,
            tallies,
            scored if scope is None else by_session.get(scope, []),
            firsts,
            tests,
            read,
            visits,
            course,
            help_below,
        )
        for scope in scopes
    }


class _Course:
    """What `_result` reads of the course, in course order, looked up once per index."""

    __slots__ = ("index", "lessons", "test_quizzes", "tests")

    def __init__(self, index: CourseIndex) -> None:
        self.index = index
        self.lessons = [(lesson.id, lesson.quiz) for lesson in index.lessons.values()]
        self.tests = [(module.id, module.pretest, module.posttest) for module in index.modules.values()]
        self.test_quizzes = frozenset(q for _, pre, post in self.tests for q in (pre, post) if q)


_courses: list[_Course] = []
"""The last index's `_Course` (a report reads one index for every learner)."""


def _course(index: CourseIndex) -> _Course:
    found = _courses[0] if _courses else None
    if found is None or found.index is not index:
        found = _Course(index)
        _courses[:] = [found]  # two threads may race here: each keeps the one it made
    return found


def _careful_pass(
    learner_id: str,
    answers: Iterable[Mapping[str, Any]],
    index: CourseIndex,
    rows: Iterable[Row | None] | None,
) -> tuple[dict[str, _Tally], _Scored]:
    """Session tallies and scored sittings (in time order), answer by answer: any answer,
    however odd, is read by `read_row`."""
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
            tally = tallies[row.session] = _Tally(row.timestamp, row.duration_s, row.timestamp)
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
    scored: _Scored = []
    for (quiz_id, _), group in sittings.items():
        quiz = index.quizzes.get(quiz_id)
        if quiz is not None:
            group.sort(key=_TIME)
            figures, latest = _attempt(learner_id, quiz, group)
            kept = list(latest.values())
            scored.append(
                (
                    figures,
                    (
                        tuple(latest),
                        tuple([r.score for r in kept]),
                        tuple([r.correct for r in kept]),
                        tuple([r.response_text for r in kept]),
                    ),
                )
            )
    scored.sort(key=lambda pair: pair[0].started)
    return tallies, scored


_PLAIN_FIELDS = itemgetter(
    "timestamp",
    "score",
    "duration_s",
    "hints_used",
    "quiz",
    "question",
    "mode",
    "session",
    "sitting",
    "attempt",
    "response_text",
    "id",
    "lesson",
    "correct",
)
_FLOAT, _INT, _BOOL, _ONE_STAMP_LENGTH = {float}, {int}, {bool}, {27}
_SESSION_TYPES = frozenset((str, type(None)))


def plain_columns(answers: list[Any]) -> tuple[tuple[Any, ...], ...] | None:
    """The answers' fields as columns when EVERY answer is one `read_row` takes on its fast
    path whole, with nothing to tidy but a session's spaces (plain dicts, every field of its
    type and in its range, a sitting id, no id twice); None otherwise. Each check runs over a
    whole column at once."""
    count = len(answers)
    if not count or set(map(type, answers)) != {dict}:
        return None
    try:
        columns = tuple(zip(*map(_PLAIN_FIELDS, answers)))
        stamps, scores, durations, hints, quizzes, questions, modes, sessions, sittings, attempts = columns[
            :10
        ]
        texts, ids, lessons, correct = columns[10:]
        # Texts are checked by joining them (only texts join: TypeError), the rest by their types.
        joined = "".join(stamps)
        for column in (quizzes, questions, sittings, texts, ids, lessons):
            "".join(column)
        if not (
            set(map(len, stamps)) == _ONE_STAMP_LENGTH
            and set(map(type, scores)) == _FLOAT
            and set(map(type, durations)) == _FLOAT
            and set(map(type, hints)) == _INT
            and set(map(type, attempts)) == _INT
            and set(map(type, correct)) == _BOOL
            and set(map(type, sessions)) <= _SESSION_TYPES
            and (modes.count("quiz") == count or set(modes) <= _MODES)
            and "" not in sittings
            and len(set(ids)) == count
        ):
            return None
        if (
            joined[10::27] != "T" * count
            or joined[19::27] != "." * count
            or joined[26::27] != "Z" * count
            or not math.isfinite(sum(scores))
            or not math.isfinite(sum(durations))
            or min(scores) < 0.0
            or max(scores) > 1.0
            or min(durations) < 0.0
            or max(durations) >= 1e7
            or min(hints) < 0
        ):
            return None
    except (KeyError, TypeError, ValueError):
        return None
    return columns


def _pick(column: tuple[Any, ...], where: range | list[int]) -> tuple[Any, ...]:
    if type(where) is range:
        return column[where.start : where.stop]
    return tuple(map(column.__getitem__, where))


def _plain_pass(
    learner_id: str, columns: tuple[tuple[Any, ...], ...], index: CourseIndex
) -> tuple[dict[str, _Tally], _Scored]:
    """What `_careful_pass` gives, column by column, for answers as the store writes them
    (their `plain_columns`)."""
    stamps, scores, durations, hints, quizzes, questions, modes, sessions, sittings, attempts = columns[:10]
    texts, correct = columns[10], columns[13]
    runs = _runs(sessions)  # a session's answers mostly follow each other
    labels = dict.fromkeys([label for label, _, _ in runs])  # in order of first answer
    if any(label is None or label != label.strip() for label in labels):
        tidy = {label: label.strip() if label else "" for label in labels}
        sessions = tuple(map(tidy.__getitem__, sessions))
        runs = _runs(sessions)
        labels = dict.fromkeys([label for label, _, _ in runs])
    every_quiz = modes.count("quiz") == len(modes)
    in_order = all(map(le, stamps, stamps[1:]))
    tallies: dict[str, _Tally] = {}
    spans = {label: (a, b) for label, a, b in runs} if len(runs) == len(labels) else {}
    for label in labels:
        mine: tuple[Sequence[Any], ...]
        right: Sequence[Any]
        helped: Sequence[Any]
        kinds: Sequence[Any]
        if in_order and label in spans:  # its first answer comes first, its last last
            a, b = spans[label]
            tally = tallies[label] = _Tally(stamps[a], durations[a], stamps[b - 1])
            right, helped, kinds = correct[a:b], hints[a:b], modes[a:b]
        else:
            if label in spans:
                a, b = spans[label]
                mine = (stamps[a:b], durations[a:b], correct[a:b], hints[a:b], modes[a:b])
            else:
                chosen = list(map(label.__eq__, sessions))
                mine = tuple(
                    list(compress(column, chosen)) for column in (stamps, durations, correct, hints, modes)
                )
            times, lengths, right, helped, kinds = mine
            first = min(times)
            tally = tallies[label] = _Tally(first, lengths[times.index(first)], max(times))
        tally.answers, tally.correct, tally.hints = len(right), sum(right), sum(helped)
        if not every_quiz:
            activity = list(map("activity".__eq__, kinds))
            tally.activities = sum(activity)
            tally.activities_correct = sum(compress(right, activity))
            tally.reviews = kinds.count("review")
    places: range | list[int]
    if every_quiz:
        places = range(len(stamps))
        sitting_runs = [((quizzes[a], sittings[a]), a, b) for _, a, b in _runs(quizzes, sittings)]
    else:
        asked = list(map("quiz".__eq__, modes))
        places = list(compress(range(len(stamps)), asked))
        sitting_runs = _runs(list(compress(zip(quizzes, sittings), asked)))
    groups: dict[tuple[str, str], range | list[int]] = {}
    for key, start, end in sitting_runs:  # a sitting's answers mostly follow each other
        found = groups.get(key)
        groups[key] = places[start:end] if found is None else [*found, *places[start:end]]
    scored: list[tuple[AttemptFigures, tuple[int, int] | dict[str, int]]] = []
    known: dict[str, tuple[QuizInfo, frozenset[str]]] = {}
    for (quiz_id, sitting), where in groups.items():
        found_quiz = known.get(quiz_id)
        if found_quiz is None:
            quiz = index.quizzes.get(quiz_id)
            if quiz is None:
                continue
            found_quiz = known[quiz_id] = (quiz, quiz.question_set)
        quiz, question_ids = found_quiz
        spot: tuple[int, int] | dict[str, int]  # answers a..b, or question → latest answer
        if type(where) is range and (
            in_order or all(map(le, (times := stamps[where.start : where.stop]), times[1:]))
        ):
            a, b = where.start, where.stop
            asked_here = questions[a:b]
            if len(set(asked_here)) == b - a and question_ids.issuperset(asked_here):
                spot = (a, b)  # each question once: its latest answer is its only one
                raw, answered = sum(scores[a:b]), b - a
            else:
                spot = dict(zip(asked_here, where))
            duration = sum(durations[a:b])
        else:
            times = _pick(stamps, where)
            if not all(map(le, times, times[1:])):  # in time order (a stable sort, as `_attempt`'s)
                where = [where[n] for n in sorted(range(len(where)), key=times.__getitem__)]
            spot = dict(zip(_pick(questions, where), where))
            duration = sum(_pick(durations, where))
        if type(spot) is dict:
            if not spot.keys() <= question_ids:
                spot = {q: n for q, n in spot.items() if q in question_ids}
            raw, answered = sum(map(scores.__getitem__, spot.values())), len(spot)
        first, last = where[0], where[-1]
        figures = _attempt_figures(
            learner_id,
            quiz,
            sitting,
            attempts[first],
            raw,
            answered,
            stamps[first],
            stamps[last],
            sessions[last],
            duration,
        )
        scored.append((figures, spot))
    scored.sort(key=lambda pair: pair[0].started)
    # Marks are read of a quiz's first sitting (item analysis) and of a test's sittings only.
    tests = _course(index).test_quizzes
    seen: set[str] = set()
    out: _Scored = []
    for figures, spot in scored:
        marks = NO_MARKS
        if figures.quiz in tests or figures.quiz not in seen:
            seen.add(figures.quiz)
            if isinstance(spot, tuple):
                a, b = spot
                marks = (questions[a:b], scores[a:b], correct[a:b], texts[a:b])
            else:
                kept = tuple(spot.values())
                marks = (
                    tuple(spot),
                    tuple(map(scores.__getitem__, kept)),
                    tuple(map(correct.__getitem__, kept)),
                    tuple(map(texts.__getitem__, kept)),
                )
        out.append((figures, marks))
    return tallies, out


def _runs(column: Sequence[Any], *more: Sequence[Any]) -> list[tuple[Any, int, int]]:
    """Each run of neighbours equal in `column` (and in each of `more`, read alongside): its
    value in `column`, its start and its end."""
    count = len(column)
    if not count:
        return []
    changed = map(ne, column[1:], column)
    for other in more:
        changed = map(or_, changed, map(ne, other[1:], other))
    cuts = [0, *compress(range(1, count), changed), count]
    return [(column[a], a, b) for a, b in pairwise(cuts)]


def _visit_labels(state: Mapping[str, Any]) -> list[str]:
    visits = state.get("visits") if isinstance(state, Mapping) else None
    return [label for label in visits if isinstance(label, str)] if isinstance(visits, Mapping) else []


_TIME = attrgetter("timestamp")


def _result(
    learner_id: str,
    name: str,
    scope: str | None,
    tallies: Mapping[str, _Tally],
    scored: _Scored,
    firsts: Mapping[str, AttemptFigures],
    tests: dict[int, TestFigures],
    read: frozenset[Any],
    every_visit: list[Visit],
    course: _Course,
    help_below: float,
) -> LearnerResult:
    """One scope's figures; `scored`: her sittings in this scope; `read`: the ids of the
    lessons she has read; `every_visit`: her visits of every session."""
    answers = correct = hints = activities = activities_correct = reviews = 0
    for label, tally in tallies.items():
        if scope is None or label == scope:
            answers += tally.answers
            correct += tally.correct
            hints += tally.hints
            activities += tally.activities
            activities_correct += tally.activities_correct
            reviews += tally.reviews
    per_quiz: dict[str, _Scored] = {}
    top: dict[str, float] = {}  # a quiz's best score (the first of the highest)
    won: set[str] = set()  # quizzes passed at least once
    for pair in scored:  # the scope's sittings only
        attempt = pair[0]
        quiz_id = attempt.quiz
        found = per_quiz.get(quiz_id)
        if found is None:
            per_quiz[quiz_id] = [pair]
            top[quiz_id] = attempt.score
        else:
            found.append(pair)
            if attempt.score > top[quiz_id]:
                top[quiz_id] = attempt.score
        if attempt.passed:
            won.add(quiz_id)
    best: dict[str, float] = {}
    passed: set[str] = set()
    done = []
    for lesson_id, lesson_quiz in course.lessons:
        was_read = lesson_id in read
        if lesson_quiz is None:
            if was_read and scope is None:
                done.append(lesson_id)
            continue
        score = top.get(lesson_quiz)
        if score is not None:
            best[lesson_id] = score
            if lesson_quiz in won:
                passed.add(lesson_id)
                if was_read:
                    done.append(lesson_id)
    pretests: dict[str, TestFigures] = {}
    posttests: dict[str, TestFigures] = {}
    quizzes = course.index.quizzes
    for module_id, pretest, posttest in course.tests:
        for test_quiz, into in ((pretest, pretests), (posttest, posttests)):
            if test_quiz and (found := per_quiz.get(test_quiz)):
                into[module_id] = _test(quizzes[test_quiz], found, tests)
    visits = every_visit if scope is None else [v for v in every_visit if v.session == scope]
    average = sum(best.values()) / len(best) if best else None
    level = help_level(average, pretests)
    figures = learner_figures(
        {
            "id": learner_id,
            "name": name,
            "lessons_done": tuple(done),
            "lessons_total": len(course.lessons),
            "best_scores": best,
            "passed": frozenset(passed),
            "average_score": average,
            "pretests": pretests,
            "posttests": posttests,
            "activities": activities,
            "activities_correct": activities_correct,
            "reviews": reviews,
            "answers": answers,
            "correct": correct,
            "hints_used": hints,
            "time_s": sum(v.duration_s for v in visits),
            "visits": tuple(visits),
            "first": min((v.first for v in visits), default=None),
            "last": max((v.last for v in visits), default=None),
            "needs_help": level is not None and level < help_below,
        }
    )
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
