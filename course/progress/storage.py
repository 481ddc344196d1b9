"""A TinyDB storage that survives `kill -9`, and the file chores around it.

TinyDB's JSONStorage rewrites its file in place and then truncates it: a kill in
between leaves a corrupt file (DESIGN §6). `AtomicJSONStorage` writes a temp file
in the same folder, fsyncs it, `os.replace`s it over the old one and fsyncs the
folder, so a reader always sees either the old file or the new one, whole.
A file that cannot be parsed raises `DamagedFileError`; the store sets it aside.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from contextlib import suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from course.progress.paths import TEMP_SUFFIX

Tables = dict[str, dict[str, Any]]


class DamagedFileError(Exception):
    """A store file exists but is not a whole, well-formed TinyDB document."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def parse_tables(raw: bytes, path: Path) -> Tables:
    """The tables of a TinyDB file, checked deeply enough that TinyDB cannot trip on them."""
    if not raw.strip():
        raise DamagedFileError(path, "empty file")
    try:
        data = json.loads(raw)
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError
        raise DamagedFileError(path, f"not JSON: {error}") from None
    if not isinstance(data, dict):
        raise DamagedFileError(path, "not a JSON object")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise DamagedFileError(path, f"table {name!r} is not an object")
        for doc_id, document in table.items():
            if not doc_id.isdigit() or not isinstance(document, dict):
                raise DamagedFileError(path, f"bad document {doc_id!r} in table {name!r}")
    return data


def fsync_dir(folder: Path) -> None:
    """Make a rename or an unlink in `folder` durable."""
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


class AtomicJSONStorage(Storage):
    """TinyDB storage: parse on read, atomic replace on write.

    An instance lives for one operation (the store opens a fresh TinyDB inside
    its lock each time), so it keeps the last tables read or written: TinyDB
    reads the whole file two or three times per insert otherwise.
    """

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = Path(path)
        self._tables: Tables | None = None

    def read(self) -> Tables | None:
        if self._tables is None:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return None
            self._tables = parse_tables(raw, self.path)
        return self._tables

    def write(self, data: Tables) -> None:
        self._tables = None
        atomic_write_bytes(self.path, dump_tables(data))
        self._tables = data


def read_tables(path: Path) -> Tables | None:
    """The tables of `path` without TinyDB (None if the file does not exist)."""
    return AtomicJSONStorage(path).read()


def utc_stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")


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
