"""Property tests: what is recorded comes back; export/import keeps every answer, once."""

from __future__ import annotations

import tempfile
from datetime import UTC
from functools import partial
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.progress import AnswerRecord, ProgressStore, export_progress, import_progress
from course.progress.records import timestamp_key

SETTINGS = settings(
    max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

NAMES = st.sampled_from(["Léa", "LEA", "Léo", "Zoé", "zoe", "Émile"])
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
STAMPS = st.one_of(
    st.just(""), st.datetimes(timezones=st.just(UTC)).map(lambda d: d.isoformat().replace("+00:00", "Z"))
)


@st.composite
def answers(draw: st.DrawFn) -> dict[str, Any]:
    return dict(
        who=draw(NAMES),
        id="",
        lesson=draw(st.sampled_from(["l1", "l2"])),
        quiz="q",
        question=draw(st.text(min_size=1, max_size=8)),
        qtype="short",
        response=draw(JSON),
        response_text=draw(st.text(max_size=20)),
        correct=draw(st.booleans()),
        score=draw(st.floats(0, 1)),
        hints_used=draw(st.integers(0, 3)),
        duration_s=draw(st.floats(0, 600)),
        timestamp=draw(STAMPS),
        attempt=draw(st.integers(1, 4)),
        session=draw(st.none() | st.text(max_size=6)),
        confidence=draw(st.none() | st.integers(1, 3)),
        mode=draw(st.sampled_from(["quiz", "review"])),
    )


def fill(store: ProgressStore, items: list[dict[str, Any]]) -> list[AnswerRecord]:
    recorded = []
    for item in items:
        values = dict(item)
        learner = store.create_learner(values.pop("who"))
        recorded.append(store.record_answer(AnswerRecord(learner=learner.id, **values)))
    return recorded


def merge_into(state: dict[str, Any], extra: dict[str, Any]) -> None:
    state.update(extra)


def by_learner(records: list[AnswerRecord]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[AnswerRecord]] = {}
    for record in records:
        grouped.setdefault(record.learner, []).append(record)
    return {
        k: [r.to_dict() for r in sorted(v, key=lambda r: timestamp_key(r.timestamp))]
        for k, v in grouped.items()
    }


@SETTINGS
@given(items=st.lists(answers(), max_size=14), segment_size=st.integers(1, 5))
def test_recorded_answers_come_back_exactly_after_reopening(
    items: list[dict[str, Any]], segment_size: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        recorded = fill(ProgressStore(Path(folder), segment_size=segment_size), items)
        reopened = ProgressStore(Path(folder), segment_size=segment_size)
        assert reopened.notices == []
        back = {x.id: [a.to_dict() for a in reopened.answers(x.id)] for x in reopened.list_learners()}
        assert {k: v for k, v in back.items() if v} == by_learner(recorded)
        assert len(list(reopened.iter_all_answers())) == len(recorded)


@SETTINGS
@given(
    items=st.lists(answers(), max_size=12),
    states=st.dictionaries(NAMES, JSON.filter(lambda v: isinstance(v, dict)), max_size=3),
)
def test_export_import_is_complete_and_idempotent(
    items: list[dict[str, Any]], states: dict[str, Any]
) -> None:
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        source = ProgressStore(Path(a), segment_size=3)
        fill(source, items)
        for name, state in states.items():
            learner = source.create_learner(name)
            source.update_state(learner.id, partial(merge_into, extra=state))
        target = ProgressStore(Path(b), segment_size=4)
        exported = export_progress(source)
        first = import_progress(target, exported)
        assert first.answers_added == len(items)
        second = import_progress(target, exported)
        assert (second.answers_added, second.answers_present) == (0, len(items))
        assert export_progress(target)["answers"] == exported["answers"]
        assert export_progress(target)["states"] == exported["states"]
        assert target.list_learners() == source.list_learners()


@SETTINGS
@given(left=st.lists(answers(), max_size=8), right=st.lists(answers(), max_size=8))
def test_merging_two_stores_keeps_the_union(left: list[dict[str, Any]], right: list[dict[str, Any]]) -> None:
    with (
        tempfile.TemporaryDirectory() as a,
        tempfile.TemporaryDirectory() as b,
        tempfile.TemporaryDirectory() as c,
    ):
        one, two = ProgressStore(Path(a), segment_size=2), ProgressStore(Path(b))
        recorded = fill(one, left) + fill(two, right)
        hub = ProgressStore(Path(c))
        import_progress(hub, export_progress(one))
        import_progress(hub, export_progress(two))
        import_progress(hub, export_progress(one))
        merged = list(hub.iter_all_answers())
        assert sorted(a.id for a in merged) == sorted(r.id for r in recorded)
        names = {x.name.casefold() for x in hub.list_learners()}
        assert len(names) == len(hub.list_learners())  # one profile per name
        keys = {(r.id, r.question, r.timestamp) for r in recorded}
        assert {(a.id, a.question, a.timestamp) for a in merged} == keys
