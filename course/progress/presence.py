"""Which processes have a learner open, so that a second window can tell the person.

    <data>/presence/<learner id>.<pid>   while that process shows the learner; it holds the
                                         process's start time (Linux), empty elsewhere

A marker of a process that no longer runs (killed, machine restarted) is ignored and
removed; so is one whose process has ended but not yet been collected by its parent (a
zombie, right after a kill), or whose number now belongs to another process (the start
time differs). Nothing here is needed for the answers to stay safe (the store's lock and
shared attempts see to that): it only lets the app say « ouvert dans une autre fenêtre ».
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path


def _process_stat(pid: int) -> tuple[str, str] | None:
    """The state letter and start time of process `pid` as Linux gives them; None where unknown."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = text.rpartition(")")[2].split()  # the name between brackets may hold spaces
    if len(fields) < 20:
        return None
    return fields[0], fields[19]


def _start_time(pid: int) -> str:
    found = _process_stat(pid)
    return "" if found is None else found[1]


def _alive(pid: int, started: str = "") -> bool:
    """Whether process `pid` runs, and is the one that wrote a marker holding `started` (if any)."""
    if pid <= 0:
        return False
    found = _process_stat(pid)
    if found is not None:
        state, start = found
        if state in ("Z", "X"):  # ended, not yet collected: gone for the learner
            return False
        if started and start != started:  # the number was given to another process since
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    except OSError:
        return False
    return True


class Presence:
    """This process's marker for the learner it shows."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / "presence"
        self.marker: Path | None = None

    def others(self, learner_id: str) -> int:
        """How many other live processes show `learner_id` now (stale markers are removed)."""
        count = 0
        try:
            markers = list(self.folder.glob(f"{learner_id}.*"))
        except OSError:
            return 0
        for marker in markers:
            pid_text = marker.name.rsplit(".", 1)[-1]
            if not pid_text.isdigit() or int(pid_text) == os.getpid():
                continue
            try:
                started = marker.read_text(encoding="ascii", errors="replace").strip()[:32]
            except OSError:
                started = ""
            if _alive(int(pid_text), started):
                count += 1
            else:
                with suppress(OSError):
                    marker.unlink()
        return count

    def show(self, learner_id: str) -> int:
        """Mark `learner_id` as shown here; returns how many other processes show it too."""
        self.leave()
        others = self.others(learner_id)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            marker = self.folder / f"{learner_id}.{os.getpid()}"
            marker.write_text(_start_time(os.getpid()), encoding="ascii")
            self.marker = marker
        except OSError:  # a read-only data dir: nothing to mark, nothing lost
            self.marker = None
        return others

    def leave(self) -> None:
        if self.marker is not None:
            with suppress(OSError):
                self.marker.unlink()
            self.marker = None
