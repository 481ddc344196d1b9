"""A writer killed with SIGKILL at random instants never costs an acknowledged answer.

The writer (tests/unit/store_worker.py) prints each answer id only after
`record_answer` returned. After every kill the store must open without a damaged
file and hold every id ever printed. Most kills use a forked copy of this process
(no interpreter start-up, so 200 kills take seconds); a few exec the real script.
"""

from __future__ import annotations

import importlib.util
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from course.progress import ProgressStore
from course.progress.paths import TEMP_SUFFIX

WORKER = Path(__file__).with_name("store_worker.py")
SEGMENT = 25
_spec = importlib.util.spec_from_file_location("store_worker", WORKER)
assert _spec is not None and _spec.loader is not None
store_worker = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(store_worker)


@dataclass
class Promises:
    """Everything the killed writers acknowledged, across all their lives."""

    answers: set[str] = field(default_factory=set)
    learners: set[str] = field(default_factory=set)
    counter: int = 0
    kills: int = 0

    def enough(self) -> bool:
        """The writer got far enough to have been killed in every kind of write."""
        return len(self.answers) > 2 * SEGMENT and self.counter > 10 and len(self.learners) > 1

    def take(self, output: bytes) -> None:
        lines = output.decode().split("\n")[:-1]  # a line cut by the kill is no promise
        for line in lines:
            kind, _, value = line.partition(" ")
            if kind == "A":
                self.answers.add(value)
            elif kind == "L":
                self.learners.add(value)
            elif kind == "S":
                self.counter = max(self.counter, int(value))


def forked_writer(data: Path, delay: float) -> bytes:
    """Fork a writer, SIGKILL it after `delay` seconds, return what it printed."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the worker with stdout on the pipe, never return
        try:
            os.close(read_end)
            sys.stdout = os.fdopen(write_end, "w", buffering=1)
            store_worker.main([str(data), "Léa", "0", str(SEGMENT), "4"])
        finally:
            os._exit(0)
    os.close(write_end)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with os.fdopen(read_end, "rb") as pipe:
        return pipe.read()


def exec_writer(data: Path, delay: float) -> bytes:
    """Start the worker script, SIGKILL it `delay` seconds after it is ready."""
    process = subprocess.Popen(
        [sys.executable, str(WORKER), str(data), "Léa", "0", str(SEGMENT), "4"], stdout=subprocess.PIPE
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    rest, _ = process.communicate()
    return first + rest


def check(data: Path, promises: Promises) -> None:
    store = ProgressStore(data, segment_size=SEGMENT)
    assert store.notices == [], store.notices
    learners = {x.id: x for x in store.list_learners()}
    assert promises.learners <= set(learners)
    lea = store.find_learner("Léa")
    if promises.answers:
        assert lea is not None
        stored = {a.id for a in store.answers(lea.id)}
        missing = promises.answers - stored
        assert not missing, f"after {promises.kills} kills, lost {len(missing)} answers"
        assert int(store.get_state(lea.id).get("counter", 0)) >= promises.counter
    for learner_id in learners:  # a learner's own leftovers go when that learner is opened
        store.get_state(learner_id)
    leftovers = [
        p
        for p in data.rglob("*")
        if p.name.endswith(TEMP_SUFFIX) or p.name.startswith((".new-", ".deleted-"))
    ]
    assert leftovers == []


def kill_loop(data: Path, kills: int, writer: str, seed: int) -> Promises:
    chance = random.Random(seed)
    promises = Promises()
    # after `kills`, longer lives until the writer has done a bit of everything (a busy
    # machine slows its fsyncs, so short lives alone may never reach a segment's end)
    extend = writer == "fork"
    while promises.kills < kills or (extend and not promises.enough() and promises.kills < 2 * kills):
        late = promises.kills >= kills
        if writer == "fork":
            # one kill in five lands during start-up and repair, the rest while writing
            delay = chance.uniform(0, 0.005) if chance.random() < 0.2 else chance.uniform(0, 0.08)
            output = forked_writer(data, delay + (chance.uniform(0.1, 0.4) if late else 0))
        else:
            output = exec_writer(data, chance.uniform(0, 0.08))
        promises.take(output)
        promises.kills += 1
        check(data, promises)
    return promises


def test_sigkill_at_random_instants_loses_nothing(tmp_path: Path) -> None:
    promises = kill_loop(tmp_path / "data", 200, "fork", seed=20240611)
    assert promises.enough(), (len(promises.answers), promises.counter, len(promises.learners))


def test_sigkill_of_the_real_worker_script(tmp_path: Path) -> None:
    promises = kill_loop(tmp_path / "data", 12, "exec", seed=7)
    assert promises.answers


@pytest.mark.slow
def test_sigkill_long_run(tmp_path: Path) -> None:
    kill_loop(tmp_path / "fork", 1500, "fork", seed=1)
    kill_loop(tmp_path / "exec", 150, "exec", seed=2)
