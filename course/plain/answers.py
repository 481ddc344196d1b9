"""Typed answers read as the grading expects them: « 2 », « 1 3 », « 3 1 2 », « vrai », free text.

Each reader returns the response in the shape `course.quiz.grading.grade`
takes, or a hint (already in words) saying what was wrong with what was typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from course.content.model import MatchQuestion, MultipleQuestion, OrderQuestion, Question, TrueFalseQuestion
from course.i18n import t
from course.plain.console import words
from course.text.normalise import normalise_answer

_NUMBERS = re.compile(r"[\s,;.\-/]+")


@dataclass(frozen=True, slots=True)
class Read:
    """A typed answer: the response to grade, or the hint to say."""

    response: Any = None
    hint: str | None = None


def spoken_range(count: int) -> str:
    """« 1, 2 ou 3 », « 1 ou 2 », « 1 à 7 »: the numbers one may type."""
    if count <= 1:
        return "1"
    if count <= 4:
        return t("plain.range.few", first=", ".join(str(n) for n in range(1, count)), last=count)
    return t("plain.range.many", last=count)


def spoken(text: str) -> str:
    """An answer written out by the grading, its separators (« | », « > ») as a screen reader reads well."""
    return text.replace(" | ", " ; ").replace(" > ", t("plain.then"))


def numbers(typed: str) -> list[int] | None:
    """The numbers typed, in order; None if anything else was typed."""
    parts = [p for p in _NUMBERS.split(typed.strip()) if p]
    if not parts or not all(p.isdigit() for p in parts):
        return None
    return [int(p) for p in parts]


def read_one(typed: str, count: int) -> Read:
    """One number between 1 and `count`."""
    found = numbers(typed)
    if found is None or len(found) != 1:
        return Read(hint=t("plain.hint.one_number", range=spoken_range(count)))
    if not 1 <= found[0] <= count:
        return Read(hint=t("plain.hint.no_such", n=found[0], range=spoken_range(count)))
    return Read(found[0])


def read_several(typed: str, count: int, none_ok: bool = False) -> Read:
    """Some numbers between 1 and `count` (any order, each once); « aucun » when `none_ok`."""
    if none_ok and normalise_answer(typed) in words(t("plain.words.none")):
        return Read([])
    found = numbers(typed)
    if found is None:
        return Read(hint=t("plain.hint.numbers", range=spoken_range(count)))
    wrong = [n for n in found if not 1 <= n <= count]
    if wrong:
        return Read(hint=t("plain.hint.no_such", n=wrong[0], range=spoken_range(count)))
    return Read(sorted(set(found)))


def read_sequence(typed: str, count: int) -> Read:
    """Every number from 1 to `count` exactly once, in the order typed."""
    found = numbers(typed)
    if found is None:
        return Read(hint=t("plain.hint.sequence", count=count, range=spoken_range(count)))
    wrong = [n for n in found if not 1 <= n <= count]
    if wrong:
        return Read(hint=t("plain.hint.no_such", n=wrong[0], range=spoken_range(count)))
    if sorted(found) != list(range(1, count + 1)):
        return Read(hint=t("plain.hint.sequence", count=count, range=spoken_range(count)))
    return Read(found)


def read_answer(question: Question, typed: str, order: list[int], pool: list[str]) -> Read:
    """The response to `question` from `typed`; `order` is the choices' display order, `pool` the items shown."""
    if isinstance(question, TrueFalseQuestion):
        key = normalise_answer(typed)
        if key in words(t("plain.words.true")):
            return Read(True)
        if key in words(t("plain.words.false")):
            return Read(False)
        got = read_one(typed, 2)
        return (
            Read(got.response == 1)
            if got.hint is None
            else Read(hint=t("plain.hint.not_understood", typed=typed))
        )
    if isinstance(question, MultipleQuestion):
        got = read_several(typed, len(order))
        return Read(sorted(order[n - 1] for n in got.response)) if got.hint is None else got
    if isinstance(question, (OrderQuestion, MatchQuestion)):
        got = read_sequence(typed, len(pool))
        if got.hint is not None:
            return got
        picked = [pool[n - 1] for n in got.response]
        if isinstance(question, MatchQuestion):
            return Read({p.left: right for p, right in zip(question.pairs, picked)})
        return Read(picked)
    if question.type == "short":
        return Read(typed)
    got = read_one(typed, len(order))
    return Read(order[got.response - 1]) if got.hint is None else got
