"""The workshop's session label, shared by every window and browser tab on one data dir.

    <data>/session.json   {"label": "Médiathèque 3/12", "day": "2026-12-03"}

The trainer names the session once, from any window or tab (F9, « s ») or when starting
(`--session`, `atelier serve --session`); every process on the same data dir records its next
answers under that label. The last naming wins. A name holds for the day it was given: the
next day's workshop starts unnamed (« sans nom ») until it is named again, so yesterday's
label never swallows today's answers. `label: null` means « named as unnamed » for the day.

Nothing here is personal: the file is an ordinary one, replaced whole (a reader sees the old
label or the new one). A missing, unreadable or foreign file means « not named today ».
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from course.progress.storage import atomic_write_bytes

FILE = "session.json"
MAX_LABEL = 200


def _today() -> str:
    return date.today().isoformat()


def name_session(data_dir: Path, label: str | None, today: str | None = None) -> None:
    """Name today's session for every process on `data_dir` (None or "": unnamed).

    Raises OSError when the data dir cannot be written (the caller says so)."""
    label = (label or "").strip()[:MAX_LABEL] or None
    payload = json.dumps({"label": label, "day": today or _today()}, ensure_ascii=False)
    atomic_write_bytes(Path(data_dir) / FILE, payload.encode("utf-8"))


def named_session(data_dir: Path, today: str | None = None) -> tuple[bool, str | None]:
    """(named today, label): (False, None) when no one named a session today."""
    try:
        with open(Path(data_dir) / FILE, "rb") as handle:
            data = json.loads(handle.read(4096))
    except (OSError, ValueError, RecursionError):
        return False, None
    if type(data) is not dict or data.get("day") != (today or _today()):
        return False, None
    label = data.get("label")
    if label is not None and (type(label) is not str or not label.strip()):
        return False, None
    return True, label.strip()[:MAX_LABEL] if label else None


class SessionFollower:
    """Follows the shared label for one process: `current()` costs one stat while the file is
    unchanged, and falls back to `given` (the process's own `--session`) when no one named
    a session today."""

    def __init__(self, data_dir: Path, given: str | None = None) -> None:
        self.path = Path(data_dir) / FILE
        self.given = given or None
        self._seen: tuple[int, int, int] | None = None
        self._day = ""
        self._label: str | None = self.given

    def current(self) -> str | None:
        today = _today()
        try:
            info = os.stat(self.path)
            seen: tuple[int, int, int] | None = (info.st_ino, info.st_size, info.st_mtime_ns)
        except OSError:
            seen = None
        if seen != self._seen or today != self._day:
            self._seen, self._day = seen, today
            named, label = (False, None) if seen is None else named_session(self.path.parent, today)
            self._label = label if named else self.given
        return self._label

    def name(self, label: str | None) -> None:
        """Name the session for everyone; this process follows it at once."""
        name_session(self.path.parent, label)
        self._seen = None  # read again at the next `current()`
