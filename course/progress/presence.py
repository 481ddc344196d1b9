"""Which processes have a learner open, so that a second window can tell the person.

    <data>/presence/<learner id>.<pid>   an empty file while that process shows the learner

A marker of a process that no longer runs (killed, machine restarted) is ignored and
removed. Nothing here is needed for the answers to stay safe (the store's lock and
shared attempts see to that): it only lets the app say « ouvert dans une autre fenêtre ».
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path


def _alive(pid: int) -> bool:
    if pid <= 0:
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
            if _alive(int(pid_text)):
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
            marker.touch()
            self.marker = marker
        except OSError:  # a read-only data dir: nothing to mark, nothing lost
            self.marker = None
        return others

    def leave(self) -> None:
        if self.marker is not None:
            with suppress(OSError):
                self.marker.unlink()
            self.marker = None
