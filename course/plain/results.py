"""The end of a quiz in lines: score in words and figures, passed or not, what to review, the attempts.

The figures and the rules come from `Journey` (finish, results, module tests,
confidence counts) exactly as the full-screen results read them; percentages
are written out, never drawn, and a module test is never marked passed or failed.
"""

from __future__ import annotations

from course.content.model import Quiz, question_text
from course.i18n import t
from course.learning.journey import AttemptResult, Journey
from course.plain.answers import spoken
from course.quiz.grading import expected_text

CONFIDENCE_LEVELS = (3, 2, 1)
"""Confidence as chosen, the surest first (as on the full-screen results)."""


def result_lines(journey: Journey, quiz: Quiz, result: AttemptResult) -> list[str]:
    """Every line of the results of one attempt, in reading order."""
    kind = journey.module_test_kind(quiz)
    lines = [t("plain.results.title", title=journey.course.quiz_title(quiz)), *_score(quiz, result)]
    if kind == "pretest":
        lines.append(t("results.pretest_done"))
    elif kind == "posttest":
        module = next(m for m in journey.course.modules if m.posttest == quiz.id)
        before = journey.first_result(module.pretest) if module.pretest else None
        if before is not None:
            gain = round((result.score - before.score) * 100)
            lines.append(t("results.posttest_gain", gain=f"{gain:+d}", before=round(before.score * 100)))
        else:
            lines.append(t("results.posttest_done"))
    else:
        need = round(quiz.pass_ratio * 100)
        lines.append(t("results.passed" if result.passed else "results.failed", need=need))
    lines += _missed(journey, quiz, result) + _calibration(journey, quiz, result)
    lines.append(t("results.history"))
    for past in journey.last_results(quiz.id, 5):
        percent = round(past.score * 100)
        if kind is not None:  # a module test measures; it is neither passed nor failed
            lines.append(t("plain.results.attempt_test", n=past.number, percent=percent))
            continue
        state = t("plain.results.passed" if past.passed else "plain.results.not_passed")
        lines.append(t("plain.results.attempt", n=past.number, percent=percent, state=state))
    return lines


def _score(quiz: Quiz, result: AttemptResult) -> list[str]:
    """The score line, partial credit named as such when there is some."""
    total = len(quiz.questions)
    partial = len(result.partial)
    right = total - len(result.missed)
    percent = round(result.score * 100)
    if partial:
        return [
            t("results.score_partial", right=right, partial=partial, total=total, percent=percent),
            t("results.partial_note"),
        ]
    return [t("results.score_whole", right=right, total=total, percent=percent)]


def _missed(journey: Journey, quiz: Quiz, result: AttemptResult) -> list[str]:
    if not result.missed:
        return [t("results.none_missed")]
    lines = [t("results.missed_title")]
    for question_id in result.missed:
        question = journey.course.question(quiz.id, question_id)
        if question is None:
            continue
        lines.append("- " + question_text(question))
        if quiz.mode == "evaluation":
            answer = expected_text(question, true_word=t("quiz.true"), false_word=t("quiz.false"))
            lines.append("  " + t("results.solution", answer=spoken(answer)))
    lines.append(t("results.review_hint"))
    return lines


def _calibration(journey: Journey, quiz: Quiz, result: AttemptResult) -> list[str]:
    """How sure the learner said they were, level by level as chosen, against how right they were."""
    rows = journey.confidence_counts(quiz.id, result.number)
    if not rows:
        return []
    names = {1: t("plain.calib.level.1"), 2: t("plain.calib.level.2"), 3: t("plain.calib.level.3")}
    lines = [t("results.calibration")]
    for level in CONFIDENCE_LEVELS:
        for right in (True, False):
            count = rows.get((level, right), 0)
            if count:
                line = t(
                    "results.calib.level_right"
                    if right
                    else "results.calib.level_wrong"
                    if level > 1
                    else "results.calib.level_wrong_unsure",
                    level=names[level],
                    count=count,
                )
                lines.append("  " + line)
    if rows.get((3, False)):
        lines.append(t("plain.calib.advice_overconfident"))
    elif rows.get((1, True)):
        lines.append(t("results.calib.advice_underconfident"))
    return lines
