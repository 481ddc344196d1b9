"""`read_for_report` gives what `answer_dicts` and `get_state` give, damaged files included."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from course.i18n import set_language
from course.progress import AnswerRecord, Learner, ProgressStore
from course.progress.paths import ENV_DATA, TEMP_SUFFIX


@pytest.fixture(autouse=True)
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "env-data"))
    set_language("fr")


def answer(learner: str, question: str) -> AnswerRecord:
    return AnswerRecord(
        "", learner, "lecon", "quiz", question, "single", "a", "a", True, 1.0, 0, 2.0, "", 1, None
    )


def filled(data: Path) -> tuple[ProgressStore, Learner]:
    """Léa with 7 answers in segments of 3 and a state."""
    store = ProgressStore(data, segment_size=3)
    lea = store.create_learner("Léa")
    for i in range(7):
        store.record_answer(answer(lea.id, f"q{i}"))
    store.update_state(lea.id, lambda s: s.update(position=4))
    return store, lea


def both(store: ProgressStore, learner_id: str) -> tuple[list[dict], dict]:  # type: ignore[type-arg]
    return store.answer_dicts(learner_id), store.get_state(learner_id)


def test_same_as_the_two_reads_and_nothing_written(tmp_path: Path) -> None:
    store, lea = filled(tmp_path / "data")
    folder = store.paths.learner_dir(lea.id)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    fresh = ProgressStore(tmp_path / "data")
    docs, state = fresh.read_for_report(lea.id)
    assert [d["question"] for d in docs] == [f"q{i}" for i in range(7)]
    assert state["position"] == 4
    assert (docs, state) == both(ProgressStore(tmp_path / "data"), lea.id)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert fresh.notices == []


def test_no_state_and_no_answers(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "data")
    bob = store.create_learner("Bob")
    assert store.read_for_report(bob.id) == ([], {})
    assert store.read_for_report("../etc") == ([], {})


def test_answers_waiting_in_memory_are_included(tmp_path: Path) -> None:
    store, lea = filled(tmp_path / "data")
    store._pending.append(replace(answer(lea.id, "waiting"), id="f" * 32))
    docs, _ = store.read_for_report(lea.id)
    assert docs[-1]["question"] == "waiting"
    assert (docs, store.get_state(lea.id)) == both(store, lea.id)


@pytest.mark.parametrize("damage", ["segment", "state", "fifo-state", "oversized", "temp"])
def test_a_damaged_folder_takes_the_careful_read(tmp_path: Path, damage: str) -> None:
    """Whatever is odd, the answers, the state, the notices and the files set aside are
    those of `answer_dicts` then `get_state` on the same folder."""
    outcomes = []
    for run in ("fast", "careful"):
        store, lea = filled(tmp_path / run)
        folder = store.paths.learner_dir(lea.id)
        last = sorted(folder.glob("answers-*.json"))[-1]
        if damage == "segment":
            last.write_bytes(last.read_bytes()[:-5])
        elif damage == "state":
            (folder / "state.json").write_bytes(b'{"state": {"1": {"position": "x"}}')
        elif damage == "fifo-state":
            (folder / "state.json").unlink()
            os.mkfifo(folder / "state.json")
        elif damage == "oversized":
            (folder / "state.json").write_bytes(b" " * (64 << 20) + b"{}")
        else:
            (folder / f".answers-000003.json.x{TEMP_SUFFIX}").write_bytes(b"{")
        reader = ProgressStore(tmp_path / run)
        found = reader.read_for_report(lea.id) if run == "fast" else both(reader, lea.id)
        outcomes.append(
            (
                [d["question"] for d in found[0]],
                found[1],
                [(n.code, "Léa" in n.message) for n in reader.notices],
                sorted(p.name for p in folder.iterdir()),
            )
        )
    assert outcomes[0] == outcomes[1]
