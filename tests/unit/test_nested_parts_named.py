"""A part of an activity written as a plain value where a block is expected (`feed: 3`) is
said in French at its line, naming the part as the file names it; the loader never stops on it."""

from __future__ import annotations

import inspect
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from course.content import model
from course.content.build import plan_for
from course.content.loader import load_course
from course.content.problems import Problem

ACTIVITIES = Path(__file__).parents[1] / "fixtures" / "activites"


def _models_in(kind: Any) -> Iterator[type]:
    if isinstance(kind, tuple):
        if kind and kind[0] == "model":
            yield kind[1]
        for inner in kind[1:]:
            yield from _models_in(inner)


def _block_keys() -> list[str]:
    """Every key of the course format whose value is a block (or a list of blocks)."""
    keys = set()
    for _, cls in inspect.getmembers(model, inspect.isclass):
        if cls.__module__ != model.__name__:
            continue
        try:
            plans = plan_for(cls)
        except (TypeError, KeyError, AttributeError):
            continue  # not a class of the format
        keys |= {key for key, plan in plans.items() if plan is not None and any(_models_in(plan.kind))}
    return sorted(keys)


def test_the_format_has_block_keys_of_activities():
    assert {"feed", "scenario", "inspect", "posts", "nodes", "clues"} <= set(_block_keys())


@pytest.mark.parametrize("key", _block_keys())
def test_a_block_expected_under_any_key_is_said_in_french(key):
    problem = Problem.make("lessons/a.yaml", 4, 3, "expected_mapping", what=key)
    assert problem.message.startswith("Ici il faut une "), problem.message
    assert "{" not in problem.message and "_" not in problem.message.split("«")[0]


def _with_plain_value(root: Path, path: str, key: str) -> int:
    """Replace the block under `key:` in `path` with `key: 3`; the line it is on."""
    target = root / path
    lines = target.read_text(encoding="utf-8").split("\n")
    start = next(n for n, line in enumerate(lines) if line.strip() == f"{key}:")
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    lines[start:end] = [" " * indent + f"{key}: 3"]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return start + 1


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("lessons/jeu/02-fil.yaml", "feed"),
        ("lessons/jeu/01-manipulateur.yaml", "scenario"),
        ("lessons/jeu/03-inspecteur.yaml", "inspect"),
    ],
)
def test_an_activity_written_as_a_plain_value_is_placed_and_named(tmp_path, path, key):
    root = tmp_path / "c"
    shutil.copytree(ACTIVITIES, root)
    line = _with_plain_value(root, path, key)
    course = load_course(root)  # must not raise
    said = [p for p in course.problems if p.path == path and p.code == "expected_mapping"]
    assert [(p.line, p.message) for p in said] == [
        (line, f"Ici il faut une partie « {key} » décrite par des lignes « clé: valeur »."),
    ]
