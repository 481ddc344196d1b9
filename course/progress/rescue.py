"""Answers that cannot reach the data dir, saved to a file the trainer can import.

When the data dir stays unwritable (full disk, read-only folder) the answers waiting
in memory would die with the app. `save_pending` writes them, with their learners'
profiles, as an ordinary progress export (`atelier import` reads it; answers already
present are skipped), then takes them off the queue.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TextIO

from course.i18n import t
from course.progress.records import AnswerRecord, Learner, StoreError, utc_now
from course.progress.storage import atomic_write_bytes, utc_stamp
from course.progress.store import ProgressStore
from course.progress.transfer import FORMAT, VERSION
from course.text.safe import clean_block, clean_terminal

FILE_PREFIX = "atelier-reponses-en-attente"


def pending_export(store: ProgressStore, answers: list[AnswerRecord]) -> dict[str, object]:
    """`answers` and their learners as an export file's contents."""
    learners: list[Learner] = []
    for learner_id in dict.fromkeys(a.learner for a in answers):
        learner = store.get_learner(learner_id)
        if learner is None:  # learners.json unreadable: a stand-in, merged by id on import
            learner = Learner(learner_id, t("store.recovered_name", short=learner_id[:8]), utc_now())
        learners.append(learner)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": utc_now(),
        "learners": [x.to_dict() for x in learners],
        "answers": [a.to_dict() for a in answers],
        "states": {},
    }


def save_pending(store: ProgressStore, folder: Path) -> Path:
    """Write the waiting answers into `folder` (OSError if it cannot) and return the file.

    The file is written whole before the answers leave the queue: a failure loses nothing.
    It holds names (the trainer must know whose answers they are), so only its owner reads it.
    """
    answers = store.pending_answers()  # the queue stays as it is until the file is written
    path = Path(folder).expanduser() / f"{FILE_PREFIX}-{utc_stamp()}.json"
    payload = json.dumps(pending_export(store, answers), ensure_ascii=True, indent=1)
    atomic_write_bytes(path, payload.encode("ascii"))
    os.chmod(path, 0o600)
    store.forget_pending({a.id for a in answers})
    return path


def rescue_folders(data_dir: Path) -> list[Path]:
    """Where to save answers when nobody can be asked: the home folder, then the temp folder."""
    folders = [Path.home(), Path(tempfile.gettempdir())]
    return [f for f in folders if f.resolve() != Path(data_dir).resolve()]


def rescue_pending(store: ProgressStore) -> Path | None:
    """The file the waiting answers were saved in, trying each rescue folder; None if none worked."""
    for folder in rescue_folders(store.paths.root):
        try:
            return save_pending(store, folder)
        except OSError:
            continue
    return None


def close_or_rescue(store: ProgressStore, err: TextIO) -> bool:
    """Close the store at the very end; answers that still cannot be written are saved
    elsewhere and the person is told where, in French. False when something went wrong."""
    try:
        store.close()
        return True
    except StoreError as error:
        count = store.pending
        err.write(clean_block(error) + "\n")
    if count:
        saved = rescue_pending(store)
        if saved is None:
            err.write(t("store.rescue.failed", count=count) + "\n")
        else:
            err.write(t("store.rescue.saved", count=count, path=clean_terminal(saved)) + "\n")
    return False
