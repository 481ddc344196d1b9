"""Presence markers: a window still open counts, a closed or killed one does not."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from course.progress.presence import Presence

linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process table of Linux")


def _marker(data: Path, learner: str, pid: int, text: str = "") -> Path:
    folder = data / "presence"
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f"{learner}.{pid}"
    marker.write_text(text, encoding="ascii")
    return marker


def _sleeper() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])


def test_a_live_window_counts_and_its_marker_stays(tmp_path: Path) -> None:
    other = _sleeper()
    try:
        marker = _marker(tmp_path, "lea", other.pid)
        assert Presence(tmp_path).show("lea") == 1
        assert marker.exists()
    finally:
        other.kill()
        other.wait()


def test_a_window_that_ended_is_forgotten(tmp_path: Path) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    marker = _marker(tmp_path, "lea", gone.pid)
    assert Presence(tmp_path).show("lea") == 0
    assert not marker.exists()


@linux_only
def test_a_killed_window_not_yet_collected_is_forgotten(tmp_path: Path) -> None:
    """Right after a kill, the process lingers as a zombie until its parent collects it."""
    killed = _sleeper()
    try:
        killed.kill()
        deadline = time.monotonic() + 10
        while Path(f"/proc/{killed.pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z":
            assert time.monotonic() < deadline, "the killed process never became a zombie"
            time.sleep(0.01)
        marker = _marker(tmp_path, "lea", killed.pid)
        assert Presence(tmp_path).show("lea") == 0
        assert not marker.exists()
    finally:
        killed.wait()


@linux_only
def test_a_number_given_to_another_process_is_not_the_window(tmp_path: Path) -> None:
    """The marker keeps its writer's start time: another process under the same number does not count."""
    other = _sleeper()
    try:
        marker = _marker(tmp_path, "lea", other.pid, text="1")  # started at tick 1: not this process
        assert Presence(tmp_path).show("lea") == 0
        assert not marker.exists()
    finally:
        other.kill()
        other.wait()


@linux_only
def test_a_marker_holds_its_writers_start_time_and_is_recognised(tmp_path: Path) -> None:
    mine = Presence(tmp_path)
    mine.show("lea")
    assert mine.marker is not None
    started = mine.marker.read_text(encoding="ascii")
    assert started.isdigit()
    assert mine.marker.name == f"lea.{os.getpid()}"
    # Seen from another process, this window counts: its number and start time agree.
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from course.progress.presence import Presence;"
            "print(Presence(Path(sys.argv[1])).others('lea'))",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip() == "1"
    mine.leave()
    assert not any((tmp_path / "presence").iterdir())
