"""The trainer's report in the terminal: Rich tables and bars, 80 columns wide.

It only reads a `Report` (course.reports.model), as the F9 screen does. Every text
that comes from a person goes through `safe_text`/`clean_terminal`, so it is
printed literally. Bars carry their value in block characters and a percentage,
never in colour alone; a learner who needs help is marked with a word, not a colour.
"""

from __future__ import annotations

from typing import Any, Literal, TextIO

from rich.cells import cell_len, set_cell_size
from rich.console import Console, Group, RenderableType
from rich.control import strip_control_codes
from rich.text import Text

from course.i18n import t
from course.learning.scoring import DEFAULT_PASS_RATIO
from course.reports.formatting import bar, format_duration, local_time, percent
from course.reports.model import ItemFigures, LearnerFigures, Report
from course.terminal.impact_view import impact_parts
from course.terminal.rich_text import safe_text
from course.text.safe import clean_terminal

_REPORTS_FLAG_KEYS = {
    "easy": "reports.flag.easy",
    "hard": "reports.flag.hard",
    "negative": "reports.flag.negative",
}

NAME_WIDTH = 18
PROMPT_LENGTH = 60
SortKey = Literal["name", "score", "progress"]


def _bar_cell(ratio: float | None, width: int) -> Text:
    if ratio is None:
        return Text(t("reports.not_started"), style="dim")
    text = Text(
        bar(ratio, width),
        style="green" if ratio >= DEFAULT_PASS_RATIO else "yellow" if ratio >= 0.4 else "red",
    )
    text.append(" " + percent(ratio).rjust(5))
    return text


def _name(learner: LearnerFigures) -> Text:
    text = Text("! " if learner.needs_help else "  ", style="bold")
    if learner.name.strip():
        text.append_text(safe_text(learner.name, NAME_WIDTH - 2))
    else:
        text.append(t("reports.unknown_learner"), style="italic")
    return text


def _tests_plain(learner: LearnerFigures) -> str:
    pre = list(learner.pretests.values())
    post = list(learner.posttests.values())
    if not pre and not post:
        return t("reports.none")

    def show(found: list) -> str:  # type: ignore[type-arg]
        done = [x.score for x in found if x.complete]
        if done:
            return percent(sum(done) / len(done))
        return t("reports.test_incomplete") if found else t("reports.none")

    return f"{show(pre)} → {show(post)}"


def _tests(learner: LearnerFigures) -> Text:
    return Text(_tests_plain(learner))


def sort_learners(learners: tuple[LearnerFigures, ...], key: SortKey) -> list[LearnerFigures]:
    """By name, or weakest first (score, then progress): those who need help come first."""
    if key == "score":
        return sorted(learners, key=lambda x: (x.level is None, x.level or 0.0, x.name.casefold()))
    if key == "progress":
        return sorted(learners, key=lambda x: (x.progress, x.level or 0.0, x.name.casefold()))
    return list(learners)


def _cell(value: Text | str, width: int, right: bool = False) -> Text:
    """`value` cut (…) or padded to exactly `width` terminal cells."""
    text = value.copy() if isinstance(value, Text) else Text(value)
    text.truncate(width, overflow="ellipsis")
    gap = " " * (width - text.cell_len)
    return Text(gap) + text if right else text + gap


def _fit(text: str, width: int, right: bool = False) -> str:
    """`_cell` of a plain string, as a string: the same characters, without a `Text`."""
    length = cell_len(text)
    if length > width:
        text = set_cell_size(text, width - 1) + "…"
        length = cell_len(text)
    gap = " " * (width - length)
    return gap + text if right else text + gap


def _short(text: str, max_cells: int) -> str:
    """`Text.truncate(max_cells, overflow="ellipsis")` of a plain string."""
    return set_cell_size(text, max_cells - 1) + "…" if cell_len(text) > max_cells else text


def _name_plain(learner: LearnerFigures) -> str:
    """`_name(learner).plain`."""
    if learner.name.strip():
        name = _short(strip_control_codes(clean_terminal(learner.name)), NAME_WIDTH - 2)
    else:
        name = t("reports.unknown_learner")
    return ("! " if learner.needs_help else "  ") + name


def _bar_plain(ratio: float | None, width: int) -> str:
    """`_bar_cell(ratio, width).plain`."""
    if ratio is None:
        return t("reports.not_started")
    return bar(ratio, width) + " " + percent(ratio).rjust(5)


def _plain_lines(heading: str, columns: list[tuple[str, int, bool]], rows: list[list[str]]) -> str:
    """`fixed_lines(heading, columns, rows).plain`, built as plain strings (a file or a pipe)."""
    lines = [
        strip_control_codes(heading),
        "  ".join(_fit(strip_control_codes(name), width, right) for name, width, right in columns),
        "─" * (sum(w for _, w, _ in columns) + 2 * (len(columns) - 1)),
    ]
    fits = [(width, right) for _, width, right in columns]
    for row in rows:
        lines.append(
            "  ".join(
                _fit(strip_control_codes(value), width, right)
                for value, (width, right) in zip(row, fits, strict=True)
            )
        )
    return "\n".join(lines)


class FixedLines(Text):
    """Lines already cut to their cells (under 80): written as they are to a file or a pipe."""


def fixed_lines(
    heading: str, columns: list[tuple[str, int, bool]], rows: list[list[Text | str]]
) -> FixedLines:
    """A table as plain lines of fixed-width cells (at most 78, so F9 shows them beside its
    scroll bar): as readable as a Rich table, and cheap enough for a thousand learners (a
    Rich table measures every cell twice)."""
    out = FixedLines()
    out.append(heading + "\n", style="bold")
    out.append_text(Text("  ").join(_cell(name, width, right) for name, width, right in columns))
    out.append("\n" + "─" * (sum(w for _, w, _ in columns) + 2 * (len(columns) - 1)))
    for row in rows:
        out.append("\n")
        out.append_text(
            Text("  ").join(
                _cell(value, width, right) for value, (_, width, right) in zip(row, columns, strict=True)
            )
        )
    return out


def _learner_columns() -> list[tuple[str, int, bool]]:
    return [
        (t("reports.col.learner"), NAME_WIDTH, False),
        (t("reports.col.lessons"), 6, True),
        (t("reports.col.average"), 14, False),
        (t("reports.col.tests"), 14, False),
        (t("reports.col.activities"), 6, True),
        (t("reports.col.time"), 10, True),
    ]


def _learner_rows(report: Report, sort: SortKey, plain: bool) -> list[list[Any]]:
    """The learners table's cells: `Text` for the screen, or their plain strings (`plain`)."""
    name, bar_cell, tests = (_name_plain, _bar_plain, _tests_plain) if plain else (_name, _bar_cell, _tests)
    return [
        [
            name(x),
            f"{len(x.lessons_done)}/{x.lessons_total}",
            bar_cell(x.average_score, 8),
            tests(x),
            str(x.activities),
            format_duration(x.time_s),
        ]
        for x in sort_learners(report.learners, sort)
    ]


def learners_table(report: Report, sort: SortKey = "name") -> FixedLines:
    """One line per learner: lessons done, average score (bar and number), tests, activities, time."""
    return fixed_lines(t("reports.learners_heading"), _learner_columns(), _learner_rows(report, sort, False))


def learners_lines(report: Report, sort: SortKey = "name") -> str:
    """`learners_table(report, sort).plain`, built as plain strings."""
    return _plain_lines(t("reports.learners_heading"), _learner_columns(), _learner_rows(report, sort, True))


def _attendance_columns() -> list[tuple[str, int, bool]]:
    return [
        (t("reports.col.session"), 17, False),
        (t("reports.col.learner"), NAME_WIDTH, False),
        (t("reports.col.first"), 11, False),
        (t("reports.col.last"), 13, False),
        (t("reports.col.duration"), 10, True),
    ]


def _attendance_rows(report: Report, plain: bool) -> list[list[Any]]:
    """Who came to each session, first and last moment seen, and for how long."""
    name = _name_plain if plain else _name
    names = {x.id: x for x in report.learners}
    rows: list[list[Any]] = []
    for session in report.sessions:
        label = clean_terminal(session.label) if session.label else t("reports.no_session")
        for learner_id in session.learners:
            learner = names[learner_id]
            visit = next(v for v in learner.visits if v.session == session.label)
            rows.append(
                [
                    label,
                    name(learner),
                    local_time(visit.first),
                    local_time(visit.last),
                    format_duration(visit.duration_s),
                ]
            )
            label = ""
    return rows


def attendance_table(report: Report) -> FixedLines:
    """Who came to each session, first and last moment seen, and for how long."""
    return fixed_lines(
        t("reports.attendance_heading"), _attendance_columns(), _attendance_rows(report, False)
    )


def attendance_lines(report: Report) -> str:
    """`attendance_table(report).plain`, built as plain strings."""
    return _plain_lines(
        t("reports.attendance_heading"), _attendance_columns(), _attendance_rows(report, True)
    )


def _item_line(item: ItemFigures) -> Text:
    flags = ", ".join(t(_REPORTS_FLAG_KEYS[flag]) for flag in item.flags)
    line = Text("• ")
    line.append_text(safe_text(item.prompt, PROMPT_LENGTH))
    line.append(f"\n  {t('reports.item_figures', facility=percent(item.facility), n=item.answers)}")
    if item.discrimination is not None:
        line.append(
            " · " + t("reports.item_discrimination", value=f"{item.discrimination:+.2f}".replace(".", ","))
        )
    line.append(f" — {flags}", style="bold")
    if item.wrong:
        text, share = item.wrong[0]
        line.append("\n  " + t("reports.item_wrong", text=clean_terminal(text, 40), share=percent(share)))
    return line


def items_block(report: Report) -> list[RenderableType]:
    flagged = [item for item in report.items if item.flags]
    parts: list[RenderableType] = [Text(t("reports.items_heading"), style="bold")]
    if not flagged:
        parts.append(Text(t("reports.items_none", count=report.min_answers), style="dim"))
    parts += [_item_line(item) for item in flagged]
    return parts


def summary_line(report: Report) -> Text:
    if not report.answers:
        return Text(t("reports.summary_empty", learners=len(report.learners)))
    return Text(
        t(
            "reports.summary",
            people=report.people,
            answers=report.answers,
            rate=percent(report.success_rate or 0.0),
            time=format_duration(report.time_s),
        )
    )


def _parts(report: Report, sort: SortKey, plain: bool) -> list[RenderableType | str]:
    """The report's parts, in order; with `plain`, the long tables as their plain lines (str)."""
    title = Text(t("reports.title", title=clean_terminal(report.title)), style="bold")
    if report.session is not None:
        scope = Text(t("reports.session", session=clean_terminal(report.session) or t("reports.no_session")))
    else:
        scope = Text(t("reports.all_sessions", count=report.session_count))
    parts: list[RenderableType | str] = [title, scope, summary_line(report), Text()]
    if not report.learners:
        parts.append(Text(t("reports.no_learners")))
        return parts
    parts += [learners_lines(report, sort) if plain else learners_table(report, sort)]
    if any(x.needs_help for x in report.learners):
        parts.append(Text(t("reports.help_note", level=percent(report.help_below))))
    parts.append(Text())
    if report.sessions:
        parts += [attendance_lines(report) if plain else attendance_table(report), Text()]
    impact = impact_parts(report, plain)
    if impact:
        parts += [*impact, Text()]
    if report.lessons:
        parts.append(Text(t("reports.lessons_heading"), style="bold"))
        for lesson in report.lessons:
            line = Text("• ")
            line.append_text(safe_text(lesson.title, 40))
            line.append(" — " + t("reports.lesson_progress", done=lesson.done, started=lesson.started))
            if lesson.mean_best is not None:
                line.append(" · " + t("reports.lesson_mean", score=percent(lesson.mean_best)))
            parts.append(line)
        parts.append(Text())
    if report.items:
        parts += items_block(report)
    return parts


def build_report(report: Report, sort: SortKey = "name") -> Group:
    """The whole report as one Rich renderable (the F9 screen shows the same one)."""
    return Group(*_parts(report, sort, False))


def render_report(report: Report, out: TextIO | Console, sort: SortKey = "name") -> None:
    """Print the report to a Rich console, or to a text stream (80 columns if not a terminal)."""
    if isinstance(out, Console):
        console = out
    else:
        tty = hasattr(out, "isatty") and out.isatty()
        console = Console(file=out, highlight=False, width=None if tty else 80, no_color=not tty)
        if not tty:  # a file or a pipe: the long tables' lines are written as they are
            for part in _parts(report, sort, True):
                if isinstance(part, str):
                    out.write(part + "\n")
                else:
                    console.print(part, highlight=False)
            return
    console.print(build_report(report, sort), highlight=False)
