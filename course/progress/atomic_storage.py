"""The TinyDB storage of the store's writers: parse on read, atomic replace on write.

Imported by the first write only (`DataFiles.write_db`): reading a learner, as the first
screen does, goes through `storage.read_tables` and never loads TinyDB.
"""

from __future__ import annotations

from pathlib import Path

from tinydb.storages import Storage

from course.progress.storage import Tables, TablesCache, read_tables, write_tables


class AtomicJSONStorage(Storage):
    """TinyDB storage: parse on read, atomic replace on write (`storage.write_tables`).

    An instance lives for one operation (the store opens a fresh TinyDB inside its
    lock each time), so it keeps the tables it read: TinyDB reads the whole file two
    or three times per insert. With a `TablesCache` (writers only: TinyDB mutates
    what `read` returns) an unchanged file is not even parsed once.
    """

    def __init__(self, path: str | Path, cache: TablesCache | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self._cache = cache
        self._tables: Tables | None = None

    def read(self) -> Tables | None:
        if self._tables is None:
            self._tables = read_tables(self.path, self._cache)
        return self._tables

    def write(self, data: Tables) -> None:
        self._tables = None
        write_tables(self.path, data, self._cache)
        self._tables = data
