"""Full disk, read-only folder, busy lock: a French error, and nothing acknowledged is lost."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from course.i18n import set_language
from course.progress import AnswerRecord, Learner, ProgressStore, StoreBusyError, StoreWriteError
from course.progress.paths import ENV_DATA


@pytest.fixture(autouse=True)
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "env-data"))
    set_language("fr")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def answer(learner: str, question: str = "q") -> AnswerRecord:
    return AnswerRecord(
        "", learner, "lecon", "quiz", question, "true_false", True, "vrai", True, 1.0, 0, 4.0, "", 1, None
    )


def make(data: Path) -> tuple[ProgressStore, Learner]:
    store = ProgressStore(data, segment_size=4)
    lea = store.create_learner("Léa")
    store.record_answer(answer(lea.id, "before"))
    return store, lea


def disk_full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_full_disk_keeps_answers_pending_until_flushed(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, lea = make(data)
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", disk_full)
        for n in (1, 2):
            with pytest.raises(StoreWriteError) as caught:
                store.record_answer(answer(lea.id, f"during-{n}"))
            assert caught.value.pending == n and store.pending == n
            assert "le disque est plein" in str(caught.value)
            assert "gardée en mémoire" in str(caught.value)
        with pytest.raises(StoreWriteError):
            store.flush_pending()
        assert len(store.answers(lea.id)) == 3  # the app still sees them
        assert len(ProgressStore(data).answers(lea.id)) == 1  # but they are not on disk
    assert not list((data / "learners" / lea.id).glob(".*"))  # no temp file left behind
    assert store.flush_pending() == 2 and store.pending == 0
    questions = [a.question for a in ProgressStore(data).answers(lea.id)]
    assert questions == ["before", "during-1", "during-2"]


def test_state_write_failure_is_reported(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, lea = make(data)
    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(StoreWriteError, match="La progression n'a pas pu être enregistrée"):
        store.update_state(lea.id, lambda s: s.update(n=1))
    monkeypatch.undo()
    assert store.get_state(lea.id) == {}


def test_close_flushes_what_is_pending(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, lea = make(data)
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", disk_full)
        with pytest.raises(StoreWriteError):
            store.record_answer(answer(lea.id, "late"))
        with pytest.raises(StoreWriteError):
            store.close()
    store.close()
    assert [a.question for a in ProgressStore(data).answers(lea.id)] == ["before", "late"]


def test_a_directory_in_the_way_is_a_write_error(data: Path) -> None:
    """Without patching: the next segment's path is a directory, so nothing can be written."""
    store, lea = make(data)
    for i in range(3):
        store.record_answer(answer(lea.id, f"q{i}"))
    blocker = data / "learners" / lea.id / "answers-000002.json"
    blocker.mkdir()
    with pytest.raises(StoreWriteError) as caught:
        store.record_answer(answer(lea.id, "blocked"))
    assert caught.value.pending == 1 and "erreur du système" in str(caught.value)
    blocker.rmdir()
    assert store.flush_pending() == 1
    assert len(ProgressStore(data).answers(lea.id)) == 5


def test_another_learners_failure_does_not_fail_this_answer(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, lea = make(data)
    leo = store.create_learner("Léo")
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", disk_full)
        with pytest.raises(StoreWriteError):
            store.record_answer(answer(leo.id))
    blocker = data / "learners" / leo.id / "answers-000001.json"
    blocker.mkdir()
    store.record_answer(answer(lea.id, "fine"))  # Léa's answer is written: no error
    assert store.pending == 1
    blocker.rmdir()
    assert store.flush_pending() == 1


@pytest.fixture
def read_only(data: Path) -> Iterator[Path]:
    yield data
    for folder in [data, *data.rglob("*")]:
        if folder.is_dir():
            folder.chmod(0o755)


def test_read_only_data_dir_reads_but_refuses_writes(read_only: Path) -> None:
    data = read_only
    store, lea = make(data)
    store.close()
    for folder in [data, *data.rglob("*")]:
        if folder.is_dir():
            folder.chmod(0o555)
    if os.access(data, os.W_OK):
        pytest.skip("running as root: chmod does not stop writes (see the patched tests)")
    reader = ProgressStore(data)
    assert [n.code for n in reader.notices] == ["read_only"]
    assert reader.list_learners() == [lea] and len(reader.answers(lea.id)) == 1
    with pytest.raises(StoreWriteError, match="pas modifiable"):
        reader.record_answer(answer(lea.id, "refused"))
    for folder in [data, *data.rglob("*")]:
        if folder.is_dir():
            folder.chmod(0o755)
    assert reader.flush_pending() == 1


def test_read_only_simulated_for_root(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a read-only folder does, even as root: no write access, temp files refused."""
    store, lea = make(data)
    store.close()

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    with monkeypatch.context() as patch:
        patch.setattr(os, "access", lambda path, mode, **kw: not mode & os.W_OK)
        patch.setattr(tempfile, "mkstemp", refused)
        reader = ProgressStore(data)
        assert [n.code for n in reader.notices] == ["read_only"]
        assert "consultables" in reader.notices[0].message
        assert reader.list_learners() == [lea] and len(reader.answers(lea.id)) == 1
        with pytest.raises(StoreWriteError, match="le dossier n'est pas modifiable"):
            reader.record_answer(answer(lea.id, "refused"))
    assert reader.flush_pending() == 1
    assert len(ProgressStore(data).answers(lea.id)) == 2


HOLD = (
    "import sys, time, filelock\n"
    "lock = filelock.FileLock(sys.argv[1]); lock.acquire()\n"
    "print('held', flush=True); time.sleep(60)\n"
)


def test_busy_lock_gives_store_busy_error(data: Path) -> None:
    store, lea = make(data)
    store = ProgressStore(data, lock_timeout=0.3)
    lock = data / "locks" / f"{lea.id}.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(lock)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusyError, match="occupé par un autre programme") as caught:
            store.record_answer(answer(lea.id, "waiting"))
        assert caught.value.pending == 1
        with pytest.raises(StoreBusyError):
            store.update_state(lea.id, lambda s: s.update(n=1))
    finally:
        holder.kill()
        holder.wait()
    assert store.flush_pending() == 1
    assert len(ProgressStore(data).answers(lea.id)) == 2
