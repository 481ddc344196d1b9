"""One session label for every window and tab on a data dir: named once, followed by all, for the day."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from course.progress.workshop_session import FILE, SessionFollower, name_session, named_session

TODAY = "2026-12-03"


def test_a_label_named_in_one_process_is_followed_by_another(tmp_path: Path) -> None:
    trainer = SessionFollower(tmp_path)
    learner_tab = SessionFollower(tmp_path)
    assert learner_tab.current() is None
    trainer.name("Médiathèque 3/12")
    assert trainer.current() == "Médiathèque 3/12"
    assert learner_tab.current() == "Médiathèque 3/12"
    trainer.name("")  # « sans nom » again, for everyone
    assert learner_tab.current() is None


def test_the_label_given_at_start_holds_until_someone_names_another(tmp_path: Path) -> None:
    window = SessionFollower(tmp_path, given="Atelier du mardi")
    assert window.current() == "Atelier du mardi"
    SessionFollower(tmp_path).name("Médiathèque 3/12")
    assert window.current() == "Médiathèque 3/12"


def test_yesterdays_label_does_not_name_todays_answers(tmp_path: Path) -> None:
    name_session(tmp_path, "Médiathèque 2/12", today="2026-12-02")
    assert named_session(tmp_path, today="2026-12-02") == (True, "Médiathèque 2/12")
    assert named_session(tmp_path, today=TODAY) == (False, None)


def test_a_damaged_or_foreign_file_means_not_named(tmp_path: Path) -> None:
    path = tmp_path / FILE
    for content in (b"", b"\x00\xff", b"[1, 2]", b'{"label": 3, "day": "%s"}' % TODAY.encode(), b"{" * 5000):
        path.write_bytes(content)
        assert named_session(tmp_path, today=TODAY) == (False, None)
        assert SessionFollower(tmp_path, given="donné").current() == "donné"


def test_following_costs_one_stat_while_the_file_is_unchanged(tmp_path: Path, monkeypatch) -> None:
    follower = SessionFollower(tmp_path)
    SessionFollower(tmp_path).name("Séance")
    assert follower.current() == "Séance"
    opened = []
    real_open = open

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(args[0])
        return real_open(*args, **kwargs)

    monkeypatch.setattr("builtins.open", counted)
    for _ in range(50):
        assert follower.current() == "Séance"
    assert opened == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_label_reads_back_as_named_trimmed_and_bounded(label: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        name_session(Path(folder), label, today=TODAY)
        named, read = named_session(Path(folder), today=TODAY)
        assert named
        expected = label.strip()[:200].strip() or None
        assert read == expected
        stored = json.loads((Path(folder) / FILE).read_text(encoding="utf-8"))
        assert stored["day"] == TODAY
        assert not [name for name in os.listdir(folder) if name != FILE]  # no temp file left


def test_a_window_left_open_overnight_forgets_yesterdays_label(tmp_path: Path, monkeypatch) -> None:
    import course.progress.workshop_session as shared

    monkeypatch.setattr(shared, "_today", lambda: "2026-12-02")
    window = SessionFollower(tmp_path, given=None)
    window.name("Médiathèque 2/12")
    assert window.current() == "Médiathèque 2/12"
    monkeypatch.setattr(shared, "_today", lambda: TODAY)
    assert window.current() is None
