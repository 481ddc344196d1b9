"""Measured impact: each learner's score on a module's pre-test and post-test, and the gain.

The first finished attempt of each test counts (a retried pre-test would no
longer measure where the learner started). Pure data, no Textual, no Rich.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from course.content.course import Course


@dataclass(frozen=True, slots=True)
class ImpactRow:
    learner: str
    module: str
    pre: float | None
    post: float | None

    @property
    def gain(self) -> float | None:
        return None if self.pre is None or self.post is None else self.post - self.pre


def _first_attempt_score(answers: list[Mapping[str, Any]], question_count: int) -> float | None:
    attempts: dict[int, dict[str, float]] = defaultdict(dict)
    for answer in sorted(answers, key=lambda a: str(a.get("timestamp", ""))):
        attempts[int(answer.get("attempt", 1))][str(answer.get("question"))] = float(answer.get("score", 0))
    for number in sorted(attempts):
        scores = attempts[number]
        if len(scores) >= question_count:
            return sum(scores.values()) / question_count
    return None


def impact_rows(course: Course, answers: Iterable[Mapping[str, Any]]) -> list[ImpactRow]:
    """One row per learner and module that has a pre-test or a post-test taken."""
    by_quiz: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for answer in answers:
        if answer.get("mode", "quiz") == "quiz":
            by_quiz[(str(answer.get("learner")), str(answer.get("quiz")))].append(answer)
    learners = sorted({learner for learner, _ in by_quiz})
    rows = []
    for module in course.modules:
        if not module.pretest and not module.posttest:
            continue
        for learner in learners:
            scores = []
            for quiz_id in (module.pretest, module.posttest):
                quiz = course.quizzes.get(quiz_id or "")
                taken = by_quiz.get((learner, quiz_id or ""), [])
                scores.append(_first_attempt_score(taken, len(quiz.questions)) if quiz and taken else None)
            if scores[0] is not None or scores[1] is not None:
                rows.append(ImpactRow(learner, module.id, scores[0], scores[1]))
    return rows


def mean_gain(rows: Iterable[ImpactRow]) -> float | None:
    gains = [r.gain for r in rows if r.gain is not None]
    return sum(gains) / len(gains) if gains else None
