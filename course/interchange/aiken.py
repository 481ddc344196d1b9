"""Aiken (Moodle) ↔ quiz dict: single-choice questions only, one line per text.

Aiken carries a question, its lettered choices and the letter of the right
one, nothing else: explanations become placeholders on import, and on export
every other type, and every text Aiken would misread, is reported instead.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from typing import Any

from course.i18n import t
from course.interchange import (
    PLACEHOLDER_EXPLANATION,
    ExportResult,
    ImportResult,
    Notice,
    UniqueIds,
    flat,
    new_quiz,
    notice,
    one_line,
    question_title,
)
from course.interchange.rules import problem

_CHOICE_RE = re.compile(r"^([A-Z])(?:\)[ \t]?|\.[ \t])")  # Moodle also reads "A)Text"
_ANSWER_RE = re.compile(r"^ANSWER:")
_SPACE = " \t\n\r\0\x0b"
_Skip = Callable[..., None]


class _Pending:
    """The question being read: its lines so far."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.prompt: list[str] = []
        self.choices: list[tuple[str, str]] = []
        self.source: list[str] = []


def read_aiken(text: str, quiz_id: str = "quiz", lesson_id: str | None = None) -> ImportResult:
    """Read an Aiken file into a quiz dict and its notices."""
    result = ImportResult(new_quiz(quiz_id, lesson_id))
    ids = UniqueIds()
    pending: _Pending | None = None
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")

    def skip(item: _Pending, key: str, **params: object) -> None:
        title = one_line(" ".join(item.prompt), 50) if item.prompt else "?"
        result.notices.append(Notice(key, title, item.line, True, None, flat(params), "\n".join(item.source)))

    for number, raw in enumerate(lines, 1):
        line = raw.strip(_SPACE)
        if not line:
            continue
        choice = _CHOICE_RE.match(line)
        if pending is None or (not choice and not _ANSWER_RE.match(line) and pending.choices):
            if pending is not None:
                skip(pending, "interchange.aiken.no_answer")
            pending = _Pending(number)
        pending.source.append(line)
        if choice:
            pending.choices.append((choice.group(1), line[choice.end() :].strip(_SPACE)))
        elif _ANSWER_RE.match(line):
            letter = line[len("ANSWER:") :].strip(_SPACE)[:1]
            _finish(pending, letter, result, ids, skip)
            pending = None
        else:
            pending.prompt.append(line)
    if pending is not None:
        skip(pending, "interchange.aiken.no_answer")
    return result


def _finish(item: _Pending, letter: str, result: ImportResult, ids: UniqueIds, skip: _Skip) -> None:
    """Turn a complete question (ANSWER line read) into a single-choice question."""
    if not item.prompt:
        skip(item, "interchange.aiken.no_prompt")
        return
    if len(item.choices) < 2 or not all(text for _, text in item.choices):
        skip(item, "interchange.aiken.too_few")
        return
    letters = [label for label, _ in item.choices]
    if letter not in letters or letters.count(letter) > 1:
        skip(item, "interchange.aiken.bad_answer", letter=letter or "?")
        return
    prompt = "\n".join(item.prompt)
    choices: list[dict[str, Any]] = []
    for label, text in item.choices:
        choices.append({"text": text, "correct": True} if label == letter else {"text": text})
    qid = ids.take(None, prompt)
    result.quiz["questions"].append(
        {
            "id": qid,
            "type": "single",
            "prompt": prompt,
            "choices": choices,
            "explanation": PLACEHOLDER_EXPLANATION,
        }
    )
    result.notices.append(
        notice("interchange.aiken.placeholder", one_line(prompt, 50), item.line, question_id=qid)
    )


def _aiken_line(text: str) -> tuple[str, bool]:
    """A text on one line (newlines → spaces), and whether it had to be joined."""
    joined = " ".join(part.strip(_SPACE) for part in text.strip(_SPACE).split("\n"))
    return joined, joined != text.strip(_SPACE)


def write_aiken(quiz: dict[str, Any]) -> ExportResult:
    """The quiz's single-choice questions as Aiken text; every other one is reported."""
    result = ExportResult("")
    blocks: list[str] = []
    lost = False
    for question in quiz.get("questions") or []:
        if not isinstance(question, dict):
            continue
        title = question_title(question)
        if (
            question.get("type") == "true_false"
            and isinstance(question.get("answer"), bool)
            and str(question.get("statement") or "").strip(_SPACE)
        ):
            kept = {k: v for k, v in question.items() if k not in ("statement", "answer")}
            question = {
                **kept,
                "type": "single",
                "prompt": question["statement"],
                "choices": [
                    {"text": t("interchange.aiken.true"), "correct": question["answer"]},
                    {"text": t("interchange.aiken.false"), "correct": not question["answer"]},
                ],
            }
        if question.get("type") != "single":
            result.notices.append(
                notice("interchange.aiken.not_single", title, skipped=True, type=question.get("type"))
            )
            continue
        reason = problem(question)
        if reason:
            result.notices.append(notice("interchange.export.invalid", title, skipped=True, reason=reason))
            continue
        if len(question["choices"]) > len(string.ascii_uppercase):
            result.notices.append(notice("interchange.aiken.too_many", title, skipped=True))
            continue
        prompt, joined = _aiken_line(str(question["prompt"]))
        texts = [_aiken_line(str(choice["text"])) for choice in question["choices"]]
        if _CHOICE_RE.match(prompt) or _ANSWER_RE.match(prompt):
            result.notices.append(notice("interchange.aiken.ambiguous", title, skipped=True))
            continue
        if joined or any(was for _, was in texts):
            result.notices.append(notice("interchange.aiken.joined", title))
        lost = lost or bool(
            question.get("explanation")
            or question.get("hints")
            or any(choice.get("feedback") for choice in question["choices"])
        )
        lines = [prompt] + [f"{string.ascii_uppercase[i]}. {text}" for i, (text, _) in enumerate(texts)]
        right = next(i for i, c in enumerate(question["choices"]) if c.get("correct") is True)
        blocks.append("\n".join([*lines, f"ANSWER: {string.ascii_uppercase[right]}"]))
        result.exported += 1
    if lost:
        result.notices.append(notice("interchange.aiken.lost"))
    result.text = "\n\n".join(blocks) + ("\n" if blocks else "")
    return result
