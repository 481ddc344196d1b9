"""The measured-impact table (pre-test, post-test, gain, discernment) as Rich renderables.

Read from the report model, by `atelier report` and by the F9 screen alike.
"""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.text import Text

from course.i18n import t
from course.reports.model import ModuleImpact, Report
from course.terminal.rich_text import safe_text
from course.text.safe import clean_terminal


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)} %"


def _index(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}".replace(".", ",")


def _points(value: float) -> str:
    return f"{round(value * 100):+d}"


def module_line(module: ModuleImpact, names: dict[str, str]) -> Text:
    """A module's mean gain with its paired 95 % interval, and who has an unfinished test."""
    title = clean_terminal(module.title, 30)
    if module.mean_gain is None:
        line = Text(t("impact.module_no_pairs", module=title))
    elif module.ci_low is None or module.ci_high is None:
        line = Text(
            t("impact.module_gain_one", module=title, gain=_points(module.mean_gain), count=module.pairs)
        )
    else:
        line = Text(
            t(
                "impact.module_gain",
                module=title,
                gain=_points(module.mean_gain),
                count=module.pairs,
                low=_points(module.ci_low),
                high=_points(module.ci_high),
            )
        )
    if module.incomplete:
        who = ", ".join(clean_terminal(names.get(i, "?"), 16) for i in module.incomplete)
        line.append("\n  " + t("impact.incomplete", names=who, count=len(module.incomplete)))
    if module.pre_only:
        line.append("\n  " + t("impact.pre_only", count=len(module.pre_only)))
    return line


def impact_parts(report: Report, plain: bool = False) -> list[RenderableType | str]:
    """The table, each module's gain and how to read discernment ([] when no test was taken);
    with `plain`, the table as its plain lines (a str, for a file or a pipe)."""
    from course.terminal.report_view import _plain_lines, fixed_lines

    if not report.impact:
        return []
    names = {x.id: x.name for x in report.learners}
    columns = [
        (t("impact.learner"), 14, False),
        (t("impact.module"), 17, False),
        (t("impact.pre"), 7, True),
        (t("impact.post"), 7, True),
        (t("impact.gain"), 8, True),
        (t("impact.discernment"), 15, True),
    ]
    text = clean_terminal if plain else safe_text
    rows: list[list[Any]] = []
    for row in report.impact_rows:
        gain = "—" if row.gain is None else f"{_points(row.gain)} pts"
        rows.append(
            [
                text(names.get(row.learner, "?")),
                text(report.module_titles.get(row.module, row.module)),
                _percent(row.pre),
                _percent(row.post),
                gain,
                f"{_index(row.pre_discernment)} → {_index(row.post_discernment)}",
            ]
        )
    parts: list[RenderableType | str] = []
    if rows:
        lines = _plain_lines if plain else fixed_lines
        parts.append(lines(t("impact.title"), columns, rows))
    parts += [module_line(module, names) for module in report.impact]
    parts.append(Text(t("impact.discernment_help")))
    return parts
