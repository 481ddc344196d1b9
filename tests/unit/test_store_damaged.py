"""Damaged files are set aside, kept byte for byte, reported in French; the store opens."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from course.i18n import set_language
from course.progress import AnswerRecord, Learner, ProgressStore
from course.progress.paths import ENV_DATA


@pytest.fixture(autouse=True)
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "env-data"))
    set_language("fr")


def answer(learner: str, question: str) -> AnswerRecord:
    return AnswerRecord(
        "", learner, "lecon", "quiz", question, "single", "a", "a", True, 1.0, 0, 2.0, "", 1, None
    )


def filled_store(data: Path) -> tuple[ProgressStore, Learner]:
    """Léa with 7 answers in segments of 3 (1, 2 full; 3 last) and a state."""
    store = ProgressStore(data, segment_size=3)
    lea = store.create_learner("Léa")
    for i in range(7):
        store.record_answer(answer(lea.id, f"q{i}"))
    store.update_state(lea.id, lambda s: s.update(position=4))
    ProgressStore(data)  # a start lists the profiles created since in learners.json
    return store, lea


def truncated(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def garbage(raw: bytes) -> bytes:
    return random.Random(7).randbytes(300)


DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "truncated": truncated,
    "garbage": garbage,
    "empty": lambda raw: b"",
    "spaces": lambda raw: b"   \n",
    "bad-utf8": lambda raw: b'{"learners": {"1": {"name": "\xff\xfe"}}}',
    "a-list": lambda raw: b"[1, 2, 3]",
    "table-not-object": lambda raw: b'{"answers": [1, 2], "learners": [1], "state": 5}',
    "document-not-object": lambda raw: b'{"answers": {"1": "x"}, "learners": {"1": 2}, "state": {"1": []}}',
    "bad-document-id": lambda raw: b'{"answers": {"a": {}}, "learners": {"b": {}}, "state": {"c": {}}}',
}


def damage(path: Path, kind: str) -> bytes:
    broken = DAMAGES[kind](path.read_bytes())
    path.write_bytes(broken)
    return broken


def set_aside_copy(data: Path, broken: bytes) -> Path:
    kept = [p for p in (data / "damaged").iterdir() if p.read_bytes() == broken]
    assert len(kept) == 1
    return kept[0]


@pytest.mark.parametrize("kind", DAMAGES)
def test_damaged_learners_file_is_set_aside_and_rebuilt(tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    _, lea = filled_store(data)
    broken = damage(data / "learners.json", kind)
    store = ProgressStore(data)
    assert store.list_learners() == [lea]
    assert len(store.answers(lea.id)) == 7 and store.get_state(lea.id) == {"position": 4}
    [notice] = store.notices
    assert notice.code == "damaged" and notice.path == "learners.json"
    assert "mis de côté" in notice.message and "aucune réponse n'a été perdue" in notice.message
    assert set_aside_copy(data, broken).name in notice.message


@pytest.mark.parametrize("kind", DAMAGES)
def test_damaged_state_file_is_set_aside(tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    _, lea = filled_store(data)
    broken = damage(data / "learners" / lea.id / "state.json", kind)
    store = ProgressStore(data, segment_size=3)
    assert store.get_state(lea.id) == {}
    assert len(store.answers(lea.id)) == 7
    [notice] = store.notices
    assert notice.message.startswith("Le fichier de progression de Léa était abîmé")
    set_aside_copy(data, broken)
    store.update_state(lea.id, lambda s: s.update(position=1))
    assert ProgressStore(data).get_state(lea.id) == {"position": 1}


@pytest.mark.parametrize("segment", ["answers-000001.json", "answers-000003.json"])
@pytest.mark.parametrize("kind", DAMAGES)
def test_damaged_segment_is_set_aside_others_kept(tmp_path: Path, kind: str, segment: str) -> None:
    data = tmp_path / "data"
    _, lea = filled_store(data)
    broken = damage(data / "learners" / lea.id / segment, kind)
    store = ProgressStore(data, segment_size=3)
    lost = 3 if segment.endswith("1.json") else 1
    assert len(store.answers(lea.id)) == 7 - lost
    [notice] = store.notices
    assert "Léa" in notice.message and "Les autres réponses sont intactes" in notice.message
    set_aside_copy(data, broken)
    store.record_answer(answer(lea.id, "after"))
    assert len(ProgressStore(data).answers(lea.id)) == 8 - lost


def test_unreadable_answer_is_skipped_and_file_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _, lea = filled_store(data)
    path = data / "learners" / lea.id / "answers-000002.json"
    tables: dict[str, Any] = json.loads(path.read_text())
    tables["answers"]["2"]["score"] = "beaucoup"
    path.write_text(json.dumps(tables))
    store = ProgressStore(data)
    assert len(store.answers(lea.id)) == 6
    assert [n.code for n in store.notices] == ["bad_record"]
    assert path.exists() and not (data / "damaged").exists()


def test_unreadable_file_is_reported_not_fatal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _, lea = filled_store(data)
    path = data / "learners" / lea.id / "answers-000001.json"
    path.unlink()
    path.mkdir()
    store = ProgressStore(data)
    assert len(store.answers(lea.id)) == 4
    assert [n.code for n in store.notices] == ["unreadable"]
    assert "n'a pas pu être lu" in store.notices[0].message


def test_damage_while_running_is_repaired_on_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store, lea = filled_store(data)
    damage(data / "learners" / lea.id / "state.json", "truncated")
    assert store.get_state(lea.id) == {}
    assert [n.code for n in store.notices] == ["damaged"]
    damage(data / "learners.json", "garbage")
    assert store.create_learner("Léo").name == "Léo"
    assert [x.name for x in store.list_learners()] == ["Léa", "Léo"]


def test_repeated_damage_keeps_every_copy(tmp_path: Path) -> None:
    data = tmp_path / "data"
    filled_store(data)
    for kind in ("garbage", "empty", "truncated"):
        (data / "learners.json").write_bytes(DAMAGES[kind](b'{"learners": {}}'))
        ProgressStore(data)
    assert len(list((data / "damaged").iterdir())) == 3


def test_profile_lost_twice_still_shows_the_answers(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _, lea = filled_store(data)
    damage(data / "learners" / lea.id / "profile.json", "garbage")
    damage(data / "learners.json", "garbage")
    store = ProgressStore(data)
    [recovered] = store.list_learners()
    assert recovered.id == lea.id and recovered.name == f"Profil retrouvé {lea.id[:8]}"
    assert len(store.answers(lea.id)) == 7
