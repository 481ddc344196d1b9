"""`atelier sync` against a local fake LRS: idempotent, resumable, corrected, never blocked by one 409."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from course.cli import main
from course.sync.client import LrsClient
from course.sync.journal import Journal
from course.sync.push import Pusher, Summary, plan
from tests.unit import reports_data
from tests.unit.lrs_fake import FakeLrs


@pytest.fixture
def workshop(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "cours"
    reports_data.course(root)
    store = reports_data.build(tmp_path / "data")
    store.close()
    return root, tmp_path / "data" / "ici"


def sync(root: Path, data: Path, url: str, *extra: str) -> int:
    return main(["sync", "--lrs", url, "--course", str(root), "--data", str(data), *extra])


def test_a_workshop_reaches_the_lrs_and_a_second_sync_sends_nothing(workshop, capsys):
    root, data = workshop
    with FakeLrs() as lrs:
        assert sync(root, data, lrs.url) == 0
        first = capsys.readouterr()
        stored = len(lrs.statements)
        assert stored > 20 and len(lrs.received) == stored  # each statement sent once
        assert f"{stored} déclarations envoyées, 0 déjà reçue" in first.out
        assert sync(root, data, lrs.url) == 0
        second = capsys.readouterr()
        assert len(lrs.received) == stored  # nothing went the second time
        assert f"0 déclaration envoyée, {stored} déjà reçues" in second.out
    verbs = {s["verb"]["id"].rsplit("/", 1)[1] for s in lrs.statements.values()}
    assert {"answered", "completed", "passed", "failed"} <= verbs
    assert all(h["x-experience-api-version"] == "1.0.3" for h in lrs.headers_seen)


def test_dry_run_sends_nothing_and_says_how_many_would_go(workshop, capsys):
    root, data = workshop
    with FakeLrs() as lrs:
        assert sync(root, data, lrs.url, "--dry-run") == 0
        assert lrs.requests == 0
    out = capsys.readouterr().out
    assert "Essai à blanc" in out and "Rien n'a été envoyé" in out


def test_credentials_are_sent_but_never_printed(workshop, capsys, monkeypatch):
    root, data = workshop
    with FakeLrs(user="asso", password="s3cr3t-motdepasse") as lrs:
        monkeypatch.setenv("ATELIER_LRS_PASSWORD", "s3cr3t-motdepasse")
        assert sync(root, data, lrs.url, "--user", "asso") == 0
        assert lrs.statements
        monkeypatch.setenv("ATELIER_LRS_PASSWORD", "faux")
        reports_data_dir = data
        (reports_data_dir / "lrs").rename(reports_data_dir / "lrs-before")  # start again: all to send
        assert sync(root, data, lrs.url.replace("http://", "http://asso:faux@")) == 1
    captured = capsys.readouterr()
    assert "refuse l'identifiant ou le mot de passe" in captured.err
    for text in (captured.out, captured.err):
        assert "s3cr3t" not in text and "faux@" not in text


def test_without_an_address_nothing_is_attempted(workshop, capsys, monkeypatch):
    root, data = workshop
    monkeypatch.delenv("ATELIER_LRS_URL", raising=False)
    assert main(["sync", "--course", str(root), "--data", str(data)]) == 2
    assert "Quel LRS ?" in capsys.readouterr().err


def _statements(root: Path, data: Path) -> list[dict[str, Any]]:
    from course.content.loader import load_course
    from course.progress import ProgressStore
    from course.reports.compute import store_source
    from course.reports.course_index import build_index
    from course.reports.xapi import statements_of

    store = ProgressStore(data)
    try:
        return list(statements_of(store_source(store)[1], build_index(load_course(root))))
    finally:
        store.close()


def _push(
    statements: list[dict[str, Any]],
    data: Path,
    lrs: FakeLrs,
    pauses: list[float] | None = None,
    **options: Any,
) -> Summary:
    """One sync with the pauses between retries recorded in `pauses` instead of slept."""
    client = LrsClient(lrs.url, timeout=5)
    journal = Journal.open(data, client.endpoint)
    todo = plan(statements, journal)
    summary = Summary(up_to_date=todo.up_to_date, corrections=todo.corrections)
    sleep = (pauses if pauses is not None else []).append
    Pusher(client, journal, sleep=sleep, **options).push(todo.items, summary)
    return summary


def test_server_errors_are_retried_with_growing_pauses(workshop):
    root, data = workshop
    statements = _statements(root, data)
    with FakeLrs() as lrs:
        lrs.fail = [503, 502, "cut"]
        pauses: list[float] = []
        summary = _push(statements, data, lrs, pauses, batch_size=1000)
    assert summary.sent == len(statements) and not summary.stopped
    assert pauses == [1.0, 2.0, 4.0] and summary.conflict_ids == []
    assert set(lrs.statements) == {s["id"] for s in statements}


def test_a_cut_network_stops_then_the_next_sync_resumes_without_sending_twice(workshop):
    root, data = workshop
    statements = _statements(root, data)
    with FakeLrs() as lrs:
        lrs.fail = ["cut"] * 0
        first = _push(statements[:10], data, lrs, batch_size=5)
        lrs.fail = ["cut"] * 6  # the first try and its five retries
        second = _push(statements, data, lrs, batch_size=5)
        assert second.stopped == "network" and second.remaining == len(statements) - 10
        third = _push(statements, data, lrs, batch_size=5)
    assert first.sent == 10 and third.sent == len(statements) - 10 and not third.stopped
    assert set(lrs.statements) == {s["id"] for s in statements}
    assert len(lrs.received) == len(set(lrs.received))  # no statement ever reached the store twice


def test_a_kill_after_the_post_resends_the_outbox_batch_with_the_same_content(workshop, monkeypatch):
    root, data = workshop
    statements = _statements(root, data)
    with FakeLrs() as lrs:
        original = Journal.record

        def killed(self: Journal, entries: list[Any]) -> None:
            raise KeyboardInterrupt  # the process dies after the LRS stored the batch

        monkeypatch.setattr(Journal, "record", killed)
        with pytest.raises(KeyboardInterrupt):
            _push(statements, data, lrs, batch_size=8)
        monkeypatch.setattr(Journal, "record", original)
        assert (Journal.open(data, LrsClient(lrs.url).endpoint).outbox_path).exists()
        summary = _push(statements, data, lrs, batch_size=8)
    assert not summary.stopped and summary.conflicts == 0
    assert set(lrs.statements) == {s["id"] for s in statements}
    assert lrs.received.count(statements[0]["id"]) == 2  # the unacknowledged batch went again, same content


def test_a_409_on_one_statement_never_blocks_the_batch(workshop):
    root, data = workshop
    statements = _statements(root, data)
    taken = dict(statements[3], result={"success": False, "note": "another machine's"})
    with FakeLrs() as lrs:
        lrs.statements[taken["id"]] = taken
        summary = _push(statements, data, lrs, batch_size=50)
    assert summary.conflicts == 1 and summary.conflict_ids[0] == taken["id"]
    assert summary.sent == len(statements) - 1 and not summary.stopped
    assert set(lrs.statements) == {s["id"] for s in statements}


def test_a_result_that_changed_is_voided_then_sent_again_under_a_new_id(workshop):
    root, data = workshop
    statements = _statements(root, data)
    with FakeLrs() as lrs:
        _push(statements, data, lrs)
        changed = [
            dict(s, result=dict(s.get("result") or {}, success=not (s.get("result") or {}).get("success")))
            if s["verb"]["id"].endswith("/completed")
            else s
            for s in statements
        ]
        completed = [s["id"] for s in statements if s["verb"]["id"].endswith("/completed")]
        summary = _push(changed, data, lrs)
        again = _push(changed, data, lrs)
    assert completed and summary.corrections == len(completed)
    assert lrs.voided() == set(completed)
    assert again.sent == 0 and again.up_to_date == len(changed)


def test_a_second_machine_with_the_association_key_joins_the_same_actors(workshop, tmp_path, capsys):
    from course.progress import ProgressStore, export_progress, import_progress

    root, data = workshop
    other = tmp_path / "machine-2"
    assert main(["salt", "--data", str(data)]) == 0
    key = capsys.readouterr().out.split("--set ")[1].strip()
    assert main(["salt", "--data", str(other), "--set", key]) == 0
    here = ProgressStore(data)
    there = ProgressStore(other)
    try:
        ana = next(x for x in here.list_learners() if x.name == "Ana")
        import_progress(there, export_progress(here, [ana.id]))  # the USB stick: Ana moves with her id
        row = reports_data._answer(ana.id, "q2", "c", True, "16:00", "Soir 24/11", "ana-soir", lesson="l2")
        there.record_answer(row)
    finally:
        here.close()
        there.close()
    with FakeLrs() as lrs:
        assert sync(root, data, lrs.url) == 0
        assert sync(root, other, lrs.url) == 0
    capsys.readouterr()
    actors = {}
    for statement in lrs.statements.values():
        actors.setdefault(statement["actor"]["account"]["name"], set()).add(
            (statement.get("context") or {})
            .get("extensions", {})
            .get("https://atelier.example/xapi/extensions/session")
        )
    assert len(actors) == 4  # Ana, Bea, Cam, Dan: no fifth actor for Ana's evening on machine 2
    assert any("Soir 24/11" in sessions and "Matin 24/11" in sessions for sessions in actors.values())
    assert all("Ana" not in str(s) for s in lrs.statements.values())  # pseudonyms only without --names


def test_a_short_association_key_is_refused(tmp_path, capsys):
    assert main(["salt", "--data", str(tmp_path), "--set", "court"]) == 2
    assert "au moins 16 caractères" in capsys.readouterr().err
