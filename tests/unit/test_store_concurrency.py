"""Several processes writing one data dir at once (serve mode, two terminals): no lost update."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from course.progress import ProgressStore

WORKER = Path(__file__).with_name("store_worker.py")
COUNT = 30  # answers per process; every 3rd also increments the shared counter


def run_writers(data: Path, names: list[str]) -> list[list[str]]:
    """Start one worker per name at the same time; their output lines once all are done."""
    processes = [
        subprocess.Popen(
            [sys.executable, str(WORKER), str(data), name, str(COUNT), "7", "10"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    outputs = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        outputs.append(out.splitlines())
    return outputs


def acknowledged(outputs: list[list[str]], kind: str) -> list[str]:
    return [line.split()[1] for lines in outputs for line in lines if line.startswith(kind + " ")]


@pytest.mark.parametrize("processes", [2, 4])
def test_same_learner_from_several_processes(tmp_path: Path, processes: int) -> None:
    data = tmp_path / "data"
    outputs = run_writers(data, ["Léa"] * processes)
    store = ProgressStore(data)
    assert store.notices == []
    lea = store.find_learner("Léa")
    assert lea is not None
    answer_ids = acknowledged(outputs, "A")
    assert len(answer_ids) == processes * COUNT
    assert sorted(a.id for a in store.answers(lea.id)) == sorted(answer_ids)
    assert store.get_state(lea.id)["counter"] == processes * (COUNT // 3)
    # all processes created "Léa 10", "Léa 20"... at once: one profile each, shared
    assert len(set(acknowledged(outputs, "L"))) == COUNT // 10
    assert len(store.list_learners()) == 1 + COUNT // 10


@pytest.mark.parametrize("processes", [2, 4])
def test_different_learners_from_several_processes(tmp_path: Path, processes: int) -> None:
    data = tmp_path / "data"
    names = [f"Personne {n}" for n in range(processes)]
    outputs = run_writers(data, names)
    store = ProgressStore(data)
    assert store.notices == []
    for name, lines in zip(names, outputs, strict=True):
        learner = store.find_learner(name)
        assert learner is not None
        mine = acknowledged([lines], "A")
        assert sorted(a.id for a in store.answers(learner.id)) == sorted(mine)
        assert store.get_state(learner.id)["counter"] == COUNT // 3
    assert len(store.list_learners()) == processes * (1 + COUNT // 10)
