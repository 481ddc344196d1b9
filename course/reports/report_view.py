"""The trainer's report in the terminal: Rich tables and bars, 80 columns wide.

Every text that comes from a person (learner names, lesson titles, prompts,
answers) goes through `safe_text`, so it is printed literally: no control
sequence reaches the terminal and no Rich markup is interpreted. Bars carry
their value in block characters and in a percentage, never in colour alone.
"""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from course.i18n import t
from course.reports.safe_text import clean_terminal, safe_text
from course.reports.stats import LearnerStats, LessonStats, ReportStats

_PARTIAL = " ▏▎▍▌▋▊▉"
_FULL = "█"
_EMPTY = "░"
NAME_WIDTH = 22
PROMPT_LENGTH = 90
ANSWER_LENGTH = 40


def percent(ratio: float) -> str:
    """`ratio` (0..1) as a rounded percentage in the current language ("85 %")."""
    return t("reports.percent", value=int(ratio * 100 + 0.5))


def bar(ratio: float, width: int = 10) -> str:
    """A bar of `width` cells, in eighths of a cell, on a visible track."""
    ratio = min(max(ratio, 0.0), 1.0)
    eighths = int(ratio * width * 8 + 0.5)
    full, part = divmod(eighths, 8)
    cells = _FULL * full + (_PARTIAL[part] if part else "")
    return cells + _EMPTY * (width - len(cells))


def format_duration(seconds: float) -> str:
    """A duration as people say it: "45 s", "12 min", "1 h 05 min"."""
    total = int(max(seconds, 0.0) + 0.5)
    if total < 60:
        return t("reports.time.seconds", seconds=total)
    minutes = (total + 30) // 60
    if minutes < 60:
        return t("reports.time.minutes", minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    return t("reports.time.hours", hours=hours, minutes=minutes)


def _style(ratio: float) -> str:
    if ratio >= 0.7:
        return "green"
    return "yellow" if ratio >= 0.4 else "red"


def _bar_cell(ratio: float | None, width: int) -> Text:
    if ratio is None:
        return Text(t("reports.not_started"), style="dim")
    text = Text(bar(ratio, width), style=_style(ratio))
    text.append(" " + percent(ratio).rjust(5))
    return text


def _header(label_key: str) -> Text:
    return Text(t(label_key))


def _learner_name(learner: LearnerStats) -> Text:
    if not learner.name.strip():
        return Text(t("reports.unknown_learner"), style="italic")
    return safe_text(learner.name, NAME_WIDTH)


def learners_table(stats: ReportStats) -> Table:
    """One row per learner: lessons done, average score with a bar, success, time."""
    table = Table(
        title=Text(t("reports.learners_heading"), style="bold"), title_justify="left",
        box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False,
    )
    table.add_column(_header("reports.col.learner"), max_width=NAME_WIDTH, overflow="fold")
    table.add_column(_header("reports.col.lessons"), justify="right", no_wrap=True)
    table.add_column(_header("reports.col.average"), no_wrap=True)
    table.add_column(_header("reports.col.success"), justify="right", no_wrap=True)
    table.add_column(_header("reports.col.time"), justify="right", no_wrap=True)
    for learner in stats.learners:
        table.add_row(
            _learner_name(learner),
            Text(f"{len(learner.lessons_done)}/{learner.lessons_total}"),
            _bar_cell(learner.average_score, 10),
            Text(percent(learner.success_rate) if learner.success_rate is not None
                 else t("reports.none")),
            Text(format_duration(learner.time_spent_s)),
        )
    return table


def _wrong_cell(text: str | None, count: int) -> Text:
    if text is None:
        return Text(t("reports.none"))
    return Text(t("reports.wrong_answer", text=clean_terminal(text, ANSWER_LENGTH),
                  count=count))


def lesson_table(lesson: LessonStats) -> Table:
    """The hardest questions of a lesson, with a success bar and the frequent mistake."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(_header("reports.col.question"), overflow="fold")
    table.add_column(_header("reports.col.success"), no_wrap=True)
    table.add_column(_header("reports.col.answers"), justify="right", no_wrap=True)
    table.add_column(_header("reports.col.wrong"), overflow="fold")
    for question in lesson.hardest:
        table.add_row(
            safe_text(question.prompt, PROMPT_LENGTH),
            _bar_cell(question.success_rate, 8),
            Text(str(question.answers)),
            _wrong_cell(question.wrong_answer, question.wrong_count),
        )
    return table


def _lesson_block(lesson: LessonStats, min_answers: int) -> list[RenderableType]:
    title = clean_terminal(lesson.title)
    module = clean_terminal(lesson.module_title)
    heading = Text(
        t("reports.lesson_heading", title=title, module=module) if module else title,
        style="bold")
    progress = Text(t("reports.lesson_progress", done=lesson.learners_done,
                      started=lesson.learners_started))
    if not lesson.hardest:
        return [heading, progress,
                Text(t("reports.no_hard_questions", count=min_answers), style="dim"), Text()]
    return [heading, progress, lesson_table(lesson), Text()]


def summary_line(stats: ReportStats) -> Text:
    """One sentence: how many learners and answers, the success rate, the time."""
    if stats.success_rate is None:
        return Text(t("reports.summary_empty", learners=len(stats.learners)))
    return Text(t("reports.summary", learners=len(stats.learners), answers=stats.answers,
                  rate=percent(stats.success_rate), time=format_duration(stats.time_spent_s)))


def build_report(stats: ReportStats) -> Group:
    """The whole report as one Rich renderable (also usable inside a Textual widget)."""
    title = Text(t("reports.title", title=clean_terminal(stats.title)), style="bold")
    if stats.session is not None:
        scope = Text(t("reports.session", session=clean_terminal(stats.session)))
    else:
        scope = Text(t("reports.all_sessions", count=len(stats.sessions)))
    parts: list[RenderableType] = [title, scope, summary_line(stats), Text()]
    if not stats.learners:
        parts.append(Text(t("reports.no_learners")))
        return Group(*parts)
    parts += [learners_table(stats), Text()]
    if not stats.answers:
        parts.append(Text(t("reports.no_answers")))
        return Group(*parts)
    parts.append(Text(t("reports.lessons_heading"), style="bold underline"))
    parts.append(Text())
    for lesson in stats.lessons:
        parts += _lesson_block(lesson, stats.min_answers)
    return Group(*parts)


def render_report(stats: ReportStats, out: TextIO | Console) -> None:
    """Print the report to a Rich console, or to a text stream (80 columns if not a terminal)."""
    if isinstance(out, Console):
        console = out
    else:
        tty = hasattr(out, "isatty") and out.isatty()
        console = Console(file=out, highlight=False, width=None if tty else 80)
    console.print(build_report(stats), highlight=False)
