"""The measured-impact table (pre-test, post-test, gain, discernment) as one Rich renderable.

Used by `atelier report` and by the trainer's view in the app.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from course.i18n import t
from course.reports.impact import impact_rows, mean_gain
from course.reports.safe_text import safe_text


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)} %"


def _index(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}".replace(".", ",")


def impact_renderable(course: Any, learners: list[dict[str, Any]], answers: list[dict[str, Any]]) -> RenderableType | None:
    """The table, the group's mean gain and how to read discernment; None when no test was taken."""
    rows = impact_rows(course, answers)
    if not rows:
        return None
    names = {x["id"]: x["name"] for x in learners}
    titles = {m.id: m.title for m in course.modules}
    table = Table(title=t("impact.title"), title_justify="left", expand=False)
    for key in ("learner", "module", "pre", "post", "gain", "discernment"):
        table.add_column(t(f"impact.{key}"), justify="left" if key in ("learner", "module") else "right")
    for row in rows:
        gain = "—" if row.gain is None else f"{round(row.gain * 100):+d} pts"
        table.add_row(safe_text(names.get(row.learner, "?"), 12), safe_text(titles.get(row.module, row.module), 18),
                      _percent(row.pre), _percent(row.post), gain,
                      f"{_index(row.pre_discernment)} → {_index(row.post_discernment)}")
    parts: list[RenderableType] = [table]
    average = mean_gain(rows)
    if average is not None:
        parts.append(Text(t("impact.mean", gain=f"{round(average * 100):+d}",
                            count=sum(r.gain is not None for r in rows))))
    parts.append(Text(t("impact.discernment_help")))
    return Group(*parts)
