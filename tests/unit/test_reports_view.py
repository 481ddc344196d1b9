"""The report as a person sees it: 80 columns, French, hostile names inert."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from course.i18n import set_language
from course.reports import compute
from course.reports.formatting import bar, format_duration, percent
from course.reports.model import Report
from course.terminal.report_view import render_report
from course.terminal.rich_text import safe_text
from course.text.safe import clean_terminal
from tests.unit import reports_data as data

HOSTILE = [
    "[bold]x",
    "\x1b[31mRouge\x1b[0m\x1b]0;titre\x07",
    "Zo\u202eé\u202c\x9b2J",
    "[link=http://x.invalid]clic[/link]",
    "Nom-tres-long-sans-aucun-espace-" + "x" * 80,
    "李小龙李小龙李小龙李小龙李小龙李小龙李小龙",
    "ligne\nsuivante\r\tfin",
]


def compute_report(learners, answers, index, **options) -> Report:  # type: ignore[no-untyped-def]
    return compute.compute_report(compute.memory_source(learners, answers), index, **options)


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language("fr")


def render(stats: Report, width: int = 80) -> tuple[str, str]:
    """(raw output with no colour, recorded plain text) of the report."""
    stream = io.StringIO()
    console = Console(file=stream, width=width, record=True, color_system=None, force_terminal=False)
    render_report(stats, console)
    return stream.getvalue(), console.export_text()


def hostile_stats() -> Report:
    learners = data.learners()
    answers = data.answers()
    for position, name in enumerate(HOSTILE[:3]):
        learners[position]["name"] = name
    for answer in answers:
        answer["response_text"] = "\x1b[2J[red]effacé[/red] " + answer["response_text"]
    return compute_report(learners, answers, data.index(), min_answers=1)


def test_report_content_in_french() -> None:
    _, text = render(compute_report(data.learners(), data.answers(), data.index(), min_answers=2))
    assert "Rapport de groupe : Le numérique et la démocratie" in text
    assert "3 personnes venues, 14 réponses, 57 % de bonnes réponses, temps passé 26 min." in text
    karim = next(line for line in text.splitlines() if line.startswith("  Karim"))
    assert "0/2" in karim and "54 %" in karim and "11 min" in karim
    assert "Zoé" in text and "! " in text  # below half: marked with a sign, not a colour
    assert "terminée par 0 sur 3" in text
    assert "████████ 100 %" in text  # Léa: bar and number, not colour alone


def test_lines_fit_80_columns_and_narrower() -> None:
    for width in (80, 60):
        raw, text = render(hostile_stats(), width)
        for output in (raw, text):
            assert max(cell_len(line) for line in output.splitlines()) <= width


def test_hostile_names_are_inert() -> None:
    raw, text = render(hostile_stats())
    for output in (raw, text):
        assert "\x1b" not in output and "\x9b" not in output and "\x07" not in output
        assert "\u202e" not in output
    assert "[bold]x" in text  # markup printed literally
    assert "[red]effacé[/red]" in text


def test_all_hostile_names_render_on_one_line_each() -> None:
    learners = [{"id": f"{n:032x}", "name": name} for n, name in enumerate(HOSTILE)]
    stats = compute_report(learners, [], data.index())
    raw, text = render(stats)
    assert "\x1b" not in raw
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    assert "  ligne suivante …" in text  # one line, shortened to its column
    assert "7 apprenant·es inscrit·es, aucune réponse." in text


def test_markup_in_titles_and_sessions_is_literal() -> None:
    index = data.index()
    index = type(index)("[blink]Cours[/blink]", index.modules, index.lessons, index.quizzes, index.questions)
    answers = [dict(a, session="[i]atelier[/i]") for a in data.answers()]
    _, text = render(compute_report(data.learners(), answers, index, session="[i]atelier[/i]"))
    assert "[blink]Cours[/blink]" in text and "Séance « [i]atelier[/i] »" in text


def test_empty_report() -> None:
    _, text = render(compute_report([], [], data.index()))
    assert "Aucun apprenant pour l'instant." in text


def test_stream_output_uses_80_columns_without_escape_codes() -> None:
    stream = io.StringIO()
    render_report(hostile_stats(), stream)
    output = stream.getvalue()
    assert "\x1b" not in output
    assert max(cell_len(line) for line in output.splitlines()) <= 80


def test_english_catalogue() -> None:
    set_language("en")
    _, text = render(compute_report(data.learners(), data.answers(), data.index()))
    assert "Group report" in text and "14 answers" in text


@pytest.mark.parametrize(
    "seconds, expected",
    [
        (0, "0 s"),
        (45, "45 s"),
        (59.4, "59 s"),
        (60, "1 min"),
        (89, "1 min"),
        (90, "2 min"),
        (3540, "59 min"),
        (3570, "1 h 00 min"),
        (3900, "1 h 05 min"),
        (36000 + 300, "10 h 05 min"),
    ],
)
def test_format_duration(seconds: float, expected: str) -> None:
    assert format_duration(seconds) == expected


def test_bar_and_percent() -> None:
    assert bar(0.0) == "░" * 10
    assert bar(1.0) == "█" * 10
    assert bar(0.5) == "█████░░░░░"
    assert bar(0.55) == "█████▌░░░░"
    assert bar(2.0) == "█" * 10 and bar(-1) == "░" * 10
    assert percent(0.845) == "85 %" and percent(1 / 3) == "33 %"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_terminal_never_lets_controls_through(text: str) -> None:
    cleaned = clean_terminal(text, 30)
    assert len(cleaned) <= 30
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert safe_text(text).plain == clean_terminal(text)


def test_catalogue_complete_in_both_languages() -> None:
    from course.i18n import messages_reports
    from course.reports import csv_export, report_html  # noqa: F401

    assert messages_reports.FR.keys() == messages_reports.EN.keys()
    source = "".join(
        Path(module.__file__ or "").read_text(encoding="utf-8")
        for module in (
            sys.modules["course.terminal.report_view"],
            csv_export,
            sys.modules["course.reports.report_html"],
        )
    )
    used = set(re.findall(r'"(reports\.[a-z_.]+)"', source))
    used |= {f"reports.csv.{c}" for c in csv_export.ANSWER_COLUMNS + csv_export.SUMMARY_COLUMNS}
    assert used and used <= messages_reports.FR.keys()
