"""The progress store: profiles, answers and app state, kept in TinyDB files.

Guarantees (DESIGN §6): every write is atomic and fsynced; every write happens
inside a file lock with a FRESH TinyDB instance, so several processes never lose
an update; answers go to capped per-learner segments, so recording costs the same
with 10 or 50,000 answers stored; a damaged file (a FIFO, a device, an oversized
file, a state with wrong types: `storage.read_regular`, `state_check`) is set aside
with a notice; an answer that cannot be written stays queued in memory until
`flush_pending()` or `retry_pending()` writes it, or `rescue.save_pending` saves it
to a file the trainer imports. Reads take no lock: an atomic replace never shows a
half-written file.
Lock order, against deadlocks: learners.json first, then a learner's folder.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import suppress
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from course.i18n import t
from course.progress.checked import in_time_order, stored_answers
from course.progress.paths import (
    DELETED_PREFIX,
    NEW_PREFIX,
    TEMP_SUFFIX,
    StorePaths,
    is_learner_id,
    segment_identity,
    segment_number,
)
from course.progress.records import (
    AnswerRecord,
    Appended,
    InvalidNameError,
    Learner,
    RecordError,
    StoreBusyError,
    StoreNotice,
    StoreWriteError,
    UnknownLearnerError,
    clean_name,
    is_json_object,
    name_key,
    new_id,
    utc_now,
)
from course.progress.state_check import check_state
from course.progress.storage import (
    STATE_FILE,
    DamagedFileError,
    DataFiles,
    atomic_write_bytes,
    fsync_dir,
    looks_damaged,
    parse_tables,
    read_regular,
    read_tables,
    reason,
    stray_temp_files,
)
from course.progress.summary import listing_stamp, load_listing_stamp, save_listing_stamp

if TYPE_CHECKING:  # TinyDB is loaded by the first write (`DataFiles.write_db`), not by reads
    from tinydb import TinyDB
    from tinydb.table import Table

T = TypeVar("T")
# Chosen by measurement (bench/bench_store.py --sweep): an append rewrites the last
# segment, ~10-15 µs per answer already in it on top of ~2.5 ms of fsyncs. p95 over a
# segment's life here: 50 -> 3-4 ms, 100 -> 4-5.5 ms, 200 -> 5.5-7.5 ms, 500 -> 9-15 ms.
DEFAULT_SEGMENT_SIZE = 100
LOCK_TIMEOUT_S = 10.0
RETRY_LOCK_TIMEOUT_S = 0.5  # a timer's retry gives way to a busy lock at once


class ProgressStore:
    """The one owner of a data directory's files (layout: `course.progress.paths`)."""

    def __init__(
        self,
        data_dir: Path,
        *,
        segment_size: int = DEFAULT_SEGMENT_SIZE,
        lock_timeout: float = LOCK_TIMEOUT_S,
    ) -> None:
        self.paths = StorePaths(Path(data_dir))
        self.files = DataFiles(self.paths, lock_timeout)
        self.notices: list[StoreNotice] = self.files.notices
        self.segment_size = max(1, segment_size)
        self._pending: list[AnswerRecord] = []
        self._mutex = threading.RLock()
        self._repaired: set[str] = set()
        self._appended: dict[str, Appended | None] = {}
        self.writable = self._make_folders()
        if self.writable:
            with suppress(OSError, StoreBusyError):  # a busy store still opens; reads repair
                self._repair()

    def _make_folders(self) -> bool:
        root = self.paths.root
        with suppress(OSError):
            for folder in (root, self.paths.learners_root, self.paths.locks):
                folder.mkdir(parents=True, exist_ok=True)
        if self._can_write():
            return True
        self.files.notice("read_only", root, t("store.read_only", path=root))
        return False

    def _can_write(self) -> bool:
        """Try what a write needs (a file in the data dir, the profiles lock) rather than ask.

        `os.access` says "no" for a locks/ folder made immutable (chattr +i) although
        its lock files still work, and "yes" to root on a read-only mount.
        """
        try:
            fd, probe = tempfile.mkstemp(prefix=".probe-", suffix=TEMP_SUFFIX, dir=self.paths.root)
            os.close(fd)
            os.unlink(probe)
            os.close(os.open(self.paths.learners_lock, os.O_RDWR | os.O_CREAT, 0o644))
        except OSError:
            return False
        return True

    def _repair(self) -> None:
        """Clean up after a killed process: temp files, half-done deletions, damaged files.

        Only the files a crash can catch mid-write are checked here (learners.json, each
        state.json and last segment); full segments are never rewritten.
        """
        self.files.clean_temp(self.paths.root, self.paths.learners_lock)
        stamp = listing_stamp(self.paths)
        if stamp is not None and stamp == load_listing_stamp(self.paths):
            return  # nothing added, removed or renamed among the learners since a check found them in order
        self._repair_learners()
        if stamp == listing_stamp(self.paths) and not stray_temp_files(self.paths.names):
            save_listing_stamp(self.paths, stamp)

    def _repair_learners(self) -> None:
        """Every learner folder and name index file, against a kill: O(number of learners)."""
        self.files.clean_temp(self.paths.names, self.paths.learners_lock)  # written under it too
        if self.paths.unfinished_dirs(NEW_PREFIX):
            with self.files.locked(self.paths.learners_lock):  # no creation is under way
                for staging in self.paths.unfinished_dirs(NEW_PREFIX):
                    shutil.rmtree(staging, ignore_errors=True)
        for trash in self.paths.unfinished_dirs(DELETED_PREFIX):
            gone = trash.name[len(DELETED_PREFIX) :][:32]
            self._learners_write(partial(_remove, learner_id=gone))
            shutil.rmtree(trash, ignore_errors=True)
        listed = self.files.read_table(self.paths.learners_db, "learners", self.paths.learners_lock)
        if set(self.paths.learner_ids_on_disk()) - {doc.get("id") for doc in listed}:
            self._learners_write(len)  # adopts the folders learners.json does not list
        # Each learner's own files are checked when that learner is first read or written
        # (`_repair_learner`): opening one learner costs the same among 10 or 1,000.

    def _repair_learner(self, learner_id: str) -> None:
        """A killed writer's temp files, a damaged state or last segment: once per learner."""
        if learner_id in self._repaired or not self.writable or not is_learner_id(learner_id):
            return
        self._repaired.add(learner_id)
        lock = self.paths.learner_lock(learner_id)
        with suppress(OSError, StoreBusyError):
            folder = self.paths.learner_dir(learner_id)
            try:
                names = os.listdir(folder)  # one listing for both checks
            except OSError:
                names = []
            if any(n.startswith(".") and n.endswith(TEMP_SUFFIX) for n in names):
                self.files.clean_temp(folder, lock)
            last = self.paths.newest_among(learner_id, names)
            for path in [self.paths.state_db(learner_id), *([last] if last else [])]:
                if looks_damaged(path):
                    self.files.repair(path, lock)

    def _guard_write(self, write: Callable[[], T], message_key: str, what: str) -> T:
        try:
            return write()
        except StoreBusyError as error:
            raise StoreBusyError(str(error), self.pending, what) from None
        except OSError as error:
            why = reason(error)
            raise StoreWriteError(t(message_key, reason=why), self.pending, what, why) from error

    # ----- learners ----------------------------------------------------------------------

    def _learners_write(self, operation: Callable[[Table], T]) -> T:
        """Run `operation` on the learners table, after adding the folders it does not list."""

        def run(db: TinyDB) -> T:
            table = db.table("learners")
            orphans = self._orphans({doc.get("id") for doc in table}, recover=True)
            if orphans:
                table.insert_multiple(x.to_dict() for x in orphans)
                if self._index_ready():  # a folder copied in: its name is taken from now on
                    for orphan in orphans:
                        self._index_name(orphan)
            return operation(table)

        with self.files.locked(self.paths.learners_lock):
            return self.files.write_db(self.paths.learners_db, run)

    def _orphans(self, known: set[Any], *, recover: bool = False) -> list[Learner]:
        """Profiles of learner folders missing from learners.json (crash, damaged file).

        With `recover` (under the learners lock, so no creation is half done) a folder
        whose profile.json is unreadable gets a stand-in name: its answers stay visible.
        """
        found = []
        for learner_id in self.paths.learner_ids_on_disk():
            if learner_id in known:
                continue
            profile: list[Learner] = []
            with suppress(DamagedFileError, OSError, RecordError):
                docs = (read_tables(self.paths.profile_db(learner_id)) or {}).get("profile")
                profile = [Learner.from_dict(doc) for doc in (docs or {}).values()][:1]
            if not profile and recover:
                name = t("store.recovered_name", short=learner_id[:8])
                profile = [Learner(learner_id, name, utc_now())]
            found += profile
        return found

    def list_learners(self) -> list[Learner]:
        """Every profile, sorted by name (case and accents ignored)."""
        learners: dict[str, Learner] = {}
        path = self.paths.learners_db
        for doc in self.files.read_table(path, "learners", self.paths.learners_lock):
            try:
                learner = Learner.from_dict(doc)
            except RecordError:
                self.files.notice("bad_record", path, t("store.bad_record", path=path.name))
                continue
            learners.setdefault(learner.id, learner)
        for learner in self._orphans(set(learners)):
            learners[learner.id] = learner
        return sorted(learners.values(), key=lambda x: (name_key(x.name), x.name, x.id))

    def get_learner(self, learner_id: str) -> Learner | None:
        found = self._profile(learner_id) or self._listed_once(lambda doc: doc.get("id") == learner_id)
        return found or next((x for x in self.list_learners() if x.id == learner_id), None)

    def _profile(self, learner_id: str) -> Learner | None:
        """The profile kept in the learner's own folder (written once, at creation)."""
        if not is_learner_id(learner_id):
            return None
        with suppress(DamagedFileError, OSError, RecordError):
            docs = (read_tables(self.paths.profile_db(learner_id)) or {}).get("profile")
            for doc in (docs or {}).values():
                learner = Learner.from_dict(doc)
                if learner.id == learner_id:
                    return learner
        return None

    def _named(self, key: str) -> Learner | None:
        """The learner the name index gives for a `name_key`, if their folder is there."""
        try:
            learner_id = self.paths.name_entry(key).read_bytes().decode("ascii").strip()
        except (OSError, ValueError):
            return None
        found = self._profile(learner_id)
        return found if found is not None and name_key(found.name) == key else None

    def _index_ready(self) -> bool:
        return self.paths.names_complete.is_file()

    def _index_name(self, learner: Learner) -> None:
        """Give `learner` their name in the index, unless a learner present holds it (lock held)."""
        key = name_key(learner.name)
        if self._named(key) is None:
            self.paths.names.mkdir(exist_ok=True)
            atomic_write_bytes(self.paths.name_entry(key), learner.id.encode("ascii"))

    def _build_name_index(self) -> None:
        """Once per data dir (lock held): index every learner an older version stored, then
        mark the index complete. A kill before the mark only means building it again."""
        if self._index_ready():
            return
        for learner in self.list_learners():
            self._index_name(learner)
        self.paths.names.mkdir(exist_ok=True)
        atomic_write_bytes(self.paths.names_complete, b"1\n")

    def find_learner(self, name: str) -> Learner | None:
        """The learner whose cleaned name matches, ignoring case and accents."""
        try:
            key = name_key(clean_name(name))
        except InvalidNameError:
            return None
        if self._index_ready() and (named := self._named(key)) is not None:
            return named
        found = self._listed_once(
            lambda doc: isinstance(doc.get("name"), str) and name_key(doc["name"]) == key
        )
        return found or next((x for x in self.list_learners() if name_key(x.name) == key), None)

    def _listed_once(self, match: Callable[[dict[str, Any]], bool]) -> Learner | None:
        """The one profile of learners.json that `match`es, without checking every other one
        (opening a learner costs the same among 10 or 1,000); None sends the caller to
        `list_learners`, which also sees unlisted folders and says what it had to skip."""
        docs = self.files.read_table(self.paths.learners_db, "learners", self.paths.learners_lock)
        found = [doc for doc in docs if match(doc)]
        if len(found) != 1:
            return None
        with suppress(RecordError):
            return Learner.from_dict(found[0])
        return None

    def create_learner(self, name: str) -> Learner:
        """A new profile, or the existing one with that name. InvalidNameError if unusable.

        A known name is found by reading alone (its file in the name index): no lock, and
        the cost does not depend on how many learners there are."""
        learner = Learner.new(name)
        key = name_key(learner.name)
        if self._index_ready():
            known = self._named(key)
        else:
            known = self._listed_once(
                lambda doc: isinstance(doc.get("name"), str) and name_key(doc["name"]) == key
            )
        return known or self.add_learner(learner)  # add_learner looks again, under the lock

    def add_learner(self, learner: Learner) -> Learner:
        """Store `learner` as given (imports keep ids), unless its id or its name is known.

        The profile goes in the learner's own folder and their name in the name index;
        learners.json, which lists every profile, is not rewritten (it takes the new folders
        in at the next start): creating a learner costs the same among 10 or 1,000.
        The name's index file is written before the folder appears, so a kill in between
        leaves an entry for a learner who is not there, which counts as a free name."""
        key = name_key(learner.name)

        def add() -> Learner:
            with self.files.locked(self.paths.learners_lock):
                self._build_name_index()
                known = self._named(key) or self._profile(learner.id)
                if known is not None:
                    return known
                self.paths.names.mkdir(exist_ok=True)
                atomic_write_bytes(self.paths.name_entry(key), learner.id.encode("ascii"))
                staging = self.paths.staging_dir(learner.id)  # the folder appears whole, or not
                staging.mkdir(exist_ok=True)
                self.files.write_db(
                    staging / "profile.json", lambda db: db.table("profile").insert(learner.to_dict())
                )
                os.replace(staging, self.paths.learner_dir(learner.id))
                fsync_dir(staging.parent)
                return learner

        return self._guard_write(add, "store.profile_failed", "profile")

    def delete_learner(self, learner_id: str) -> None:
        """Remove the profile, the folder, and the answers waiting in memory."""
        if not is_learner_id(learner_id):
            return
        folder = self.paths.learner_dir(learner_id)
        trash = folder.with_name(f"{DELETED_PREFIX}{learner_id}-{new_id()[:8]}")
        profile = self._profile(learner_id)

        def delete(table: Table) -> None:
            with self.files.locked(self.paths.learner_lock(learner_id)):
                if folder.exists():
                    os.replace(folder, trash)  # atomic; finished at start-up if we die here
                    fsync_dir(folder.parent)
            _remove(table, learner_id)
            if profile is not None:  # an entry left behind would only point to no one
                entry = self.paths.name_entry(name_key(profile.name))
                with suppress(OSError):
                    if entry.read_bytes() == learner_id.encode("ascii"):
                        entry.unlink()

        def delete_or_restore() -> None:
            try:
                self._learners_write(delete)
            except BaseException:  # learners.json not written: put the folder back as it was
                if trash.exists() and not folder.exists():
                    with suppress(OSError):
                        os.replace(trash, folder)
                raise

        self._guard_write(delete_or_restore, "store.delete_failed", "profile")
        shutil.rmtree(trash, ignore_errors=True)
        with self._mutex:
            self._pending = [r for r in self._pending if r.learner != learner_id]

    # ----- answers -----------------------------------------------------------------------

    @property
    def pending(self) -> int:
        """Answers accepted but not yet on disk."""
        return len(self._pending)

    def _check_learner(self, learner_id: str) -> None:
        if not is_learner_id(learner_id) or not self.paths.learner_dir(learner_id).is_dir():
            raise UnknownLearnerError(t("store.unknown_learner"))

    def record_answer(self, record: AnswerRecord) -> AnswerRecord:
        """Store one answer, durably, before returning it (with its id and timestamp)."""
        filled = replace(record, id=record.id or new_id(), timestamp=record.timestamp or utc_now())
        with self._mutex:
            self._check_learner(filled.learner)
            self._pending.append(filled)
            try:
                self.flush_pending()
            except StoreWriteError:
                if any(r.id == filled.id for r in self._pending):
                    raise  # another learner's failure alone does not concern this answer
        return filled

    def record_answers(self, records: list[AnswerRecord]) -> int:
        """Store many answers in few writes (imports); same guarantees as `record_answer`."""
        with self._mutex:
            for record in records:
                self._check_learner(record.learner)
            self._pending += [
                replace(r, id=r.id or new_id(), timestamp=r.timestamp or utc_now()) for r in records
            ]
            return self.flush_pending()

    def flush_pending(self, lock_timeout: float | None = None) -> int:
        """Write the answers waiting in memory; how many. StoreWriteError if some remain."""
        with self._mutex:
            written, busy, why = 0, False, None
            for learner_id in dict.fromkeys(r.learner for r in self._pending):
                try:
                    written += self._write_pending(learner_id, lock_timeout)
                except UnknownLearnerError:  # deleted meanwhile: their answers go with them
                    self._pending = [r for r in self._pending if r.learner != learner_id]
                except StoreBusyError:
                    busy = True
                except OSError as error:
                    why = reason(error)
            if busy:
                raise StoreBusyError(
                    t("store.busy", seconds=round(self.files.lock_timeout)), self.pending, "answer"
                )
            if why is not None:
                raise StoreWriteError(
                    t("store.write_failed", reason=why, pending=self.pending), self.pending, "answer", why
                )
            return written

    def retry_pending(self) -> StoreWriteError | None:
        """For a timer: try once more to write what waits; the error if some still wait.

        Never raises and never waits long for a busy lock, so the app stays responsive.
        """
        with self._mutex:
            if not self._pending:
                return None
            try:
                self.flush_pending(lock_timeout=RETRY_LOCK_TIMEOUT_S)
            except StoreWriteError as error:
                return error
            return None

    def pending_answers(self) -> list[AnswerRecord]:
        """A copy of the answers waiting in memory, oldest first."""
        with self._mutex:
            return list(self._pending)

    def forget_pending(self, answer_ids: set[str]) -> None:
        """Take answers off the queue once they are safe elsewhere (`rescue.save_pending`)."""
        with self._mutex:
            self._pending = [r for r in self._pending if r.id not in answer_ids]

    def _write_pending(self, learner_id: str, lock_timeout: float | None = None) -> int:
        """Append a learner's waiting answers; each batch leaves the queue once on disk.
        What the write did is kept for `last_append` (None when a file had to be set aside
        or looked at fails: then nobody can know the files without reading them)."""
        written = 0
        self._repair_learner(learner_id)
        self._appended.pop(learner_id, None)
        with self.files.locked(self.paths.learner_lock(learner_id), lock_timeout):
            self._check_learner(learner_id)
            notices = len(self.notices)
            last = self.paths.last_segment(learner_id)
            before = segment_identity(last) if last else None
            last_before = last
            touched: list[Path] = []
            ids: list[str] = []
            while batch := [r for r in self._pending if r.learner == learner_id]:
                taken, last = self._append(learner_id, batch, last)
                done = {r.id for r in batch[:taken]}  # ids are unique per learner, not across
                self._pending = [r for r in self._pending if r.learner != learner_id or r.id not in done]
                written += taken
                ids += [r.id for r in batch[:taken]]
                touched += [last] if last not in touched else []
            after = [segment_identity(path) for path in touched]
            known = before is not None or last_before is None
            if known and len(self.notices) == notices and all(seen is not None for seen in after):
                self._appended[learner_id] = Appended(before, [x for x in after if x], tuple(ids))
        return written

    def last_append(self, learner_id: str) -> Appended | None:
        """What the last write of this learner's answers by this store did (`Appended`), once;
        None if it is not known exactly."""
        with self._mutex:
            return self._appended.pop(learner_id, None)

    def _append(self, learner_id: str, records: list[AnswerRecord], last: Path | None) -> tuple[int, Path]:
        """Add what fits of `records` to the last segment (or a new one); how many went, and
        the segment written."""
        number = (segment_number(last.name) or 1) if last else 1

        def insert(db: TinyDB) -> int:
            table = db.table("answers")
            room = max(0, self.segment_size - len(table))
            if room:
                table.insert_multiple(r.to_dict() for r in records[:room])
            return min(room, len(records))

        path = self.paths.segment(learner_id, number)
        taken = self.files.write_db(path, insert)
        if taken:
            return taken, path
        path = self.paths.segment(learner_id, number + 1)
        return self.files.write_db(path, insert), path

    def answers(self, learner_id: str) -> list[AnswerRecord]:
        """The learner's answers in time order, those waiting in memory included."""
        if not is_learner_id(learner_id):
            return []
        self._repair_learner(learner_id)
        found: dict[str, AnswerRecord] = {}
        for record in stored_answers(self.files, learner_id):  # files checked once are trusted
            found.setdefault(record.id, record)
        for record in list(self._pending):
            if record.learner == learner_id:
                found.setdefault(record.id, record)
        return in_time_order(list(found.values()))

    def answer_dicts(self, learner_id: str) -> list[dict[str, Any]]:
        """The learner's stored answers as the files hold them, then those waiting in memory:
        the fast read behind reports, which check each field themselves (and count an id
        found twice once) instead of building an `AnswerRecord` per answer."""
        if not is_learner_id(learner_id):
            return []
        self._repair_learner(learner_id)
        lock = self.paths.learner_lock(learner_id)
        found: list[dict[str, Any]] = []
        for path in self.paths.segments(learner_id):
            found += _answer_docs(path) or self.files.read_table(path, "answers", lock)
        waiting = [r for r in list(self._pending) if r.learner == learner_id]
        if waiting:
            stored = {doc.get("id") for doc in found}
            found += [r.to_dict() for r in waiting if r.id not in stored]
        return found

    def report_files(self, learner_id: str) -> tuple[list[str] | None, list[Path]]:
        """One listing of her folder (None if it cannot be listed), and the files a report
        reads from it: her answer segments, oldest first, then her state file. Given back to
        `read_for_report`, the listing serves the read too."""
        folder = self.paths.learner_dir(learner_id)
        try:
            names = os.listdir(folder)
        except OSError:
            return None, [self.paths.state_db(learner_id)]
        numbered = sorted((n, name) for name in names if (n := segment_number(name)) is not None)
        return names, [*(folder / name for _, name in numbered), folder / STATE_FILE]

    def read_for_report(
        self, learner_id: str, names: list[str] | None = None
    ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        """`(answer_dicts(learner_id), get_state(learner_id))`, from one listing of her folder
        (`names`, when the caller has just made it with `report_files`).

        Her files are read as those calls read them (regular files only, within the size
        limit, a state checked against its layout) but without their repair pass: when
        anything is odd (a killed writer's temp file, a file that does not parse whole, a
        FIFO, an oversized file, answers waiting in memory), both calls are made as they
        are, with their repairs and notices. Takes no lock and writes nothing otherwise."""
        if not is_learner_id(learner_id):
            return [], {}
        folder = self.paths.learner_dir(learner_id)
        if names is None:
            try:
                names = os.listdir(folder)
            except OSError:
                names = None
        if (
            names is None
            or any(n.startswith(".") and n.endswith(TEMP_SUFFIX) for n in names)
            or any(r.learner == learner_id for r in list(self._pending))
        ):
            return self.answer_dicts(learner_id), self.get_state(learner_id)
        found: list[dict[str, Any]] = []
        for _, name in sorted((n, name) for name in names if (n := segment_number(name)) is not None):
            docs = _answer_docs(folder / name)
            if docs is None:
                return self.answer_dicts(learner_id), self.get_state(learner_id)
            found += docs
        state: dict[str, Any] = {}
        if STATE_FILE in names:
            path = folder / STATE_FILE
            try:
                states = list((parse_tables(read_regular(path), path).get("state") or {}).values())
            except (OSError, DamagedFileError):
                return found, self.get_state(learner_id)
            state = states[0] if states else {}
        return found, state

    def fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        """Names, sizes and change times of every file the reports read: equal fingerprints,
        equal data. Cheap (no file is opened), so a screen can poll it."""
        seen: list[tuple[str, int, int]] = []
        folders = [self.paths.root, *(self.paths.learners_root / i for i in self.paths.learner_ids_on_disk())]
        for folder in folders:
            with suppress(OSError), os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(".json"):
                        with suppress(OSError):
                            info = entry.stat()
                            seen.append((entry.path, info.st_size, info.st_mtime_ns))
        return tuple(sorted(seen))

    def iter_all_answers(self) -> Iterator[AnswerRecord]:
        """Every learner's answers, learner by learner (in `list_learners` order)."""
        for learner in self.list_learners():
            yield from self.answers(learner.id)

    # ----- state -------------------------------------------------------------------------

    def get_state(self, learner_id: str) -> dict[str, Any]:
        """The app's state for this learner (positions, resets...); {} if none."""
        if not is_learner_id(learner_id):
            return {}
        self._repair_learner(learner_id)
        docs = self.files.read_table(
            self.paths.state_db(learner_id), "state", self.paths.learner_lock(learner_id)
        )
        return docs[0] if docs else {}  # freshly parsed: the caller may keep it

    def update_state(self, learner_id: str, change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        """Read, `change` in place, write back: atomic, under the learner's lock."""

        def apply(db: TinyDB) -> dict[str, Any]:
            table = db.table("state")
            current = table.get(doc_id=1)
            state = copy.deepcopy(dict(current)) if isinstance(current, dict) else {}
            change(state)
            if not is_json_object(state):
                raise TypeError("the state must be a dict of plain JSON values")
            check_state(state)  # StateError: what is written must read back (state_check)
            if current is None:
                from tinydb.table import Document

                table.insert(Document(state, doc_id=1))
            else:
                table.update(_replace_with(state), doc_ids=[1])
            return copy.deepcopy(state)

        def write() -> dict[str, Any]:
            self._repair_learner(learner_id)
            with self.files.locked(self.paths.learner_lock(learner_id)):
                self._check_learner(learner_id)
                return self.files.write_db(self.paths.state_db(learner_id), apply)

        return self._guard_write(write, "store.state_failed", "state")

    def close(self) -> None:
        """Write what waits in memory (StoreWriteError if it still cannot be)."""
        if self._pending:
            self.flush_pending()


def _answer_docs(path: Path) -> list[dict[str, Any]] | None:
    """A whole, ordinary segment's answer documents, parsed once; None for anything else
    (missing, damaged, odd), which then takes the store's careful read and its repairs."""
    try:
        data = json.loads(read_regular(path))
    except (OSError, ValueError, RecursionError, DamagedFileError):
        return None
    table = data.get("answers") if type(data) is dict and len(data) == 1 else None
    if type(table) is not dict:
        return None
    docs = list(table.values())
    return docs if set(map(type, docs)) <= _DICT else None


_DICT = {dict}


def _replace_with(state: dict[str, Any]) -> Callable[[MutableMapping[str, Any]], None]:
    """A TinyDB update that replaces the whole document (keys removed by the app go too)."""

    def apply(document: MutableMapping[str, Any]) -> None:
        document.clear()
        document.update(state)

    return apply


def _remove(table: Table, learner_id: str) -> None:
    table.remove(doc_ids=[doc.doc_id for doc in table if doc.get("id") == learner_id])
