"""A TinyDB storage that survives `kill -9`, and the file chores around it.

`DataFiles` runs every file operation of the store: locks, a fresh TinyDB per
write, damaged files set aside with a notice.

TinyDB's JSONStorage rewrites its file in place and then truncates it: a kill in
between leaves a corrupt file (DESIGN §6). `write_tables`, which the writers' TinyDB
storage (`atomic_storage.AtomicJSONStorage`) calls, writes a temp file in the same
folder, fsyncs it, `os.replace`s it over the old one and fsyncs the folder, so a
reader always sees either the old file or the new one, whole. Reads do not load
TinyDB (`read_tables`): only the first write of a process does.
A file that cannot be parsed raises `DamagedFileError`; the store sets it aside.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from course.i18n import t
from course.progress.paths import TEMP_SUFFIX, StorePaths, is_learner_id
from course.progress.records import StoreBusyError, StoreNotice
from course.progress.state_check import StateError, check_state

if TYPE_CHECKING:  # TinyDB is imported by the first write (`DataFiles.write_db`), never by reads
    from tinydb import TinyDB

_STORE_DAMAGED_KEYS = {
    "answers": "store.damaged.answers",
    "kept": "store.damaged.kept",
    "learners": "store.damaged.learners",
    "state": "store.damaged.state",
}

Tables = dict[str, dict[str, Any]]
T = TypeVar("T")
#: No store file comes near this (a segment holds 100 answers); a larger one is set aside unread.
MAX_FILE_BYTES = 32 * 1024 * 1024
STATE_FILE = "state.json"
_DOC_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits: "²".isdigit() is True, int("²") fails


class DamagedFileError(Exception):
    """A store file exists but is not a whole, well-formed TinyDB document."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NotAFileError(DamagedFileError):
    """Something that cannot be read as a file: a FIFO, a device, or far too large."""


class TooLargeError(NotAFileError):
    """A regular file over the size limit; it was not read."""


def parse_tables(raw: bytes, path: Path) -> Tables:
    """The tables of a TinyDB file, checked deeply enough that TinyDB cannot trip on them.

    A state.json is also checked against its layout (`state_check`): valid JSON with a
    wrong type inside would crash the app each time the learner opens.
    """
    if not raw.strip():
        raise DamagedFileError(path, "empty file")
    try:
        data = json.loads(raw)
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError
        raise DamagedFileError(path, f"not JSON: {error}") from None
    except RecursionError:  # nested deeper than the parser allows
        raise DamagedFileError(path, "nested too deeply") from None
    if not isinstance(data, dict):
        raise DamagedFileError(path, "not a JSON object")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise DamagedFileError(path, f"table {name!r} is not an object")
        for doc_id, document in table.items():
            if not _DOC_ID.fullmatch(doc_id) or not isinstance(document, dict):
                raise DamagedFileError(path, f"bad document {doc_id!r} in table {name!r}")
    if path.name == STATE_FILE:
        try:
            for document in (data.get("state") or {}).values():
                check_state(document)
        except StateError as error:
            raise DamagedFileError(path, f"state: {error}") from None
    return data


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes.

    A FIFO or a device (/dev/zero) where a file should be raises NotAFileError
    without blocking: the type is checked before opening, then again on the open file
    (O_NONBLOCK, so a FIFO swapped in meanwhile cannot hang the open). FileNotFoundError
    and IsADirectoryError pass through; a larger file raises NotAFileError without being read whole.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):  # nothing to set aside: reported as unreadable, left in place
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(mode):
        raise NotAFileError(path, "not a regular file")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError(path, "not a regular file")
        if info.st_size > limit:
            raise TooLargeError(path, f"larger than {limit} bytes")
        chunks, size = [], 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise TooLargeError(path, f"larger than {limit} bytes")
        return b"".join(chunks)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename or an unlink in `folder` durable (Windows cannot, nor needs to)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as error:  # some filesystems cannot fsync a directory
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload`, all or nothing, durable on return."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    fsync_dir(path.parent)


def dump_tables(data: Tables) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class TablesCache:
    """The last few files this process wrote, kept as bytes and as parsed tables.

    A writer reads the file again under the lock anyway; when the bytes are the ones
    it wrote last time, the parse (half the cost of an append) can be skipped.
    Comparing bytes, not stat() fields, keeps it correct across processes.
    """

    def __init__(self, size: int = 8) -> None:
        self._size = size
        self._entries: OrderedDict[Path, tuple[bytes, Tables]] = OrderedDict()

    def get(self, path: Path, raw: bytes) -> Tables | None:
        entry = self._entries.get(path)
        if entry is None or entry[0] != raw:
            return None
        self._entries.move_to_end(path)
        return entry[1]

    def put(self, path: Path, raw: bytes, tables: Tables) -> None:
        self._entries[path] = (raw, tables)
        self._entries.move_to_end(path)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)

    def drop(self, path: Path) -> None:
        self._entries.pop(path, None)


def read_tables(path: Path, cache: TablesCache | None = None) -> Tables | None:
    """The tables of `path` without TinyDB (None if the file does not exist). With `cache`
    (writers only: TinyDB changes what it is given), an unchanged file is not parsed again."""
    try:
        raw = read_regular(path)
    except FileNotFoundError:
        return None
    cached = cache.get(path, raw) if cache else None
    return cached if cached is not None else parse_tables(raw, path)


def write_tables(path: Path, data: Tables, cache: TablesCache | None = None) -> None:
    """Replace `path` whole with `data` (atomically), and keep it in `cache`."""
    if cache:
        cache.drop(path)
    payload = dump_tables(data)
    atomic_write_bytes(path, payload)
    if cache:
        cache.put(path, payload, data)


def utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")


def set_aside(path: Path, damaged_dir: Path, label: str) -> Path:
    """Move a damaged file to `damaged_dir/<label>.<timestamp>` and return the new path."""
    damaged_dir.mkdir(parents=True, exist_ok=True)
    target = damaged_dir / f"{label}.{utc_stamp()}"
    counter = 1
    while target.exists():
        counter += 1
        target = damaged_dir / f"{label}.{utc_stamp()}-{counter}"
    os.replace(path, target)
    fsync_dir(path.parent)
    fsync_dir(damaged_dir)
    return target


def stray_temp_files(folder: Path) -> list[Path]:
    """Temp files left in `folder` by a writer that was killed mid-write."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [folder / n for n in names if n.startswith(".") and n.endswith(TEMP_SUFFIX)]


def remove_files(paths: list[Path]) -> None:
    for path in paths:
        with suppress(FileNotFoundError):
            path.unlink()


def looks_damaged(path: Path) -> bool:
    """A cheap start-up check (a whole TinyDB file ends with '}'); reads check fully."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return True  # a FIFO or a device would hang or never end: set it aside
        with path.open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(0, size - 64))
            tail = handle.read().rstrip()
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return not size or not tail.endswith(b"}")


def reason(error: OSError) -> str:
    """Why a write failed, in words for people."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return t("store.reason.disk_full")
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return t("store.reason.read_only")
    if error.errno == errno.ELOOP:
        return t("store.reason.link", name=Path(str(error.filename or "?")).name)
    return t("store.reason.other", detail=error.strerror or error)


class DataFiles:
    """Locked, atomic, self-repairing access to the TinyDB files of one data dir."""

    def __init__(self, paths: StorePaths, lock_timeout: float) -> None:
        self.paths = paths
        self.notices: list[StoreNotice] = []
        self.lock_timeout = lock_timeout
        self._cache = TablesCache()

    @contextmanager
    def locked(self, lock_path: Path, timeout: float | None = None) -> Iterator[None]:
        """Hold a file lock; StoreBusyError (French message) after the timeout."""
        import filelock  # a start-up that only reads never pays for it

        wait = self.lock_timeout if timeout is None else timeout
        try:
            with filelock.FileLock(lock_path, timeout=wait):
                yield
        except filelock.Timeout:
            raise StoreBusyError(t("store.busy", seconds=round(wait)), 0) from None

    def write_db(self, path: Path, operation: Callable[[TinyDB], T]) -> T:
        """Run `operation` on a fresh TinyDB of `path` (lock held); a damaged file is set aside."""
        from tinydb import TinyDB

        from course.progress.atomic_storage import AtomicJSONStorage

        for attempt in range(2):
            db = TinyDB(path, storage=AtomicJSONStorage, cache=self._cache)
            try:
                return operation(db)
            except DamagedFileError as damage:
                if attempt:
                    raise
                self._set_aside(damage)
            except BaseException:
                self._cache.drop(path)  # the operation may have changed the cached tables
                raise
            finally:
                db.close()
        raise AssertionError("unreachable")

    def read_table(self, path: Path, table: str, lock_path: Path) -> list[dict[str, Any]]:
        """One table's documents, read without the lock; a damaged file is repaired under it."""
        for attempt in range(2):
            try:
                return list(((read_tables(path) or {}).get(table) or {}).values())
            except DamagedFileError as damage:
                if attempt or not self.repair(path, lock_path):
                    self.notice(
                        "damaged",
                        path,
                        t("store.damaged.kept", reason=damage.reason, path=self.paths.relative(path)),
                    )
                    return []
            except OSError as error:
                self.notice(
                    "unreadable",
                    path,
                    t("store.unreadable", reason=reason(error), path=self.paths.relative(path)),
                )
                return []
        return []

    def repair(self, path: Path, lock_path: Path, timeout: float | None = None) -> bool:
        """Under the lock, parse `path` and set it aside if damaged; False if impossible."""
        try:
            with self.locked(lock_path, timeout):
                self.write_db(path, lambda db: db.tables())
        except (OSError, StoreBusyError):
            return False
        return True

    def clean_temp(self, folder: Path, lock_path: Path) -> None:
        """Remove a killed writer's temp files, unless a live writer holds the lock."""
        if stray_temp_files(folder):
            with suppress(StoreBusyError), self.locked(lock_path, timeout=0):
                remove_files(stray_temp_files(folder))

    def _set_aside(self, damage: DamagedFileError) -> None:
        path = damage.path
        label = self.paths.relative(path).replace("/", "-")
        saved = self.paths.relative(set_aside(path, self.paths.damaged, label))
        if path == self.paths.learners_db:
            message = t("store.damaged.learners", saved=saved)
        else:
            kind = "state" if path.name == "state.json" else "answers"
            message = t(_STORE_DAMAGED_KEYS[kind], name=self.name_for(path.parent.name), saved=saved)
        self.notice("damaged", path, message)

    def name_for(self, learner_id: str) -> str:
        """A learner's name for a message, read without locks or repairs."""
        if not is_learner_id(learner_id):
            return learner_id
        for path, table in (
            (self.paths.learners_db, "learners"),
            (self.paths.profile_db(learner_id), "profile"),
        ):
            with suppress(DamagedFileError, OSError):
                for doc in ((read_tables(path) or {}).get(table) or {}).values():
                    if doc.get("id") == learner_id and isinstance(doc.get("name"), str):
                        return str(doc["name"])
        return learner_id[:8]

    def notice(self, code: str, path: Path, message: str) -> None:
        """Record a notice once per (code, file)."""
        notice = StoreNotice(code, self.paths.relative(path), message)
        if all((n.code, n.path) != (notice.code, notice.path) for n in self.notices):
            self.notices.append(notice)
