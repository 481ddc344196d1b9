"""Grade one answer to one question, and say what the right answer was.

Responses are plain JSON values so they can be stored and exported as they are:
single → index of the chosen choice; multiple → sorted list of indexes;
true_false → bool; order → list of items in the learner's order;
match → {left: right}; short → the text typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from course.content.model import (
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    Question,
    ShortQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from course.text.normalise import match_short


@dataclass(frozen=True, slots=True)
class Grade:
    correct: bool
    score: float
    response: Any
    response_text: str
    expected_text: str
    feedback: list[str] = field(default_factory=list)
    spelling: str | None = None  # the right spelling, when a slip was forgiven


def _fraction(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def expected_text(question: Question, *, true_word: str = "Vrai", false_word: str = "Faux") -> str:
    """The right answer, written out for the learner (used for solutions after a quiz)."""
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        return " | ".join(c.text for c in question.choices if c.correct)
    if isinstance(question, TrueFalseQuestion):
        return true_word if question.answer else false_word
    if isinstance(question, OrderQuestion):
        return " > ".join(question.items)
    if isinstance(question, MatchQuestion):
        return " ; ".join(f"{p.left} = {p.right}" for p in question.pairs)
    if isinstance(question, ShortQuestion):
        return question.accept[0]
    raise TypeError(f"unknown question type {type(question).__name__}")


def grade(question: Question, response: Any, *, true_word: str = "Vrai", false_word: str = "Faux") -> Grade:
    """Grade `response` (see the module docstring for its shape) against `question`."""
    expected = expected_text(question, true_word=true_word, false_word=false_word)
    if isinstance(question, SingleQuestion):
        choice = question.choices[int(response)]
        feedback = [choice.feedback] if choice.feedback else []
        return Grade(choice.correct, float(choice.correct), int(response), choice.text, expected, feedback)
    if isinstance(question, MultipleQuestion):
        picked = sorted({int(i) for i in response})
        wanted = [i for i, c in enumerate(question.choices) if c.correct]
        hits = len(set(picked) & set(wanted))
        false_alarms = len(set(picked) - set(wanted))
        correct = picked == wanted
        score = 1.0 if correct else max(0.0, _fraction(hits - false_alarms, len(wanted)))
        feedback = [question.choices[i].feedback or "" for i in picked if question.choices[i].feedback]
        return Grade(
            correct, score, picked, " | ".join(question.choices[i].text for i in picked), expected, feedback
        )
    if isinstance(question, TrueFalseQuestion):
        given = bool(response)
        words = {True: true_word, False: false_word}
        correct = given == question.answer
        return Grade(correct, float(correct), given, words[given], expected)
    if isinstance(question, OrderQuestion):
        given_items = [str(i) for i in response]
        in_place = sum(a == b for a, b in zip(given_items, question.items))
        correct = given_items == list(question.items)
        return Grade(
            correct,
            1.0 if correct else _fraction(in_place, len(question.items)),
            given_items,
            " > ".join(given_items),
            expected,
        )
    if isinstance(question, MatchQuestion):
        given_pairs = {str(k): str(v) for k, v in dict(response).items()}
        right = sum(given_pairs.get(p.left) == p.right for p in question.pairs)
        correct = right == len(question.pairs)
        return Grade(
            correct,
            1.0 if correct else _fraction(right, len(question.pairs)),
            given_pairs,
            " ; ".join(f"{k} = {v}" for k, v in given_pairs.items()),
            expected,
        )
    if isinstance(question, ShortQuestion):
        typed = str(response)
        found = match_short(typed, list(question.accept))
        correct = found.correct and (found.exact or not question.exact)  # `exact: true` forgives no slip
        spelling = found.expected if correct and not found.exact else None
        return Grade(correct, float(correct), typed, typed, expected, [], spelling)
    raise TypeError(f"unknown question type {type(question).__name__}")
