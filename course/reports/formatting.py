"""Figures as people read them, shared by every view of the report (terminal, HTML, CSV): no Rich."""

from __future__ import annotations

from datetime import datetime

from course.i18n import t

_PARTIAL = " ▏▎▍▌▋▊▉"
_FULL = "█"
_EMPTY = "░"


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


def local_time(timestamp: str | None) -> str:
    """ "2026-11-24T14:03:05.000000Z" → "24/11 15:03" in the machine's time zone."""
    if not timestamp:
        return t("reports.none")
    moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00")).astimezone()
    return moment.strftime("%d/%m %H:%M")
