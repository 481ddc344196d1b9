"""Measured impact, read from the report model: rows per learner and module, the group's gain.

The figures themselves (first complete sitting of each test, paired interval) are
computed once, in `course.reports.compute`; this module only selects from them.
"""

from __future__ import annotations

from collections.abc import Iterable

from course.reports.model import ImpactRow, ModuleImpact, Report
from course.reports.stats import discernment_index

__all__ = ["ImpactRow", "discernment_index", "impact_rows", "mean_gain", "module_impact"]


def impact_rows(report: Report, module: str | None = None) -> list[ImpactRow]:
    return [row for row in report.impact_rows if module is None or row.module == module]


def module_impact(report: Report, module: str) -> ModuleImpact | None:
    return next((m for m in report.impact if m.module == module), None)


def mean_gain(rows: Iterable[ImpactRow]) -> float | None:
    gains = [r.gain for r in rows if r.gain is not None]
    return sum(gains) / len(gains) if gains else None
