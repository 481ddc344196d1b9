"""The report as plain JSON data, for tools: the model's fields plus its derived totals.

Text from people is sent through `clean_terminal` (no control or bidi character reaches
a JSON consumer); numbers stay numbers (ratios 0..1, durations in seconds).
"""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from typing import Any

from course.reports.model import Report
from course.text.safe import clean_terminal

FORMAT = "atelier-report"
VERSION = 1


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if isinstance(value, dict):
        return {clean_terminal(str(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, frozenset, set)):
        items = [_plain(v) for v in value]
        return sorted(items) if isinstance(value, (frozenset, set)) else items
    if isinstance(value, str):
        return clean_terminal(value) if value else value
    return value


def report_to_dict(report: Report) -> dict[str, Any]:
    data = _plain(report)
    data["totals"] = {
        "people": report.people,
        "answers": report.answers,
        "correct": report.correct,
        "success_rate": report.success_rate,
        "time_s": report.time_s,
        "lessons_completed": report.lessons_completed,
        "pass_rate": report.pass_rate,
        "sessions": report.session_count,
    }
    for learner, figures in zip(data["learners"], report.learners, strict=True):
        learner.update(success_rate=figures.success_rate, progress=figures.progress, level=figures.level)
    return {"format": FORMAT, "version": VERSION, **data}
