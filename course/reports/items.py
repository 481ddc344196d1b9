"""Item analysis, as Moodle's quiz statistics give it, over each learner's first sitting.

Facility: the mean mark. Discrimination: the correlation between the mark on the
question and the mark on the rest of the sitting (a good question is answered
better by those who do better elsewhere). Each wrong answer's share of all the
answers shows which misconception is common. Lesson quizzes and module tests alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from course.reports.learner_pass import Mark
from course.reports.model import CourseIndex, ItemFigures
from course.reports.stats import correlation

EASY = 0.9
HARD = 0.2


class ItemCollector:
    """Marks gathered learner by learner; only small numbers and answer texts are kept."""

    def __init__(self) -> None:
        self._marks: dict[str, dict[str, tuple[list[float], list[float], Counter[str]]]] = {}
        """Quiz → question → the marks, the marks on the rest of the sitting (per learner), and
        how often each wrong answer (folded) was given."""
        self._shown: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        """Answer text → its folded form (most wrong answers repeat)."""

    def add(self, first_sittings: Mapping[str, tuple[Mapping[str, Mark], float]], index: CourseIndex) -> None:
        every, quizzes, folded_texts = self._marks, index.quizzes, self._folded
        for quiz_id, (latest, _) in first_sittings.items():
            if quiz_id not in quizzes:
                continue
            marks = every.get(quiz_id)
            if marks is None:
                marks = every[quiz_id] = {}
            total = sum([mark[0] for mark in latest.values()])
            for question, (score, correct, response_text) in latest.items():
                found = marks.get(question)
                if found is None:
                    found = marks[question] = ([], [], Counter())
                found[0].append(score)
                found[1].append(total - score)
                if not correct and response_text:
                    folded = folded_texts.get(response_text)
                    if folded is None:
                        folded = self._fold(response_text)
                    if folded:
                        found[2][folded] += 1

    def _fold(self, response: str) -> str:
        """An answer text as wrong answers are counted: spaces collapsed, no case."""
        text = " ".join(response.split())
        folded = self._folded[response] = text.casefold()
        self._shown.setdefault(folded, text)
        return folded

    def figures(self, index: CourseIndex, min_answers: int) -> tuple[ItemFigures, ...]:
        out = []
        for (quiz_id, question), info in index.questions.items():
            marks = self._marks.get(quiz_id, {}).get(question)
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
