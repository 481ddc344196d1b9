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
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import repeat
from operator import itemgetter, le
from pathlib import Path
from typing import Any, TextIO

from course.i18n import t
from course.reports.compute import ALL, LearnerData, compute_report, memory_source
from course.reports.learner_pass import plain_columns, read_each, unique_in_time_order
from course.reports.model import CourseIndex, Report
from course.text.safe import neutralise_cell, pseudonym

_REPORTS_CSV_KEYS = {
    "activities": "reports.csv.activities",
    "answers": "reports.csv.answers",
    "attempt": "reports.csv.attempt",
    "average_score": "reports.csv.average_score",
    "best_score": "reports.csv.best_score",
    "confidence": "reports.csv.confidence",
    "correct": "reports.csv.correct",
    "correct_count": "reports.csv.correct_count",
    "duration": "reports.csv.duration",
    "first_activity": "reports.csv.first_activity",
    "hints": "reports.csv.hints",
    "hints_total": "reports.csv.hints_total",
    "kind": "reports.csv.kind",
    "last_activity": "reports.csv.last_activity",
    "learner": "reports.csv.learner",
    "lesson": "reports.csv.lesson",
    "lesson_title": "reports.csv.lesson_title",
    "lessons_done": "reports.csv.lessons_done",
    "lessons_total": "reports.csv.lessons_total",
    "module": "reports.csv.module",
    "needs_help": "reports.csv.needs_help",
    "posttest": "reports.csv.posttest",
    "pretest": "reports.csv.pretest",
    "prompt": "reports.csv.prompt",
    "qtype": "reports.csv.qtype",
    "question": "reports.csv.question",
    "quiz": "reports.csv.quiz",
    "response": "reports.csv.response",
    "score": "reports.csv.score",
    "session": "reports.csv.session",
    "sessions": "reports.csv.sessions",
    "sitting": "reports.csv.sitting",
    "success_rate": "reports.csv.success_rate",
    "time": "reports.csv.time",
    "timestamp": "reports.csv.timestamp",
}

Cell = str | int | float | None

ANSWER_COLUMNS = (
    "learner",
    "session",
    "module",
    "lesson",
    "lesson_title",
    "quiz",
    "kind",
    "question",
    "prompt",
    "qtype",
    "attempt",
    "sitting",
    "response",
    "correct",
    "score",
    "hints",
    "duration",
    "timestamp",
    "confidence",
)
SUMMARY_COLUMNS = (
    "learner",
    "sessions",
    "first_activity",
    "last_activity",
    "time",
    "lessons_done",
    "lessons_total",
    "average_score",
    "answers",
    "correct_count",
    "success_rate",
    "activities",
    "hints_total",
    "needs_help",
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


def _spreadsheet_time(timestamp: str | None) -> str:
    """ "2026-11-24T14:03:05.000000Z" → "2026-11-24 14:03:05", which spreadsheets read as a date."""
    if timestamp and len(timestamp) >= 19 and timestamp.endswith("Z") and timestamp[10] == "T":
        return timestamp[:10] + " " + timestamp[11:19]
    return timestamp or ""


def _labeller(learners: Iterable[Mapping[str, Any]], names: bool, salt: str) -> Callable[[str], str]:
    """Learner id → the name (only if `names`) or else the pseudonym."""
    known = {str(learner.get("id", "")): learner.get("name") for learner in learners}

    def label(learner_id: str) -> str:
        name = known.get(learner_id) if names else None
        return name if isinstance(name, str) and name.strip() else pseudonym(learner_id, salt)

    return label


def answers_csv(stream: TextIO, source: Iterable[LearnerData], index: CourseIndex, **options: Any) -> int:
    """One row per answer (every activity), learner by learner, in time order; the row count.

    The same answers as the report counts: read by the same function, with the same filters.
    """
    counted = [0]
    for _ in answers_csv_passing(stream, source, index, counted=counted, **options):
        pass
    return counted[0]


def answers_csv_passing(
    stream: TextIO,
    source: Iterable[LearnerData],
    index: CourseIndex,
    *,
    sep: str = ";",
    names: bool = False,
    salt: str = "",
    session: str | None = ALL,
    learner_ids: Collection[str] | None = None,
    counted: list[int] | None = None,
) -> Iterator[LearnerData]:
    """Write each learner's answer rows, then hand her data on, so the summary can be computed
    from the same read of the files (`compute_reports(answers_csv_passing(...), ...)`)."""
    writer = _writer(stream, sep)
    writer.writerow([neutralise_cell(t(_REPORTS_CSV_KEYS[column])) for column in ANSWER_COLUMNS])
    lesson_quizzes = {q.id for q in index.quizzes.values() if q.kind == "lesson"}
    cell = _Cells(sep)
    places: dict[tuple[str, str, str], str] = {}
    for data in source:
        learner_id = str(data.learner.get("id", ""))
        if learner_ids is None or learner_id in learner_ids:
            who = _labeller([data.learner], names, salt)(learner_id)
            options = f"{sep}\0{who}\0{session!r}"
            entry = data.cache
            kept = entry.rows(options) if entry is not None else None
            if kept is None:
                kept = _learner_rows(who, data, index, session, lesson_quizzes, places, cell, sep)
                if entry is not None:
                    entry.keep_rows(options, *kept)
            stream.write(kept[0])
            if counted is not None:
                counted[0] += kept[1]
        yield data


def _learner_rows(
    who: str,
    data: LearnerData,
    index: CourseIndex,
    session: str | None,
    lesson_quizzes: set[str],
    places: dict[tuple[str, str, str], str],
    cell: _Cells,
    sep: str,
) -> tuple[str, int]:
    """One learner's answer rows, in time order, as CSV text (what `csv.writer` writes with
    `_writer`'s dialect: each cell quoted only when it holds the separator, a quote or a line
    break); their count. Cells that repeat (the learner, the place of a quiz, a question) are
    put together once."""
    answers = data.answers
    columns = data.columns = plain_columns(answers) if type(answers) is list else None
    if columns is not None:
        return _plain_rows(who, answers, columns, index, session, lesson_quizzes, places, cell, sep)
    lines: list[str] = []
    starts: dict[str, str] = {}
    asked: dict[tuple[str, str, str], str] = {}
    known = cell.seen.get
    who_cell = cell(who)
    data.rows = read_each(answers)  # read once: the summary computed next reads them too
    for row in unique_in_time_order(data.rows):
        if session is not None and row.session != session:
            continue
        start = starts.get(row.session)
        if start is None:
            start = starts[row.session] = f"{who_cell}{sep}{cell(row.session or None)}{sep}"
        where = places.get((row.quiz, row.lesson, row.mode))
        if where is None:
            module, lesson_id, lesson, kind = _place(row.quiz, row.lesson, row.mode, index, lesson_quizzes)
            where = places[(row.quiz, row.lesson, row.mode)] = sep.join(
                cell(value) for value in (module, lesson_id, lesson, row.quiz, kind)
            )
        qtype = _text(row.raw.get("qtype"))
        what = asked.get((row.quiz, row.question, qtype))
        if what is None:
            question = index.questions.get((row.quiz, row.question))
            what = asked[(row.quiz, row.question, qtype)] = sep.join(
                (cell(row.question), cell(question.prompt if question else None), cell(qtype))
            )
        moment = _spreadsheet_time(row.timestamp)
        if not _PLAIN_TIME.fullmatch(moment):
            moment = cell(moment)
        confidence = row.raw.get("confidence")
        lines.append(
            f"{start}{where}{sep}{what}{sep}{known(row.attempt) or cell(row.attempt)}{sep}"
            f"{known(row.sitting) or cell(row.sitting)}{sep}"
            f"{known(row.response_text) or cell(row.response_text)}{sep}{'1' if row.correct else '0'}{sep}"
            f"{known(row.score) or cell(row.score)}{sep}{known(row.hints_used) or cell(row.hints_used)}{sep}"
            f"{known(row.duration_s) or cell(row.duration_s)}{sep}{moment}{sep}"
            f"{cell(confidence) if isinstance(confidence, int) and not isinstance(confidence, bool) else ''}\r\n"
        )
    return "".join(lines), len(lines)


def _plain_rows(
    who: str,
    answers: list[Mapping[str, Any]],
    columns: tuple[tuple[Any, ...], ...],
    index: CourseIndex,
    session: str | None,
    lesson_quizzes: set[str],
    places: dict[tuple[str, str, str], str],
    cell: _Cells,
    sep: str,
) -> tuple[str, int]:
    """`_learner_rows` for answers as the store writes them (`plain_columns`), column by
    column: each distinct value of a column is made a cell once, then rows are joined.
    Answers already in time order (as the store appends them) are taken as they are."""
    stamps, scores, durations, hints, quizzes, questions, modes, sessions, sittings, attempts = columns[:10]
    texts, _, lessons, correct = columns[10:]
    tidy = {label: label.strip() if label else "" for label in set(sessions)}
    order: list[int] | None = None
    if not all(map(le, stamps, stamps[1:])):
        order = sorted(range(len(stamps)), key=stamps.__getitem__)  # time order (a stable sort)
    if session is not None:
        order = [n for n in (order or range(len(stamps))) if tidy[sessions[n]] == session]
        if not order:
            return "", 0
    if order is None:
        shown: list[Any] = answers

        def pick(values: Sequence[Any]) -> Sequence[Any]:
            return values

    else:
        shown = list(map(answers.__getitem__, order))

        def pick(values: Sequence[Any]) -> Sequence[Any]:
            return list(map(values.__getitem__, order))

    count = len(shown)

    def column(values: Sequence[Any], make: Callable[[Any], str] = cell) -> list[str]:
        made = {value: make(value) for value in set(values)}
        return list(map(made.__getitem__, values))

    def texts_column(values: Sequence[str]) -> Sequence[str]:
        """`column` of texts: the texts themselves when none needs quoting or neutralising
        (sitting ids, most answers), checked at once."""
        distinct = set(values)
        joined = "\n".join(distinct)
        # One line per text: a text holding a line break of its own would pass line by line.
        if joined.count("\n") == len(distinct) - 1 and _AS_IS.fullmatch(joined + "\n"):
            return values
        return column(values)

    who_cell = cell(who)
    starts = column(pick(sessions), lambda label: f"{who_cell}{sep}{cell(tidy[label] or None)}")

    def place(key: tuple[str, str, str]) -> str:
        module, lesson_id, lesson, kind = _place(*key, index, lesson_quizzes)
        return sep.join(cell(value) for value in (module, lesson_id, lesson, key[0], kind))

    def asked(key: tuple[str, str, str]) -> str:
        quiz_id, question_id, qtype = key
        question = index.questions.get((quiz_id, question_id))
        return sep.join((cell(question_id), cell(question.prompt if question else None), cell(qtype)))

    chosen_quizzes = pick(quizzes)
    qtypes = list(map(dict.get, shown, repeat("qtype", count)))
    if set(map(type, qtypes)) != _STR:
        qtypes = list(map(_text, qtypes))
    wheres = _shared(list(zip(chosen_quizzes, pick(lessons), pick(modes))), places, place)
    whats = _shared(list(zip(chosen_quizzes, pick(questions), qtypes)), cell.asked, asked)
    chosen_stamps = pick(stamps)
    moments = list(map(str.replace, map(_FIRST_19, chosen_stamps), repeat("T", count), repeat(" ", count)))
    if not _PLAIN_TIMES.fullmatch("\n".join(moments) + "\n"):
        moments = [stamp[:10] + " " + stamp[11:19] for stamp in chosen_stamps]
        moments = [moment if _PLAIN_TIME.fullmatch(moment) else cell(moment) for moment in moments]
    confidences = list(map(dict.get, shown, repeat("confidence", count)))
    if confidences.count(None) == count:
        confidence_cells = [""] * count
    else:
        confidence_cells = [
            cell(value) if isinstance(value, int) and not isinstance(value, bool) else ""
            for value in confidences
        ]
    lines = map(
        sep.join,
        zip(
            starts,
            wheres,
            whats,
            column(pick(attempts)),
            texts_column(pick(sittings)),
            texts_column(pick(texts)),
            column(pick(correct), lambda right: "1" if right else "0"),
            _decimal_column(pick(scores), sep),
            column(pick(hints)),
            _decimals(pick(durations), sep),
            moments,
            confidence_cells,
        ),
    )
    return "\r\n".join(lines) + "\r\n", count


_FIRST_19 = itemgetter(slice(0, 19))
"""A canonical timestamp's date and time, before its fraction of a second."""


def _shared(keys: list[Any], made: dict[Any, str], make: Callable[[Any], str]) -> list[str]:
    """The cells of `keys`, from `made` (kept for the whole export), made once when missing."""
    found = list(map(made.get, keys))
    if None in found:
        for key in {key for key, cells in zip(keys, found, strict=True) if cells is None}:
            made[key] = make(key)
        found = list(map(made.__getitem__, keys))
    return found  # type: ignore[return-value]


def _decimal_column(values: Sequence[float], sep: str) -> list[str]:
    """`_decimals` of a column whose values repeat (scores): each distinct value formatted once."""
    distinct = list(set(values))
    made = dict(zip(distinct, _decimals(distinct, sep), strict=True))
    return list(map(made.__getitem__, values))


def _decimals(values: Sequence[float], sep: str) -> list[str]:
    """`_cell` of each float, `format_number` applied to the whole column at once (no number
    needs quoting: it holds no separator, quote or line break).

    Every number is written with three decimals, one a line, by one formatting; then each
    pass strips one zero ending a line (three passes: the three decimals at most; a line
    whose decimals are all gone ends with its point, which stops the next pass), and the
    point left alone goes, as `format_number`'s `rstrip("0").rstrip(".")`."""
    if not values:
        return []
    text = ("%.3f\n" * len(values)) % tuple(values)
    text = text.replace("0\n", "\n").replace("0\n", "\n").replace("0\n", "\n").replace(".\n", "\n")
    texts = (text.replace(".", ",") if sep == ";" else text).split("\n")
    texts.pop()  # after the last line's end
    if "" in texts or "-0" in texts:
        texts = ["0" if text in ("", "-0") else text for text in texts]
    return texts


def _quoted(text: str, sep: str) -> str:
    """`text` as `csv.writer` (QUOTE_MINIMAL, `"` quoting, "\\r\\n" lines) writes a cell."""
    if sep in text or '"' in text or "\r" in text or "\n" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _place(
    quiz_id: str, lesson_of: str, mode: str, index: CourseIndex, lesson_quizzes: set[str]
) -> tuple[str | None, str | None, str | None, str]:
    """Module title, lesson id and title, and kind of an answer's quiz: a module's test
    belongs to the module, not to its first lesson."""
    quiz = index.quizzes.get(quiz_id)
    kind = mode if mode != "quiz" else quiz.kind if quiz else "lesson"
    lesson_id = lesson_of if (quiz is None or quiz_id in lesson_quizzes) else ""
    lesson = index.lessons.get(lesson_id)
    module = index.modules.get(quiz.module if quiz else lesson.module if lesson else "")
    return (module.title if module else None, lesson_id or None, lesson.title if lesson else None, kind)


class _Cells:
    """`_cell` quoted as the CSV writer would, remembering the values already written
    (titles, prompts, ids, marks repeat on every row; `seen` may be read directly). True, 1
    and 1.0 share a key, and a cell: "1"."""

    def __init__(self, sep: str) -> None:
        self.sep = sep
        self.seen: dict[Cell, str] = {}
        self.asked: dict[tuple[str, str, str], str] = {}
        """(quiz, question, question type) → their three cells (the same for every learner)."""

    def __call__(self, value: Cell) -> str:
        safe = self.seen.get(value)
        if safe is None:
            safe = _quoted(_cell(value, self.sep), self.sep)
            if len(self.seen) < 100_000:  # bounded: free answer texts may all differ
                self.seen[value] = safe
        return safe


_AS_IS = re.compile(r"(?:[0-9A-Za-z\u00c0-\u00ff_#.:/ ]{0,200}\n)*")
"""Texts a cell shows as they are: no separator, quote, line break, control or bidi character,
nothing a spreadsheet reads as a formula, far under the cell's length limit."""
_PLAIN_TIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
"""A time as `_spreadsheet_time` writes it: nothing in it to quote or neutralise."""
_PLAIN_TIMES = re.compile(r"(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n)*")


def summary_csv(
    stream: TextIO, report: Report, index: CourseIndex, *, sep: str = ";", names: bool = False, salt: str = ""
) -> int:
    """One row per learner of `report` (the figures `atelier report` shows); the row count.

    Scores and rates are percentages (0 to 100); time is in minutes. Without names, rows
    are sorted by pseudonym so their order reveals nothing.
    """
    label = _labeller([{"id": x.id, "name": x.name} for x in report.learners], names, salt)
    tests = [
        (m, kind) for m in index.modules.values() for kind in ("pretest", "posttest") if getattr(m, kind)
    ]
    header = [t(_REPORTS_CSV_KEYS[column]) for column in SUMMARY_COLUMNS]
    header += [t("reports.csv.best_score", title=info.title) for info in index.lessons.values()]
    header += [t(_REPORTS_CSV_KEYS[kind], title=module.title) for module, kind in tests]

    def percent(ratio: float | None) -> float | None:
        return None if ratio is None else ratio * 100

    def test(found: Any) -> float | str | None:
        """The score of a finished test; a begun one says so rather than leave the cell empty."""
        if found is None:
            return None
        return percent(found.score) if found.complete else t("reports.test_incomplete")

    ordered = report.learners if names else sorted(report.learners, key=lambda x: label(x.id))
    rows = (
        [
            label(x.id),
            ", ".join(x.sessions),
            _spreadsheet_time(x.first),
            _spreadsheet_time(x.last),
            x.time_s / 60,
            len(x.lessons_done),
            x.lessons_total,
            percent(x.average_score),
            x.answers,
            x.correct,
            percent(x.success_rate),
            x.activities,
            x.hints_used,
            int(x.needs_help),
            *(percent(x.best_scores.get(lesson)) for lesson in index.lessons),
            *(
                test((x.pretests if kind == "pretest" else x.posttests).get(module.id))
                for module, kind in tests
            ),
        ]
        for x in ordered
    )
    return _write(stream, sep, header, rows)


def write_answers_csv(
    stream: TextIO,
    learners: Iterable[Mapping[str, Any]],
    answers: Iterable[Mapping[str, Any]],
    index: CourseIndex,
    **options: Any,
) -> int:
    """`answers_csv` over lists (an export file's learners and answers)."""
    return answers_csv(stream, memory_source(learners, answers), index, **options)


def write_summary_csv(
    stream: TextIO,
    learners: Iterable[Mapping[str, Any]],
    answers: Iterable[Mapping[str, Any]],
    index: CourseIndex,
    *,
    sep: str = ";",
    names: bool = False,
    salt: str = "",
    session: str | None = ALL,
    learner_ids: Collection[str] | None = None,
) -> int:
    """`summary_csv` of the report computed from lists."""
    report = compute_report(memory_source(learners, answers), index, session=session, learner_ids=learner_ids)
    return summary_csv(stream, report, index, sep=sep, names=names, salt=salt)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


_STR = {str}
