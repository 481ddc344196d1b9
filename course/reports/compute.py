"""The one function that turns stored answers into the report model: `compute_reports`.

It reads learner after learner (a `LearnerData` at a time, straight from the
store or from an export), so memory holds one learner's answers plus the
figures, never every answer. One pass can fill several scopes at once (all
sessions and each session), which lets the F9 screen switch session instantly.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from operator import attrgetter
from typing import Any

from course.reports.items import ItemCollector
from course.reports.learner_pass import LearnerResult, Row, learner_results, parse_time
from course.reports.model import (
    AttemptFigures,
    CourseIndex,
    ImpactRow,
    LearnerFigures,
    LessonFigures,
    ModuleImpact,
    Report,
    SessionFigures,
)
from course.reports.stats import mean, paired_interval

ALL = None
"""The scope of every session together."""
DEFAULT_HELP_BELOW = 0.5
"""A learner whose level is under this share stands out as needing help."""


class LearnerData:
    """What the report reads of one learner: her profile, her answers (dicts), her state.

    Answers and state may be read only when first asked for (`read`): a learner whose
    figures come from the report cache (`cache`, see `course.reports.cache`) is never read.
    """

    __slots__ = ("_answers", "_read", "_state", "cache", "columns", "learner", "rows")

    def __init__(
        self,
        learner: Mapping[str, Any],
        answers: list[Mapping[str, Any]] | None = None,
        state: Mapping[str, Any] | None = None,
        *,
        read: Callable[[], tuple[list[Mapping[str, Any]], Mapping[str, Any]]] | None = None,
        cache: Any = None,
    ) -> None:
        self.learner = learner
        self._answers = answers if answers is not None or read is not None else []
        self._state = state if state is not None or read is not None else {}
        self._read = read
        self.cache = cache
        self.rows: list[Row | None] | None = None
        """`read_each(self.answers)`, once a reader (the CSV of every answer) has done it."""
        self.columns: tuple[tuple[Any, ...], ...] | None = None
        """`plain_columns(self.answers)`, once a reader has found them plain."""

    def _fill(self) -> None:
        if self._read is not None:
            self._answers, self._state = self._read()
            self._read = None

    @property
    def answers(self) -> list[Mapping[str, Any]]:
        self._fill()
        return self._answers or []

    @property
    def state(self) -> Mapping[str, Any]:
        self._fill()
        return self._state or {}


def store_source(
    store: Any, learner_ids: Collection[str] | None = None, order: Callable[[Any], Any] | None = None
) -> tuple[int, Iterator[LearnerData]]:
    """How many learners, and each one's data read from a `ProgressStore` as it is needed
    (in name order, or `order` of the profile: pseudonymous exports sort by pseudonym)."""
    learners = [x for x in store.list_learners() if learner_ids is None or x.id in learner_ids]
    if order is not None:
        learners.sort(key=order)

    def read() -> Iterator[LearnerData]:
        for learner in learners:
            yield LearnerData(learner.to_dict(), *store.read_for_report(learner.id))

    return len(learners), read()


def memory_source(
    learners: Iterable[Mapping[str, Any]],
    answers: Iterable[Mapping[str, Any]],
    states: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[LearnerData]:
    """The same data from lists (an export file, a test): answers grouped by learner."""
    by_learner: dict[str, list[Mapping[str, Any]]] = {}
    for answer in answers:
        by_learner.setdefault(str(answer.get("learner", "")), []).append(answer)
    known = [dict(x) for x in learners]
    ids = {str(x.get("id", "")) for x in known}
    known += [{"id": i, "name": ""} for i in by_learner if i and i not in ids]
    return [
        LearnerData(x, by_learner.get(str(x.get("id", "")), []), (states or {}).get(str(x.get("id")), {}))
        for x in known
    ]


class _Scope:
    """The figures of one scope, added to learner by learner."""

    def __init__(self, label: str | None) -> None:
        self.label = label
        self.results: list[LearnerResult] = []
        self.items = ItemCollector()

    def add(self, result: LearnerResult, index: CourseIndex) -> None:
        self.items.add(result.first_sittings, index)
        self.results.append(LearnerResult(result.figures, result.attempts))  # answers let go


def _sessions(results: list[LearnerResult]) -> tuple[SessionFigures, ...]:
    spans: dict[str, list[Any]] = {}
    for result in results:
        for visit in result.figures.visits:
            span = spans.setdefault(visit.session, [visit.first, visit.last, [], 0, 0.0])
            span[0], span[1] = min(span[0], visit.first), max(span[1], visit.last)
            span[2].append(result.figures.id)
            span[3] += visit.answers
            span[4] = max(span[4], visit.duration_s)
    # A session lasts from its first arrival to its last action (or its longest visit, which
    # counts the time spent on the first answer).
    return tuple(
        SessionFigures(
            label,
            tuple(ids),
            first,
            last,
            max(longest, (parse_time(last) - parse_time(first)).total_seconds()),
            answers,
        )
        for label, (first, last, ids, answers, longest) in sorted(spans.items(), key=lambda s: s[1][0])
    )


def _lessons(learners: list[LearnerFigures], index: CourseIndex) -> tuple[LessonFigures, ...]:
    out = []
    for lesson in index.lessons.values():
        bests = [x.best_scores[lesson.id] for x in learners if lesson.id in x.best_scores]
        started = sum(1 for x in learners if lesson.id in x.best_scores or lesson.id in x.lessons_done)
        if started:
            out.append(
                LessonFigures(
                    lesson.id,
                    lesson.title,
                    index.modules[lesson.module].title,
                    started,
                    sum(1 for x in learners if lesson.id in x.lessons_done),
                    mean(bests),
                )
            )
    return tuple(out)


def _impact(
    learners: list[LearnerFigures], index: CourseIndex
) -> tuple[tuple[ImpactRow, ...], tuple[ModuleImpact, ...]]:
    rows: list[ImpactRow] = []
    modules = []
    for module in index.modules.values():
        if not module.pretest and not module.posttest:
            continue
        mine = []
        incomplete, pre_only = [], []
        for x in learners:
            pre, post = x.pretests.get(module.id), x.posttests.get(module.id)
            if pre is None and post is None:
                continue
            if (pre and not pre.complete) or (post and not post.complete):
                incomplete.append(x.id)
            done_pre, done_post = (
                (pre if pre and pre.complete else None),
                (post if post and post.complete else None),
            )
            if done_pre and not done_post:
                pre_only.append(x.id)
            if done_pre or done_post:
                mine.append(
                    ImpactRow(
                        x.id,
                        module.id,
                        done_pre.score if done_pre else None,
                        done_post.score if done_post else None,
                        done_pre.discernment if done_pre else None,
                        done_post.discernment if done_post else None,
                    )
                )
        if not mine and not incomplete:
            continue
        rows += mine
        pairs = [r for r in mine if r.gain is not None]
        gains = [r.gain for r in pairs if r.gain is not None]
        interval = paired_interval(gains)
        modules.append(
            ModuleImpact(
                module.id,
                module.title,
                len(pairs),
                mean([r.pre for r in pairs if r.pre is not None]),
                mean([r.post for r in pairs if r.post is not None]),
                mean(gains),
                interval[0] if interval else None,
                interval[1] if interval else None,
                tuple(incomplete),
                tuple(pre_only),
            )
        )
    return tuple(rows), tuple(modules)


_LEARNER, _STARTED = attrgetter("learner"), attrgetter("started")


def _report(
    scope: _Scope, index: CourseIndex, learner_filter: tuple[str, ...], help_below: float, min_answers: int
) -> Report:
    learners = sorted((r.figures for r in scope.results), key=lambda x: (x.name.casefold(), x.id))
    # By start, then learner: two stable sorts order as one by (started, learner) does, and
    # compare texts rather than pairs.
    attempts: list[AttemptFigures] = sorted(
        sorted((a for r in scope.results for a in r.attempts), key=_LEARNER), key=_STARTED
    )
    impact_rows, impact = _impact(learners, index)
    return Report(
        title=index.title,
        session=scope.label,
        learner_filter=learner_filter,
        learners=tuple(learners),
        sessions=_sessions(scope.results),
        lessons=_lessons(learners, index),
        items=scope.items.figures(index, min_answers),
        impact_rows=impact_rows,
        impact=impact,
        attempts=tuple(attempts),
        answers=sum(x.answers for x in learners),
        correct=sum(x.correct for x in learners),
        time_s=sum(x.time_s for x in learners),
        help_below=help_below,
        min_answers=min_answers,
        module_titles={m.id: m.title for m in index.modules.values()},
    )


def _results_of(
    data: LearnerData, index: CourseIndex, scopes: list[str | None] | None, help_below: float
) -> dict[str | None, LearnerResult]:
    """`learner_results`, or what the report cache kept of them while her files did not change
    (the cache keeps every scope she was seen in; a scope she was not seen in adds nothing)."""
    cache = data.cache
    if cache is None:
        return learner_results(
            data.learner,
            data.answers,
            data.state,
            index,
            scopes,
            help_below,
            rows=data.rows,
            columns=data.columns,
        )
    every = cache.results(help_below, scopes)
    if every is None:
        every = learner_results(
            data.learner,
            data.answers,
            data.state,
            index,
            None,
            help_below,
            rows=data.rows,
            columns=data.columns,
        )
        cache.keep_results(every)
    return every if scopes is None else {scope: every[scope] for scope in scopes if scope in every}


_pause_lock = threading.Lock()
_pauses = [0, False]
"""How many computations run now, and whether the cycle collector ran before the first began."""


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cycle collector held off while learners are read: a report allocates many small
    objects that hold no cycle (reference counting frees them), and each collection would
    walk every object alive. Computations may overlap (a worker and the main thread): the
    collector runs again, if it ran before, when the last one ends."""
    with _pause_lock:
        if _pauses[0] == 0:
            _pauses[1] = gc.isenabled()
            gc.disable()
        _pauses[0] += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses[0] -= 1
            if _pauses[0] == 0 and _pauses[1]:
                gc.enable()


def compute_reports(
    source: Iterable[LearnerData],
    index: CourseIndex,
    *,
    scopes: Collection[str | None] | None = (ALL,),
    learner_ids: Collection[str] | None = None,
    help_below: float = DEFAULT_HELP_BELOW,
    min_answers: int = 3,
    progress: Callable[[int], None] | None = None,
) -> dict[str | None, Report]:
    """The report of each scope asked (`ALL`, or session labels; None: all and every session).

    In `ALL` every learner is listed, even one who has not begun; in a session, only those
    seen in it. `progress(n)` is called after each learner read.
    """
    wanted = None if scopes is None else set(scopes)
    built: dict[str | None, _Scope] = {} if wanted is None else {s: _Scope(s) for s in wanted}
    if wanted is None:
        built[ALL] = _Scope(ALL)
    with _collector_paused():
        for count, data in enumerate(source, 1):
            learner_id = str(data.learner.get("id", ""))
            if learner_ids is not None and learner_id not in learner_ids:
                continue
            results = _results_of(data, index, None if wanted is None else list(built), help_below)
            for scope, result in results.items():
                if scope is ALL or result.figures.answers or result.figures.visits:  # seen in this session
                    if scope not in built:
                        built[scope] = _Scope(scope)
                    built[scope].add(result, index)
            if progress is not None:
                progress(count)
        learner_filter = tuple(sorted(learner_ids)) if learner_ids is not None else ()
        return {
            label: _report(scope, index, learner_filter, help_below, min_answers)
            for label, scope in built.items()
        }


def compute_report(
    source: Iterable[LearnerData], index: CourseIndex, *, session: str | None = ALL, **options: Any
) -> Report:
    """One scope's report (see `compute_reports`)."""
    return compute_reports(source, index, scopes=(session,), **options)[session]
