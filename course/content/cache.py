"""A cache of loaded courses, so the app starts without re-reading unchanged YAML.

The key is the list of every course file with its size and modification time:
touch or edit any file and the course is read again. The cache lives in the
user's own cache folder; a missing, stale or unreadable cache is simply rebuilt.

A cache file holds two pickles: the course without its places in the files (every
`Pos` stored as one reference to `Pos()`), which a start reads, then the whole course,
read only when a check left for later needs places (`Course.positions`). The places
are most of a course's objects: a start unpickles about twice as fast without them.
"""

from __future__ import annotations

import os
import pickle
import stat
import tempfile
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

from course.content.course import Course
from course.content.model import Pos

# 2: model objects pickle as their class and field values; 3: a course keeps its warning-only
# checks for later (`Course.warnings_pending`); 4: the course first without its places, then whole.
CACHE_VERSION = 4
_NOWHERE = (Pos(),)
"""What every place of the first pickle reads back as (persistent id 0)."""
MAX_CACHE_BYTES = 256 * 1024 * 1024  # far above any course; a larger file is not a cache we wrote


def cache_dir() -> Path:
    """`ATELIER_CACHE`, else the platform's user cache folder."""
    override = os.environ.get("ATELIER_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("atelier-numerique"))


def _model_signature() -> str:
    """Changes whenever a model class gains, loses or renames a field (an old pickle would not fit)."""
    import dataclasses

    from course.content import model

    return "|".join(
        f"{name}:{','.join(f.name for f in dataclasses.fields(cls))}"
        for name, cls in sorted(vars(model).items())
        if dataclasses.is_dataclass(cls)
    )


def _fingerprint(root: Path) -> list[tuple[str, int, int]]:
    entries = []
    for folder in ("lessons", "quizzes"):
        for dirpath, dirnames, filenames in os.walk(root / folder):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                entries.append((path, info.st_size, info.st_mtime_ns))
    return entries


def load_course_cached(
    root: Path, folder: Path | None = None, *, store_later: list[Callable[[], None]] | None = None
) -> Course:
    """The course in `root`, from the cache when no file changed since it was stored.

    A course read from its files is stored at once, or, given `store_later`, by the call put
    there (the app makes it once its first screen is drawn: a pickle the first screen can do without).
    """
    root = Path(root).resolve()
    folder = folder or cache_dir()
    from course import __version__
    from course.i18n import get_language

    signature = f"{root}|{get_language()}|{__version__}|{CACHE_VERSION}|{_model_signature()}"
    # The name only spreads courses over files (a checksum is enough, and cheaper to import than
    # hashlib); the whole signature is stored in the file and compared when it is read.
    path = folder / f"course-{zlib.crc32(signature.encode()):08x}.pickle"
    fingerprint = _fingerprint(root)
    cached = _read(path, signature, fingerprint)
    if cached is not None:
        cached.positions = partial(_read, path, signature, fingerprint, placed=True)
        return cached
    from course.content.loader import load_course  # YAML is only needed when the cache is stale

    course = load_course(root)
    if store_later is None:
        _store(path, (signature, fingerprint, course))
    else:
        store_later.append(partial(_store, path, (signature, fingerprint, course)))
    return course


def _read(
    path: Path, signature: str, fingerprint: list[tuple[str, int, int]], *, placed: bool = False
) -> Course | None:
    """The cached course if it was stored for this signature and its files did not change; else None.

    Without its places in the files (`Pos()` everywhere), or, `placed`, with them (the second pickle).

    A damaged pickle can raise anything (MemoryError on a huge length, SystemError,
    RecursionError...), so every Exception means "rebuild"; a FIFO or a device in its
    place is never opened, and a file far larger than any course is not read.
    """
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_CACHE_BYTES:
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return None
            unpickler = pickle.Unpickler(stream)
            unpickler.persistent_load = _NOWHERE.__getitem__  # type: ignore[method-assign]  # Pos(), no Python call
            stored_signature, stored_fingerprint, course = unpickler.load()
            if placed:
                course = pickle.load(stream)
        if stored_signature == signature and stored_fingerprint == fingerprint and isinstance(course, Course):
            return course
    except Exception:  # any failure of the cache (MemoryError, SystemError...) only costs a YAML load
        return None
    return None


class _WithoutPlaces(pickle.Pickler):
    """Pickles every `Pos` as the persistent id 0 (read back as `Pos()`)."""

    def persistent_id(self, obj: object) -> int | None:
        return 0 if obj.__class__ is Pos else None


def _store(path: Path, value: tuple[str, list[tuple[str, int, int]], Course]) -> None:
    """Both pickles in one file, replaced at once: the course without its places, then whole."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as stream:
            _WithoutPlaces(stream, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
            pickle.dump(value[2], stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except (OSError, pickle.PickleError):
        pass
