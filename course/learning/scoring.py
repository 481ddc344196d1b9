"""The one rule that turns stored answers into attempts, scores and passes.

The learner's app (journey) and every report read attempts through these
functions, so a score shown to a learner is the score her trainer and the
funder see. Answers are plain mappings here (a stored answer's dict or an
`AnswerRecord`'s), so reports can score without building objects.

An attempt is a *sitting*: the answers given under one sitting id. Older stores
have no sitting ids; their answers are grouped by attempt number instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from course.content.model import DEFAULT_PASS_RATIO

_EPSILON = 1e-9

__all__ = ["DEFAULT_PASS_RATIO", "attempt_score", "is_passed", "latest_by_question", "sitting_key"]


def sitting_key(answer: Mapping[str, Any] | Any) -> str:
    """Which attempt an answer belongs to: its sitting id, else "#<attempt number>" (old data)."""
    get = (
        answer.get
        if isinstance(answer, Mapping)
        else lambda name, default=None: getattr(answer, name, default)
    )
    sitting = get("sitting", "")
    if isinstance(sitting, str) and sitting:
        return sitting
    attempt = get("attempt", 1)
    return f"#{attempt if isinstance(attempt, int) and not isinstance(attempt, bool) else 1}"


def latest_by_question(answers: Iterable[Any], questions: Iterable[str] | None = None) -> dict[str, Any]:
    """Within one sitting, each question's latest answer (answers come in time order).

    With `questions`, answers to questions the quiz no longer has are left out.
    """
    keep = set(questions) if questions is not None else None
    latest: dict[str, Any] = {}
    for answer in answers:
        question = answer["question"] if isinstance(answer, Mapping) else answer.question
        if keep is None or question in keep:
            latest[question] = answer
    return latest


def attempt_score(scores: Iterable[float], question_count: int) -> float:
    """A sitting's score: the marks of its questions over ALL the quiz's questions (0..1)."""
    if question_count <= 0:
        return 0.0
    return round(sum(scores) / question_count, 4)


def is_passed(score: float, pass_ratio: float = DEFAULT_PASS_RATIO) -> bool:
    return score + _EPSILON >= pass_ratio
