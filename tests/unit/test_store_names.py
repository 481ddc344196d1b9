"""The name index: creating a learner neither reads nor rewrites learners.json, a name is
found by its own file, and an older data dir (learners.json only) keeps its names."""

from __future__ import annotations

import json
from pathlib import Path

from course.progress import ProgressStore


def test_a_new_learner_leaves_learners_json_as_it_was(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "data")
    store.create_learner("Awa")
    ProgressStore(tmp_path / "data")  # a start lists Awa in learners.json
    listed = (tmp_path / "data" / "learners.json").read_bytes()
    store = ProgressStore(tmp_path / "data")
    ben = store.create_learner("Ben")
    assert (tmp_path / "data" / "learners.json").read_bytes() == listed
    assert [x.name for x in store.list_learners()] == ["Awa", "Ben"]
    assert store.find_learner("BEN") == ben == store.get_learner(ben.id)
    assert store.create_learner("bén") == ben  # the same person: « Une personne s'appelle déjà … »
    assert [x.name for x in ProgressStore(tmp_path / "data").list_learners()] == ["Awa", "Ben"]


def test_an_older_data_dir_keeps_its_names(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = ProgressStore(data)
    awa = store.create_learner("Awa")
    for entry in (data / "names").iterdir():  # as a data dir written before the index
        entry.unlink()
    (data / "names").rmdir()
    reopened = ProgressStore(data)
    assert reopened.create_learner("awa") == awa  # read from learners.json
    reopened.create_learner("Ben")  # the first creation indexes every name already there
    assert (data / "names" / "index-v1").is_file()
    assert reopened.create_learner("AWA") == awa == reopened.find_learner("Awa")
    assert len(reopened.list_learners()) == 2


def test_a_deleted_name_is_free_again(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "data")
    awa = store.create_learner("Awa")
    store.delete_learner(awa.id)
    assert store.find_learner("Awa") is None
    again = store.create_learner("Awa")
    assert again.id != awa.id and [x.id for x in store.list_learners()] == [again.id]


def test_an_entry_without_its_folder_is_a_free_name(tmp_path: Path) -> None:
    """A kill after the index entry, before the folder appears."""
    data = tmp_path / "data"
    store = ProgressStore(data)
    store.create_learner("Awa")
    entry = store.paths.name_entry("ben")
    entry.write_bytes(b"0" * 32)
    ben = ProgressStore(data).create_learner("Ben")
    assert entry.read_bytes() == ben.id.encode("ascii")
    assert json.loads((data / "learners" / ben.id / "profile.json").read_bytes())
