"""Every view of the results shows the same figures, checked against values computed by hand.

The workshop of `reports_data` (pre-test-only and partial learners, retries, two sessions,
an answer given twice from two windows, a learner merged from another machine) is read
by the model, `atelier report` (terminal, CSV, JSON, HTML), the CSV export, the xAPI
export, the impact table and the learner's own app.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from course.cli import main
from course.i18n import set_language
from course.learning.journey import Journey
from course.reports.compute import ALL, compute_report, compute_reports, store_source
from course.reports.course_index import build_index
from tests.unit import reports_data as data
from tests.unit.reports_data import APREM, MATIN

NAMES = ("Ana", "Bea", "Cam", "Dan")
# name: lessons done, average best, pre, post, answers, correct, time (s), needs help
EXPECTED = {
    "Ana": (3, 1.0, 0.5, 1.0, 10, 8, 7500, False),
    "Bea": (0, None, 0.5, None, 2, 1, 90, False),
    "Cam": (0, 0.0, None, None, 2, 1, 790, True),
    "Dan": (2, 1.0, 1.0, 0.5, 10, 7, 2240, False),
}


@pytest.fixture
def workshop(tmp_path: Path):
    set_language("fr")
    course = data.course(tmp_path / "cours")
    store = data.build(tmp_path)
    yield course, store, tmp_path / "ici"
    store.close()


def run(*args: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_the_model_holds_the_hand_computed_figures(workshop) -> None:
    course, store, _ = workshop
    report = compute_report(store_source(store)[1], build_index(course))
    people = {x.name: x for x in report.learners}
    assert sorted(people) == list(NAMES)
    for name, (done, average, pre, post, answers, correct, time_s, help_) in EXPECTED.items():
        x = people[name]
        test_pre = x.pretests.get("m")
        test_post = x.posttests.get("m")
        assert (len(x.lessons_done), x.average_score, x.answers, x.correct, x.time_s, x.needs_help) == (
            done,
            average,
            answers,
            correct,
            time_s,
            help_,
        ), name
        assert (test_pre.score if test_pre and test_pre.complete else None) == pre, name
        assert (test_post.score if test_post and test_post.complete else None) == post, name
    assert people["Cam"].pretests["m"].complete is False
    assert people["Ana"].activities == 1
    assert people["Dan"].best_scores == {"l1": 1.0, "l2": 1.0}  # two "attempt 1" from two machines
    assert [
        (a.sitting, a.score) for a in report.attempts if a.learner == people["Dan"].id and a.quiz == "q1"
    ] == [("D1", 1.0), ("X1", 0.5)]
    (module,) = report.impact
    assert (module.pairs, module.mean_gain, module.mean_pre, module.mean_post) == (2, 0.0, 0.75, 0.75)
    assert module.ci_low == pytest.approx(-6.353) and module.ci_high == pytest.approx(6.353)
    assert module.incomplete == (people["Cam"].id,) and module.pre_only == (people["Bea"].id,)
    assert [(r.pre_discernment, r.post_discernment) for r in report.impact_rows] == [
        (0.0, 1.0),
        (0.0, None),
        (1.0, 0.0),
    ]
    items = {item.question: item for item in report.items}
    assert (items["d1"].answers, items["d1"].facility) == (4, 0.75)
    assert items["d1"].discrimination == pytest.approx(-0.57735, abs=1e-4)
    assert "negative" in items["d1"].flags and items["d1"].wrong == (("Méfiance", 0.25),)
    assert (items["d2"].answers, items["d2"].facility) == (3, pytest.approx(2 / 3))
    assert (report.people, report.answers, report.correct, report.lessons_completed) == (4, 24, 17, 5)
    assert [(s.label, len(s.learners)) for s in report.sessions] == [(MATIN, 4), (APREM, 2)]


def test_each_session_counts_its_own_answers_in_one_pass(workshop) -> None:
    course, store, _ = workshop
    reports = compute_reports(store_source(store)[1], build_index(course), scopes=None)
    assert set(reports) == {ALL, MATIN, APREM}
    morning = {x.name: x for x in reports[MATIN].learners}
    assert sorted(morning) == list(NAMES)  # Bea and Cam came for the pre-test only: they count
    assert morning["Ana"].best_scores == {"l1": 0.5} and morning["Ana"].lessons_done == ()
    assert morning["Ana"].time_s == 5400
    afternoon = {x.name for x in reports[APREM].learners}
    assert afternoon == {"Ana", "Dan"}
    assert reports[MATIN].answers + reports[APREM].answers == reports[ALL].answers


def test_the_terminal_report_shows_the_same_figures(workshop, capsys) -> None:
    _, _, data_dir = workshop
    out = run("report", "--data", str(data_dir), "--course", str(data_dir.parent / "cours"), capsys=capsys)
    rows = {
        line.split()[1] if line.startswith("!") else line.split()[0]: line
        for line in out.split("Présence par séance")[0].splitlines()
        if re.match(r"^[ !] +(Ana|Bea|Cam|Dan) ", line)
    }
    assert "3/3" in rows["Ana"] and "100 %" in rows["Ana"] and "50 % → 100 %" in rows["Ana"]
    assert "2 h 05 min" in rows["Ana"]
    assert "50 % → —" in rows["Bea"] and "2 min" in rows["Bea"]
    assert rows["Cam"].startswith("!") and "inachevé → —" in rows["Cam"]
    assert "2/3" in rows["Dan"] and "100 % → 50 %" in rows["Dan"]
    assert "4 personnes venues, 24 réponses, 71 % de bonnes réponses" in out
    assert "Vérifier : +0 points en moyenne (2 personnes), IC 95 % de -635 à +635." in out
    assert "+50 pts" in out and "-50 pts" in out and "Test inachevé : Cam." in out
    assert "discrimination négative" in out


def test_csv_json_and_html_show_the_same_figures(workshop, capsys, tmp_path: Path) -> None:
    _, _, data_dir = workshop
    base = ["report", "--data", str(data_dir), "--course", str(data_dir.parent / "cours"), "--names"]
    text = run(*base, "--format", "csv", capsys=capsys)
    assert text.startswith("\ufeff")  # the BOM, on stdout too
    table = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    header, rows = table[0], {row[0]: dict(zip(table[0], row, strict=True)) for row in table[1:]}
    assert "leçons terminées" in header
    for name, (done, average, pre, _post, answers, correct, time_s, help_) in EXPECTED.items():
        row = rows[name]
        assert row["leçons terminées"] == str(done)
        assert row["score moyen (%)"] == ("" if average is None else str(round(average * 100)))
        assert (row["réponses"], row["bonnes réponses"]) == (str(answers), str(correct))
        assert float(row["temps passé (min)"].replace(",", ".")) == pytest.approx(time_s / 60, abs=1e-3)
        unfinished = "inachevé" if name == "Cam" else ""  # Cam began the pre-test only
        assert row["test de départ (%) : Vérifier"] == (unfinished if pre is None else str(round(pre * 100)))
        assert row["à accompagner (1 = oui)"] == str(int(help_))
    report = json.loads(run(*base, "--format", "json", capsys=capsys))
    assert report["totals"]["people"] == 4 and report["totals"]["answers"] == 24
    assert {x["name"]: x["answers"] for x in report["learners"]} == {n: e[4] for n, e in EXPECTED.items()}
    assert report["impact"][0]["mean_gain"] == 0.0 and report["impact"][0]["pairs"] == 2
    page = tmp_path / "bilan.html"
    run(*base, "--format", "html", "-o", str(page), capsys=capsys)
    html = page.read_text(encoding="utf-8")
    assert "<svg" in html and "http" not in html and "src=" not in html and "<link" not in html
    assert "<b>4</b>Personnes venues" in html and "<b>5</b>Leçons terminées" in html
    assert "<li>Cam — Vérifier</li>" in html


def test_exports_count_the_same_answers_and_attempts(workshop, capsys, tmp_path: Path) -> None:
    _, _, data_dir = workshop
    base = ["export", "--data", str(data_dir), "--course", str(data_dir.parent / "cours"), "--names"]
    out = tmp_path / "reponses.csv"
    assert main([*base, "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert len(rows) == 24
    assert {r["type de quiz"] for r in rows if r["quiz (id)"] == "m-depart"} == {"pretest"}
    assert {r["leçon (id)"] for r in rows if r["quiz (id)"] == "m-depart"} == {""}  # not lesson 1's
    summary = list(
        csv.DictReader(
            io.StringIO((tmp_path / "reponses-resume.csv").read_text(encoding="utf-8-sig")), delimiter=";"
        )
    )
    assert {r["apprenant"]: r["réponses"] for r in summary} == {n: str(e[4]) for n, e in EXPECTED.items()}
    capsys.readouterr()
    assert main([*base, "--format", "xapi"]) == 0
    statements = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    answered = [s for s in statements if s["verb"]["id"].endswith("answered")]
    outcomes = [
        (
            s["actor"]["name"],
            s["object"]["id"].rsplit("/", 1)[1],
            s["result"]["score"]["scaled"],
            s["verb"]["id"].rsplit("/", 1)[1],
        )
        for s in statements
        if s["verb"]["id"].endswith(("passed", "failed"))
    ]
    assert len(answered) == 24
    assert ("Dan", "q1", 1.0, "passed") in outcomes and ("Dan", "q1", 0.5, "failed") in outcomes
    assert ("Ana", "m-depart", 0.5, "failed") in outcomes  # a test is scored like any quiz
    assert not any(name == "Cam" for name, *_ in outcomes)  # unfinished attempts have no outcome


def test_the_learners_app_agrees_after_the_merge(workshop) -> None:
    course, store, _ = workshop
    dan = store.find_learner("Dan")
    journey = Journey(course, store, dan)
    assert journey.status(course.lessons["l1"]).best_score == 1.0
    assert [r.score for r in journey.results("q1")] == [1.0, 0.5]
    assert journey.results("m-depart")[0].score == 1.0 and journey.results("m-final")[0].score == 0.5
    assert journey.status(course.lessons["l2"]).state == "done"


async def test_the_f9_screen_shows_the_same_figures(workshop) -> None:
    import html

    from course.ui.course_app import Settings, build_app
    from course.ui.screens.trainer import TrainerScreen

    course, store, _ = workshop
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
        assert "4 personnes venues, 24 réponses, 71 % de bonnes réponses" in shown  # at 80×24
        lines = [line.strip() for line in shown.splitlines()]
        rows: dict[str, str] = {}
        for line in lines:  # the learners' table comes first, attendance after it
            if re.match(r"^!? *(Ana|Bea|Cam|Dan) ", line):
                rows.setdefault(line.split()[1] if line.startswith("!") else line.split()[0], line)
        assert "3/3" in rows["Ana"] and "50 % → 100 %" in rows["Ana"] and "2 h 05 min" in rows["Ana"]
        assert rows["Cam"].startswith("!") and "inachevé → —" in rows["Cam"]
        assert "2/3" in rows["Dan"] and "100 % → 50 %" in rows["Dan"]
        assert screen.reports[MATIN].answers + screen.reports[APREM].answers == 24
