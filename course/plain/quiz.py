"""A quiz line by line: the question, its numbered answers, what to type, then the verdict first.

Grading, recording, practice retries and the wording choices of the feedback
are those of the full-screen quiz (`course.quiz.grading`, `course.quiz.feedback`,
`Journey.record`); only the way of asking changes.
"""

from __future__ import annotations

import time

from course.content.model import MatchQuestion, OrderQuestion, Question, TrueFalseQuestion, question_text
from course.i18n import t
from course.learning.journey import Journey
from course.learning.quiz_items import QuizItem, sequence_pool
from course.plain.answers import read_answer, read_one, spoken, spoken_range
from course.plain.console import Console
from course.plain.flatten import markdown_lines
from course.progress import StoreWriteError
from course.quiz.feedback import feedback_for
from course.quiz.grading import Grade, grade


class PlainQuiz:
    """Asks `items` one by one; in review mode (`mode="review"`) answers are recorded as reviews."""

    def __init__(
        self,
        console: Console,
        journey: Journey,
        items: list[QuizItem],
        *,
        title: str,
        total: int,
        done_before: int,
        mode: str = "quiz",
    ) -> None:
        self.console = console
        self.journey = journey
        self.items = items
        self.title = title
        self.total = total
        self.done_before = done_before
        self.mode = mode
        self.grades: list[Grade] = []

    def run(self) -> bool:
        """Ask every question; False if the learner went back to the map before the end."""
        self.console.help_text = t("plain.help.quiz")
        for index, item in enumerate(self.items):
            last = index + 1 == len(self.items)
            while True:
                result = self._ask(item, self.done_before + index + 1)
                if result is None:
                    return False
                if not self._feedback(item, result, last):
                    break
        return True

    # -- one question ----------------------------------------------------------------
    def _ask(self, item: QuizItem, number: int) -> Grade | None:
        say = self.console.say
        question = item.question
        pool = sequence_pool(question, item.seed)
        self.console.blank()
        say(t("plain.quiz.header", title=self.title, n=number, total=self.total))
        say(question_text(question))
        for line in _answer_lines(question, item.order, pool):
            say(line)
        instruction = _howto(question, len(item.order))
        if question.hints:
            instruction += " " + t("plain.quiz.hint_word")
        instruction += " " + t("plain.back_word")
        hints_used = 0
        started = time.monotonic()
        while True:
            typed = self.console.ask(instruction)
            if self.console.is_word(typed, t("plain.words.hint")) and (
                question.type != "short" or question.hints
            ):
                hints_used = self._hint(question, hints_used)
                continue
            read = read_answer(question, typed, item.order, pool)
            if read.hint is None:
                break
            say(read.hint)
        confidence = self._confidence() if item.quiz.confidence and self.mode == "quiz" else None
        result = grade(question, read.response, true_word=t("quiz.true"), false_word=t("quiz.false"))
        try:
            self.journey.record(
                item.quiz,
                question,
                item.attempt,
                result,
                hints_used,
                time.monotonic() - started,
                mode=self.mode,
                confidence=confidence,
            )
        except StoreWriteError as error:
            say(str(error))
        self.grades.append(result)
        return result

    def _hint(self, question: Question, used: int) -> int:
        hints = question.hints
        if used >= len(hints):
            self.console.say(t("quiz.no_more_hints") if hints else t("plain.quiz.no_hint"))
            return used
        self.console.say(t("plain.quiz.hint", n=used + 1, total=len(hints), hint=hints[used]))
        return used + 1

    def _confidence(self) -> int:
        levels = [t("plain.confidence.1"), t("plain.confidence.2"), t("plain.confidence.3")]
        self.console.say(t("plain.quiz.confidence"))
        for n, label in enumerate(levels, 1):
            self.console.say(f"{n}. {label}")
        typed = self.console.ask(
            t("plain.type_one", range=spoken_range(3)), check=lambda typed: read_one(typed, 3).hint
        )
        return int(read_one(typed, 3).response)

    def _feedback(self, item: QuizItem, result: Grade, last: bool) -> bool:
        """Say the verdict first, then the rest; True when the same question is to be asked again."""
        fb = feedback_for(item.question, result, item.quiz.mode, self.mode)
        say = self.console.say
        say(t("plain.verdict.right") if fb.verdict == "right" else t("plain.verdict.not_quite"))
        if fb.verdict == "partly":
            say(t("plain.quiz.partly", percent=fb.percent))
        if fb.spelling:
            say(t("quiz.spelling", word=fb.spelling))
        if fb.expected is not None:
            say(t("quiz.expected", answer=spoken(fb.expected)))
        for text in fb.choice_feedback:
            say(text)
        if fb.missed:
            say(t("plain.quiz.missed", choices=" ; ".join(fb.missed)))
        for line in markdown_lines(fb.explanation):
            say(line)
        if fb.retry:
            say(t("quiz.try_again"))
            self.console.ask(t("plain.next.retry"), check=self._next_word)
            return True
        self.console.ask(t("plain.next.results" if last else "plain.next.question"), check=self._next_word)
        return False

    def _next_word(self, typed: str) -> str | None:
        return None if self.console.is_word(typed, t("plain.words.next")) else t("plain.hint.next")


def _answer_lines(question: Question, order: list[int], pool: list[str]) -> list[str]:
    """The numbered answers to pick from, as the learner reads them."""
    if isinstance(question, TrueFalseQuestion):
        return [f"1. {t('quiz.true')}", f"2. {t('quiz.false')}"]
    if isinstance(question, MatchQuestion):
        lines = [t("plain.match.lefts")]
        lines += [f"  {pair.left}" for pair in question.pairs]
        lines.append(t("plain.match.rights"))
        return lines + [f"{n}. {right}" for n, right in enumerate(pool, 1)]
    if isinstance(question, OrderQuestion):
        return [t("plain.order.items")] + [f"{n}. {entry}" for n, entry in enumerate(pool, 1)]
    choices = getattr(question, "choices", [])
    return [f"{n}. {choices[original].text}" for n, original in enumerate(order, 1)]


def _howto(question: Question, choices: int) -> str:
    """The sentence that says what to type for this kind of question."""
    if question.type == "single":
        return t("plain.howto.single", range=spoken_range(choices))
    if question.type == "multiple":
        return t("plain.howto.multiple", range=spoken_range(choices))
    if question.type == "true_false":
        return t("plain.howto.true_false")
    if question.type == "order":
        return t("plain.howto.order", count=len(getattr(question, "items", ())))
    if question.type == "match":
        return t("plain.howto.match")
    return t("plain.howto.short")
