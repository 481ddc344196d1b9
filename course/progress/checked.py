"""Answer files already checked once are not checked again at each start.

A learner's answers are appended to their last segment only; every earlier segment is
full and never written again. Once each answer of such a segment has passed the checks
of `AnswerRecord`, the file's identity (inode, size, change time in nanoseconds) goes into
a small index; at the next start a segment with the same identity is read with
`json.loads` alone and its records are built without checking each field again. That
check was three quarters of the cost of opening a learner with 20,000 answers.

Any change to the file (rewritten, moved aside as damaged, replaced by an import) changes
its identity, so it is checked again. The index is derived data: it lives in the cache
folder (like the course cache), never in the data dir, is replaced whole, and a missing
or unreadable index only means one careful read.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

from course.i18n import t
from course.progress.paths import sha256_hex
from course.progress.records import AnswerRecord, RecordError, timestamp_key
from course.progress.storage import DamagedFileError, DataFiles, read_regular

INDEX_VERSION = 1
Identity = list[int]  # inode, size, mtime_ns
_FIELDS = tuple(AnswerRecord.__dataclass_fields__)
_FIELD_SET = frozenset(_FIELDS)
_DEFAULTS: dict[str, Any] = {"session": None, "confidence": None, "mode": "quiz", "sitting": ""}


def _cache_dir() -> Path:
    """`ATELIER_CACHE`, else the platform's user cache folder (as the course cache)."""
    override = os.environ.get("ATELIER_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("atelier-numerique"))


def replace_cache_file(path: Path, payload: bytes) -> None:
    """Replace a file of the cache folder whole (a reader sees the old one or the new one).

    Not fsynced: a cache lost in a crash only costs a careful read of what it summed up.
    Made with mode 0600, in a folder made if needed; a cache that cannot be written is not
    an error."""
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.replace(temp, path)
        finally:
            with suppress(FileNotFoundError):
                os.unlink(temp)


def identity(path: Path) -> Identity | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_ino, info.st_size, info.st_mtime_ns]


def record_checked_before(doc: dict[str, Any]) -> AnswerRecord:
    """The record `AnswerRecord.from_dict(doc)` returned when this file was checked, built
    without running the checks again (same fields, same defaults, still frozen)."""
    record = object.__new__(AnswerRecord)
    values = record.__dict__
    values.update(_DEFAULTS)
    if doc.keys() <= _FIELD_SET:
        values.update(doc)
    else:  # keys a newer version added are left out, as `from_dict` does
        values.update((name, doc[name]) for name in _FIELDS if name in doc)
    return record


class CheckedSegments:
    """The checked segments of one learner folder: {file name: identity}."""

    def __init__(self, learner_dir: Path) -> None:
        key = sha256_hex(os.fsencode(os.path.abspath(learner_dir)))[:32]
        self.path = _cache_dir() / "checked-answers" / f"{key}.json"
        self._known = self._load()
        self._changed = False

    def _load(self) -> dict[str, Identity]:
        try:
            with open(self.path, "rb") as handle:
                data = json.loads(handle.read(1 << 20))
        except (OSError, ValueError, RecursionError):
            return {}
        if (
            type(data) is not dict
            or data.get("version") != INDEX_VERSION
            or type(data.get("files")) is not dict
        ):
            return {}
        return {
            name: value
            for name, value in data["files"].items()
            if type(value) is list and len(value) == 3 and all(type(x) is int for x in value)
        }

    def is_checked(self, path: Path, seen: Identity | None) -> bool:
        return seen is not None and self._known.get(path.name) == seen

    def add(self, path: Path, seen: Identity | None) -> None:
        if seen is not None and self._known.get(path.name) != seen:
            self._known[path.name] = seen
            self._changed = True

    def keep_only(self, names: set[str]) -> None:
        """Forget files that are gone (a deleted learner's folder, a segment set aside)."""
        for name in set(self._known) - names:
            del self._known[name]
            self._changed = True

    def save(self) -> None:
        """Write the index if it changed; a cache that cannot be written is not an error."""
        if not self._changed:
            return
        payload = json.dumps({"version": INDEX_VERSION, "files": self._known}, separators=(",", ":"))
        replace_cache_file(self.path, payload.encode("ascii"))
        self._changed = False


def in_time_order(records: list[AnswerRecord]) -> list[AnswerRecord]:
    """`records` sorted by time. Timestamps as the store writes them (UTC, ...T12:34:56.123456Z)
    sort as text in time order; any other form (another machine, an import) is parsed."""
    if all(len(r.timestamp) == 27 and r.timestamp[10] == "T" and r.timestamp[26] == "Z" for r in records):
        return sorted(records, key=lambda r: r.timestamp)
    return sorted(records, key=lambda r: timestamp_key(r.timestamp))


def _plain_docs(path: Path) -> list[dict[str, Any]] | None:
    """The answer documents of a segment, parsed once; None for anything odd (careful read then)."""
    try:
        data = json.loads(read_regular(path))
    except (OSError, ValueError, RecursionError, DamagedFileError):
        return None
    table = data.get("answers") if type(data) is dict and len(data) == 1 else None
    if type(table) is not dict or not all(type(doc) is dict for doc in table.values()):
        return None
    return list(table.values())


def stored_answers(files: DataFiles, learner_id: str) -> Iterator[AnswerRecord]:
    """Every answer in a learner's segments, in file order; read it to the end (the index is
    saved then). Segments checked before are trusted, the others checked answer by answer:
    a record that fails is left out with a notice, a damaged file is repaired by `read_table`."""
    paths = files.paths
    lock = paths.learner_lock(learner_id)
    checked = CheckedSegments(paths.learner_dir(learner_id))
    segments = paths.segments(learner_id)
    for path in segments:
        seen = identity(path) if path != segments[-1] else None  # the last one still grows
        docs = _plain_docs(path) if checked.is_checked(path, seen) else None
        if docs is not None:
            yield from map(record_checked_before, docs)
            continue
        notices = len(files.notices)
        for doc in files.read_table(path, "answers", lock):
            try:
                yield AnswerRecord.from_dict(doc)
            except RecordError:
                files.notice("bad_record", path, t("store.bad_record", path=paths.relative(path)))
        if len(files.notices) == notices:
            checked.add(path, seen)
    checked.keep_only({path.name for path in segments})
    checked.save()
