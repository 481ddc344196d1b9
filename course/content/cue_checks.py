"""Warnings about cues: what lets a learner answer a quiz without knowing the answer.

Haladyna's item-writing rules, checked on one quiz: the right choice should not
be the one that stands out by its length; absolute words (« toujours »,
« jamais »…) should not mark the false statements; « toutes les réponses
ci-dessus » should not be a choice; an address or a number typed as an answer
should be compared letter by letter (`exact: true`). These are warnings: the
quiz still works, but it measures less than it claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from course.content.model import (
    MultipleQuestion,
    Pos,
    Question,
    ShortQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from course.content.problems import Problem

ABSOLUTE_WORDS = re.compile(
    r"\b(forcément|toujours|jamais|tous|toutes|aucun|aucune|rien|nul|nulle|seul|seule|seuls|seules"
    r"|uniquement|exclusivement|systématiquement|obligatoirement|totalement|entièrement|absolument"
    r"|impossible|garanti|garantie|garantis|garanties|tout le monde|n'importe qu\w+|sans exception)\b",
    re.IGNORECASE,
)
"""Words that make a statement absolute; test-wise learners bet that such a statement is false."""

ALL_OR_NONE = re.compile(
    r"\b(toutes|aucune) (les|des) (réponses|propositions) (ci-dessus|précédentes|ci-contre)"
    r"|\b(toutes|aucune) de ces (réponses|propositions)\b|\ball of the above\b|\bnone of the above\b",
    re.IGNORECASE,
)
"""« Toutes les réponses ci-dessus » and its kin: answerable by spotting two right choices."""

ADDRESS_OR_NUMBER = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,}$|^[\d\s.]+$", re.IGNORECASE)
"""An accepted answer that is a domain name (« impots.gouv.fr ») or a number (« 33700 »)."""

LONGER_RATIO = 1.5
LONGER_BY = 10
"""A right choice this many times the wrong ones' average length, and this many characters
longer than the longest of them, stands out."""

MIN_ABSOLUTE = 3
ABSOLUTE_FALSE_SHARE = 0.8
"""From this many absolute statements in a quiz, this share of false ones is a cue."""


@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence a learner judges true or false: a true/false statement or a choice."""

    text: str
    true: bool
    question: Question


def statements(question: Question) -> list[Statement]:
    if isinstance(question, TrueFalseQuestion):
        return [Statement(question.statement, question.answer, question)]
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        return [Statement(c.text, c.correct, question) for c in question.choices]
    return []


def stands_out_by_length(question: SingleQuestion | MultipleQuestion) -> bool:
    """The right choices are all longer than every wrong one, and much longer than their average."""
    wrong = [len(c.text) for c in question.choices if not c.correct]
    right = [len(c.text) for c in question.choices if c.correct]
    if not wrong or not right:
        return False
    average = sum(wrong) / len(wrong)
    return (
        min(right) > max(wrong)
        and min(right) >= LONGER_RATIO * average
        and min(right) - max(wrong) >= LONGER_BY
    )


def _warn(found: list[Problem], pos: Pos, code: str, **params: object) -> None:
    found.append(Problem.make(pos.path, pos.line, pos.col, code, "warning", **params))


def question_cues(question: Question) -> list[Problem]:
    """The cues one question gives away by itself."""
    found: list[Problem] = []
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        if stands_out_by_length(question):
            _warn(found, question.pos, "cue_longest_choice", id=question.id)
        for choice in question.choices:
            if ALL_OR_NONE.search(choice.text):
                _warn(found, question.pos, "cue_all_of_the_above", id=question.id, text=choice.text)
    if (
        isinstance(question, ShortQuestion)
        and not question.exact
        and any(ADDRESS_OR_NUMBER.match(answer.strip()) for answer in question.accept)
    ):
        _warn(found, question.pos, "cue_short_not_exact", id=question.id)
    return found


def absolute_word_cue(questions: list[Question]) -> list[Problem]:
    """One warning, at the first question concerned, when absolute words mark the false statements."""
    marked = [
        s
        for q in questions
        for s in statements(q)
        if ABSOLUTE_WORDS.search(s.text) and not ALL_OR_NONE.search(s.text)
    ]
    false = [s for s in marked if not s.true]
    if len(marked) < MIN_ABSOLUTE or len(false) < ABSOLUTE_FALSE_SHARE * len(marked):
        return []
    lines = ", ".join(dict.fromkeys(str(s.question.pos.line) for s in false))
    found: list[Problem] = []
    _warn(
        found, false[0].question.pos, "cue_absolute_words", false=len(false), total=len(marked), lines=lines
    )
    return found


def quiz_cues(questions: list[Question]) -> list[Problem]:
    """Every cue warning of a quiz's questions, in question order."""
    found = [p for q in questions for p in question_cues(q)]
    return found + absolute_word_cue(questions)
