"""The number of sessions, and the empty tables, read the same in every view.

Two people answered without a session name: the attendance table lists that one session,
so `atelier report` (terminal, HTML, JSON) and the F9 screen must all say 1, not 0. An
empty pre/post table says so in words, and the CSV summary names an unfinished test.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest

from course.cli import main
from course.i18n import set_language
from tests.unit import reports_data as data


@pytest.fixture
def unnamed(tmp_path: Path) -> Path:
    """A data dir where Ana and Bea answered lesson 1's quiz with no session name."""
    set_language("fr")
    data.write_course(tmp_path / "cours")
    store = data.ProgressStore(tmp_path / "ici")
    ana, bea = store.create_learner("Ana"), store.create_learner("Bea")
    for row in (
        data._answer(ana.id, "q1", "a", True, "09:20", "", "A1"),
        data._answer(ana.id, "q1", "b", True, "09:21", "", "A1"),
        data._answer(bea.id, "q1", "a", False, "09:22", "", "B1"),
    ):
        store.record_answer(row)
    store.close()
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> str:
    base = ["report", "--data", str(root / "ici"), "--course", str(root / "cours")]
    assert main([*base, *args]) == 0
    return capsys.readouterr().out


def test_an_unnamed_session_is_counted_in_the_terminal_report(unnamed: Path, capsys) -> None:
    out = run(capsys, unnamed)
    attendance = out.split("Présence par séance")[1]
    assert "(sans nom de s" in attendance and "Ana" in attendance and "Bea" in attendance
    assert "Toutes les séances (1)" in out


def test_an_unnamed_session_is_counted_in_html_and_json(unnamed: Path, capsys) -> None:
    page = unnamed / "bilan.html"
    run(capsys, unnamed, "--format", "html", "-o", str(page))
    text = page.read_text(encoding="utf-8")
    assert "Toutes les séances (1)" in text and "<b>1</b>Séances" in text
    assert "<td>(sans nom de séance)</td>" in text and "<td class=n>2</td></tr>" in text
    report = json.loads(run(capsys, unnamed, "--format", "json"))
    assert report["totals"]["sessions"] == 1


def test_no_finished_test_says_so_instead_of_an_empty_table(unnamed: Path, capsys) -> None:
    page = unnamed / "bilan.html"
    run(capsys, unnamed, "--format", "html", "-o", str(page))
    gain = page.read_text(encoding="utf-8").split("Progrès entre test de départ")[1].split("<h2>")[0]
    assert "Aucun test de départ ni test final terminé pour l'instant." in html.unescape(gain)
    assert "<table" not in gain


def test_the_csv_summary_names_an_unfinished_test(tmp_path: Path, capsys) -> None:
    set_language("fr")
    data.course(tmp_path / "cours")
    data.build(tmp_path).close()
    out = run(capsys, tmp_path, "--format", "csv", "--names")
    table = list(csv.reader(io.StringIO(out[1:]), delimiter=";"))
    rows = {row[0]: dict(zip(table[0], row, strict=True)) for row in table[1:]}
    assert rows["Cam"]["test de départ (%) : Vérifier"] == "inachevé"  # began, never finished
    assert rows["Bea"]["test final (%) : Vérifier"] == ""  # never began


async def test_the_f9_screen_counts_the_unnamed_session(unnamed: Path) -> None:
    from course.content.loader import load_course
    from course.progress import ProgressStore
    from course.ui.course_app import Settings, build_app
    from course.ui.screens.trainer import TrainerScreen

    course = load_course(unnamed / "cours")
    store = ProgressStore(unnamed / "ici")
    app = build_app(course, store, Settings(learner=None, pin="2468"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press(*"2468", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrainerScreen)
        await screen.workers.wait_for_complete()
        await pilot.pause()
        shown = html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")
        assert "Toutes les séances (1)" in shown
    store.close()
