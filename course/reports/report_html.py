"""The summary a funder can read: one self-contained HTML file (inline CSS and SVG, no link).

It shows the same figures as `atelier report`, read from the same `Report`: people,
sessions with dates and durations, lessons completed, pass rate, the pre→post gain
per module with its paired 95 % interval, the tests left unfinished, item analysis.
People appear under pseudonyms unless names are asked for. Every text is escaped.
"""

from __future__ import annotations

from html import escape

from course.i18n import t
from course.reports.formatting import format_duration, percent
from course.reports.model import ModuleImpact, Report
from course.text.safe import clean_terminal, pseudonym

_REPORTS_FLAG_KEYS = {
    "easy": "reports.flag.easy",
    "hard": "reports.flag.hard",
    "negative": "reports.flag.negative",
}
_REPORTS_KIND_KEYS = {
    "lesson": "reports.kind.lesson",
    "posttest": "reports.kind.posttest",
    "pretest": "reports.kind.pretest",
}

_STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
.figures{display:flex;flex-wrap:wrap;gap:1rem}.figure{border:1px solid #bbb;border-radius:.4rem;padding:.6rem 1rem}
.figure b{display:block;font-size:1.6rem}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}td.n{text-align:right}
svg text{font-size:12px;font-family:system-ui,sans-serif}
"""


def _e(text: object) -> str:
    return escape(clean_terminal(text), quote=True)


def _date(timestamp: str | None) -> str:
    return f"{timestamp[8:10]}/{timestamp[5:7]}/{timestamp[:4]} {timestamp[11:16]} UTC" if timestamp else "—"


def _ratio(value: float | None) -> str:
    return "—" if value is None else percent(value)


def _points(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100):+d}"


def gain_chart(modules: tuple[ModuleImpact, ...]) -> str:
    """Horizontal bars of each module's mean gain (−100..+100 points) with its interval."""
    shown = [m for m in modules if m.mean_gain is not None]
    if not shown:
        return ""
    width, left, row = 640, 220, 28
    height = row * len(shown) + 30
    scale = (width - left - 20) / 200  # pixels per point, from −100 to +100

    def x(value: float) -> float:
        return left + (value * 100 + 100) * scale

    parts = [
        f'<svg role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f'<line x1="{x(0):.1f}" y1="0" x2="{x(0):.1f}" y2="{height - 20}" stroke="#555"/>',
    ]
    for i, module in enumerate(shown):
        y = i * row + 6
        gain = module.mean_gain or 0.0
        start, end = sorted((x(0), x(gain)))
        parts.append(f'<text x="0" y="{y + 14}">{_e(clean_terminal(module.title, 30))}</text>')
        parts.append(
            f'<rect x="{start:.1f}" y="{y}" width="{max(end - start, 1):.1f}" height="18" '
            f'fill="{"#2e7d32" if gain >= 0 else "#c62828"}"/>'
        )
        if module.ci_low is not None and module.ci_high is not None:
            low, high = x(max(module.ci_low, -1.0)), x(min(module.ci_high, 1.0))
            parts.append(
                f'<line x1="{low:.1f}" y1="{y + 9}" x2="{high:.1f}" y2="{y + 9}" stroke="#000" '
                f'stroke-width="2"/>'
            )
        parts.append(f'<text x="{end + 4:.1f}" y="{y + 14}">{_points(gain)} pts</text>')
    for value in (-1.0, -0.5, 0.0, 0.5, 1.0):
        parts.append(f'<text x="{x(value) - 10:.1f}" y="{height - 4}">{_points(value)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _gain_table(modules: tuple[ModuleImpact, ...]) -> str:
    """Each module's mean scores before and after, its gain and the gain's interval."""
    out = [
        "<table><tr>"
        + "".join(
            f"<th>{_e(t(k))}</th>" for k in ("impact.module", "impact.pre", "impact.post", "impact.gain")
        )
        + "<th>IC 95 %</th><th>n</th></tr>"
    ]
    for module in modules:
        interval = (
            f"{_points(module.ci_low)} … {_points(module.ci_high)}" if module.ci_low is not None else "—"
        )
        out.append(
            f"<tr><td>{_e(module.title)}</td><td class=n>{_ratio(module.mean_pre)}</td>"
            f"<td class=n>{_ratio(module.mean_post)}</td><td class=n>{_points(module.mean_gain)}</td>"
            f"<td class=n>{_e(interval)}</td><td class=n>{module.pairs}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)


def report_html(report: Report, *, names: bool = False, salt: str = "") -> str:
    """The whole page, as a string (write it as UTF-8)."""
    people = {x.id: x for x in report.learners}

    def who(learner_id: str) -> str:
        learner = people.get(learner_id)
        return _e(learner.name) if names and learner and learner.name else _e(pseudonym(learner_id, salt))

    out = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        f"<title>{_e(t('reports.html.title', title=report.title))}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(t('reports.html.title', title=report.title))}</h1>",
    ]
    scope = (
        t("reports.session", session=report.session)
        if report.session is not None
        else t("reports.all_sessions", count=report.session_count)
    )
    out.append(f'<p>{_e(scope)}</p><div class="figures">')
    for label, value in (
        (t("reports.html.people"), str(report.people)),
        (t("reports.html.sessions"), str(report.session_count)),
        (t("reports.html.lessons_completed"), str(report.lessons_completed)),
        (t("reports.html.pass_rate"), _ratio(report.pass_rate)),
    ):
        out.append(f'<div class="figure"><b>{_e(value)}</b>{_e(label)}</div>')
    out.append("</div>")

    out.append(f"<h2>{_e(t('reports.html.gain_heading'))}</h2><p>{_e(t('reports.html.gain_caption'))}</p>")
    if report.impact:
        out.append(gain_chart(report.impact))
        out.append(_gain_table(report.impact))
    else:  # headers alone would read as a broken table
        out.append(f"<p>{_e(t('reports.html.no_gain'))}</p>")

    out.append(
        f"<h2>{_e(t('reports.html.sessions_heading'))}</h2><table><tr>"
        + "".join(
            f"<th>{_e(t(k))}</th>"
            for k in (
                "reports.col.session",
                "reports.col.first",
                "reports.col.last",
                "reports.col.duration",
                "reports.html.people",
            )
        )
        + "</tr>"
    )
    for session in report.sessions:
        label = session.label or t("reports.no_session")
        out.append(
            f"<tr><td>{_e(label)}</td><td>{_date(session.first)}</td><td>{_date(session.last)}</td>"
            f"<td class=n>{_e(format_duration(session.duration_s))}</td>"
            f"<td class=n>{len(session.learners)}</td></tr>"
        )
    out.append("</table>")

    out.append(f"<h2>{_e(t('reports.html.incomplete_heading'))}</h2>")
    unfinished = [(m, i) for m in report.impact for i in m.incomplete]
    if unfinished:
        out.append("<ul>" + "".join(f"<li>{who(i)} — {_e(m.title)}</li>" for m, i in unfinished) + "</ul>")
    else:
        out.append(f"<p>{_e(t('reports.html.none'))}</p>")

    out.append(
        f"<h2>{_e(t('reports.html.items_heading'))}</h2><table><tr>"
        + "".join(
            f"<th>{_e(t(k))}</th>"
            for k in (
                "reports.col.question",
                "reports.html.facility",
                "reports.html.discrimination",
                "reports.col.answers",
                "reports.html.flags",
            )
        )
        + "</tr>"
    )
    for item in report.items:
        flags = ", ".join(t(_REPORTS_FLAG_KEYS[f]) for f in item.flags)
        discrimination = "—" if item.discrimination is None else f"{item.discrimination:+.2f}"
        out.append(
            f"<tr><td>{_e(t(_REPORTS_KIND_KEYS[item.kind]))} · {_e(clean_terminal(item.prompt, 90))}</td>"
            f"<td class=n>{_ratio(item.facility)}</td><td class=n>{discrimination}</td>"
            f"<td class=n>{item.answers}</td><td>{_e(flags)}</td></tr>"
        )
    out.append("</table></body></html>\n")
    return "\n".join(out)
