"""Quiz interchange with Moodle: GIFT and Aiken, to and from the quiz YAML format.

Everything works on plain dicts shaped like a quiz file once `yaml.safe_load`-ed
(DESIGN §4). Whatever a format cannot carry becomes a `Notice`, so nothing is
ever dropped without the trainer being told. This module holds what the readers
and writers share (notices, results, ids, text helpers); it imports nothing heavy.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from course.content import leftovers
from course.i18n import t

PLACEHOLDER_EXPLANATION = leftovers.PLACEHOLDER_EXPLANATION  # validate warns while it is left
"""Put where a format has no general feedback: the app requires an explanation."""

_TRANSLIT = str.maketrans(
    {
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
        "ß": "ss",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
    }
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def slugify(text: str, max_length: int = 60) -> str:
    """A lowercase ascii slug with dashes (`Qu'est-ce ?` → `qu-est-ce`), cut at a dash."""
    plain = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    ascii_text = plain.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug.strip("-")


def one_line(text: str, limit: int = 60) -> str:
    """Text on one line, without control characters, shortened for a notice or comment."""
    joined = " ".join(_CONTROL.sub(" ", text).split())
    return joined if len(joined) <= limit else joined[: limit - 1].rstrip() + "…"


_HTML_TAG = re.compile(
    r"</?(?:a|b|blockquote|br|code|div|em|h[1-6]|hr|i|img|li|ol|p|pre|span|"
    r"strong|sub|sup|table|td|th|tr|u|ul)\b[^<>]*>",
    re.IGNORECASE,
)
_HTML_RULES = [
    (re.compile(pattern, re.IGNORECASE | re.DOTALL), replacement)
    for pattern, replacement in (
        (r"<(script|style)\b.*?</\1\s*>", ""),
        (r"\s+", " "),
        (r"<br\s*/?>", "\n"),
        (r"</?(?:p|div|h[1-6]|ul|ol|pre|blockquote|table|tr|hr)\b[^<>]*>", "\n\n"),
        (r"<li\b[^<>]*>", "\n- "),
        (r"<(b|strong)\b[^<>]*>(.*?)</\1\s*>", lambda m: _emphasis(m.group(2), "**")),
        (r"<(i|em)\b[^<>]*>(.*?)</\1\s*>", lambda m: _emphasis(m.group(2), "*")),
        (r"</?code\b[^<>]*>", "`"),
        (r"<a\b[^<>]*?href=[\"']([^\"']*)[\"'][^<>]*>(.*?)</a\s*>", r"[\2](\1)"),
        (r"<img\b[^<>]*?alt=[\"']([^\"']*)[\"'][^<>]*>", r"\1"),
        (r"</?[a-z][^<>]*>", ""),
        (r"[ \t]*\n[ \t]*", "\n"),
        (r"\n{3,}", "\n\n"),
    )
]


def _emphasis(inner: str, marker: str) -> str:
    """`inner` in bold or italics, line by line, the markers against the words: Markdown reads
    `**mot**`, not `** mot**` (Moodle's HTML often puts a space or a <br> inside the tag)."""
    lines = []
    for line in inner.split("\n"):
        core = line.strip()
        if not core:
            lines.append(line)
            continue
        lead, trail = line[: len(line) - len(line.lstrip())], line[len(line.rstrip()) :]
        lines.append(f"{lead}{marker}{core}{marker}{trail}")
    return "\n".join(lines)


def looks_like_html(text: str) -> bool:
    """True when a text in Moodle's default format carries real HTML tags."""
    return bool(_HTML_TAG.search(text))


def html_to_markdown(text: str, keep_newlines: bool = False) -> str:
    """Strip tags conservatively: every word stays, bold, links and lists become Markdown."""
    if keep_newlines:
        text = text.replace("\n", "<br>")
    for pattern, replacement in _HTML_RULES:
        text = pattern.sub(replacement, text)
    return re.sub(r" {2,}", " ", html.unescape(text)).strip(" \t\n\r\0\x0b")


class UniqueIds:
    """Hands out question ids unique within one quiz, deduplicated with -2, -3…"""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, title: str | None, prompt: str) -> str:
        base = slugify(title) if title else ""
        base = base or slugify(prompt, 40) or "question"
        candidate, number = base, 2
        while candidate in self._taken:
            candidate, number = f"{base}-{number}", number + 1
        self._taken.add(candidate)
        return candidate


@dataclass(frozen=True)
class Notice:
    """Something the trainer must know about one question (or the whole file).

    `skipped` means the question was not converted at all; otherwise it was
    converted with a loss or a placeholder that the message names.
    """

    key: str
    title: str = ""
    line: int | None = None
    skipped: bool = False
    question_id: str | None = None
    params: tuple[tuple[str, str], ...] = ()
    source: str = ""

    def message(self) -> str:
        """The French (or English) sentence, with where it happened."""
        body = t(self.key, **dict(self.params)) if self.params else t(self.key)
        if self.line is not None:
            where = t("interchange.where.line", line=self.line, title=one_line(self.title, 50))
        elif self.title:
            where = t("interchange.where.question", title=one_line(self.title, 50))
        else:
            return body
        return f"{where} {body}"


def flat(params: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
    """Message parameters as the hashable strings a Notice keeps."""
    return tuple((name, str(value)) for name, value in params.items())


def notice(
    key: str,
    title: str = "",
    line: int | None = None,
    *,
    skipped: bool = False,
    question_id: str | None = None,
    source: str = "",
    **params: object,
) -> Notice:
    """Build a Notice with its message parameters flattened to strings."""
    return Notice(key, title, line, skipped, question_id, flat(params), source)


@dataclass
class ImportResult:
    """A quiz dict read from a foreign format, with what the trainer must check."""

    quiz: dict[str, Any]
    notices: list[Notice] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return len(self.quiz.get("questions", []))

    @property
    def skipped(self) -> int:
        return sum(1 for item in self.notices if item.skipped)


@dataclass
class ExportResult:
    """Text in a foreign format, with what could not be carried over."""

    text: str
    notices: list[Notice] = field(default_factory=list)
    exported: int = 0

    @property
    def skipped(self) -> int:
        return sum(1 for item in self.notices if item.skipped)


def new_quiz(quiz_id: str, lesson_id: str | None = None) -> dict[str, Any]:
    """An empty quiz dict with the format's defaults."""
    return {
        "id": quiz_id,
        "lesson": lesson_id or quiz_id,
        "pass_ratio": 0.7,
        "shuffle": True,
        "questions": [],
    }


def question_title(question: dict[str, Any]) -> str:
    """How a question is named in notices: its id, else the start of its text."""
    text = question.get("prompt") or question.get("statement") or ""
    return str(question.get("id") or one_line(str(text), 40))
