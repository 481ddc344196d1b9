"""The USB-stick workflow: export, import, merge; refused files change nothing."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from course.i18n import set_language
from course.progress import (
    AnswerRecord,
    ImportRefused,
    ProgressStore,
    export_progress,
    import_progress,
    read_progress_file,
    write_progress_file,
)
from course.progress.paths import ENV_DATA


@pytest.fixture(autouse=True)
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "env-data"))
    set_language("fr")


def answer(learner: str, question: str, **changes: Any) -> AnswerRecord:
    values: dict[str, Any] = dict(
        id="",
        learner=learner,
        lesson="lecon",
        quiz="quiz",
        question=question,
        qtype="order",
        response=["b", "a"],
        response_text="b, a",
        correct=False,
        score=0.5,
        hints_used=0,
        duration_s=7.0,
        timestamp="",
        attempt=1,
        session="jeudi",
    )
    values.update(changes)
    return AnswerRecord(**values)


@pytest.fixture
def source(tmp_path: Path) -> ProgressStore:
    store = ProgressStore(tmp_path / "laptop", segment_size=2)
    lea, leo = store.create_learner("Léa"), store.create_learner("Léo")
    for i in range(3):
        store.record_answer(answer(lea.id, f"q{i}"))
    store.record_answer(answer(leo.id, "q0"))
    store.update_state(lea.id, lambda s: s.update(position="q2", theme="contraste"))
    return store


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix != ".lock"
    }


def test_export_has_everything(source: ProgressStore) -> None:
    data = export_progress(source)
    assert (data["format"], data["version"]) == ("atelier-progress", 1)
    assert data["exported"].endswith("Z")
    assert sorted(x["name"] for x in data["learners"]) == ["Léa", "Léo"]
    assert len(data["answers"]) == 4
    lea = source.find_learner("Léa")
    assert lea is not None and data["states"][lea.id] == {"position": "q2", "theme": "contraste"}
    json.dumps(data)  # plain JSON


def test_export_of_chosen_learners(source: ProgressStore) -> None:
    leo = source.find_learner("Léo")
    assert leo is not None
    data = export_progress(source, [leo.id])
    assert [x["id"] for x in data["learners"]] == [leo.id] and len(data["answers"]) == 1


def test_import_into_empty_store_then_again_changes_nothing(source: ProgressStore, tmp_path: Path) -> None:
    target = ProgressStore(tmp_path / "other")
    data = export_progress(source)
    report = import_progress(target, data)
    assert (report.learners_added, report.learners_merged) == (2, 0)
    assert (report.answers_added, report.answers_present) == (4, 0)
    assert target.list_learners() == source.list_learners()
    assert list(target.iter_all_answers()) == list(source.iter_all_answers())
    before = snapshot(tmp_path / "other")
    again = import_progress(target, data)
    assert (again.learners_added, again.learners_merged) == (0, 2)
    assert (again.answers_added, again.answers_present) == (0, 4)
    assert snapshot(tmp_path / "other") == before


def test_a_name_alone_never_merges_silently(source: ProgressStore, tmp_path: Path) -> None:
    target = ProgressStore(tmp_path / "other")
    local = target.create_learner("LEA")
    target.record_answer(answer(local.id, "local"))
    report = import_progress(target, export_progress(source))
    assert (report.learners_added, report.learners_merged) == (2, 0)
    assert report.kept_apart == (("Léa", "Léa (2)"),)
    assert len(target.answers(local.id)) == 1
    apart = target.find_learner("Léa (2)")
    assert apart is not None and len(target.answers(apart.id)) == 3


def test_merge_as_joins_a_same_name_learner_and_is_remembered(source: ProgressStore, tmp_path: Path) -> None:
    target = ProgressStore(tmp_path / "other")
    local = target.create_learner("LEA")
    target.record_answer(answer(local.id, "local"))
    target.update_state(local.id, lambda s: s.update(position="local"))
    data = export_progress(source)
    report = import_progress(target, data, merge_as="lea")
    assert (report.learners_added, report.learners_merged, report.kept_apart) == (1, 1, ())
    assert target.find_learner("Léa") == local
    assert len(target.answers(local.id)) == 4
    assert all(a.learner == local.id for a in target.answers(local.id))
    state = target.get_state(local.id)
    assert (state["position"], state["theme"]) == ("local", "contraste")
    before = snapshot(tmp_path / "other")
    again = import_progress(target, data)  # no --merge-as: the id was remembered
    assert (again.learners_added, again.learners_merged, again.answers_added) == (0, 2, 0)
    assert snapshot(tmp_path / "other") == before
    with pytest.raises(ImportRefused, match="personne ne s'appelle"):
        import_progress(target, data, merge_as="Inconnue")


def test_id_match_under_another_name_is_reported(source: ProgressStore, tmp_path: Path) -> None:
    data = export_progress(source)
    target = ProgressStore(tmp_path / "other")
    import_progress(target, data)
    data["learners"][0]["name"] = "Léa Martin"
    data.pop("checksum")
    report = import_progress(target, data)
    assert report.renamed == (("Léa Martin", "Léa"),)


def test_an_answer_id_with_other_content_is_a_conflict(source: ProgressStore, tmp_path: Path) -> None:
    data = export_progress(source)
    target = ProgressStore(tmp_path / "other")
    import_progress(target, data)
    data["answers"][0]["correct"] = True
    data["answers"][0]["score"] = 1.0
    data.pop("checksum")
    report = import_progress(target, data)
    assert (report.answers_added, report.answers_present, len(report.conflicts)) == (0, 3, 1)
    assert report.conflicts[0]["id"] == data["answers"][0]["id"]
    stored = {a.id: a for a in target.iter_all_answers()}
    assert stored[data["answers"][0]["id"]].correct is False


def test_two_learners_sharing_an_answer_id_are_both_stored(source: ProgressStore, tmp_path: Path) -> None:
    data = export_progress(source)
    shared = data["answers"][0]["id"]
    leo_answer = next(a for a in data["answers"] if a["learner"] != data["answers"][0]["learner"])
    leo_answer["id"] = shared
    data.pop("checksum")
    target = ProgressStore(tmp_path / "other")
    report = import_progress(target, data)
    assert report.answers_added == 4 == len(list(ProgressStore(tmp_path / "other").iter_all_answers()))


def test_a_changed_file_is_refused_by_its_checksum(source: ProgressStore, tmp_path: Path) -> None:
    data = export_progress(source)
    data["answers"].append({**data["answers"][0], "id": "f" * 32, "correct": True, "score": 1.0})
    target = ProgressStore(tmp_path / "other")
    with pytest.raises(ImportRefused, match="somme de contrôle"):
        import_progress(target, data)
    assert target.list_learners() == []


def test_merging_two_machines_keeps_the_union(source: ProgressStore, tmp_path: Path) -> None:
    other = ProgressStore(tmp_path / "desktop")
    zoe = other.create_learner("Zoé")
    other.record_answer(answer(zoe.id, "z"))
    lea_there = other.create_learner("Léa")
    other.record_answer(answer(lea_there.id, "there"))
    import_progress(source, export_progress(other), merge_as="Léa")
    import_progress(other, export_progress(source))
    for store in (source, other):
        assert sorted(x.name for x in store.list_learners()) == ["Léa", "Léo", "Zoé"]
        assert len(list(store.iter_all_answers())) == 6
    ids = {a.id for a in source.iter_all_answers()}
    assert ids == {a.id for a in other.iter_all_answers()}


def broken_exports(good: dict[str, Any]) -> dict[str, Any]:
    lea_id = good["learners"][0]["id"]
    cases: dict[str, Any] = {"not a dict": ["atelier-progress"], "other format": {"format": "x"}}
    cases_by_path: list[tuple[str, tuple[Any, ...], Any]] = [
        ("newer version", ("version",), 2),
        ("version text", ("version",), "1"),
        ("no answers", ("answers",), None),
        ("states list", ("states",), []),
        ("learner path", ("learners", 0, "id"), "../../etc"),
        ("learner name", ("learners", 0, "name"), "\x1b[31mLéa"),
        ("answer score", ("answers", 0, "score"), 7),
        ("answer id", ("answers", 0, "id"), ""),
        ("answer of nobody", ("answers", 0, "learner"), "f" * 32),
        ("state of nobody", ("states",), {"f" * 32: {}}),
        ("state not object", ("states",), {lea_id: [1]}),
    ]
    for name, path, value in cases_by_path:
        data = copy.deepcopy(good)
        *parents, last = path
        holder: Any = data
        for key in parents:
            holder = holder[key]
        holder[last] = value
        data.pop("checksum")  # what is checked here is the content, not the checksum
        cases[name] = data
    return cases


def test_refused_files_change_nothing(source: ProgressStore, tmp_path: Path) -> None:
    good = export_progress(source)
    target = ProgressStore(tmp_path / "other")
    target.create_learner("Léa")
    before = snapshot(tmp_path / "other")
    for name, data in broken_exports(good).items():
        with pytest.raises(ImportRefused) as refused:
            import_progress(target, data)
        message = str(refused.value)
        assert "Rien n'a été importé" in message, name
        if name == "newer version":
            assert "version plus récente" in message
    assert snapshot(tmp_path / "other") == before


def test_progress_files_round_trip_and_damage(source: ProgressStore, tmp_path: Path) -> None:
    path = tmp_path / "cle-usb" / "progression.json"
    path.parent.mkdir()
    write_progress_file(path, export_progress(source))
    assert read_progress_file(path) == json.loads(path.read_text(encoding="utf-8"))
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(ImportRefused, match="abîmé ou incomplet"):
        read_progress_file(path)
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ImportRefused, match="abîmé ou incomplet"):
        read_progress_file(path)
    path.write_text("[1, 2]")
    with pytest.raises(ImportRefused, match="pas un export de progression"):
        read_progress_file(path)
    with pytest.raises(ImportRefused, match="n'a pas pu être lu"):
        read_progress_file(tmp_path / "absent.json")
    path.write_bytes(b"\xef\xbb\xbf" + raw)  # a BOM added by some editor
    assert read_progress_file(path)["format"] == "atelier-progress"
