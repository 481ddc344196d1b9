"""Quiz dict → GIFT that Moodle's importer accepts, and that `read_gift` reads back equal.

Texts are Markdown in the course, so each question is marked `[markdown]` and
its answers and feedback inherit that format. Every text sits on one line with
GIFT escapes, so Moodle's line trimming and comment stripping never touch it.
"""

from __future__ import annotations

from typing import Any

from course.interchange import ExportResult, Notice, notice, question_title, slugify
from course.interchange.gift_reader import HINT_PREFIX, ORDER_MARK, PHP_SPACE
from course.interchange.rules import problem

_SPECIAL = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n"}
_ESCAPE_TABLE = str.maketrans(_SPECIAL)
MOODLE_WEIGHTS = (
    "100",
    "90",
    "83.33333",
    "80",
    "75",
    "70",
    "66.66667",
    "60",
    "50",
    "40",
    "33.33333",
    "30",
    "25",
    "20",
    "16.66667",
    "14.28571",
    "12.5",
    "11.11111",
    "10",
    "5",
)
"""Moodle's list of grades: any other weight may make its importer refuse the file."""


def escape(text: str) -> str:
    """A text on one line with GIFT's special characters escaped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_ESCAPE_TABLE)


def _field(text: str) -> str:
    """An answer or feedback text: escaped, protected from being read as a format or weight."""
    escaped = escape(text.strip(PHP_SPACE))
    return f"[markdown]{escaped}" if escaped[:1] in ("[", "%") else escaped


def _literal(text: str) -> str:
    """A text where Moodle would see a matching arrow or a short-answer wildcard.

    GIFT has no escape for `->` (Moodle keeps `-\\>` as typed): the arrow becomes `→`.
    `\\*` is Moodle's own way to accept a real asterisk in a short answer.
    """
    return _field(text).replace("->", "→").replace("*", "\\*")


def _weight(count: int) -> str:
    """100 / count written as Moodle lists it (33.33333, 12.5, 50…)."""
    return f"{100 / count:.5f}".rstrip("0").rstrip(".")


def _answers(question: dict[str, Any], title: str, notices: list[Notice]) -> list[str]:
    """The lines between the braces, without the general feedback."""
    kind = question["type"]
    if kind == "true_false":
        return ["TRUE" if question["answer"] else "FALSE"]
    if kind in ("single", "multiple"):
        right = [c for c in question["choices"] if c.get("correct") is True]
        weight = _weight(len(right))
        if kind == "multiple" and weight not in MOODLE_WEIGHTS:
            notices.append(notice("interchange.export.weights", title, count=len(right), weight=weight))
        lines = []
        for choice in question["choices"]:
            correct = choice.get("correct") is True
            mark = (
                ("=" if correct else "~") if kind == "single" else (f"~%{weight}%" if correct else "~%-100%")
            )
            feedback = str(choice.get("feedback") or "").strip(PHP_SPACE)
            lines.append(mark + _field(choice["text"]) + (f"#{_field(feedback)}" if feedback else ""))
        return lines
    if kind == "short":
        if any("->" in a or "*" in a for a in question["accept"]):
            notices.append(notice("interchange.export.literal", title))
        return [f"={_literal(answer)}" for answer in question["accept"]]
    if kind == "order":
        notices.append(notice("interchange.export.order", title))
        return [f"={n} -> {escape(item.strip(PHP_SPACE))}" for n, item in enumerate(question["items"], 1)]
    if any("->" in p["left"] for p in question["pairs"]):
        notices.append(notice("interchange.export.arrow", title))
    return [
        f"={_field(p['left']).replace('->', '→')} -> {escape(p['right'].strip(PHP_SPACE))}"
        for p in question["pairs"]
    ]


def write_question(question: dict[str, Any], notices: list[Notice]) -> str | None:
    """One question as a GIFT block, or None (with a notice) when it cannot be written."""
    title = question_title(question)
    kind = question.get("type")
    if kind not in ("single", "multiple", "true_false", "order", "match", "short"):
        notices.append(notice("interchange.export.unknown_type", title, skipped=True, type=kind))
        return None
    reason = problem(question)
    if reason:
        notices.append(notice("interchange.export.invalid", title, skipped=True, reason=reason))
        return None
    lines = [ORDER_MARK] if kind == "order" else []
    hints = [str(h) for h in question.get("hints") or [] if str(h).strip(PHP_SPACE)]
    if hints:
        notices.append(notice("interchange.export.hints", title))
        lines += [f"{HINT_PREFIX} {escape(hint.strip(PHP_SPACE))}" for hint in hints]
    name = slugify(str(question.get("id") or "")) or slugify(title) or "question"
    text = str(question.get("statement" if kind == "true_false" else "prompt"))
    lines.append(f"::{escape(name)}::[markdown]{escape(text.strip(PHP_SPACE))}{{")
    lines += [f"\t{line}" for line in _answers(question, title, notices)]
    explanation = str(question.get("explanation") or "").strip(PHP_SPACE)
    if explanation:
        lines.append(f"\t####{_field(explanation)}")
    lines.append("}")
    return "\n".join(lines)


def write_gift(quiz: dict[str, Any], header: list[str] | None = None) -> ExportResult:
    """A whole quiz as GIFT text, one block per question, with the notices."""
    result = ExportResult("")
    blocks = ["\n".join(f"// {' '.join(line.split())}" for line in header)] if header else []
    for question in quiz.get("questions") or []:
        if not isinstance(question, dict):
            result.notices.append(
                notice("interchange.export.unknown_type", "?", skipped=True, type=type(question).__name__)
            )
            continue
        block = write_question(question, result.notices)
        if block is not None:
            blocks.append(block)
            result.exported += 1
    result.text = "\n\n".join(blocks) + "\n"
    return result
