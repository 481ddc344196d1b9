"""Learners' results as CSV for a spreadsheet, shaped for French Excel.

Encoding: UTF-8 *with* a BOM, or Excel reads accents as mojibake. The writers
take an open text stream and never write the BOM themselves: open the file
with `open_csv(path)` (encoding "utf-8-sig", newline=""), which adds it.

Separator and numbers: `;` by default, with a decimal comma ("0,75"), which is
what Excel in a French locale reads as a number (with "." it would read "1.5"
as a date or text). With `sep=","` (the English convention) numbers keep ".".

Safety: every cell that comes from a person or from the course (names, answers,
titles, session labels) goes through `neutralise_cell`, so it can never run as
a formula; numbers this module computes are written as numbers. Learner names
leave only with `names=True`; otherwise a stable pseudonym stands for them.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from course.i18n import t
from course.reports.safe_text import neutralise_cell, pseudonym
from course.reports.stats import CourseIndex, compute_report, select_answers

Cell = str | int | float | None

ANSWER_COLUMNS = (
    "learner", "session", "module", "lesson", "lesson_title", "quiz", "question",
    "prompt", "qtype", "attempt", "response", "correct", "score", "hints", "duration",
    "timestamp", "confidence",
)
SUMMARY_COLUMNS = (
    "learner", "sessions", "lessons_done", "lessons_total", "average_score", "answers",
    "correct_count", "success_rate", "time", "hints_total", "last_activity",
)


def open_csv(path: Path) -> TextIO:
    """Open `path` for writing a CSV that Excel reads: UTF-8 with BOM, no newline translation."""
    return path.open("w", encoding="utf-8-sig", newline="")


def format_number(value: float, sep: str = ";") -> str:
    """`value` with at most 3 decimals, and a decimal comma when the separator is `;`."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    text = "0" if text in ("", "-0") else text
    return text.replace(".", ",") if sep == ";" else text


def _cell(value: Cell, sep: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_number(value, sep)
    return neutralise_cell(value)


def _writer(stream: TextIO, sep: str) -> Any:
    if sep not in (";", ","):
        raise ValueError(f"unsupported CSV separator: {sep!r}")
    return csv.writer(stream, delimiter=sep, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")


def _write(stream: TextIO, sep: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    writer = _writer(stream, sep)
    writer.writerow([neutralise_cell(name) for name in header])
    count = 0
    for row in rows:
        writer.writerow([_cell(value, sep) for value in row])
        count += 1
    return count


def _spreadsheet_time(timestamp: str) -> str:
    """"2026-11-24T14:03:05Z" → "2026-11-24 14:03:05", which spreadsheets read as a date."""
    if len(timestamp) >= 19 and timestamp.endswith("Z") and timestamp[10] == "T":
        return timestamp[:10] + " " + timestamp[11:19]
    return timestamp


def _labeller(
    learners: Iterable[Mapping[str, Any]], names: bool, salt: str,
) -> Callable[[str], str]:
    """Learner id → the name (only if `names`) or else the pseudonym."""
    known = {str(learner.get("id", "")): learner.get("name") for learner in learners}

    def label(learner_id: str) -> str:
        name = known.get(learner_id) if names else None
        return name if isinstance(name, str) and name.strip() else pseudonym(learner_id, salt)

    return label


def write_answers_csv(
    stream: TextIO,
    learners: Iterable[Mapping[str, Any]],
    answers: Iterable[Mapping[str, Any]],
    index: CourseIndex,
    *,
    sep: str = ";",
    names: bool = False,
    salt: str = "",
    session: str | None = None,
    learner_ids: Collection[str] | None = None,
) -> int:
    """One row per answer, in time order; returns the number of rows written."""
    label = _labeller(learners, names, salt)
    header = [t(f"reports.csv.{column}") for column in ANSWER_COLUMNS]

    def rows() -> Iterable[list[Cell]]:
        for answer in select_answers(answers, session=session, learner_ids=learner_ids):
            lesson = index.lessons.get(answer.lesson)
            question = index.questions.get((answer.quiz, answer.question))
            yield [
                label(answer.learner),
                answer.session, lesson.module_title if lesson else None, answer.lesson,
                lesson.title if lesson else None, answer.quiz, answer.question,
                question.prompt if question else None, answer.qtype, answer.attempt,
                answer.response_text, int(answer.correct), answer.score, answer.hints_used,
                answer.duration_s, _spreadsheet_time(answer.timestamp), answer.confidence,
            ]

    return _write(stream, sep, header, rows())


def write_summary_csv(
    stream: TextIO,
    learners: Iterable[Mapping[str, Any]],
    answers: Iterable[Mapping[str, Any]],
    index: CourseIndex,
    *,
    sep: str = ";",
    names: bool = False,
    salt: str = "",
    session: str | None = None,
    learner_ids: Collection[str] | None = None,
) -> int:
    """One row per learner, then a best-score column per lesson; returns the row count.

    Scores and rates are percentages (0 to 100); time is in minutes. Without
    names, rows are sorted by pseudonym so their order reveals nothing.
    """
    learners = list(learners)
    label = _labeller(learners, names, salt)
    stats = compute_report(learners, answers, index, session=session, learner_ids=learner_ids)
    header = [t(f"reports.csv.{column}") for column in SUMMARY_COLUMNS]
    header += [t("reports.csv.best_score", title=info.title) for info in index.lessons.values()]

    def percent(ratio: float | None) -> float | None:
        return None if ratio is None else ratio * 100

    ordered = stats.learners if names else sorted(stats.learners, key=lambda x: label(x.id))
    rows = (
        [
            label(learner.id),
            ", ".join(learner.sessions), len(learner.lessons_done), learner.lessons_total,
            percent(learner.average_score), learner.answers, learner.correct,
            percent(learner.success_rate), learner.time_spent_s / 60, learner.hints_used,
            _spreadsheet_time(learner.last_activity or ""),
            *(percent(learner.best_scores.get(lesson)) for lesson in index.lessons),
        ]
        for learner in ordered
    )
    return _write(stream, sep, header, rows)
