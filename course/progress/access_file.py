"""Codes kept in a data dir: salted hashes, wrong-try backoff, and the locked file that holds them.

Everything about who may open what lives in `<data>/access/` (owner-only permissions):

    <data>/access/trainer.json   the trainer code's salted hash, and whether the « mode atelier » is on
    <data>/access/learners.json  each learner's personal code, salted and hashed, by learner id
    <data>/access/tries.json     wrong tries and how long to wait before the next one, by key

Codes are never written in clear: a PBKDF2 hash with a random salt per code. Codes are
compared as people type them (case, spaces and full-width digits do not matter). The
backoff is kept in the data dir, so every window and every browser tab on it shares it:
opening a new tab does not buy new tries. No Textual here.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from course.i18n import t
from course.progress.storage import DamagedFileError, atomic_write_bytes, read_regular, reason

ITERATIONS = 120_000
FREE_TRIES = 3  # wrong codes allowed before the first wait
FIRST_WAIT_S = 5.0  # then 5 s, 10 s, 20 s... doubling with each wrong code
MAX_WAIT_S = 300.0  # and never more than five minutes
LOCK_TIMEOUT_S = 10.0
Clock = Callable[[], float]


def normalise(code: str) -> str:
    """A code as it is compared: NFKC, no case, no spaces ("４８ 21" is "4821")."""
    return "".join(unicodedata.normalize("NFKC", code).casefold().split())


def hash_code(code: str, salt: bytes | None = None) -> dict[str, Any]:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", normalise(code).encode(), salt, ITERATIONS)
    return {"salt": salt.hex(), "hash": digest.hex(), "iterations": ITERATIONS}


def matches(code: str, stored: object) -> bool:
    """True when `code` is the one whose salted hash is `stored` (False for anything malformed)."""
    if not isinstance(stored, dict):
        return False
    try:
        salt = bytes.fromhex(str(stored["salt"]))
        expected = bytes.fromhex(str(stored["hash"]))
        iterations = int(stored.get("iterations", ITERATIONS))
    except (KeyError, ValueError, TypeError):
        return False
    if not 1_000 <= iterations <= 10_000_000:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", normalise(code).encode(), salt, iterations)
    return hmac.compare_digest(digest, expected)


def wait_after(failures: int) -> float:
    """Seconds to wait after `failures` wrong codes in a row (0 while the free tries last)."""
    if failures < FREE_TRIES:
        return 0.0
    return float(min(FIRST_WAIT_S * 2.0 ** min(failures - FREE_TRIES, 16), MAX_WAIT_S))


@dataclass(frozen=True)
class Verdict:
    """The answer to a code: right, or wrong (or not even tried) and how long to wait."""

    ok: bool
    wait_s: float = 0.0
    failures: int = 0
    tried: bool = True  # False: refused unread, the wait was not over


class AccessError(Exception):
    """A code could not be kept (read-only or full data dir, lock held too long); French message."""


class AccessFile:
    """A small JSON object in `<data>/access/`, read and rewritten under a file lock.

    A missing or damaged file reads as empty: for codes that means "not set", which the
    app answers by asking the trainer, never by opening anything.
    """

    def __init__(self, data_dir: Path, name: str) -> None:
        self.folder = Path(data_dir) / "access"
        self.path = self.folder / f"{name}.json"
        self.lock_path = self.folder / f".{name}.lock"

    def read(self) -> dict[str, Any]:
        try:  # a FIFO, a device or a huge file is never read (read_regular); deep nesting is damage
            value = json.loads(read_regular(self.path, 1_000_000).decode("utf-8"))
        except (OSError, ValueError, RecursionError, DamagedFileError):
            return {}
        return value if isinstance(value, dict) else {}

    @contextmanager
    def editing(self) -> Iterator[dict[str, Any]]:
        """The current object, to change in place; written back atomically on exit.

        Raises AccessError when the data dir cannot be written (nothing was changed then).
        """
        import filelock  # only writers need it, never the first screen

        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            with filelock.FileLock(self.lock_path, timeout=LOCK_TIMEOUT_S):
                data = self.read()
                yield data
                atomic_write_bytes(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
                with suppress(OSError):
                    os.chmod(self.path, 0o600)
        except OSError as error:
            raise AccessError(
                t("access.cannot_write", path=str(self.folder), reason=reason(error))
            ) from error
        except filelock.Timeout as error:
            raise AccessError(t("access.busy", path=str(self.folder))) from error


class Backoff:
    """Wrong tries per key (the trainer, a learner id), shared by every process on the data dir."""

    def __init__(self, data_dir: Path, clock: Clock = time.time) -> None:
        self.file = AccessFile(data_dir, "tries")
        self.clock = clock
        self.memory: dict[str, Any] = {}  # when the data dir cannot be written: this process only

    def wait_s(self, key: str) -> float:
        entry = self.file.read().get(key) or self.memory.get(key)
        not_before = entry.get("not_before", 0.0) if isinstance(entry, dict) else 0.0
        return max(0.0, float(not_before) - self.clock()) if isinstance(not_before, (int, float)) else 0.0

    def check(self, key: str, is_right: Callable[[], bool]) -> Verdict:
        """Ask `is_right()` unless `key` must wait; count the outcome. Locked: no try is lost.

        A data dir that cannot be written still answers, counting in this process alone.
        """
        try:
            with self.file.editing() as tries:
                return self._count(tries, key, is_right)
        except AccessError:
            return self._count(self.memory, key, is_right)

    def _count(self, tries: dict[str, Any], key: str, is_right: Callable[[], bool]) -> Verdict:
        found = tries.get(key)
        entry: dict[str, Any] = found if isinstance(found, dict) else {}
        failures = entry.get("failures", 0) if isinstance(entry.get("failures"), int) else 0
        not_before = entry.get("not_before", 0.0)
        now = self.clock()
        if isinstance(not_before, (int, float)) and now < not_before:
            return Verdict(False, not_before - now, failures, tried=False)
        if is_right():
            tries.pop(key, None)
            return Verdict(True)
        failures += 1
        wait = wait_after(failures)
        tries[key] = {"failures": failures, "not_before": now + wait}
        return Verdict(False, wait, failures)

    def clear(self, key: str) -> None:
        self.memory.pop(key, None)
        with suppress(AccessError), self.file.editing() as tries:
            tries.pop(key, None)
