"""The report cache: a learner whose files did not change is not read again, and every view
gives the same bytes with or without it; any change to her files, to the course or to the
cache itself makes her figures computed again. The cache never lands in the data dir."""

from __future__ import annotations

import json
import marshal
import os
import shutil
import stat
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course.cli import main
from course.i18n import set_language
from course.progress import ProgressStore, export_progress, import_progress
from course.reports import cache as report_cache
from course.reports import compute, csv_export
from tests.unit import reports_data as data
from tests.unit.reports_data import APREM, MATIN

VIEWS = {
    "terminal": ["report"],
    "summary csv": ["report", "--format", "csv"],
    "json": ["report", "--format", "json"],
    "html": ["report", "--format", "html"],
    "json, names, morning": ["report", "--format", "json", "--names", "--session", "matin 24/11"],
    "terminal, one learner": ["report", "--learner", "Dan"],
    "answers csv": ["export", "--format", "csv"],
    "answers csv, names, afternoon": ["export", "--format", "csv", "--names", "--session", APREM],
    "answers csv, one learner": ["export", "--format", "csv", "--learner", "Ana"],
}


def age(folder: Path, seconds: float = 3600) -> None:
    """Date the files written in the last minute back, as files written in an earlier
    workshop (recent files are not trusted by the cache); the others are left alone."""
    moment, recent = time.time() - seconds, time.time() - 60
    for root, _, names in os.walk(folder):
        for name in names:
            if os.stat(os.path.join(root, name)).st_mtime > recent:
                os.utime(os.path.join(root, name), (moment, moment))


@pytest.fixture
def workshop(tmp_path: Path):
    set_language("fr")
    data.course(tmp_path / "cours")
    store = data.build(tmp_path)
    store.close()
    age(tmp_path / "ici")
    yield tmp_path / "ici"


def view(data_dir: Path, args: list[str], out: Path, capsys: pytest.CaptureFixture[str]) -> bytes:
    """The bytes a person gets: the file(s) written, or what is printed."""
    for old in out.parent.glob(out.name + "*"):
        old.unlink()
    command = [*args, "--data", str(data_dir), "--course", str(data_dir.parent / "cours"), "-o", str(out)]
    assert main(command) == 0, capsys.readouterr().err
    capsys.readouterr()
    summary = out.with_name(out.stem + "-resume" + out.suffix)
    return out.read_bytes() + (b"\n--\n" + summary.read_bytes() if summary.exists() else b"")


def no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, computing a learner's figures or CSV rows from her answers fails."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a learner was read again")

    monkeypatch.setattr(compute, "learner_results", refuse)
    monkeypatch.setattr(csv_export, "_learner_rows", refuse)


def cache_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "reports").glob("*/*"))


@pytest.mark.parametrize("name", list(VIEWS))
def test_cold_and_warm_runs_give_the_same_bytes(
    workshop: Path, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    out = tmp_path / "vue.txt"
    with monkeypatch.context() as patch:  # every file too recent to trust: no cache at all
        patch.setattr(report_cache, "RACY_NS", 10**20)
        plain = view(workshop, VIEWS[name], out, capsys)
    assert cache_files(tmp_path) == []
    cold = view(workshop, VIEWS[name], out, capsys)
    assert cache_files(tmp_path)  # the cold run filled the cache
    no_reading(monkeypatch)
    warm = view(workshop, VIEWS[name], out, capsys)
    assert cold == plain and warm == plain
    assert len(plain.splitlines()) > 3


def figures(data_dir: Path, capsys, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "bilan.json"
    report = json.loads(view(data_dir, ["report", "--format", "json", "--names"], out, capsys))
    return {x["name"]: x for x in report["learners"]}


def fresh(data_dir: Path, capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    with monkeypatch.context() as patch:
        patch.setattr(report_cache, "RACY_NS", 10**20)
        return figures(data_dir, capsys, tmp_path)


def test_a_new_answer_in_a_segment_is_counted(workshop: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    before = figures(workshop, capsys, tmp_path)
    store = ProgressStore(workshop)
    ana = store.find_learner("Ana")
    store.record_answer(data._answer(ana.id, "q2", "c", False, "15:00", APREM, "A4", attempt=2, lesson="l2"))
    store.close()
    age(workshop, 1800)
    after = figures(workshop, capsys, tmp_path)
    assert (before["Ana"]["answers"], after["Ana"]["answers"]) == (10, 11)
    assert after == fresh(workshop, capsys, tmp_path, monkeypatch)


def test_a_changed_state_file_is_read_again(workshop: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    before = figures(workshop, capsys, tmp_path)
    store = ProgressStore(workshop)
    bea = store.find_learner("Bea")
    store.update_state(bea.id, data._read(visits={MATIN: ("08:30", "09:30")}))
    store.close()
    age(workshop, 1800)
    after = figures(workshop, capsys, tmp_path)
    assert (before["Bea"]["time_s"], after["Bea"]["time_s"]) == (90, 3600)
    assert after == fresh(workshop, capsys, tmp_path, monkeypatch)


def test_an_imported_learner_is_read_again(workshop: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    before = figures(workshop, capsys, tmp_path)
    other = ProgressStore(tmp_path / "troisieme-machine")
    cam_there = other.create_learner("Cam")
    other.record_answer(data._answer(cam_there.id, "m-depart", "d2", True, "16:00", APREM, "cam-pre"))
    store = ProgressStore(workshop)
    import_progress(store, export_progress(other), merge_as="Cam")
    eve = ProgressStore(tmp_path / "quatrieme-machine")
    eve.create_learner("Eve")
    import_progress(store, export_progress(eve))
    store.close()
    age(workshop, 1800)
    after = figures(workshop, capsys, tmp_path)
    assert (before["Cam"]["answers"], after["Cam"]["answers"]) == (2, 3)
    assert "Eve" not in before and after["Eve"]["answers"] == 0
    assert after == fresh(workshop, capsys, tmp_path, monkeypatch)


def test_a_deleted_learner_leaves_the_pack_and_her_rows_go(
    workshop: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    view(workshop, ["export", "--format", "csv"], tmp_path / "reponses.csv", capsys)
    figures(workshop, capsys, tmp_path)
    pack = next(path for path in cache_files(tmp_path) if path.name == report_cache.PACK)
    store = ProgressStore(workshop)
    dan = store.find_learner("Dan")
    assert dan is not None and dan.id in marshal.loads(pack.read_bytes())
    rows = next(path for path in cache_files(tmp_path) if path.name == report_cache.ROWS)
    assert dan.id in rows_pack(rows)
    store.delete_learner(dan.id)
    store.close()
    no_reading(monkeypatch)  # the three others still come from the cache
    after = figures(workshop, capsys, tmp_path)
    assert sorted(after) == ["Ana", "Bea", "Cam"]
    assert sorted(marshal.loads(pack.read_bytes())) == sorted(
        x.id for x in ProgressStore(workshop).list_learners()
    )
    assert sorted(rows_pack(rows)) == sorted(marshal.loads(pack.read_bytes()))


def test_a_course_change_recomputes_every_learner(
    workshop: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    out = tmp_path / "reponses.csv"
    rows_before = view(workshop, ["export", "--format", "csv"], out, capsys)
    before = figures(workshop, capsys, tmp_path)
    quiz = tmp_path / "cours" / "quizzes" / "m" / "02-q2.yaml"
    quiz.write_text(
        quiz.read_text(encoding="utf-8") + "  - {id: e, type: true_false, statement: E ?, answer: true}\n"
    )
    lesson = tmp_path / "cours" / "lessons" / "m" / "01-l1.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("Première", "Tout début"), "utf-8")
    after = figures(workshop, capsys, tmp_path)
    assert (before["Ana"]["best_scores"]["l2"], after["Ana"]["best_scores"]["l2"]) == (1.0, 0.5)
    assert after == fresh(workshop, capsys, tmp_path, monkeypatch)
    rows_after = view(workshop, ["export", "--format", "csv"], out, capsys)
    assert "Tout début".encode() not in rows_before and "Tout début".encode() in rows_after


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short
        lambda raw: b"\x00\xff" + raw,  # not text
        lambda raw: marshal.dumps([]),
        lambda raw: json.dumps(list(marshal.loads(raw))).encode(),  # the same figures in another form
        lambda raw: marshal.dumps((marshal.loads(raw)[0], [[1, 2], 3])),
        lambda raw: marshal.dumps(("0" * 64, marshal.loads(raw)[1])),  # another key
        lambda raw: marshal.dumps(compile("1", "x", "eval")),
        lambda raw: marshal.dumps(
            (marshal.loads(raw)[0], [*marshal.loads(raw)[1][:-1], [["q1", 1.0, {"a": (1.0,)}]]])
        ),
    ],
    ids=["cut", "binary", "list", "json", "right key, odd figures", "foreign key", "code", "odd marks"],
)
def test_a_damaged_or_foreign_cache_file_is_ignored(
    workshop: Path, tmp_path: Path, capsys, monkeypatch, damage: Any
) -> None:
    expected = figures(workshop, capsys, tmp_path)
    pack = next(path for path in cache_files(tmp_path) if path.name == report_cache.PACK)
    entries = marshal.loads(pack.read_bytes())
    assert len(entries) == 4
    for learner, raw in entries.items():
        key, scopes = marshal.loads(raw)
        scopes[1][9] = 999_999.0  # a wrong figure: it must never be shown
        entries[learner] = damage(marshal.dumps((key, scopes)))
    pack.write_bytes(marshal.dumps(entries))
    assert figures(workshop, capsys, tmp_path) == expected == fresh(workshop, capsys, tmp_path, monkeypatch)


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],
        lambda raw: b"\x00\xff" + raw,
        lambda raw: marshal.dumps([raw]),
        lambda raw: marshal.dumps({1: raw, "x": 2}),
    ],
    ids=["cut", "binary", "list", "odd entries"],
)
def test_a_damaged_pack_of_figures_is_ignored(
    workshop: Path, tmp_path: Path, capsys, monkeypatch, damage: Any
) -> None:
    expected = figures(workshop, capsys, tmp_path)
    pack = next(path for path in cache_files(tmp_path) if path.name == report_cache.PACK)
    pack.write_bytes(damage(pack.read_bytes()))
    assert figures(workshop, capsys, tmp_path) == expected
    no_reading(monkeypatch)  # the figures were packed again, whole
    assert figures(workshop, capsys, tmp_path) == expected


def rows_pack(path: Path) -> dict[str, bytes]:
    """The entries of the rows pack: entries, their index, the index's offset (8 bytes)."""
    raw = path.read_bytes()
    start = int.from_bytes(raw[-8:], "little")
    return {k: raw[at : at + size] for k, (at, size) in marshal.loads(raw[start:-8]).items()}


def write_rows_pack(path: Path, entries: dict[str, bytes]) -> None:
    index, body = {}, b""
    for learner, entry in entries.items():
        index[learner] = (len(body), len(entry))
        body += entry
    path.write_bytes(body + marshal.dumps(index) + len(body).to_bytes(8, "little"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda pack, entries: write_rows_pack(pack, dict.fromkeys(entries, b"0" * 64 + b" 2\nfaux;faux\r\n")),
        lambda pack, entries: write_rows_pack(
            pack, {k: v[: len(v) // 2] + b"\xff" for k, v in entries.items()}
        ),
        lambda pack, entries: write_rows_pack(pack, dict.fromkeys(entries, b"\x00")),
        lambda pack, entries: pack.write_bytes(pack.read_bytes()[:-3]),  # cut short
        lambda pack, entries: pack.write_bytes(pack.read_bytes()[:-40] + b"\xff" * 40),
        lambda pack, entries: pack.write_bytes(b"\x00" * 8),
    ],
    ids=["foreign key", "cut entries", "binary entries", "cut", "odd index", "empty"],
)
def test_damaged_csv_rows_are_written_again(workshop: Path, tmp_path: Path, capsys, damage: Any) -> None:
    out = tmp_path / "reponses.csv"
    expected = view(workshop, ["export", "--format", "csv", "--names"], out, capsys)
    pack = next(path for path in cache_files(tmp_path) if path.name == report_cache.ROWS)
    entries = rows_pack(pack)
    assert len(entries) == 4
    damage(pack, entries)
    assert view(workshop, ["export", "--format", "csv", "--names"], out, capsys) == expected
    assert rows_pack(pack) == entries  # written again


def test_the_cache_never_lands_in_the_data_dir(
    workshop: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    view(workshop, ["export", "--format", "csv"], tmp_path / "a.txt", capsys)  # the salt file
    shutil.rmtree(tmp_path / "cache")

    def listing() -> dict[str, tuple[int, int]]:
        found = {}
        for root, _, names in os.walk(workshop):
            for name in names:
                info = os.stat(os.path.join(root, name))
                found[os.path.join(root, name)] = (info.st_size, info.st_mtime_ns)
        return found

    before = listing()
    for args in VIEWS.values():
        view(workshop, args, tmp_path / "b.txt", capsys)
    assert listing() == before
    files = cache_files(tmp_path)
    assert files and all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in files)
    assert stat.S_IMODE(files[0].parent.stat().st_mode) == 0o700
    monkeypatch.setenv("ATELIER_CACHE", str(workshop / "cache"))  # a cache folder asked inside: not used
    for args in VIEWS.values():
        view(workshop, args, tmp_path / "b.txt", capsys)
    assert listing() == before


def test_answers_waiting_in_memory_are_counted(workshop: Path, tmp_path: Path) -> None:
    from course.reports.course_index import build_index

    index = build_index(data.course(tmp_path / "cours"))
    store = ProgressStore(workshop)
    cache = report_cache.ReportCache(workshop, index)
    first = compute.compute_reports(report_cache.cached_store_source(store, cache)[1], index)[None]
    ana = store.find_learner("Ana")
    store._pending.append(data._answer(ana.id, "q2", "c", False, "15:00", APREM, "A9", lesson="l2"))
    again = compute.compute_reports(report_cache.cached_store_source(store, cache)[1], index)[None]
    counts = {x.name: x.answers for x in again.learners}
    assert {x.name: x.answers for x in first.learners}["Ana"] == 10 and counts["Ana"] == 11
    assert cache.hits == 3  # the three others came from the cache
    store._pending.clear()


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("=+-@\t\r\n ;,\"'aé1\x00"), max_size=10) | st.text(max_size=10),
    st.sampled_from([";", ","]),
)
def test_answer_rows_are_written_as_the_csv_module_writes_them(text: str, sep: str) -> None:
    """Rows are put together by hand (cells that repeat are quoted once): byte for byte what
    `csv.writer` writes for the same cells, whatever the texts hold."""
    import csv
    import io

    answers = data.answers()[:3]
    for answer in answers:
        answer.update(response_text=text, session=text, sitting=text, qtype=text)
    stream = io.StringIO()
    csv_export.write_answers_csv(
        stream, [{"id": data.LEA, "name": text}], answers, data.index(), sep=sep, names=True
    )
    written = stream.getvalue()
    cells = list(csv.reader(io.StringIO(written, newline=""), delimiter=sep))
    again = io.StringIO()
    csv.writer(again, delimiter=sep, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(cells)
    assert written == again.getvalue()
    assert len(cells) == 1 + sum(1 for a in answers if a["learner"] == data.LEA) and len(cells[1]) == 19


def test_another_help_threshold_is_applied_to_kept_figures(
    workshop: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "bilan.json"
    args = ["report", "--format", "json", "--names", "--help-below", "0.9"]
    with monkeypatch.context() as patch:
        patch.setattr(report_cache, "RACY_NS", 10**20)
        plain = view(workshop, args, out, capsys)
    view(workshop, ["report", "--format", "json"], out, capsys)  # kept with the default, 0.5
    no_reading(monkeypatch)
    warm = view(workshop, args, out, capsys)
    assert warm == plain
    helped = {x["name"]: x["needs_help"] for x in json.loads(warm)["learners"]}
    assert helped == {"Ana": False, "Bea": True, "Cam": True, "Dan": False}
