"""Progress carried between machines on a USB stick: export, then merge on import.

An import never loses or doubles an answer: learners are matched by id, else by
name (case and accents ignored); answers are deduplicated by their id, so the same
file imported twice changes nothing; local state wins over imported state.
The whole file is validated before anything is written.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from course.i18n import t
from course.progress.records import AnswerRecord, Learner, RecordError, is_json_object, utc_now
from course.progress.storage import atomic_write_bytes
from course.progress.store import ProgressStore

FORMAT = "atelier-progress"
VERSION = 1


class ImportRefused(Exception):
    """The file cannot be imported; `str(error)` says why, in French. Nothing was changed."""


@dataclass(frozen=True)
class ImportReport:
    """What an import changed."""

    learners_added: int = 0
    learners_merged: int = 0
    answers_added: int = 0
    answers_present: int = 0


@dataclass(frozen=True)
class _Contents:
    learners: list[Learner]
    answers: list[AnswerRecord]
    states: dict[str, dict[str, Any]]


def export_progress(store: ProgressStore, learner_ids: list[str] | None = None) -> dict[str, Any]:
    """Everything about the chosen learners (all when None), as one JSON-ready dict."""
    learners = [x for x in store.list_learners() if learner_ids is None or x.id in learner_ids]
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": utc_now(),
        "learners": [x.to_dict() for x in learners],
        "answers": [a.to_dict() for x in learners for a in store.answers(x.id)],
        "states": {x.id: store.get_state(x.id) for x in learners},
    }


def _damaged(detail: str) -> ImportRefused:
    return ImportRefused(t("store.import.damaged", detail=detail))


def _validate(data: object) -> _Contents:
    """The file's contents, fully checked; ImportRefused at the first problem."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportRefused(t("store.import.wrong_format"))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _damaged("version")
    if version > VERSION:
        raise ImportRefused(t("store.import.newer_version", version=version))
    raw_learners, raw_answers = data.get("learners"), data.get("answers")
    raw_states = data.get("states", {})
    if not isinstance(raw_learners, list) or not isinstance(raw_answers, list):
        raise _damaged("learners / answers")
    if not isinstance(raw_states, dict):
        raise _damaged("states")
    learners = [_parse(Learner.from_dict, raw, f"learners[{i}]")
                for i, raw in enumerate(raw_learners)]
    known = {x.id for x in learners}
    answers = [_parse(AnswerRecord.from_dict, raw, f"answers[{i}]")
               for i, raw in enumerate(raw_answers)]
    for i, answer in enumerate(answers):
        if answer.learner not in known:
            raise _damaged(f"answers[{i}]: learner")
    for learner_id, state in raw_states.items():
        if learner_id not in known or not is_json_object(state):
            raise _damaged(f"states[{learner_id!r}]")
    return _Contents(learners, answers, raw_states)


def _parse(build: Callable[[object], Any], raw: object, where: str) -> Any:
    try:
        return build(raw)
    except RecordError as error:
        raise _damaged(f"{where}: {error}") from None


def import_progress(store: ProgressStore, data: dict[str, Any]) -> ImportReport:
    """Merge an export into `store`; ImportRefused (nothing touched) if it is not valid."""
    contents = _validate(data)
    local_ids: dict[str, str] = {}
    added = merged = 0
    for learner in contents.learners:
        if learner.id in local_ids:
            continue
        local = store.get_learner(learner.id) or store.find_learner(learner.name)
        if local is None:
            local = store.add_learner(learner)
            added += local.id == learner.id
            merged += local.id != learner.id
        else:
            merged += 1
        local_ids[learner.id] = local.id

    seen = {x: {a.id for a in store.answers(x)} for x in set(local_ids.values())}
    fresh: list[AnswerRecord] = []
    for answer in contents.answers:
        target = local_ids[answer.learner]
        if answer.id not in seen[target]:
            seen[target].add(answer.id)
            fresh.append(replace(answer, learner=target))
    store.record_answers(fresh)

    for learner_id, state in contents.states.items():
        local_state = store.get_state(local_ids[learner_id])
        if any(key not in local_state for key in state):
            store.update_state(local_ids[learner_id], _fill_missing(state))
    return ImportReport(added, merged, len(fresh), len(contents.answers) - len(fresh))


def _fill_missing(imported: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    def change(state: dict[str, Any]) -> None:
        for key, value in imported.items():
            state.setdefault(key, copy.deepcopy(value))
    return change


def read_progress_file(path: Path | str) -> dict[str, Any]:
    """The JSON of an export file; ImportRefused (French message) if unreadable."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportRefused(t("store.import.unreadable", path=path.name,
                              detail=error.strerror or error)) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except ValueError:
        raise ImportRefused(t("store.import.not_json", path=path.name)) from None
    if not isinstance(data, dict):
        raise ImportRefused(t("store.import.wrong_format"))
    return data


def write_progress_file(path: Path | str, data: dict[str, Any]) -> None:
    """Write an export atomically and durably (a USB stick may be pulled out right after)."""
    payload = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    atomic_write_bytes(Path(path), payload)
