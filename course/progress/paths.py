"""Every file path of the progress store, in one place.

Layout of a data directory (`resolve_data_dir` finds it)::

    <data>/learners.json                     TinyDB, table "learners": the profiles
    <data>/learners/<id>/profile.json        TinyDB, table "profile": a copy of the profile,
                                             written once, so learners.json can be rebuilt
    <data>/learners/<id>/state.json          TinyDB, table "state": the app's state, one doc
    <data>/learners/<id>/answers-000001.json TinyDB, table "answers": at most
                                             `segment_size` answers; only the last segment
                                             is ever rewritten, so recording stays flat
    <data>/learners/.new-<id>/               a learner being created (renamed when complete)
    <data>/learners/.deleted-<id>-<random>/  a learner being deleted (finished at start-up)
    <data>/locks/learners.lock, <id>.lock    filelock files, never deleted
    <data>/damaged/<name>.<timestamp>        damaged files, set aside and kept

Folder names come from learner ids (uuid4 hex), never from what a person typed:
`learner_dir` refuses anything else, so no name can point outside the data dir.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

APP_NAME = "atelier-numerique"
ENV_DATA = "ATELIER_DATA"
TEMP_SUFFIX = ".tmp"
DELETED_PREFIX = ".deleted-"
NEW_PREFIX = ".new-"

_ID = re.compile(r"[0-9a-f]{32}")
_SEGMENT = re.compile(r"answers-(\d{6})\.json")


_sha256: Callable[[bytes], Any] | None = None


def sha256_hex(data: bytes) -> str:
    """`hashlib.sha256(data).hexdigest()`, the same digest, from Python's own small sha256
    module: importing `hashlib` loads OpenSSL's library (6 million instructions under
    callgrind once Textual is loaded, 11.6 million in a bare interpreter, against 0.4
    million), and the first screen hashes a few short paths only. The names of the files derived from these digests are unchanged."""
    global _sha256
    if _sha256 is None:
        for name in ("_sha2", "_sha256"):  # Python 3.12 renamed it
            try:
                _sha256 = importlib.import_module(name).sha256
                break
            except (ImportError, AttributeError):
                continue
        else:
            import hashlib

            _sha256 = hashlib.sha256
    return str(_sha256(data).hexdigest())


def resolve_data_dir(cli_value: str | None) -> Path:
    """The data dir: the `--data` value, else $ATELIER_DATA, else the user data dir."""
    chosen = cli_value or os.environ.get(ENV_DATA)
    if not chosen:
        import platformdirs  # only when neither --data nor $ATELIER_DATA says where

        chosen = platformdirs.user_data_dir(APP_NAME)
    return Path(chosen).expanduser()


def is_learner_id(value: object) -> bool:
    """True for a learner id as the store makes them: 32 lowercase hex digits."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def segment_number(file_name: str) -> int | None:
    """The number of an answers segment file, or None for any other file (what
    `_SEGMENT.fullmatch` says, without a regular expression per name: a learner's folder
    lists one name per hundred answers, and opening her lists it)."""
    if len(file_name) != 19 or not file_name.startswith("answers-") or not file_name.endswith(".json"):
        return None
    digits = file_name[8:14]
    return int(digits) if digits.isdecimal() else None  # isdecimal: Unicode's Nd, as \d


_SEGMENT_LINES = re.compile(r"^answers-(\d{6})\.json$", re.MULTILINE)


def segment_names(names: list[str]) -> list[str]:
    """The answer segments among a folder's `names`, oldest first: those `segment_number`
    reads, found by one pass of a regular expression over all the names rather than a
    test per name (a learner's folder lists one name per hundred answers)."""
    text = "\n".join(names)
    if text.count("\n") != max(len(names) - 1, 0):  # a name holds a line break: one by one
        numbered = sorted((n, name) for name in names if (n := segment_number(name)) is not None)
        return [name for _, name in numbered]
    found = [f"answers-{digits}.json" for digits in sorted(_SEGMENT_LINES.findall(text))]
    if text.isascii():
        return found  # six ASCII digits each: in the order of their numbers
    return [name for _, name in sorted((segment_number(name), name) for name in found)]


def segment_identity(path: Path) -> list[Any] | None:
    """What a segment file is now: [name, inode, size, mtime_ns] (None if it cannot be
    looked at). A write replaces the file whole, so any write changes it."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [path.name, info.st_ino, info.st_size, info.st_mtime_ns]


@dataclass(frozen=True)
class StorePaths:
    """The paths inside one data directory."""

    root: Path

    @property
    def learners_db(self) -> Path:
        return self.root / "learners.json"

    @property
    def learners_root(self) -> Path:
        return self.root / "learners"

    @property
    def locks(self) -> Path:
        return self.root / "locks"

    @property
    def damaged(self) -> Path:
        return self.root / "damaged"

    @property
    def names(self) -> Path:
        """The name index: one small file per name in use, holding the id of its learner."""
        return self.root / "names"

    @property
    def names_complete(self) -> Path:
        """Written once every learner of an older data dir is in the name index."""
        return self.names / "index-v1"

    def name_entry(self, key: str) -> Path:
        """The index file of a name, by its `name_key` (case and accents ignored)."""
        return self.names / f"n-{sha256_hex(key.encode('utf-8'))[:40]}"

    @property
    def learners_lock(self) -> Path:
        return self.locks / "learners.lock"

    def learner_dir(self, learner_id: str) -> Path:
        if not is_learner_id(learner_id):
            raise ValueError(f"not a learner id: {learner_id!r}")
        return self.learners_root / learner_id

    def learner_lock(self, learner_id: str) -> Path:
        return self.locks / f"{self.learner_dir(learner_id).name}.lock"

    def profile_db(self, learner_id: str) -> Path:
        return self.learner_dir(learner_id) / "profile.json"

    def staging_dir(self, learner_id: str) -> Path:
        return self.learners_root / f"{NEW_PREFIX}{self.learner_dir(learner_id).name}"

    def state_db(self, learner_id: str) -> Path:
        return self.learner_dir(learner_id) / "state.json"

    def segment(self, learner_id: str, number: int) -> Path:
        return self.learner_dir(learner_id) / f"answers-{number:06d}.json"

    def segments(self, learner_id: str) -> list[Path]:
        """The learner's answer segments, oldest first ([] if the folder is missing)."""
        try:
            names = os.listdir(self.learner_dir(learner_id))
        except OSError:
            return []
        folder = self.learner_dir(learner_id)
        return [folder / name for name in segment_names(names)]

    def last_segment(self, learner_id: str) -> Path | None:
        """The learner's newest segment, the only one still written (None if none): one
        directory listing, no path built for the others."""
        try:
            names = os.listdir(self.learner_dir(learner_id))
        except OSError:
            return None
        return self.newest_among(learner_id, names)

    def newest_among(self, learner_id: str, names: list[str]) -> Path | None:
        """The newest segment among `names`, a listing of the learner's folder (None if none)."""
        found = segment_names(names)
        return self.learner_dir(learner_id) / found[-1] if found else None

    def learner_ids_on_disk(self) -> list[str]:
        """Ids of the learner folders present, whatever learners.json says."""
        try:
            names = os.listdir(self.learners_root)
        except OSError:
            return []
        return sorted(name for name in names if is_learner_id(name))

    def unfinished_dirs(self, prefix: str) -> list[Path]:
        """Learner folders whose creation (NEW_PREFIX) or deletion (DELETED_PREFIX) stopped."""
        try:
            names = os.listdir(self.learners_root)
        except OSError:
            return []
        return [self.learners_root / n for n in sorted(names) if n.startswith(prefix)]

    def relative(self, path: Path) -> str:
        """`path` relative to the data dir, for messages and set-aside names."""
        try:
            return path.relative_to(self.root).as_posix() if path != self.root else str(path)
        except ValueError:
            return str(path)
