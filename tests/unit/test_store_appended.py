"""What a write of answers did, as the store tells it (`last_append`): whoever knew the
answer files just before knows them exactly after, without reading them; a write that had
to set a file aside tells nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from course.progress import AnswerRecord, ProgressStore
from course.progress.summary import answers_identity, identity_after


def answer(learner: str, n: int) -> AnswerRecord:
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
    return AnswerRecord(**values)


def test_each_write_says_the_files_before_and_after(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "data", segment_size=2)
    learner = store.create_learner("Awa").id
    known = answers_identity(store.paths, learner)
    for n in range(5):  # fills a segment, starts the next, and so on
        stored = store.record_answer(answer(learner, n))
        appended = store.last_append(learner)
        assert appended is not None and appended.ids == (stored.id,)
        assert appended.before == (known[-1] if known else None)
        known = identity_after(known, appended.after)
        assert known == answers_identity(store.paths, learner)
        assert store.last_append(learner) is None  # told once


def test_another_window_s_write_shows_in_before(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = ProgressStore(data)
    learner = store.create_learner("Awa").id
    store.record_answer(answer(learner, 0))
    known = store.last_append(learner)
    ProgressStore(data).record_answer(answer(learner, 1))  # the other window
    store.record_answer(answer(learner, 2))
    appended = store.last_append(learner)
    assert known is not None and appended is not None
    assert appended.before != known.after[-1]


def test_a_write_that_sets_a_damaged_segment_aside_tells_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = ProgressStore(data)
    learner = store.create_learner("Awa").id
    store.record_answer(answer(learner, 0))
    store.last_append(learner)
    (store.paths.segment(learner, 1)).write_bytes(b'{"answers": {"1": ')  # cut short
    store.record_answer(answer(learner, 1))
    assert store.last_append(learner) is None
    assert [r.question for r in store.answers(learner)] == ["q1"]
