"""What follows an answer: the verdict and everything said after it, decided once for every interface.

No words here beyond the trainer's own texts: each interface words the parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from course.content.model import MultipleQuestion, Question
from course.quiz.grading import Grade

Verdict = Literal["right", "partly", "wrong"]


@dataclass(frozen=True, slots=True)
class Feedback:
    verdict: Verdict
    percent: int
    """The share of the answer that was right, 0..100."""
    spelling: str | None
    """The right spelling, when a slip was forgiven."""
    expected: str | None
    """The right answer, when it is to be shown (never in practice, where the learner tries again)."""
    choice_feedback: list[str] = field(default_factory=list)
    """The trainer's feedback on the choices picked."""
    missed: list[str] = field(default_factory=list)
    """Right choices of a multiple-choice question that were left unticked (empty when they are
    the whole right answer and that answer is shown: it is said once)."""
    retry: bool = False
    """Practice quiz answered wrong: the same question comes back at once."""
    explanation: str = ""
    """The question's explanation (withheld while a retry is pending)."""


def feedback_for(question: Question, result: Grade, quiz_mode: str, asking: str = "quiz") -> Feedback:
    """The parts of the feedback on `result`; `asking` is "quiz" or "review"."""
    verdict: Verdict = "right" if result.correct else "partly" if result.score > 0 else "wrong"
    missed: list[str] = []
    if isinstance(question, MultipleQuestion) and not result.correct:
        missed = [c.text for i, c in enumerate(question.choices) if c.correct and i not in result.response]
    retry = quiz_mode == "practice" and not result.correct and asking == "quiz"
    expected = None if result.correct or quiz_mode == "practice" else result.expected_text
    if expected is not None and len(missed) == sum(c.correct for c in getattr(question, "choices", ())):
        missed = []  # every right choice was missed: the right answer, shown, already lists them
    return Feedback(
        verdict,
        round(result.score * 100),
        result.spelling,
        expected,
        list(result.feedback),
        missed,
        retry,
        "" if retry else question.explanation or "",
    )
