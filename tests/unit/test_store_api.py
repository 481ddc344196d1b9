"""Every method of ProgressStore, on a private data dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from course.i18n import messages_store, set_language
from course.progress import AnswerRecord, InvalidNameError, ProgressStore, UnknownLearnerError
from course.progress.paths import ENV_DATA, TEMP_SUFFIX

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "env-data"))
    set_language("fr")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data: Path) -> ProgressStore:
    return ProgressStore(data, segment_size=3)


def answer(learner: str, question: str = "q1", **changes: Any) -> AnswerRecord:
    values: dict[str, Any] = dict(
        id="",
        learner=learner,
        lesson="lecon",
        quiz="quiz",
        question=question,
        qtype="single",
        response=["b"],
        response_text="b",
        correct=False,
        score=0.0,
        hints_used=1,
        duration_s=3.25,
        timestamp="",
        attempt=1,
        session="mardi",
    )
    values.update(changes)
    return AnswerRecord(**values)


def test_new_store_makes_its_folders(data: Path, store: ProgressStore) -> None:
    assert (data / "learners").is_dir() and (data / "locks").is_dir()
    assert store.list_learners() == [] and store.notices == []


def test_create_learner_names_folder_by_id(data: Path, store: ProgressStore) -> None:
    lea = store.create_learner("  ../../Léa\x1b[2J ")
    assert lea.name == "../../Léa"
    assert sorted(p.name for p in (data / "learners").iterdir()) == [lea.id]
    assert not (data.parent / "Léa").exists()
    assert store.get_learner(lea.id) == lea
    assert ProgressStore(data).get_learner(lea.id) == lea


def test_same_name_gives_same_learner(store: ProgressStore) -> None:
    lea = store.create_learner("Léa")
    assert store.create_learner("LEA") == lea
    assert store.create_learner(" lea ") == lea
    assert store.find_learner("léa") == lea
    assert store.find_learner("Léo") is None
    assert store.find_learner("   ") is None
    assert len(store.list_learners()) == 1


def test_bad_names_are_refused(store: ProgressStore) -> None:
    for bad in ("", "     ", "\x1b[31m", "x" * 500):
        with pytest.raises(InvalidNameError):
            store.create_learner(bad)
    assert store.list_learners() == []


def test_learners_sorted_by_name_ignoring_case_and_accents(store: ProgressStore) -> None:
    for name in ("Zoé", "émile", "adam", "Éva"):
        store.create_learner(name)
    assert [x.name for x in store.list_learners()] == ["adam", "émile", "Éva", "Zoé"]


def test_get_learner_unknown_or_invalid(store: ProgressStore) -> None:
    assert store.get_learner("0" * 32) is None
    assert store.get_learner("../../etc") is None
    assert store.answers("../../etc") == [] and store.get_state("../../etc") == {}


def test_record_answer_fills_id_and_timestamp(data: Path, store: ProgressStore) -> None:
    lea = store.create_learner("Léa")
    stored = store.record_answer(answer(lea.id))
    assert len(stored.id) == 32 and stored.timestamp.endswith("Z")
    kept = store.record_answer(answer(lea.id, id="mon-id", timestamp="2020-01-01T00:00:00Z"))
    assert (kept.id, kept.timestamp) == ("mon-id", "2020-01-01T00:00:00Z")
    assert ProgressStore(data).answers(lea.id) == [kept, stored]


def test_answers_come_back_in_time_order(store: ProgressStore) -> None:
    lea = store.create_learner("Léa")
    stamps = ["2025-01-02T00:00:00Z", "2025-01-01T00:00:00.5Z", "2025-01-01T00:00:00Z"]
    for stamp in stamps:
        store.record_answer(answer(lea.id, timestamp=stamp))
    assert [a.timestamp for a in store.answers(lea.id)] == stamps[::-1]


def test_unknown_learner_cannot_record(store: ProgressStore) -> None:
    with pytest.raises(UnknownLearnerError, match="profil"):
        store.record_answer(answer("0" * 32))
    assert store.pending == 0


def test_segments_are_capped_and_full_ones_never_rewritten(data: Path, store: ProgressStore) -> None:
    lea = store.create_learner("Léa")
    for i in range(7):
        store.record_answer(answer(lea.id, f"q{i}"))
    folder = data / "learners" / lea.id
    segments = sorted(folder.glob("answers-*.json"))
    assert [p.name for p in segments] == [f"answers-00000{n}.json" for n in (1, 2, 3)]
    assert [len(json.loads(p.read_text())["answers"]) for p in segments] == [3, 3, 1]
    before = [(p.stat().st_ino, p.stat().st_mtime_ns) for p in segments[:2]]
    for i in range(3):
        store.record_answer(answer(lea.id, f"r{i}"))
    assert [(p.stat().st_ino, p.stat().st_mtime_ns) for p in segments[:2]] == before
    assert len(store.answers(lea.id)) == 10


def test_iter_all_answers(store: ProgressStore) -> None:
    lea, leo = store.create_learner("Léa"), store.create_learner("Léo")
    for i in range(4):
        store.record_answer(answer(lea.id, f"q{i}"))
        store.record_answer(answer(leo.id, f"q{i}"))
    found = list(store.iter_all_answers())
    assert len(found) == 8 and {a.learner for a in found} == {lea.id, leo.id}


def test_state_is_read_modified_and_written(data: Path, store: ProgressStore) -> None:
    lea = store.create_learner("Léa")
    assert store.get_state(lea.id) == {}
    new = store.update_state(lea.id, lambda s: s.update(position={"lesson": "a", "section": 2}))
    assert new == {"position": {"lesson": "a", "section": 2}}
    new["position"]["section"] = 99  # the caller's copy is not the store's
    store.update_state(lea.id, lambda s: s.setdefault("resets", {}).update(a="2025-01-01Z"))
    store.update_state(lea.id, lambda s: s.pop("position"))
    assert ProgressStore(data).get_state(lea.id) == {"resets": {"a": "2025-01-01Z"}}


def test_failed_change_leaves_state_untouched(store: ProgressStore) -> None:
    lea = store.create_learner("Léa")
    store.update_state(lea.id, lambda s: s.update(n=1))

    def broken(state: dict[str, Any]) -> None:
        state["n"] = 2
        raise KeyError("boom")

    with pytest.raises(KeyError):
        store.update_state(lea.id, broken)
    with pytest.raises(TypeError):
        store.update_state(lea.id, lambda s: s.update(n=object()))
    assert store.get_state(lea.id) == {"n": 1}
    with pytest.raises(UnknownLearnerError):
        store.update_state("0" * 32, lambda s: None)


def test_reset_through_state_keeps_answers(store: ProgressStore) -> None:
    lea = store.create_learner("Léa")
    store.record_answer(answer(lea.id))
    store.update_state(lea.id, lambda s: s.update(resets={"lecon": "2030-01-01T00:00:00Z"}))
    assert len(store.answers(lea.id)) == 1


def test_delete_learner_removes_profile_folder_and_answers(data: Path, store: ProgressStore) -> None:
    lea, leo = store.create_learner("Léa"), store.create_learner("Léo")
    store.record_answer(answer(lea.id))
    store.delete_learner(lea.id)
    assert store.list_learners() == [leo]
    assert not (data / "learners" / lea.id).exists()
    assert store.answers(lea.id) == []
    assert ProgressStore(data).list_learners() == [leo]
    store.delete_learner(lea.id)  # twice: nothing happens
    store.delete_learner("../../etc")
    assert store.create_learner("Léa").id != lea.id


def test_start_up_removes_stray_temp_files(data: Path, store: ProgressStore) -> None:
    lea = store.create_learner("Léa")
    strays = [
        data / f".learners.json.x1{TEMP_SUFFIX}",
        data / "learners" / lea.id / f".answers-000001.json.x2{TEMP_SUFFIX}",
    ]
    for stray in strays:
        stray.write_text('{"half": ')
    reopened = ProgressStore(data)
    assert not strays[0].exists() and strays[1].exists()  # a learner's folder waits for them
    reopened.answers(lea.id)
    assert not any(p.exists() for p in strays)


def test_opening_one_learner_leaves_the_others_folders_alone(data: Path, store: ProgressStore) -> None:
    lea, leo = store.create_learner("Léa"), store.create_learner("Léo")
    strays = [data / "learners" / x.id / f".state.json.x3{TEMP_SUFFIX}" for x in (lea, leo)]
    for stray in strays:
        stray.write_text('{"half": ')
    ProgressStore(data).get_state(lea.id)
    assert [p.exists() for p in strays] == [False, True]


def test_start_up_finishes_an_interrupted_deletion(data: Path, store: ProgressStore) -> None:
    lea = store.create_learner("Léa")
    store.record_answer(answer(lea.id))
    os.replace(data / "learners" / lea.id, data / "learners" / f".deleted-{lea.id}-abcd")
    reopened = ProgressStore(data)
    assert reopened.list_learners() == []
    assert list((data / "learners").iterdir()) == []


def test_start_up_removes_a_half_created_learner(data: Path, store: ProgressStore) -> None:
    staging = data / "learners" / f".new-{'a' * 32}"
    staging.mkdir()
    (staging / "profile.json").write_text("{")
    ProgressStore(data)
    assert not staging.exists() and store.list_learners() == []


def test_folder_missing_from_learners_json_is_adopted(data: Path, store: ProgressStore) -> None:
    lea = store.create_learner("Léa")
    store.record_answer(answer(lea.id))
    (data / "learners.json").write_text('{"learners": {}}')
    assert store.list_learners() == [lea]
    ProgressStore(data)
    assert "Léa" in (data / "learners.json").read_text(encoding="utf-8")


def test_close_writes_pending_and_is_repeatable(store: ProgressStore) -> None:
    store.close()
    store.close()


def test_messages_complete_in_both_languages() -> None:
    assert set(messages_store.FR) == set(messages_store.EN)
    assert all(key.startswith("store.") for key in messages_store.FR)


def test_store_never_imports_textual() -> None:
    code = (
        "import sys; import course.progress, course.progress.transfer; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    assert out.stdout.strip() == "[]"
