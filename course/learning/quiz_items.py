"""The questions of an attempt or a review as a learner meets them: choices and pools in their order.

Both learner interfaces (full-screen and plain) ask questions through these
items, so a question shows its choices, its items to order and its
right-hand sides to match in the same order in both.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from course.content.course import Course
from course.content.model import MatchQuestion, OrderQuestion, Question, Quiz
from course.learning.journey import Attempt
from course.quiz.review import ReviewCard


@dataclass(frozen=True)
class QuizItem:
    quiz: Quiz
    question: Question
    attempt: int
    seed: int
    order: list[int]

    @classmethod
    def for_attempt(cls, attempt: Attempt, questions: list[Question]) -> list[QuizItem]:
        """The questions of an attempt, each with its choices in the attempt's order."""
        return [
            cls(
                attempt.quiz,
                q,
                attempt.number,
                attempt.seed,
                attempt.choice_order(q, len(getattr(q, "choices", ()))),
            )
            for q in questions
        ]


def review_items(course: Course, cards: list[ReviewCard]) -> list[QuizItem]:
    """The review questions of `cards`, choices in their written order."""
    items = []
    for card in cards:
        quiz = course.quizzes[card.quiz]
        question = course.question(card.quiz, card.question)
        assert question is not None
        order = list(range(len(getattr(question, "choices", ()))))
        items.append(QuizItem(quiz, question, 1, hash(card) & 0xFFFF, order))
    return items


def sequence_pool(question: Question, seed: int) -> list[str]:
    """What to pick from: an order question's items shuffled (never in the right order), or a match's right sides."""
    if isinstance(question, OrderQuestion):
        pool = list(question.items)
        rng = random.Random(f"{seed}:{question.id}")
        while len(pool) > 1 and pool == list(question.items):
            rng.shuffle(pool)
        return pool
    if isinstance(question, MatchQuestion):
        rights = [p.right for p in question.pairs]
        random.Random(f"{seed}:{question.id}").shuffle(rights)
        return rights
    return []
