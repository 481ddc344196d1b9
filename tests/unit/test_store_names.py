"""The name index: creating a learner neither reads nor rewrites learners.json, a name is
found by its own file, and an older data dir (learners.json only) keeps its names."""

from __future__ import annotations

import json
import os
import shutil
import time
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


def aged(data: Path) -> None:
    """The learners' folders as they are long after their last change (a start trusts
    only change times old enough: a change within the same tick could keep the same time)."""
    old = time.time() - 3600
    for path in (data / "learners", data / "names", data / "learners.json"):
        os.utime(path, (old, old))


def counted_listings(monkeypatch) -> list[str]:
    seen: list[str] = []
    listdir = os.listdir

    def counting(path="."):
        seen.append(Path(path).name)
        return listdir(path)

    monkeypatch.setattr(os, "listdir", counting)
    return seen


def test_a_start_lists_the_learners_only_when_their_folders_changed(tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "data"
    store = ProgressStore(data)
    for name in ("Awa", "Ben", "Chloé"):
        store.create_learner(name)
    ProgressStore(data)  # learners.json takes the new folders in
    aged(data)
    ProgressStore(data)  # finds them in order, and says so for the next start
    with monkeypatch.context() as patch:
        listings = counted_listings(patch)
        again = ProgressStore(data)
        assert again.create_learner("awa").name == "Awa"
    assert "learners" not in listings and "names" not in listings
    # A folder copied in by hand, a creation and a name's index file cut short by a kill,
    # each after a start that found everything in order: the next start sees each.
    copied = ProgressStore(tmp_path / "other").create_learner("Dan")
    shutil.copytree(tmp_path / "other" / "learners" / copied.id, data / "learners" / copied.id)
    ProgressStore(data)
    listed = json.loads((data / "learners.json").read_bytes())["learners"].values()
    assert copied.id in {doc["id"] for doc in listed}
    aged(data)
    ProgressStore(data)
    (data / "learners" / f".new-{'0' * 32}").mkdir()
    ProgressStore(data)
    assert not (data / "learners" / f".new-{'0' * 32}").exists()
    aged(data)
    ProgressStore(data)
    (data / "names" / ".n-x.tmp").write_bytes(b"")
    reopened = ProgressStore(data)
    assert not (data / "names" / ".n-x.tmp").exists()
    assert [x.name for x in reopened.list_learners()] == ["Awa", "Ben", "Chloé", "Dan"]


def test_a_replaced_learners_json_is_checked_again(tmp_path: Path) -> None:
    """learners.json brought back from an older copy: the folders it misses are listed again."""
    data = tmp_path / "data"
    store = ProgressStore(data)
    store.create_learner("Awa")
    ProgressStore(data)
    older = (data / "learners.json").read_bytes()
    store.create_learner("Ben")
    ProgressStore(data)
    aged(data)
    ProgressStore(data)
    (data / "learners.json").write_bytes(older)
    ProgressStore(data)
    listed = json.loads((data / "learners.json").read_bytes())["learners"].values()
    assert sorted(doc["name"] for doc in listed) == ["Awa", "Ben"]
