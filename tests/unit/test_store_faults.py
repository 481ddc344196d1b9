"""Hostile data dirs: FIFOs, devices, huge files, wrong types, deep nesting, odd doc ids.

Every file the store reads is opened only if it is a regular file under the size limit,
checked against its layout, and set aside with a French notice when it fails; nothing
hangs, nothing raises out of the store. Disk faults of a delete, a retry, a rescue.
"""

from __future__ import annotations

import errno
import io
import json
import os
import pickle
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from course.i18n import set_language
from course.progress import (
    AnswerRecord,
    Learner,
    ProgressStore,
    StoreWriteError,
    import_progress,
    read_progress_file,
    storage,
)
from course.progress.paths import ENV_DATA
from course.progress.rescue import close_or_rescue, save_pending
from course.progress.state_check import StateError


@pytest.fixture(autouse=True)
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "env-data"))
    set_language("fr")


def answer(learner: str, question: str = "q") -> AnswerRecord:
    return AnswerRecord(
        "", learner, "lecon", "quiz", question, "true_false", True, "vrai", True, 1.0, 0, 4.0, "", 1, None
    )


def filled(data: Path) -> tuple[ProgressStore, Learner]:
    store = ProgressStore(data, segment_size=3)
    lea = store.create_learner("Léa")
    for i in range(4):
        store.record_answer(answer(lea.id, f"q{i}"))
    store.update_state(lea.id, lambda s: s.update(lessons={"un": {"section": 1, "read": True}}))
    ProgressStore(data)  # a start lists the profiles created since in learners.json
    return store, lea


def finishes(action: Callable[[], object]) -> object:
    """Run `action` in a thread; fail (instead of hanging the suite) if it never returns."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(action()), daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "the store hung on a file"
    assert result, "the action raised (see the thread's traceback)"
    return result[0]


def set_aside(data: Path) -> list[Path]:
    return sorted((data / "damaged").iterdir()) if (data / "damaged").exists() else []


# --- files that are not files ---------------------------------------------------------------------


@pytest.mark.parametrize("which", ["learners.json", "state.json", "answers-000002.json"])
def test_a_fifo_as_a_store_file_is_set_aside_without_hanging(tmp_path: Path, which: str) -> None:
    data = tmp_path / "data"
    _, lea = filled(data)
    path = data / which if which == "learners.json" else data / "learners" / lea.id / which
    path.unlink()
    os.mkfifo(path)
    store = finishes(lambda: ProgressStore(data))
    assert isinstance(store, ProgressStore)
    assert [x.id for x in finishes(store.list_learners)] == [lea.id]  # type: ignore[attr-defined]
    finishes(lambda: store.answers(lea.id))
    finishes(lambda: store.get_state(lea.id))
    assert any(stat.S_ISFIFO(p.lstat().st_mode) for p in set_aside(data))
    assert any("mis de côté" in n.message for n in store.notices)


def test_dev_zero_as_a_segment_is_set_aside(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _, lea = filled(data)
    segment = data / "learners" / lea.id / "answers-000002.json"
    segment.unlink()
    segment.symlink_to("/dev/zero")
    store = ProgressStore(data)
    assert len(finishes(lambda: store.answers(lea.id))) == 3  # type: ignore[arg-type]
    assert next(p.name for p in set_aside(data)).startswith("learners-")
    assert "Un fichier de réponses de Léa était abîmé" in store.notices[0].message


def test_a_file_over_the_size_limit_is_set_aside_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    store, lea = filled(data)
    store.update_state(lea.id, lambda s: s.update(notes="x" * 5000))  # the largest file
    state = data / "learners" / lea.id / "state.json"
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", state.stat().st_size - 1)
    store = ProgressStore(data)
    assert store.get_state(lea.id) == {}
    assert [n.code for n in store.notices] == ["damaged"]
    assert "Le fichier de progression de Léa était abîmé" in store.notices[0].message


# --- valid JSON, wrong inside ---------------------------------------------------------------------

WRONG_STATES = {
    "attempt-z": {"quizzes": {"alpha-un": {"attempt": "z", "seed": 1, "open": True}}},
    "lessons-x": {"lessons": "x"},
    "section-text": {"lessons": {"un": {"section": "deux"}}},
    "open-without-seed": {"quizzes": {"alpha-un": {"attempt": 2, "open": True}}},
    "results-not-list": {"quizzes": {"alpha-un": {"results": {"a": 1}}}},
    "score-too-big": {
        "quizzes": {"alpha-un": {"results": [{"attempt": 1, "score": 7, "passed": True, "when": "x"}]}}
    },
    "last-number": {"last": 5},
}


@pytest.mark.parametrize("kind", WRONG_STATES)
def test_a_state_with_wrong_types_inside_is_set_aside(tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    _, lea = filled(data)
    state = data / "learners" / lea.id / "state.json"
    raw = json.dumps({"state": {"1": WRONG_STATES[kind]}}).encode()
    state.write_bytes(raw)
    store = ProgressStore(data)
    assert store.get_state(lea.id) == {}
    assert [p.read_bytes() for p in set_aside(data)] == [raw]
    assert "Le fichier de progression de Léa était abîmé" in store.notices[0].message
    assert store.update_state(lea.id, lambda s: s.update(last={"kind": "lesson", "id": "un"}))


def test_a_change_that_breaks_the_layout_is_refused_before_writing(tmp_path: Path) -> None:
    store, lea = filled(tmp_path / "data")
    with pytest.raises(StateError):
        store.update_state(lea.id, lambda s: s.update(lessons="x"))
    assert store.get_state(lea.id)["lessons"] == {"un": {"section": 1, "read": True}}


@pytest.mark.parametrize("which", ["learners.json", "state.json", "answers-000001.json"])
def test_nesting_1000_deep_is_damage_not_recursion_error(tmp_path: Path, which: str) -> None:
    data = tmp_path / "data"
    _, lea = filled(data)
    path = data / which if which == "learners.json" else data / "learners" / lea.id / which
    table = {"learners.json": "learners", "state.json": "state"}.get(which, "answers")
    path.write_text(f'{{"{table}": {{"1": {{"x": {"[" * 1000 + "]" * 1000}}}}}}}')
    store = ProgressStore(data)
    assert [x.id for x in store.list_learners()] == [lea.id]
    store.answers(lea.id)
    store.get_state(lea.id)
    assert len(set_aside(data)) == 1


@pytest.mark.parametrize(
    "doc_id", ["²", "٣", "1" * 40, "-1"], ids=["superscript", "arabic", "long", "negative"]
)
def test_a_document_id_that_is_not_plain_digits_is_damage(tmp_path: Path, doc_id: str) -> None:
    data = tmp_path / "data"
    _, lea = filled(data)
    state = data / "learners" / lea.id / "state.json"
    state.write_text(json.dumps({"state": {doc_id: {}}}))
    store = ProgressStore(data)
    assert store.get_state(lea.id) == {}
    assert store.update_state(lea.id, lambda s: s.update(last=None)) == {"last": None}
    assert len(set_aside(data)) == 1


# --- writes that fail -----------------------------------------------------------------------------


def test_writable_is_tried_not_guessed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`chattr +i locks/`: os.access says no, yet the lock files work: no false "read-only"."""
    data = tmp_path / "data"
    filled(data)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    store = ProgressStore(data)
    assert store.writable and not store.notices
    assert store.create_learner("Léo").name == "Léo"


def test_a_delete_that_cannot_finish_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, lea = filled(tmp_path / "data")
    real = storage.atomic_write_bytes

    def full_for_learners(path: Path, payload: bytes) -> None:
        if path.name == "learners.json":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, payload)

    monkeypatch.setattr(storage, "atomic_write_bytes", full_for_learners)
    with pytest.raises(StoreWriteError) as failure:
        store.delete_learner(lea.id)
    assert "n'a pas pu être supprimé (le disque est plein)" in str(failure.value)
    assert "Il est toujours là" in str(failure.value)
    monkeypatch.undo()
    assert [x.id for x in ProgressStore(tmp_path / "data").list_learners()] == [lea.id]
    assert len(store.answers(lea.id)) == 4


def disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_retry_pending_writes_once_the_disk_has_room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, lea = filled(tmp_path / "data")
    with monkeypatch.context() as patch:
        patch.setattr(storage, "atomic_write_bytes", disk_full)
        with pytest.raises(StoreWriteError):
            store.record_answer(answer(lea.id, "late"))
        error = store.retry_pending()
        assert error is not None and "le disque est plein" in str(error) and store.pending == 1
    assert store.retry_pending() is None and store.pending == 0
    assert [a.question for a in ProgressStore(tmp_path / "data").answers(lea.id)][-1] == "late"


def test_pending_answers_saved_elsewhere_import_on_another_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, lea = filled(tmp_path / "data")
    with monkeypatch.context() as patch:
        patch.setattr(storage, "atomic_write_bytes", disk_full)
        for question in ("a", "b"):
            with pytest.raises(StoreWriteError):
                store.record_answer(answer(lea.id, question))
    stick = tmp_path / "usb"
    stick.mkdir()
    saved = save_pending(store, stick)
    assert store.pending == 0 and saved.parent == stick
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    other = ProgressStore(tmp_path / "other")
    report = import_progress(other, read_progress_file(saved))
    assert report.answers_added == 2
    assert [a.question for a in other.answers(lea.id)] == ["a", "b"]
    assert [x.name for x in other.list_learners()] == ["Léa"]


def test_closing_on_a_full_disk_rescues_the_answers_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, lea = filled(tmp_path / "data")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    real = storage.atomic_write_bytes
    monkeypatch.setattr(storage, "atomic_write_bytes", disk_full)
    with pytest.raises(StoreWriteError):
        store.record_answer(answer(lea.id, "late"))
    import course.progress.rescue as rescue

    monkeypatch.setattr(rescue, "atomic_write_bytes", real)  # the home folder is on another disk
    err = io.StringIO()
    assert close_or_rescue(store, err) is False
    [saved] = list(home.iterdir())
    assert "le disque est plein" in err.getvalue()
    assert f"sauvée dans le fichier {saved}" in err.getvalue()
    assert f"atelier import {saved}" in err.getvalue()
    assert [a["question"] for a in json.loads(saved.read_text())["answers"]] == ["late"]


# --- the course cache -----------------------------------------------------------------------------


class Explodes:
    def __init__(self, error: type[BaseException]) -> None:
        self.error = error

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_raise, (self.error.__name__,))


def _raise(name: str) -> None:
    raise {
        "MemoryError": MemoryError,
        "SystemError": SystemError,
        "RecursionError": RecursionError,
        "KeyError": KeyError,
    }[name]("boom")


@pytest.mark.parametrize("error", [MemoryError, SystemError, RecursionError, KeyError])
def test_a_cache_that_raises_anything_is_rebuilt(tmp_path: Path, error: type[BaseException]) -> None:
    from course.content.cache import load_course_cached

    course_dir = Path(__file__).parents[1] / "fixtures" / "mini"
    cache = tmp_path / "cache"
    first = load_course_cached(course_dir, cache)
    [pickled] = list(cache.iterdir())
    pickled.write_bytes(pickle.dumps(Explodes(error)))
    assert load_course_cached(course_dir, cache).lessons.keys() == first.lessons.keys()
    os.unlink(pickled)
    os.mkfifo(pickled)
    assert finishes(lambda: load_course_cached(course_dir, cache)) is not None


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "deep"])
def test_an_access_file_that_is_not_one_reads_as_empty(tmp_path: Path, kind: str) -> None:
    from course.progress.access_file import AccessFile

    access = AccessFile(tmp_path / "data", "trainer")
    access.folder.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(access.path)
    elif kind == "dev-zero":
        access.path.symlink_to("/dev/zero")
    else:
        access.path.write_text('{"x": ' + "[" * 1000 + "]" * 1000 + "}")
    assert finishes(access.read) == {}


def test_an_immutable_locks_folder_is_not_called_read_only(tmp_path: Path) -> None:
    """`chattr +i locks/`: its lock files still work, so writes work and nothing says otherwise."""
    import shutil
    import subprocess

    _, lea = filled(tmp_path / "data")
    locks = tmp_path / "data" / "locks"
    if (
        not shutil.which("chattr")
        or subprocess.run(["chattr", "+i", str(locks)], capture_output=True).returncode
    ):
        pytest.skip("chattr +i is not available here")
    try:
        again = ProgressStore(tmp_path / "data")
        assert again.writable and not again.notices
        again.record_answer(answer(lea.id, "after"))
        assert again.answers(lea.id)[-1].question == "after"
    finally:
        subprocess.run(["chattr", "-i", str(locks)], check=False)


@pytest.mark.parametrize("kind", ["attempt-z", "lessons-x"])
def test_an_import_never_brings_a_state_with_wrong_types(tmp_path: Path, kind: str) -> None:
    from course.progress import ImportRefused, export_progress

    source, lea = filled(tmp_path / "poste")
    data = export_progress(source)
    data["states"][lea.id] = WRONG_STATES[kind]
    data.pop("checksum", None)  # a hand-made file: no checksum to check
    here = ProgressStore(tmp_path / "data")
    with pytest.raises(ImportRefused) as refused:
        import_progress(here, json.loads(json.dumps(data)))
    assert "Rien n'a été importé" in str(refused.value)
    assert here.list_learners() == []
