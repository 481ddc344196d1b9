"""Pure computations behind the trainer's report and the exports.

Inputs are plain data: learner and answer dicts as the progress store exports
them, and a `CourseIndex` the app builds from its content model. Outputs are
frozen dataclasses. Nothing here reads files, prints, or imports Textual, so
the app can reuse it for a trainer screen.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

_EPSILON = 1e-9
_CANONICAL = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z")


@dataclass(frozen=True)
class LessonInfo:
    """What the report needs to know of a lesson and its quiz."""

    title: str
    module_title: str
    quiz_id: str | None
    question_count: int
    pass_ratio: float = 0.7


@dataclass(frozen=True)
class QuestionInfo:
    """What the report needs to know of a question."""

    prompt: str
    qtype: str
    lesson_id: str


@dataclass(frozen=True)
class CourseIndex:
    """The course as the report sees it: lessons and questions in course order."""

    title: str
    lessons: Mapping[str, LessonInfo]
    """Lesson id → info, in course order."""
    questions: Mapping[tuple[str, str], QuestionInfo]
    """(quiz id, question id) → info, in quiz order."""
    modules: tuple[str, ...] = ()
    """Module titles, in course order."""

    def quiz_lessons(self) -> dict[str, str]:
        """Quiz id → id of the lesson it belongs to."""
        return {info.quiz_id: lesson for lesson, info in self.lessons.items() if info.quiz_id}


@dataclass(frozen=True)
class Answer:
    """One recorded answer, read defensively from its dict."""

    id: str
    learner: str
    lesson: str
    quiz: str
    question: str
    qtype: str
    response: Any
    response_text: str
    correct: bool
    score: float
    hints_used: int
    duration_s: float
    timestamp: str
    attempt: int
    session: str | None
    confidence: int | None


@dataclass(frozen=True)
class AttemptResult:
    """One attempt at a quiz: its score counted over all the quiz's questions."""

    learner: str
    quiz: str
    lesson: str
    attempt: int
    score: float
    raw: float
    """Sum of the scores of the distinct questions answered."""
    question_count: int
    answered: int
    complete: bool
    """Whether every question of the quiz was answered in this attempt."""
    passed: bool
    duration_s: float
    finished: str
    session: str | None


@dataclass(frozen=True)
class LearnerStats:
    """One learner's figures."""

    id: str
    name: str
    lessons_done: tuple[str, ...]
    lessons_total: int
    """Lessons that have a quiz (only those can be done)."""
    best_scores: Mapping[str, float]
    """Lesson id → best attempt score, for the lessons attempted."""
    average_score: float | None
    """Mean of the best scores of the lessons attempted."""
    answers: int
    correct: int
    success_rate: float | None
    time_spent_s: float
    hints_used: int
    sessions: tuple[str, ...]
    last_activity: str | None


@dataclass(frozen=True)
class QuestionStats:
    """How one question went for the group."""

    quiz: str
    question: str
    lesson: str
    prompt: str
    qtype: str
    answers: int
    correct: int
    success_rate: float
    wrong_answer: str | None
    """The most frequent wrong answer (by response text), if any."""
    wrong_count: int


@dataclass(frozen=True)
class LessonStats:
    """How one lesson went for the group, with its hardest questions."""

    lesson: str
    title: str
    module_title: str
    learners_started: int
    learners_done: int
    hardest: tuple[QuestionStats, ...]
    """Lowest success rate first; only questions with enough answers and some mistakes."""


@dataclass(frozen=True)
class ReportStats:
    """Everything the trainer's report shows, for one filter."""

    title: str
    session: str | None
    learner_filter: tuple[str, ...]
    learners: tuple[LearnerStats, ...]
    lessons: tuple[LessonStats, ...]
    questions: tuple[QuestionStats, ...]
    answers: int
    correct: int
    success_rate: float | None
    time_spent_s: float
    sessions: tuple[str, ...]
    min_answers: int


def utc_timestamp(value: object) -> str | None:
    """`value` as an ISO 8601 UTC timestamp ending in Z, or None if it is not one."""
    if not isinstance(value, str) or not value.strip():
        return None
    if _CANONICAL.fullmatch(value):
        return value
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    spec = "seconds" if moment.microsecond == 0 else "milliseconds"
    return moment.isoformat(timespec=spec).replace("+00:00", "Z")


def _number(value: object, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return low
    try:
        number = float(value)
    except ValueError:
        return low
    return min(max(number, low), high) if math.isfinite(number) else low


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _optional_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


_TEXT_FIELDS = ("id", "learner", "lesson", "quiz", "question", "qtype", "response_text")


def read_answer(raw: Mapping[str, Any]) -> Answer:
    """An `Answer` from a stored dict; odd or missing values get safe defaults."""
    session = raw.get("session")
    timestamp = raw.get("timestamp")
    return Answer(
        **{field: _text(raw.get(field)) for field in _TEXT_FIELDS},
        response=raw.get("response"),
        correct=raw.get("correct") is True,
        score=_number(raw.get("score"), 0.0, 1.0),
        hints_used=int(_number(raw.get("hints_used"), 0, 10**6)),
        duration_s=_number(raw.get("duration_s"), 0.0, 10.0**7),
        timestamp=utc_timestamp(timestamp) or _text(timestamp),
        attempt=max(_optional_int(raw.get("attempt")) or 1, 1),
        session=session if isinstance(session, str) and session.strip() else None,
        confidence=_optional_int(raw.get("confidence")),
    )


def select_answers(
    answers: Iterable[Mapping[str, Any] | Answer], *, session: str | None = None,
    learner_ids: Collection[str] | None = None,
) -> list[Answer]:
    """Answers read, deduplicated by id, filtered, and sorted by time."""
    seen: set[str] = set()
    chosen: list[Answer] = []
    for raw in answers:
        answer = raw if isinstance(raw, Answer) else read_answer(raw)
        if answer.id and answer.id in seen:
            continue
        seen.add(answer.id)
        if session is not None and answer.session != session:
            continue
        if learner_ids is not None and answer.learner not in learner_ids:
            continue
        chosen.append(answer)
    chosen.sort(key=lambda a: (a.timestamp, a.learner, a.quiz, a.attempt, a.id))
    return chosen


def attempt_results(answers: Iterable[Answer], index: CourseIndex) -> list[AttemptResult]:
    """Every quiz attempt found in `answers` (sorted by time), scored over the whole quiz.

    Within an attempt a question answered twice counts once, with its latest answer.
    """
    quiz_lessons = index.quiz_lessons()
    indexed: defaultdict[str, set[str]] = defaultdict(set)
    for quiz, question in index.questions:
        indexed[quiz].add(question)
    groups: defaultdict[tuple[str, str, int], list[Answer]] = defaultdict(list)
    for answer in answers:
        groups[(answer.learner, answer.quiz, answer.attempt)].append(answer)
    results = []
    for (learner, quiz, attempt), group in groups.items():
        group.sort(key=lambda a: a.timestamp)
        latest = {a.question: a for a in group}
        if indexed[quiz]:
            latest = {q: a for q, a in latest.items() if q in indexed[quiz]}
        lesson = quiz_lessons.get(quiz) or group[-1].lesson
        info = index.lessons.get(lesson)
        count = info.question_count if info and info.question_count > 0 else len(latest)
        raw = sum(a.score for a in latest.values())
        score = raw / count if count else 0.0
        ratio = info.pass_ratio if info else 0.7
        results.append(AttemptResult(
            learner=learner, quiz=quiz, lesson=lesson, attempt=attempt,
            score=score, raw=raw, question_count=count, answered=len(latest),
            complete=count > 0 and len(latest) >= count,
            passed=score + _EPSILON >= ratio,
            duration_s=sum(a.duration_s for a in group),
            finished=group[-1].timestamp, session=group[-1].session,
        ))
    results.sort(key=lambda r: (r.finished, r.learner, r.quiz, r.attempt))
    return results


def _learner_stats(
    learner_id: str, name: str, answers: list[Answer],
    attempts: list[AttemptResult], index: CourseIndex,
) -> LearnerStats:
    best: dict[str, float] = {}
    for result in attempts:
        if result.lesson in index.lessons:
            best[result.lesson] = max(best.get(result.lesson, 0.0), result.score)
    done = tuple(
        lesson for lesson, info in index.lessons.items()
        if lesson in best and best[lesson] + _EPSILON >= info.pass_ratio
    )
    ordered = {lesson: best[lesson] for lesson in index.lessons if lesson in best}
    correct = sum(a.correct for a in answers)
    return LearnerStats(
        id=learner_id, name=name, lessons_done=done,
        lessons_total=sum(1 for info in index.lessons.values() if info.quiz_id),
        best_scores=ordered,
        average_score=sum(ordered.values()) / len(ordered) if ordered else None,
        answers=len(answers), correct=correct,
        success_rate=correct / len(answers) if answers else None,
        time_spent_s=sum(a.duration_s for a in answers),
        hints_used=sum(a.hints_used for a in answers),
        sessions=tuple(sorted({a.session for a in answers if a.session})),
        last_activity=max((a.timestamp for a in answers), default=None),
    )


def _frequent_wrong(answers: list[Answer]) -> tuple[str | None, int]:
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for answer in answers:
        text = " ".join(answer.response_text.split())
        if answer.correct or not text:
            continue
        key = text.casefold()
        counts[key] += 1
        shown.setdefault(key, text)
    if not counts:
        return None, 0
    key, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return shown[key], count


def question_stats(answers: Iterable[Answer], index: CourseIndex) -> list[QuestionStats]:
    """Per indexed question that has answers, in course order."""
    by_question: defaultdict[tuple[str, str], list[Answer]] = defaultdict(list)
    for answer in answers:
        by_question[(answer.quiz, answer.question)].append(answer)
    out = []
    for key, info in index.questions.items():
        group = by_question.get(key)
        if not group:
            continue
        correct = sum(a.correct for a in group)
        wrong, wrong_count = _frequent_wrong(group)
        out.append(QuestionStats(
            quiz=key[0], question=key[1], lesson=info.lesson_id, prompt=info.prompt,
            qtype=info.qtype, answers=len(group), correct=correct,
            success_rate=correct / len(group), wrong_answer=wrong, wrong_count=wrong_count,
        ))
    return out


def _lesson_stats(
    questions: list[QuestionStats], attempts: list[AttemptResult], index: CourseIndex,
    min_answers: int, hardest: int,
) -> list[LessonStats]:
    order = {key: position for position, key in enumerate(index.questions)}
    tried_in: defaultdict[str, list[AttemptResult]] = defaultdict(list)
    for result in attempts:
        tried_in[result.lesson].append(result)
    questions_of: defaultdict[str, list[QuestionStats]] = defaultdict(list)
    for question in questions:
        if question.answers >= min_answers and question.success_rate < 1.0:
            questions_of[question.lesson].append(question)
    out = []
    for lesson, info in index.lessons.items():
        tried = tried_in.get(lesson)
        if not tried:
            continue
        candidates = questions_of[lesson]
        candidates.sort(key=lambda q: (q.success_rate, -q.answers, order[(q.quiz, q.question)]))
        out.append(LessonStats(
            lesson=lesson, title=info.title, module_title=info.module_title,
            learners_started=len({r.learner for r in tried}),
            learners_done=len({r.learner for r in tried if r.passed}),
            hardest=tuple(candidates[:hardest]),
        ))
    return out


def compute_report(
    learners: Iterable[Mapping[str, Any]], answers: Iterable[Mapping[str, Any]],
    index: CourseIndex, *, session: str | None = None,
    learner_ids: Collection[str] | None = None, min_answers: int = 3, hardest: int = 3,
) -> ReportStats:
    """The whole report, optionally for one session label and/or some learners.

    With a session, only that session's answers count, and only the learners
    who answered in it are listed; without one, every known learner is listed,
    even those who have not started.
    """
    names = {_text(raw.get("id")): _text(raw.get("name")) for raw in learners}
    chosen = select_answers(answers, session=session, learner_ids=learner_ids)
    attempts = attempt_results(chosen, index)
    by_learner: defaultdict[str, list[Answer]] = defaultdict(list)
    for answer in chosen:
        by_learner[answer.learner].append(answer)
    attempts_of: defaultdict[str, list[AttemptResult]] = defaultdict(list)
    for result in attempts:
        attempts_of[result.learner].append(result)
    ids = set(by_learner) if session is not None else set(names) | set(by_learner)
    if learner_ids is not None:
        ids &= set(learner_ids)
    ids.discard("")
    learner_stats = [
        _learner_stats(i, names.get(i, ""), by_learner[i], attempts_of[i], index)
        for i in ids
    ]
    learner_stats.sort(key=lambda s: (s.name.casefold(), s.id))
    questions = question_stats(chosen, index)
    correct = sum(a.correct for a in chosen)
    return ReportStats(
        title=index.title, session=session,
        learner_filter=tuple(sorted(learner_ids)) if learner_ids is not None else (),
        learners=tuple(learner_stats),
        lessons=tuple(_lesson_stats(questions, attempts, index, min_answers, hardest)),
        questions=tuple(questions), answers=len(chosen), correct=correct,
        success_rate=correct / len(chosen) if chosen else None,
        time_spent_s=sum(a.duration_s for a in chosen),
        sessions=tuple(sorted({a.session for a in chosen if a.session})),
        min_answers=min_answers,
    )
