"""Answer files checked once are trusted while they stay the same, and checked again when they change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from course.progress import AnswerRecord, ProgressStore
from course.progress.checked import CheckedSegments


def answer(learner: str, n: int, **changes: Any) -> AnswerRecord:
    values: dict[str, Any] = dict(
        id="",
        learner=learner,
        lesson="lecon",
        quiz="quiz",
        question=f"q{n}",
        qtype="single",
        response=[n],
        response_text=str(n),
        correct=n % 2 == 0,
        score=1.0 if n % 2 == 0 else 0.0,
        hints_used=0,
        duration_s=2.5,
        timestamp="",
        attempt=1,
        session=None,
    )
    values.update(changes)
    return AnswerRecord(**values)


@pytest.fixture
def filled(tmp_path: Path) -> tuple[Path, str, list[AnswerRecord]]:
    """Léa with 8 answers in segments of 3: two full segments and a last one of 2."""
    data = tmp_path / "data"
    store = ProgressStore(data, segment_size=3)
    lea = store.create_learner("Léa")
    stored = [store.record_answer(answer(lea.id, n, confidence=n if n % 3 == 0 else None)) for n in range(8)]
    return data, lea.id, stored


def count_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    check = AnswerRecord.__post_init__

    def counted(self: AnswerRecord) -> None:
        calls[0] += 1
        check(self)

    monkeypatch.setattr(AnswerRecord, "__post_init__", counted)
    return calls


def test_a_second_start_checks_only_the_last_segment_and_reads_the_same(
    filled: tuple[Path, str, list[AnswerRecord]], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, lea, stored = filled
    assert ProgressStore(data).answers(lea) == stored  # the first read checks all 8, notes 2 files
    calls = count_checks(monkeypatch)
    again = ProgressStore(data).answers(lea)
    assert again == stored and [a.confidence for a in again] == [a.confidence for a in stored]
    assert calls == [2]  # only the two answers of the last segment, which still grows


def test_a_segment_changed_on_disk_is_checked_again(filled: tuple[Path, str, list[AnswerRecord]]) -> None:
    data, lea, stored = filled
    ProgressStore(data).answers(lea)
    first = data / "learners" / lea / "answers-000001.json"
    content = json.loads(first.read_text(encoding="utf-8"))
    content["answers"]["1"]["score"] = 7  # out of range: this answer cannot be trusted
    first.write_text(json.dumps(content), encoding="utf-8")
    store = ProgressStore(data)
    assert store.answers(lea) == stored[1:]
    assert [n.code for n in store.notices] == ["bad_record"]


def test_a_damaged_index_only_costs_a_careful_read(
    filled: tuple[Path, str, list[AnswerRecord]], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, lea, stored = filled
    ProgressStore(data).answers(lea)
    index = CheckedSegments(data / "learners" / lea).path
    assert index.exists()
    index.write_bytes(b'{"version": 1, "files": {"answers-000001.json": [1, "x"')
    calls = count_checks(monkeypatch)
    store = ProgressStore(data)
    assert store.answers(lea) == stored and store.notices == []
    assert calls == [8]


def test_the_index_lives_in_the_cache_not_in_the_data_dir(
    filled: tuple[Path, str, list[AnswerRecord]], tmp_path: Path
) -> None:
    data, lea, _ = filled
    ProgressStore(data)  # a start lists the profiles created since in learners.json
    before = sorted(p.relative_to(data) for p in data.rglob("*") if p.suffix != ".lock")
    ProgressStore(data).answers(lea)
    assert sorted(p.relative_to(data) for p in data.rglob("*") if p.suffix != ".lock") == before
    assert CheckedSegments(data / "learners" / lea).path.is_relative_to(tmp_path / "cache")


def test_answers_in_time_order_whatever_form_their_timestamps_take(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "data")
    lea = store.create_learner("Léa").id
    store.record_answers(
        [
            answer(lea, 1, timestamp="2026-03-01T10:00:00.000000Z"),
            answer(lea, 2, timestamp="2026-03-01T09:00:00.000000Z"),
        ]
    )
    assert [a.question for a in store.answers(lea)] == ["q2", "q1"]
    store.record_answer(answer(lea, 3, timestamp="2026-03-01T09:30:00+00:00"))  # another machine's form
    assert [a.question for a in store.answers(lea)] == ["q2", "q3", "q1"]
