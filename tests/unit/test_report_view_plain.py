"""The report written to a file or a pipe is byte for byte the Rich tables' own text.

`render_report` builds the long tables of a report sent to a file as plain strings
(`learners_lines`, `attendance_lines`); the screen keeps the `Text` tables
(`build_report`). Every scope and sort of a varied workshop (hostile, wide, empty,
long and short names, no session, a session label with markup) gives the same bytes
both ways.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from course.i18n import set_language, t
from course.reports import compute
from course.reports.course_index import build_index
from course.reports.model import Report
from course.terminal.report_view import (
    FixedLines,
    SortKey,
    attendance_lines,
    attendance_table,
    build_report,
    learners_lines,
    learners_table,
    render_report,
)
from tests.unit import reports_data as data

NAMES = [
    "[bold]x",
    "\x1b[31mRouge\x1b[0m\x1b]0;titre\x07",
    "Zo\u202eé\u202c\x9b2J",
    "Nom-tres-long-sans-aucun-espace-" + "x" * 80,
    "李小龙李小龙李小龙李小龙李小龙李小龙李小龙",
    "李" * 8,
    "李" * 9,
    "a李" * 6,
    "é" * 16,
    "a" * 17,
    "b" * 15,
    "ligne\nsuivante\r\tfin",
    "bip\x07\x08\x0b\x0c",
    "",
    "   ",
    "Émilie Dupont-Moreau",
]
SESSIONS: list[Any] = [
    "atelier-1",
    "",
    None,
    "[i]Médiathèque[/i] 24/11",
    "Centre social\x07",
    "李小龙李小龙李小龙李",
]


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("fr")


def workshop() -> dict[str | None, Report]:
    learners = data.learners()
    answers = data.answers()
    base = [a for a in data.answers() if a["learner"] == data.LEA]
    for n, name in enumerate(NAMES):
        learner_id = f"{n + 1:032x}"
        learners.append({"id": learner_id, "name": name, "created": "2026-11-20T09:00:00Z"})
        for k, answer in enumerate(base[: 1 + n % len(base)]):
            right = (n + k) % 3 != 0
            answers.append(
                dict(
                    answer,
                    id=f"{n:04x}{k:04x}" + "0" * 24,
                    learner=learner_id,
                    correct=right,
                    score=1.0 if right else 0.0,
                    session=SESSIONS[(n + k) % len(SESSIONS)],
                    duration_s=float(7 * n + 13 * k),
                    timestamp=f"2026-11-{24 + n % 3}T1{k % 10}:{n:02d}:00Z",
                )
            )
    learners.append({"id": "f" * 32, "name": "Sans réponse"})
    return compute.compute_reports(
        compute.memory_source(learners, answers), data.index(), scopes=None, min_answers=1
    )


def as_before(report: Report, sort: SortKey) -> str:
    """What `render_report` wrote to a stream before the plain tables: each part printed by
    Rich, the tables' `Text` written as it is."""
    out = io.StringIO()
    console = Console(file=out, highlight=False, width=80, no_color=True)
    for part in build_report(report, sort).renderables:
        if isinstance(part, FixedLines):
            out.write(part.plain + "\n")
        else:
            console.print(part, highlight=False)
    return out.getvalue()


def test_every_scope_and_sort_gives_the_same_bytes() -> None:
    reports = workshop()
    assert len(reports) >= 5  # every session, and several sessions, the unnamed one among them
    for report in reports.values():
        for sort in ("name", "score", "progress"):
            out = io.StringIO()
            render_report(report, out, sort)
            assert out.getvalue() == as_before(report, sort)
            assert learners_lines(report, sort) == learners_table(report, sort).plain
        assert attendance_lines(report) == attendance_table(report).plain
    every = io.StringIO()
    render_report(reports[None], every)
    text = every.getvalue()
    assert "  李李李李李李李李  " in text and "李李李李李李李 …" in text  # 16 cells, then cut (a space)
    assert "! [bold]x" in text and "Sans réponse" in text and "\x07" not in text and "\x1b" not in text
    assert "[i]Médiathèque[/…    Zo é 2J" in text and "\nCentre social   " in text  # the attendance table


def test_an_empty_report_gives_the_same_bytes() -> None:
    report = compute.compute_reports(compute.memory_source([], []), data.index())[None]
    out = io.StringIO()
    render_report(report, out)
    assert out.getvalue() == as_before(report, "name")


def test_the_impact_table_gives_the_same_bytes(tmp_path: Path) -> None:
    """The workshop with pre- and post-tests (an unfinished test, a pre-test only), its people
    named as above: the impact table is written as plain lines too."""
    index = build_index(data.course(tmp_path / "cours"))
    store = data.build(tmp_path)
    people = [dict(x.to_dict(), name=NAMES[n]) for n, x in enumerate(store.list_learners())]
    answers = [a for x in people for a in store.answer_dicts(x["id"])]
    states = {x["id"]: store.get_state(x["id"]) for x in people}
    store.close()
    reports = compute.compute_reports(compute.memory_source(people, answers, states), index, scopes=None)
    assert reports[None].impact_rows and any(m.incomplete for m in reports[None].impact)
    for report in reports.values():
        for sort in ("name", "score", "progress"):
            out = io.StringIO()
            render_report(report, out, sort)
            assert out.getvalue() == as_before(report, sort)
    out = io.StringIO()
    render_report(reports[None], out)
    assert t("impact.title") in out.getvalue() and "[bold]x" in out.getvalue()
