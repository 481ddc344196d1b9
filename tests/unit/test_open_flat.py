"""Opening a learner costs the same whatever her past: with a fresh summary, what is looked
at (JSON parsed, files opened, files stat'ed, answers read) is the same with 5 answer
segments as with 200; and the summary still goes stale, then is rebuilt from the answers,
whenever a full segment changes (set aside, replaced by a copy, a folder restored over it),
an import adds answers, or a kill comes between an answer and its summary."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from course.content.course import Course
from course.learning.journey import Journey
from course.progress import AnswerRecord, ProgressStore
from course.progress.paths import segment_names, segment_number
from course.progress.summary import answers_identity, load_summary
from course.progress.transfer import export_progress, import_progress
from tests.unit.test_journey_summary import from_answers, on_the_map, seen


def stored(learner: str, quiz: str, question: str, n: int, right: bool) -> AnswerRecord:
    return AnswerRecord(
        id="",
        learner=learner,
        lesson="",
        quiz=quiz,
        question=question,
        qtype="single",
        response=[0],
        response_text="x",
        correct=right,
        score=1.0 if right else 0.0,
        hints_used=0,
        duration_s=1.0,
        timestamp=f"2024-01-01T00:{n // 60:02d}:{n % 60:02d}.000000Z",
        attempt=1,
        session=None,
        sitting="s1",
    )


def with_segments(
    mini_course: Course, data: Path, count: int, spread: bool = False
) -> tuple[ProgressStore, Any]:
    """A learner whose `count` wrong answers (one attempt of the first quiz, each answer in
    its own segment) fill `count` segments; then a first open saves her summary. The
    answers go to the quiz's first question, or with `spread` one to each question in turn
    (so that each segment counts in the figures)."""
    store = ProgressStore(data, segment_size=1)
    learner = store.create_learner("Awa")
    quiz = next(iter(mini_course.quizzes.values()))
    questions = [q.id for q in quiz.questions] if spread else [quiz.questions[0].id]
    assert not spread or count <= len(questions)
    store.record_answers(
        [stored(learner.id, quiz.id, questions[n % len(questions)], n, False) for n in range(count)]
    )
    assert len(store.paths.segments(learner.id)) == count
    Journey(mini_course, ProgressStore(data), learner)  # which adopts her folder in learners.json
    return store, learner


@dataclass
class Looked:
    json_bytes: int = 0
    opened: list[str] = field(default_factory=list)
    stats: int = 0
    answers_read: int = 0


@contextmanager
def looking() -> Iterator[Looked]:
    """What opening a learner looks at: JSON text parsed, files opened, `os.stat` calls,
    reads of her answers through the store."""
    looked = Looked()
    loads, stat, answers = json.loads, os.stat, ProgressStore.answers

    def counted_loads(text: Any, *args: Any, **kwargs: Any) -> Any:
        looked.json_bytes += len(text)
        return loads(text, *args, **kwargs)

    def counted_stat(*args: Any, **kwargs: Any) -> Any:
        looked.stats += 1
        return stat(*args, **kwargs)

    def counted_answers(self: ProgressStore, learner_id: str) -> list[AnswerRecord]:
        looked.answers_read += 1
        return answers(self, learner_id)

    def opens(event: str, args: tuple[Any, ...]) -> None:
        if event == "open" and watching and isinstance(args[0], (str, bytes, os.PathLike)):
            name = os.path.basename(os.fsdecode(args[0]))
            looked.opened.append(re.sub(r"^(\.\w+)-.*", r"\1-*", re.sub(r"[0-9a-f]{32}|\d{6}", "N", name)))

    watching = False
    sys.addaudithook(opens)  # cannot be removed: it only counts while `watching`
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(json, "loads", counted_loads)
        patch.setattr(os, "stat", counted_stat)
        patch.setattr(ProgressStore, "answers", counted_answers)
        watching = True
        try:
            yield looked
        finally:
            watching = False


def open_learner(course: Course, data: Path) -> Journey:
    """What the app does from opening the store to the map's figures."""
    store = ProgressStore(data)
    journey = Journey(course, store, store.create_learner("Awa"))
    on_the_map(journey)
    return journey


def test_opening_looks_at_as_much_with_200_segments_as_with_5(mini_course: Course, tmp_path: Path) -> None:
    looked = {}
    for count in (5, 200):
        data = tmp_path / f"data-{count}"
        with_segments(mini_course, data, count)
        with looking() as looked[count]:
            journey = open_learner(mini_course, data)
        assert journey._loaded is None  # the summary was fresh
    few, many = looked[5], looked[200]
    assert many.answers_read == few.answers_read == 0
    assert many.opened == few.opened
    assert many.stats == few.stats
    # The same figures, and an identity of the same size but for the digits of the
    # segments' count and inode numbers (it was one entry per segment, ~60 bytes each).
    assert few.json_bytes <= many.json_bytes <= few.json_bytes + 16


def test_a_full_segment_set_aside_makes_the_summary_stale(mini_course: Course, tmp_path: Path) -> None:
    data = tmp_path / "data"
    store, learner = with_segments(mini_course, data, 5, spread=True)
    before = seen(open_learner(mini_course, data))
    damaged = data / "damaged"
    damaged.mkdir()
    os.replace(store.paths.segment(learner.id, 2), damaged / "answers-000002.json")  # as `set_aside`
    reopened = open_learner(mini_course, data)
    assert reopened._loaded is not None  # rebuilt from the answers
    assert seen(reopened) == from_answers(mini_course, ProgressStore(data), learner) != before


@pytest.mark.parametrize("how", ["atomic copy", "copied over, newest too"])
def test_a_full_segment_replaced_makes_the_summary_stale(
    mini_course: Course, tmp_path: Path, how: str
) -> None:
    """A copy written beside and renamed over it (any atomic write, rsync), or a folder
    restored by copying every file over the old ones in place (cp, a file manager)."""
    data = tmp_path / "data"
    store, learner = with_segments(mini_course, data, 5, spread=True)
    before = seen(open_learner(mini_course, data))
    old = store.paths.segment(learner.id, 2)
    text = old.read_text(encoding="utf-8")
    right = text.replace('"correct":false', '"correct":true').replace('"score":0.0', '"score":1.0')
    assert right != text and len(right) != len(text)
    if how == "atomic copy":
        copy = old.with_name(".copy")
        copy.write_text(right, encoding="utf-8")
        os.replace(copy, old)
    else:
        backup = tmp_path / "backup"
        shutil.copytree(store.paths.learner_dir(learner.id), backup)
        (backup / old.name).write_text(right, encoding="utf-8")
        for name in os.listdir(backup):
            shutil.copyfile(backup / name, store.paths.learner_dir(learner.id) / name)  # same inodes
    reopened = open_learner(mini_course, data)
    assert reopened._loaded is not None
    assert seen(reopened) == from_answers(mini_course, ProgressStore(data), learner) != before


def test_an_import_makes_the_summary_stale(mini_course: Course, tmp_path: Path) -> None:
    data = tmp_path / "data"
    store, learner = with_segments(mini_course, data, 5, spread=True)
    before = seen(open_learner(mini_course, data))
    other = ProgressStore(tmp_path / "other")
    import_progress(other, export_progress(store))
    quiz = next(iter(mini_course.quizzes.values()))
    one_more = replace(stored(learner.id, quiz.id, quiz.questions[0].id, 90, True), sitting="s2")
    other.record_answer(one_more)
    import_progress(store, export_progress(other))
    reopened = open_learner(mini_course, data)
    assert reopened._loaded is not None
    assert seen(reopened) == from_answers(mini_course, ProgressStore(data), learner) != before


def test_a_kill_between_an_answer_and_its_summary_leaves_it_stale(
    mini_course: Course, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    store, learner = with_segments(mini_course, data, 5, spread=True)
    journey = open_learner(mini_course, data)
    before = seen(journey)
    quiz = next(iter(mini_course.quizzes.values()))
    # The answer reaches the disk (a new segment), the process dies before the summary.
    ProgressStore(data, segment_size=1).record_answer(
        replace(stored(learner.id, quiz.id, quiz.questions[0].id, 95, True), sitting="s3")
    )
    assert load_summary(store.paths, learner.id, journey._course_key) is None
    reopened = open_learner(mini_course, data)
    assert reopened._loaded is not None
    assert seen(reopened) == from_answers(mini_course, ProgressStore(data), learner) != before


def test_a_session_s_answers_keep_the_summary_fresh_across_segments(
    mini_course: Course, tmp_path: Path
) -> None:
    """Each answer starts a segment here: the identity the journey keeps after its own
    writes is the one the next start lists."""
    data = tmp_path / "data"
    store, learner = with_segments(mini_course, data, 3)
    journey = Journey(mini_course, ProgressStore(data, segment_size=1), learner)
    quiz = next(iter(mini_course.quizzes.values()))
    from tests.unit.test_journey_summary import answer, finish

    for n in range(4):
        answer(journey, 0, n, n % 2 == 0)
    finish(journey, 0)
    assert journey._known == answers_identity(store.paths, learner.id)
    reopened = open_learner(mini_course, data)
    assert reopened._loaded is None
    assert seen(reopened) == from_answers(mini_course, ProgressStore(data), learner)
    assert len(reopened.results(quiz.id)) == 2


@given(st.text(max_size=24))
@example("answers-000012.json")
@example("answers-٠٠٠٠١٢.json")
@example("answers-00001².json")
@example("answers-0000012.json")
def test_segment_numbers_are_read_as_the_pattern_says(name: str) -> None:
    match = re.fullmatch(r"answers-(\d{6})\.json", name)
    assert segment_number(name) == (int(match.group(1)) if match else None)


segment_like = st.one_of(
    st.integers(0, 999_999).map(lambda n: f"answers-{n:06d}.json"),
    st.sampled_from(
        ["answers-٠٠٠٠١٢.json", "answers-00001².json", "state.json", ".answers-000001.json.x.tmp"]
    ),
    st.text(max_size=24),
)


@given(st.lists(segment_like, unique=True, max_size=12))
@example(["answers-000002.json", "x\nanswers-000001.json", "answers-000001.json"])
@example(["answers-000012.json", "answers-٠٠٠٠١٢.json", "answers-000003.json"])
def test_segments_are_listed_in_order_as_one_by_one(names: list[str]) -> None:
    numbered = sorted((n, name) for name in names if (n := segment_number(name)) is not None)
    assert segment_names(names) == [name for _, name in numbered]
