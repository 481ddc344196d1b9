"""Item analysis, as Moodle's quiz statistics give it, over each learner's first sitting.

Facility: the mean mark. Discrimination: the correlation between the mark on the
question and the mark on the rest of the sitting (a good question is answered
better by those who do better elsewhere). Each wrong answer's share of all the
answers shows which misconception is common. Lesson quizzes and module tests alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from itertools import chain, compress
from operator import itemgetter, not_, sub
from typing import Any

from course.reports.learner_pass import Marks
from course.reports.model import CourseIndex, ItemFigures
from course.reports.stats import correlation

EASY = 0.9
HARD = 0.2


class ItemCollector:
    """First sittings gathered learner by learner, as they come (their `Marks`: columns
    shared with the learner's figures, not a record per answer); `figures` turns them into
    each question's marks, column by column, once every learner has been added."""

    def __init__(self) -> None:
        self._runs: dict[str, list[tuple[tuple[str, ...], list[Any], list[Any], list[Any]]]] = {}
        """Quiz → runs of first sittings that asked the same questions in the same order (most
        do: the whole quiz), each with its sittings' scores, rights and texts, in the order
        learners were added."""
        self._shown: dict[str, str] = {}
        """Folded wrong answer → the answer as shown: the first one given that folds to it."""
        self._folded: dict[str, str] = {}
        """Answer text → its folded form, for every text given as a wrong answer."""

    def add(self, first_sittings: Mapping[str, tuple[Marks, float]], index: CourseIndex) -> None:
        every, quizzes = self._runs, index.quizzes
        kept = []
        for quiz_id, (marks, _) in first_sittings.items():
            quiz = quizzes.get(quiz_id)
            if quiz is None:
                continue
            kept.append(marks)
            questions = marks[0]
            if questions == quiz.questions:
                questions = quiz.questions  # one tuple for them all: runs are told apart by identity
            runs = every.get(quiz_id)
            if runs is None:
                runs = every[quiz_id] = []
            if not runs or runs[-1][0] is not questions:
                runs.append((questions, [], [], []))
            run = runs[-1]
            run[1].append(marks[1])
            run[2].append(marks[2])
            run[3].append(marks[3])
        if not kept:
            return
        # The shown form of a wrong answer is the first one given: texts not met before are
        # folded in the order they were given (they are few: most wrong answers repeat).
        wrong = compress(
            chain.from_iterable(map(itemgetter(3), kept)),
            map(not_, chain.from_iterable(map(itemgetter(2), kept))),
        )
        folded_texts = self._folded
        if not folded_texts.keys() >= set(wrong) - {""}:
            for _, _, correct, texts in kept:
                for right, text in zip(correct, texts, strict=True):
                    if not right and text and text not in folded_texts:
                        self._fold(text)

    def _fold(self, response: str) -> str:
        """An answer text as wrong answers are counted: spaces collapsed, no case."""
        text = " ".join(response.split())
        folded = self._folded[response] = text.casefold()
        self._shown.setdefault(folded, text)
        return folded

    def _marks(self, quiz_id: str) -> dict[str, tuple[list[float], list[float], Counter[str]]]:
        """Question → its marks, the marks on the rest of the sitting (learner by learner), and
        how often each wrong answer (folded) was given; each run read a column at a time."""
        marks: dict[str, tuple[list[float], list[float], Counter[str]]] = {}
        folded_texts = self._folded
        for questions, scores, correct, texts in self._runs.get(quiz_id, ()):
            totals = list(map(sum, scores))  # each sitting's total, summed in its own order
            for question, mine in zip(questions, zip(*scores)):
                found = marks.get(question)
                if found is None:
                    found = marks[question] = ([], [], Counter())
                found[0].extend(mine)
                found[1].extend(map(sub, totals, mine))
            given = Counter(
                compress(
                    zip(questions * len(texts), chain.from_iterable(texts)),
                    map(not_, chain.from_iterable(correct)),
                )
            )
            for (question, text), count in given.items():
                folded = folded_texts[text] if text else ""
                if folded:
                    marks[question][2][folded] += count
        return marks

    def figures(self, index: CourseIndex, min_answers: int) -> tuple[ItemFigures, ...]:
        out = []
        every = {quiz_id: self._marks(quiz_id) for quiz_id in self._runs}
        for (quiz_id, question), info in index.questions.items():
            marks = every.get(quiz_id, {}).get(question)
            if not marks:
                continue
            mine, rest, given = marks
            n = len(mine)
            facility = sum(mine) / n
            discrimination = correlation(mine, rest) if n >= min_answers else None
            wrong = sorted(given.items(), key=lambda kv: (-kv[1], kv[0]))
            flags = []
            if n >= min_answers:
                flags += ["easy"] if facility >= EASY else ["hard"] if facility <= HARD else []
                if discrimination is not None and discrimination < 0:
                    flags.append("negative")
            out.append(
                ItemFigures(
                    quiz=quiz_id,
                    question=question,
                    kind=index.quizzes[quiz_id].kind,
                    prompt=info.prompt,
                    qtype=info.qtype,
                    answers=n,
                    facility=facility,
                    discrimination=discrimination,
                    wrong=tuple((self._shown[text], count / n) for text, count in wrong),
                    flags=tuple(flags),
                )
            )
        return tuple(out)
