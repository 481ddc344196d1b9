"""GIFT → quiz dict, reading each question the way Moodle's own importer does.

Mirroring qformat_gift rule by rule (blocks, escapes, `{…}` detection, weights)
means a file behaves here as it does in Moodle. What has no equivalent in the
quiz format (essay, numerical, description…) is reported with its line number
and skipped; partial losses are converted and reported too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from course.interchange import (
    PLACEHOLDER_EXPLANATION,
    ImportResult,
    Notice,
    UniqueIds,
    flat,
    html_to_markdown,
    looks_like_html,
    new_quiz,
    notice,
    one_line,
)

PHP_SPACE = " \t\n\r\0\x0b"
"""What PHP's trim() removes: Moodle trims with it, so must we."""

_ESCAPES = {
    "\\": "\ue000",
    ":": "\ue001",
    "#": "\ue002",
    "=": "\ue003",
    "{": "\ue004",
    "}": "\ue005",
    "~": "\ue006",
    "n": "\ue007",
}
_RESTORE = str.maketrans({v: ("\n" if k == "n" else k) for k, v in _ESCAPES.items()})
_ESCAPE_RE = re.compile(r"\\([\\:#={}~n])")
_OWN_RE, _SHIFTED_RE = re.compile("[\ue000-\ue008]"), re.compile("\ue008([\ue100-\ue108])")
_WEIGHT_RE = re.compile(r"%(-*)([0-9]{1,2}\.?[0-9]*)%")
_NBSP_ENTITY = re.compile(r"&(nbsp|#160|#xa0);", re.IGNORECASE)
# Images, sounds and files of Moodle that a terminal course cannot carry over.
_MEDIA_RE = re.compile(r"<(img|audio|video|object|embed|iframe)\b|(@@PLUGINFILE@@)|!\[", re.IGNORECASE)
_WILDCARD_RE = re.compile(r"(?<!\\)\*")
FORMATS = ("moodle", "html", "plain", "markdown")
_KEY_ORDER = (
    "id",
    "type",
    "prompt",
    "statement",
    "choices",
    "answer",
    "items",
    "pairs",
    "accept",
    "explanation",
    "hints",
)
HINT_PREFIX = "// atelier-hint:"
ORDER_MARK = "// atelier-type: order"


@dataclass
class Block:
    """One question's lines (blank-line separated), comments kept apart."""

    line: int
    lines: list[str]
    comments: list[str]
    source: str


def split_blocks(text: str) -> list[Block]:
    """Blocks of non-blank lines, as Moodle splits a GIFT file (lines trimmed)."""
    raw_lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    current: list[tuple[int, str]] = []
    for number, raw in enumerate([*raw_lines, ""], 1):
        line = raw.strip(PHP_SPACE)
        if line:
            current.append((number, line))
            continue
        body = [(n, item) for n, item in current if not item.startswith("//")]
        if body:
            blocks.append(
                Block(
                    body[0][0],
                    [item for _, item in body],
                    [item for _, item in current if item.startswith("//")],
                    "\n".join(item for _, item in current),
                )
            )
        current = []
    return blocks


def protect(text: str) -> str:
    """Replace GIFT escapes (`\\:`, `\\n`…) by placeholders before any splitting.

    A text that already holds a placeholder character keeps it, shifted behind `\\ue008`.
    """
    text = _OWN_RE.sub(lambda m: "\ue008" + chr(ord(m.group()) + 0x100), text)
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(1)], text)


def restore(text: str) -> str:
    """Turn placeholders back into the characters they stand for."""
    return _SHIFTED_RE.sub(lambda m: chr(ord(m.group(1)) - 0x100), text.translate(_RESTORE))


def _text(raw: str, default: str, *, literal: bool = False, trim: bool = True) -> tuple[str, str]:
    """Parse an optional `[format]` marker, unescape and convert HTML: (text, format).

    `literal` reads `-\\>` and `\\*` as `->` and `*`: the writer's escapes where
    Moodle would otherwise see a matching arrow or a short-answer wildcard.
    """
    raw, fmt = (raw.strip(PHP_SPACE) if trim else raw), default
    if raw.startswith("["):
        end = raw.find("]")
        if end > 0 and raw[1:end] in FORMATS:
            fmt, raw = raw[1:end], raw[end + 1 :]
    if literal:
        raw = raw.replace("-\\>", "->").replace("\\*", "*")
    text = restore(raw).strip(PHP_SPACE)
    if fmt in ("html", "moodle"):  # Moodle's editors pad with &nbsp;: an ordinary space here
        text = _NBSP_ENTITY.sub(" ", text).strip(PHP_SPACE)
    if fmt == "html" or (fmt == "moodle" and looks_like_html(text)):
        text = html_to_markdown(text, keep_newlines=fmt == "moodle")
    return text, fmt


def _split_answers(answer: str, separator: str) -> list[str]:
    """The answers between separators; empty ones are dropped, as Moodle drops them when saving."""
    return [part.strip(PHP_SPACE) for part in answer.split(separator) if part.strip(PHP_SPACE)]


def _weight(part: str) -> tuple[float | None, str]:
    match = _WEIGHT_RE.match(part)
    if not match:
        return None, part
    value = float(match.group(2).rstrip(".") or 0) / 100
    return (-value if match.group(1) else value), part[match.end() :]


class _Reader:
    """Reads the blocks of one file into an ImportResult, one question at a time."""

    def __init__(self, result: ImportResult) -> None:
        self.result, self.ids = result, UniqueIds()
        self.block, self.label, self.fmt = Block(0, [], [], ""), "", "moodle"
        self.pending: list[tuple[str, dict[str, object]]] = []

    def skip(self, key: str, **params: object) -> bool:
        """Report the current question as not converted (always returns False)."""
        self.result.notices.append(
            Notice(key, self.label, self.block.line, True, None, flat(params), self.block.source)
        )
        return False

    def note(self, key: str, **params: object) -> None:
        """A loss inside a converted question, reported once the question has its id."""
        self.pending.append((key, params))

    def read(self, block: Block) -> None:
        self.block, self.pending = block, []
        text = protect("\n".join(block.lines))
        if text.startswith("$CATEGORY:"):
            first, _, text = text.partition("\n")
            category = restore(first[len("$CATEGORY:") :]).strip(PHP_SPACE)
            self.result.notices.append(
                notice("interchange.gift.category", category, block.line, category=category)
            )
            self.result.comments.append(f"Moodle $CATEGORY: {category}")
            text = text.strip(PHP_SPACE)
        title = ""
        if text.startswith("::"):
            end = text.find("::", 2)
            if end < 0:
                text = text[2:]
            else:
                title, text = restore(text[2:end]).strip(PHP_SPACE), text[end + 2 :].strip(PHP_SPACE)
        if text:
            self.question(title, text)

    def question(self, title: str, text: str) -> None:
        start, finish = text.find("{"), text.find("}")
        self.label = title or one_line(restore(text[:start] if start > 0 else text), 50)
        if start < 0 or finish < start:
            self.skip(
                "interchange.gift.description" if start < 0 and finish < 0 else "interchange.gift.braces"
            )
            return
        answer = text[start + 1 : finish].strip(PHP_SPACE)
        blank = not text.endswith("}")
        prompt, self.fmt = _text(text[:start] + ("_____" if blank else "") + text[finish + 1 :], "moodle")
        general = ""
        if (separator := answer.rfind("####")) >= 0:
            general = _text(answer[separator + 4 :], self.fmt, trim=False)[0]
            answer = answer[:separator].strip(PHP_SPACE)
        self.label = title or one_line(prompt, 50)
        media = [m.group(1) or m.group(2) or "![]" for m in _MEDIA_RE.finditer(text)]
        if media:
            self.note("interchange.gift.media", what=", ".join(dict.fromkeys(m.lower() for m in media)))
        question: dict[str, Any] = {"id": "", "type": ""}
        if not prompt or not answer or answer.startswith("#"):
            self.skip(
                "interchange.gift.empty"
                if not prompt
                else "interchange.gift.essay"
                if not answer
                else "interchange.gift.numerical"
            )
            return
        if "~" in answer:
            built = self.choices(answer, question)
        elif "=" in answer and "->" in answer:
            built = self.matching(answer, question)
        elif answer.split("#", 1)[0].strip(PHP_SPACE) in ("T", "TRUE", "F", "FALSE"):
            built = self.true_false(answer, question)
            wrong = question.pop("wrong")
            if wrong:  # shown after a wrong answer only: no field for it, kept for the trainer
                self.note("interchange.gift.wrong_feedback", text=wrong)
        else:
            built = self.short(answer, question)
        if built:
            self.keep(question, title, prompt, general, blank)

    def keep(self, question: dict[str, Any], title: str, prompt: str, general: str, blank: bool) -> None:
        """Give the question its id, texts and hints, and file its pending notes."""
        question["id"] = qid = self.ids.take(title, prompt)
        question["statement" if question["type"] == "true_false" else "prompt"] = prompt
        question["explanation"] = general or PLACEHOLDER_EXPLANATION
        hints = [
            restore(protect(line[len(HINT_PREFIX) :])).strip(PHP_SPACE)
            for line in self.block.comments
            if line.startswith(HINT_PREFIX)
        ]
        if hints:
            question["hints"] = hints
        pairs = question.get("pairs", [])
        if ORDER_MARK in self.block.comments and [p["left"] for p in pairs] == [
            str(n) for n in range(1, len(pairs) + 1)
        ]:
            question["type"], question["items"] = "order", [p["right"] for p in question.pop("pairs")]
        self.result.quiz["questions"].append({k: question[k] for k in _KEY_ORDER if k in question})
        if blank:
            self.note("interchange.gift.blank")
        if not general:
            self.note("interchange.gift.placeholder")
        for key, params in self.pending:
            self.result.notices.append(Notice(key, self.label, self.block.line, False, qid, flat(params)))

    def choices(self, answer: str, question: dict[str, Any]) -> bool:
        single = "=" in answer
        parts = _split_answers(answer.replace("=", "~="), "~")
        if len(parts) < 2:
            return self.skip("interchange.gift.too_few")
        weighted: list[tuple[float, dict[str, Any]]] = []
        for part in parts:
            weight, part = (1.0, part[1:]) if part.startswith("=") else _weight(part)
            text_raw, _, feedback_raw = part.partition("#")
            choice = {
                "text": _text(text_raw, self.fmt)[0],
                "correct": False,
                "feedback": _text(feedback_raw, self.fmt)[0],
            }
            if not choice["text"]:
                return self.skip("interchange.gift.empty_choice")
            weighted.append((weight or 0.0, choice))
        right = [c for w, c in weighted if (w >= 1 if single else w > 0)]
        if single and len(right) > 1:
            return self.skip("interchange.gift.several_right")
        if not right:
            return self.skip("interchange.gift.no_right")
        partial = [c["text"] for w, c in weighted if 0 < w < 1]
        if single and partial:
            self.note("interchange.gift.partial_single", answers=_quoted(partial))
        negative = [c["text"] for w, c in weighted if w < 0]
        if single and negative:
            self.note("interchange.gift.negative_weights", answers=_quoted(negative))
        shares = {round(w, 3) for w, _ in weighted if w > 0}
        if not single and (len(shares) > 1 or abs(sum(w for w, _ in weighted if w > 0) - 1) > 0.02):
            # Equal shares of 100 % (and any minus for wrong ones) is all-or-nothing: anything else is not.
            self.note(
                "interchange.gift.partial_multiple",
                answers=_quoted([f"{c['text']} ({w:.0%})" for w, c in weighted if w != 0]),
            )
        for _, choice in weighted:
            choice["correct"] = any(choice is r for r in right)
        question["type"] = "single" if single else "multiple"
        question["choices"] = [{k: v for k, v in c.items() if v} for _, c in weighted]
        return True

    def matching(self, answer: str, question: dict[str, Any]) -> bool:
        parts = _split_answers(answer, "=")
        if len(parts) < 2 or any("->" not in part for part in parts):
            return self.skip("interchange.gift.match_format")
        pairs: list[dict[str, str]] = []
        extra: list[str] = []
        for left_raw, right_raw in (part.split("->", 1) for part in parts):
            left, right = _text(left_raw, self.fmt, literal=True)[0], restore(right_raw).strip(PHP_SPACE)
            if left:
                pairs.append({"left": left, "right": right})
            else:
                extra.append(right)  # Moodle: an answer without a question is a distractor
        lefts, rights = {p["left"] for p in pairs}, {p["right"] for p in pairs}
        if len(pairs) < 2 or "" in rights or len(lefts) < len(pairs) or len(rights) < len(pairs):
            return self.skip("interchange.gift.match_pairs")
        if any(extra):
            self.note("interchange.gift.distractors", answers=_quoted([e for e in extra if e]))
        question["type"], question["pairs"] = "match", pairs
        return True

    def true_false(self, answer: str, question: dict[str, Any]) -> bool:
        bits = [*answer.split("#", 2), "", ""]
        right = _text(bits[2], self.fmt)[0]
        if right:
            self.note("interchange.gift.right_feedback", text=one_line(right, 120))
        question["type"], question["answer"] = "true_false", bits[0].strip(PHP_SPACE) in ("T", "TRUE")
        question["wrong"] = _text(bits[1], self.fmt)[0]
        return True

    def short(self, answer: str, question: dict[str, Any]) -> bool:
        accept: list[str] = []
        partial: list[str] = []
        dropped: list[str] = []
        feedbacks: list[str] = []
        for part in _split_answers(answer, "="):
            weight, part = _weight(part)
            text_raw, _, feedback_raw = part.partition("#")
            wildcard = bool(_WILDCARD_RE.search(text_raw))
            text, feedback = _text(text_raw, self.fmt, literal=True)[0], _text(feedback_raw, self.fmt)[0]
            if wildcard or not text:
                dropped.append(text or "*")
            else:
                (accept if weight is None or weight >= 1 else partial if weight > 0 else dropped).append(text)
            if feedback:
                feedbacks.append(f"« {one_line(text or '*', 30)} » → « {one_line(feedback, 60)} »")
        if not accept:
            return self.skip("interchange.gift.no_accept")
        if partial:
            self.note("interchange.gift.partial_short", answers=_quoted(partial))
        if dropped:
            self.note("interchange.gift.dropped_answers", answers=_quoted(dropped))
        if feedbacks:
            self.note("interchange.gift.answer_feedback", feedbacks=" ; ".join(feedbacks))
        question["type"], question["accept"] = "short", accept
        return True


def _quoted(texts: list[str]) -> str:
    return ", ".join(f"« {one_line(text, 30)} »" for text in texts)


def read_gift(text: str, quiz_id: str = "quiz", lesson_id: str | None = None) -> ImportResult:
    """Read a whole GIFT file into a quiz dict and its notices."""
    result = ImportResult(new_quiz(quiz_id, lesson_id))
    reader = _Reader(result)
    for block in split_blocks(text):
        reader.read(block)
    return result
