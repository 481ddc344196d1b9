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
    pre_discernment: float | None = None
    post_discernment: float | None = None

    @property
    def gain(self) -> float | None:
        return None if self.pre is None or self.post is None else self.post - self.pre


def _first_full_attempt(answers: list[Mapping[str, Any]], question_count: int) -> dict[str, Mapping[str, Any]] | None:
    """The answers (by question) of the first attempt that covered the whole test."""
    attempts: dict[int, dict[str, Mapping[str, Any]]] = defaultdict(dict)
    for answer in sorted(answers, key=lambda a: str(a.get("timestamp", ""))):
        attempts[int(answer.get("attempt", 1))][str(answer.get("question"))] = answer
    for number in sorted(attempts):
        if len(attempts[number]) >= question_count:
            return attempts[number]
    return None


def discernment_index(by_question: Mapping[str, Mapping[str, Any]], reliable: list[str],
                      misleading: list[str]) -> float | None:
    """Hit rate on misleading items minus false-alarm rate on reliable ones (−1 to 1).

    A learner who doubts everything, or trusts everything, scores about 0: discernment is
    telling the two apart, not suspicion.
    """
    hits = [bool(by_question[q].get("correct")) for q in misleading if q in by_question]
    kept = [bool(by_question[q].get("correct")) for q in reliable if q in by_question]
    if not hits or not kept:
        return None
    return sum(hits) / len(hits) - (1 - sum(kept) / len(kept))


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
            scores: list[float | None] = []
            indexes: list[float | None] = []
            for quiz_id in (module.pretest, module.posttest):
                quiz = course.quizzes.get(quiz_id or "")
                taken = by_quiz.get((learner, quiz_id or ""), [])
                attempt = _first_full_attempt(taken, len(quiz.questions)) if quiz and taken else None
                if quiz is None or attempt is None:
                    scores.append(None)
                    indexes.append(None)
                    continue
                scores.append(sum(float(a.get("score", 0)) for a in attempt.values()) / len(quiz.questions))
                sets = quiz.discernment
                indexes.append(discernment_index(attempt, sets.reliable, sets.misleading) if sets else None)
            if scores[0] is not None or scores[1] is not None:
                rows.append(ImpactRow(learner, module.id, scores[0], scores[1], indexes[0], indexes[1]))
    return rows


def mean_gain(rows: Iterable[ImpactRow]) -> float | None:
    gains = [r.gain for r in rows if r.gain is not None]
    return sum(gains) / len(gains) if gains else None
