"""Frozen classes built by course.frozen behave as `dataclass(frozen=True)` ones, with or without slots."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from course.frozen import Frozen, frozen, write_inits


@frozen
class Slotted(Frozen):
    name: str
    tags: list[str] = dataclasses.field(default_factory=list)
    count: int = 0
    note: str = dataclasses.field(default="", compare=False, repr=False)


@frozen(slots=False)
class Checked(Frozen):
    value: int
    label: str = "x"

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")


@dataclasses.dataclass(frozen=True, slots=True)
class Reference:
    name: str
    tags: list[str] = dataclasses.field(default_factory=list)
    count: int = 0
    note: str = dataclasses.field(default="", compare=False, repr=False)


write_inits()


def test_fields_defaults_and_factories_are_those_of_a_dataclass() -> None:
    made = Slotted("a")
    assert (made.name, made.tags, made.count, made.note) == ("a", [], 0, "")
    assert Slotted("a").tags is not made.tags  # a fresh list each time
    assert [f.name for f in dataclasses.fields(Slotted)] == ["name", "tags", "count", "note"]
    assert dataclasses.asdict(Slotted("a", ["t"], 2)) == {"name": "a", "tags": ["t"], "count": 2, "note": ""}
    assert dataclasses.replace(made, count=3) == Slotted("a", [], 3)
    assert not hasattr(made, "__dict__") and hasattr(Checked(1), "__dict__")


def test_equality_hash_and_repr_read_as_the_dataclass_ones() -> None:
    ours, theirs = Slotted("a", count=2, note="n"), Reference("a", count=2, note="n")
    assert repr(ours) == repr(theirs).replace("Reference", "Slotted")
    assert ours == Slotted("a", count=2, note="other")  # a field left out of comparison
    assert ours != Slotted("b", count=2) and ours != theirs
    assert hash(Checked(1)) == hash(Checked(1, "x")) != hash(Checked(2))


def test_assignment_and_deletion_raise_as_on_a_frozen_dataclass() -> None:
    made = Checked(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.value = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del made.label
    assert made.value == 1


def test_post_init_runs_after_the_fields_are_set_and_in_copies() -> None:
    with pytest.raises(ValueError, match="negative"):
        Checked(-1)
    made = Checked(3, "y")
    assert pickle.loads(pickle.dumps(made)) == made == copy.deepcopy(made)
    assert pickle.loads(pickle.dumps(Slotted("a", ["t"]))) == Slotted("a", ["t"])


def test_init_keeps_the_dataclass_signature_and_its_errors() -> None:
    assert Slotted.__init__.__qualname__ == "Slotted.__init__"
    with pytest.raises(
        TypeError, match=r"Checked.__init__\(\) missing 1 required positional argument: 'value'"
    ):
        Checked()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'other'"):
        Slotted("a", other=1)  # type: ignore[call-arg]


def test_classes_unknown_to_the_compiled_makers_get_theirs_compiled_at_import() -> None:
    from course import frozen as built

    assert any("'tags'" in source and "'note'" in source for source in built.COMPILED_HERE)  # Slotted's


def test_the_model_and_the_records_find_their_inits_already_compiled() -> None:
    """course/frozen_inits.py is current: rewrite it with `python -m course.frozen` after changing a class."""
    import subprocess
    import sys

    code = (
        "import course.content.model, course.progress.records, course.frozen as f;"
        "print(len(f.WRITTEN), len(f.COMPILED_HERE))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    written, compiled = map(int, done.stdout.split())
    assert written > 30 and compiled == 0
