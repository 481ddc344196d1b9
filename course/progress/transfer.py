"""Progress carried between machines on a USB stick: export, then merge on import.

An import never loses, doubles or silently rewrites an answer:
- learners are matched by id (an id already merged here with `--merge-as` is remembered);
  a learner whose *name* alone matches someone here is never merged silently: she is
  kept apart under a distinct name, unless the trainer says `merge_as`;
- answers are deduplicated by id per learner, so the same file imported twice changes
  nothing; an id that arrives with different content is a conflict, reported, not stored;
- each attempt keeps its sitting id, so sittings from two machines stay two attempts;
- the file carries a checksum of its contents; a mismatch is refused;
- scores and lesson states are derived from the answers, so after an import the app and
  every report agree; the state only adds what is missing (reading marks, visits).
The whole file is validated and the merge planned before anything is written.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from course.i18n import t
from course.progress.paths import is_learner_id
from course.progress.records import (
    AnswerRecord,
    Learner,
    RecordError,
    is_json_object,
    name_key,
    utc_now,
)
from course.progress.state_check import StateError, check_state
from course.progress.storage import NotAFileError, TooLargeError, atomic_write_bytes, read_regular
from course.progress.store import ProgressStore
from course.text.safe import clean_terminal, json_dumps

FORMAT = "atelier-progress"
VERSION = 1
MAX_IMPORT_BYTES = 64 * 2**20  # some 150,000 answers; a larger file is refused unread


class ImportRefused(Exception):
    """The file cannot be imported; `str(error)` says why, in French. Nothing was changed."""


@dataclass(frozen=True)
class ImportReport:
    """What an import changed, counted from what was stored."""

    learners_added: int = 0
    learners_merged: int = 0
    answers_added: int = 0
    answers_present: int = 0
    conflicts: tuple[dict[str, str], ...] = ()
    """Answers not imported because their id holds other content here (learner, id, quiz, question)."""
    kept_apart: tuple[tuple[str, str], ...] = ()
    """(name in the file, name given here) for learners that matched someone here by name only."""
    renamed: tuple[tuple[str, str], ...] = ()
    """(name in the file, name here) for learners matched by id under another name."""


@dataclass(frozen=True)
class _Contents:
    learners: list[Learner]
    answers: list[AnswerRecord]
    states: dict[str, dict[str, Any]]


@dataclass
class _Plan:
    targets: dict[str, str] = field(default_factory=dict)
    new: list[Learner] = field(default_factory=list)
    merged: int = 0
    kept_apart: list[tuple[str, str]] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    absorbed: dict[str, str] = field(default_factory=dict)
    """Profiles kept apart by an earlier import → the profile `merge_as` now joins them to."""


def checksum(data: dict[str, Any]) -> str:
    """SHA-256 of the learners, answers and states, written canonically (order of keys fixed)."""
    body = {key: data.get(key) for key in ("learners", "answers", "states")}
    text = json.dumps(body, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def export_progress(store: ProgressStore, learner_ids: list[str] | None = None) -> dict[str, Any]:
    """Everything about the chosen learners (all when None), as one JSON-ready dict."""
    learners = [x for x in store.list_learners() if learner_ids is None or x.id in learner_ids]
    data = {
        "format": FORMAT,
        "version": VERSION,
        "exported": utc_now(),
        "learners": [x.to_dict() for x in learners],
        "answers": [a.to_dict() for x in learners for a in store.answers(x.id)],
        "states": {x.id: store.get_state(x.id) for x in learners},
    }
    data["checksum"] = checksum(data)
    return data


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
    if "checksum" in data and data["checksum"] != checksum(data):
        raise ImportRefused(t("transfer.checksum"))
    raw_learners, raw_answers = data.get("learners"), data.get("answers")
    raw_states = data.get("states", {})
    if not isinstance(raw_learners, list) or not isinstance(raw_answers, list):
        raise _damaged("learners / answers")
    if not isinstance(raw_states, dict):
        raise _damaged("states")
    learners = [_parse(Learner.from_dict, raw, f"learners[{i}]") for i, raw in enumerate(raw_learners)]
    known = {x.id for x in learners}
    answers = [_parse(AnswerRecord.from_dict, raw, f"answers[{i}]") for i, raw in enumerate(raw_answers)]
    for i, answer in enumerate(answers):
        if answer.learner not in known:
            raise _damaged(f"answers[{i}]: learner")
    for learner_id, state in raw_states.items():
        if learner_id not in known or not is_json_object(state):
            raise _damaged(f"states[{learner_id!r}]")
        try:  # the layout the app reads (`state_check`), not only "plain JSON"
            check_state(state)
        except StateError as error:
            raise _damaged(f"states[{clean_terminal(learner_id, 40)!r}]: {error}") from None
    return _Contents(learners, answers, raw_states)


def _parse(build: Callable[[object], Any], raw: object, where: str) -> Any:
    try:
        return build(raw)
    except RecordError as error:
        raise _damaged(f"{where}: {error}") from None


def _aliases(store: ProgressStore) -> dict[str, str]:
    """Ids from other machines already merged here with `merge_as` → the local id."""
    found = {}
    for learner in store.list_learners():
        for other in store.get_state(learner.id).get("aliases") or []:
            if isinstance(other, str):
                found[other] = learner.id
    return found


def _free_name(store: ProgressStore, name: str, taken: set[str]) -> str:
    for number in range(2, 1000):
        candidate = f"{name[:34]} ({number})"
        if name_key(candidate) not in taken and store.find_learner(candidate) is None:
            return candidate
    raise ImportRefused(t("store.import.damaged", detail="name"))


def _plan(store: ProgressStore, contents: _Contents, merge_as: str | None) -> _Plan:
    """Where each learner of the file goes; ImportRefused if `merge_as` names nobody."""
    plan, aliases = _Plan(), _aliases(store)
    chosen = None
    if merge_as:
        target = store.find_learner(merge_as)
        if target is None:
            raise ImportRefused(t("transfer.merge_as_unknown", name=merge_as))
        named = [x for x in contents.learners if name_key(x.name) == name_key(merge_as)]
        chosen = named[0] if named else contents.learners[0] if len(contents.learners) == 1 else None
        if chosen is None:
            raise ImportRefused(t("transfer.merge_as_unused", name=merge_as))
    taken: set[str] = set()
    for learner in contents.learners:
        if learner.id in plan.targets:
            continue
        local = store.get_learner(aliases.get(learner.id, learner.id))
        if chosen is not None and learner.id == chosen.id:
            target = store.find_learner(merge_as or "")
            assert target is not None
            if local is not None and local.id != target.id:
                plan.absorbed[local.id] = target.id  # kept apart by an earlier import: joined now
            local = None
        theirs = contents.states.get(learner.id, {}).get("aliases")
        for other in theirs if local is None and isinstance(theirs, list) else []:
            local = store.get_learner(other) if isinstance(other, str) and is_learner_id(other) else None
            if local is not None:  # merged on the other machine with this one's profile
                plan.aliases.setdefault(local.id, []).append(learner.id)
                break
        if local is not None:
            plan.merged += 1
            if name_key(local.name) != name_key(learner.name):
                plan.renamed.append((learner.name, local.name))
        elif chosen is not None and learner.id == chosen.id:
            local = store.find_learner(merge_as or "")
            assert local is not None
            plan.merged += 1
            plan.aliases.setdefault(local.id, []).append(learner.id)
        elif store.find_learner(learner.name) is not None or name_key(learner.name) in taken:
            local = replace(learner, name=_free_name(store, learner.name, taken))
            plan.kept_apart.append((learner.name, local.name))
            plan.new.append(local)
        else:
            local = learner
            plan.new.append(local)
        taken.add(name_key(local.name))
        plan.targets[learner.id] = local.id
    return plan


def _same(left: AnswerRecord, right: AnswerRecord) -> bool:
    return {**left.to_dict(), "learner": ""} == {**right.to_dict(), "learner": ""}


def import_progress(
    store: ProgressStore, data: dict[str, Any], *, merge_as: str | None = None
) -> ImportReport:
    """Merge an export into `store`; ImportRefused (nothing touched) if it is not valid."""
    contents = _validate(data)
    plan = _plan(store, contents, merge_as)
    seen = {
        x: {a.id: a for a in store.answers(x)}
        for x in set(plan.targets.values())
        if store.get_learner(x) is not None
    }
    fresh: list[AnswerRecord] = []
    present = 0
    conflicts: list[dict[str, str]] = []
    names = {x.id: x.name for x in contents.learners}
    for apart, target in plan.absorbed.items():  # their answers move first, as they are
        for answer in store.answers(apart):
            if answer.id not in seen.setdefault(target, {}):
                seen[target][answer.id] = replace(answer, learner=target)
                fresh.append(seen[target][answer.id])
    for answer in contents.answers:
        target = plan.targets[answer.learner]
        moved = replace(answer, learner=target)
        known = seen.setdefault(target, {}).get(answer.id)
        if known is None:
            seen[target][answer.id] = moved
            fresh.append(moved)
        elif _same(known, moved):
            present += 1
        else:
            conflicts.append(
                {
                    "learner": clean_terminal(names.get(answer.learner, ""), 40),
                    "id": clean_terminal(answer.id, 64),
                    "quiz": clean_terminal(answer.quiz, 60),
                    "question": clean_terminal(answer.question, 60),
                }
            )

    added = 0
    for learner in plan.new:
        stored = store.add_learner(learner)
        added += stored.id == learner.id
    written = store.record_answers(fresh)
    for apart, target in plan.absorbed.items():
        store.update_state(target, _merge_state([store.get_state(apart)], []))
        store.delete_learner(apart)
    for target in dict.fromkeys(plan.targets.values()):
        imported = [state for i, state in contents.states.items() if plan.targets[i] == target]
        change = _merge_state(imported, plan.aliases.get(target, []))
        trial = copy.deepcopy(store.get_state(target))
        before = copy.deepcopy(trial)
        change(trial)
        if trial != before:
            store.update_state(target, change)
    return ImportReport(
        added, plan.merged, written, present, tuple(conflicts), tuple(plan.kept_apart), tuple(plan.renamed)
    )


def _merge_state(imported: list[dict[str, Any]], aliases: list[str]) -> Callable[[dict[str, Any]], None]:
    """Add what the local state lacks: lessons read there, visits, quizzes never opened here.

    Local values win; merging the same state twice changes nothing.
    """

    def change(state: dict[str, Any]) -> None:
        for key, value in ((k, v) for one in imported for k, v in one.items()):
            mine = state.get(key)
            if key not in state:
                state[key] = copy.deepcopy(value)
            elif key == "lessons" and isinstance(mine, dict) and isinstance(value, dict):
                for lesson, entry in value.items():
                    if lesson not in mine:
                        mine[lesson] = copy.deepcopy(entry)
                    elif (
                        isinstance(mine[lesson], dict)
                        and isinstance(entry, dict)
                        and entry.get("read") is True
                    ):
                        mine[lesson]["read"] = True
            elif key == "visits" and isinstance(mine, dict) and isinstance(value, dict):
                for label, visit in value.items():
                    ours = mine.get(label)
                    if not isinstance(ours, dict) or not isinstance(visit, dict):
                        mine.setdefault(label, copy.deepcopy(visit))
                        continue
                    for end, pick in (("first", min), ("last", max)):
                        if isinstance(visit.get(end), str) and isinstance(ours.get(end), str):
                            ours[end] = pick(ours[end], visit[end])
            elif key == "quizzes" and isinstance(mine, dict) and isinstance(value, dict):
                for quiz, entry in value.items():
                    mine.setdefault(quiz, copy.deepcopy(entry))
        if aliases:
            found = state.get("aliases")
            known: list[Any] = found if isinstance(found, list) else []
            state["aliases"] = known + [a for a in aliases if a not in known]

    return change


def read_progress_file(path: Path | str) -> dict[str, Any]:
    """The JSON of an export file; ImportRefused (French message) if unreadable."""
    path = Path(path)
    try:  # a FIFO or /dev/zero is refused unread, never waited on; so is a huge file
        raw = read_regular(path, MAX_IMPORT_BYTES)
    except TooLargeError:
        raise ImportRefused(
            t("store.import.too_large", path=clean_terminal(path.name), max=MAX_IMPORT_BYTES // 2**20)
        ) from None
    except NotAFileError:
        raise ImportRefused(t("store.import.not_a_file", path=clean_terminal(path.name))) from None
    except OSError as error:
        raise ImportRefused(
            t("store.import.unreadable", path=clean_terminal(path.name), detail=error.strerror or error)
        ) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # RecursionError: nested deeper than any export
        raise ImportRefused(t("store.import.not_json", path=clean_terminal(path.name))) from None
    if not isinstance(data, dict):
        raise ImportRefused(t("store.import.wrong_format"))
    return data


def write_progress_file(path: Path | str, data: dict[str, Any]) -> None:
    """Write an export atomically and durably (a USB stick may be pulled out right after).

    It carries real names (it moves learners between machines), so it is created readable
    by its owner only (0600, as every file `atomic_write_bytes` writes); control and bidi
    characters in names or answers are escaped, so a viewer never acts on them.
    """
    payload = json_dumps(data, indent=1).encode("utf-8")
    atomic_write_bytes(Path(path), payload)
