"""A quiz on paper: each question with boxes to tick or room to write, and its answer key apart.

Choices are shuffled as on screen when the quiz asks for it (with a seed made
from the quiz and the question, so a reprint is the same sheet); items to
order and right-hand sides to match are never printed in the right order.
"""

from __future__ import annotations

import random

from course.content.course import Course
from course.content.model import (
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    Question,
    Quiz,
    ShortQuestion,
    SingleQuestion,
    TrueFalseQuestion,
    question_text,
)
from course.i18n import t
from course.learning.quiz_items import sequence_pool
from course.printing.blocks import Block, Heading, Items, Line, Prose, Write
from course.printing.blocks import Question as Numbered
from course.quiz.grading import expected_text


def _seed(quiz: Quiz, question: Question) -> int:
    return random.Random(f"print:{quiz.id}:{question.id}").randrange(1, 2**31)


def choice_order(quiz: Quiz, question: Question) -> list[int]:
    """The printed order of a question's choices."""
    order = list(range(len(getattr(question, "choices", ()))))
    if quiz.shuffle:
        random.Random(f"print:{quiz.id}:{question.id}").shuffle(order)
    return order


def _letters(count: int) -> list[str]:
    return [chr(ord("A") + n) for n in range(count)]


def question_blocks(quiz: Quiz, question: Question, number: int) -> Numbered:
    """One question as printed on the worksheet."""
    prompt = question_text(question)
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        entries = [question.choices[i].text for i in choice_order(quiz, question)]
        how = t("print.how.single") if isinstance(question, SingleQuestion) else t("print.how.multiple")
        return Numbered(number, prompt, how, [Items(entries, "tick")])
    if isinstance(question, TrueFalseQuestion):
        return Numbered(
            number,
            prompt,
            t("print.how.true_false"),
            [Items([t("quiz.true"), t("quiz.false")], "tick", inline=True)],
        )
    if isinstance(question, OrderQuestion):
        pool = sequence_pool(question, _seed(quiz, question))
        return Numbered(number, prompt, t("print.how.order", count=len(pool)), [Items(pool, "rank")])
    if isinstance(question, MatchQuestion):
        rights = sequence_pool(question, _seed(quiz, question))
        lefts = [f"{pair.left} : ____" for pair in question.pairs]
        return Numbered(
            number,
            prompt,
            t("print.how.match"),
            [Items(lefts, "number"), Line(t("print.match.rights"), "muted"), Items(rights, "letter")],
        )
    return Numbered(number, prompt, t("print.how.short"), [Write(2)])


def worksheet(course: Course, quiz: Quiz) -> list[Block]:
    """The worksheet of `quiz`, on a new page."""
    blocks: list[Block] = [
        Heading(2, t("print.sheet.title", title=course.quiz_title(quiz)), new_page=True),
        Line(t("print.sheet.name")),
    ]
    for number, question in enumerate(quiz.questions, 1):
        blocks.append(question_blocks(quiz, question, number))
    return blocks


def _key_answer(quiz: Quiz, question: Question) -> str:
    """The right answer as the learner will find it on their sheet (letters for a match)."""
    if isinstance(question, MatchQuestion):
        rights = sequence_pool(question, _seed(quiz, question))
        letters = _letters(len(rights))
        return " ; ".join(
            f"{n}. {pair.left} : {letters[rights.index(pair.right)]} ({pair.right})"
            for n, pair in enumerate(question.pairs, 1)
        )
    if isinstance(question, OrderQuestion):
        return " ; ".join(f"{n}. {item}" for n, item in enumerate(question.items, 1))
    if isinstance(question, ShortQuestion) and len(question.accept) > 1:
        return t("print.key.accepted", answers=" ; ".join(question.accept))
    return expected_text(question, true_word=t("quiz.true"), false_word=t("quiz.false")).replace(" | ", " ; ")


def answer_key(course: Course, quizzes: list[Quiz]) -> list[Block]:
    """Every worksheet's answers and explanations, together at the end."""
    blocks: list[Block] = [
        Heading(2, t("print.key.title"), new_page=True),
        Line(t("print.key.intro"), "muted"),
    ]
    for quiz in quizzes:
        blocks.append(Heading(3, course.quiz_title(quiz)))
        for number, question in enumerate(quiz.questions, 1):
            blocks.append(Line(f"{number}. {_key_answer(quiz, question)}", "strong"))
            if question.explanation:
                blocks.append(Prose(question.explanation))
    return blocks
