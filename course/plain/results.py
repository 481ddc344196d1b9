"""The end of a quiz in lines: score in words and figures, passed or not, what to review, the attempts.

The figures come from `Journey` (finish, results, calibration) exactly as the
full-screen results show them; the percentages are written out, never drawn.
"""

from __future__ import annotations

from course.content.model import Quiz, question_text
from course.i18n import t
from course.learning.journey import AttemptResult, Journey
from course.plain.answers import spoken
from course.quiz.grading import expected_text


def result_lines(journey: Journey, quiz: Quiz, result: AttemptResult) -> list[str]:
    """Every line of the results of one attempt, in reading order."""
    course = journey.course
    total = len(quiz.questions)
    right = total - len(result.missed)
    lines = [t("plain.results.title", title=course.quiz_title(quiz)),
             t("plain.results.score", count=right, total=total, percent=round(result.score * 100))]
    module_pre = any(m.pretest == quiz.id for m in course.modules)
    module_post = next((m for m in course.modules if m.posttest == quiz.id), None)
    if module_pre:
        lines.append(t("results.pretest_done"))
    elif module_post is not None:
        before = journey.results(module_post.pretest) if module_post.pretest else []
        if before:
            gain = round((result.score - before[0].score) * 100)
            lines.append(t("results.posttest_gain", gain=f"{gain:+d}", before=round(before[0].score * 100)))
        else:
            lines.append(t("results.posttest_done"))
    else:
        need = round(quiz.pass_ratio * 100)
        lines.append(t("results.passed" if result.passed else "results.failed", need=need))
    lines += _missed(journey, quiz, result) + _calibration(journey, quiz, result)
    lines.append(t("results.history"))
    for past in journey.results(quiz.id)[-5:]:
        percent = round(past.score * 100)
        if module_pre or module_post is not None:  # a module test measures; it is neither passed nor failed
            lines.append(t("plain.results.attempt_test", n=past.number, percent=percent))
            continue
        state = t("plain.results.passed" if past.passed else "plain.results.not_passed")
        lines.append(t("plain.results.attempt", n=past.number, percent=percent, state=state))
    return lines


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
    rows = journey.calibration(quiz.id, result.number)
    if not rows:
        return []
    lines = [t("plain.calib.title")]
    for (sure, right), count in sorted(rows.items(), key=lambda r: (-r[0][0], not r[0][1])):
        words = {(True, True): t("plain.calib.sure_right", count=count),
                 (True, False): t("plain.calib.sure_wrong", count=count),
                 (False, True): t("plain.calib.unsure_right", count=count),
                 (False, False): t("plain.calib.unsure_wrong", count=count)}
        lines.append("  " + words[(sure, right)])
    if rows.get((True, False)):
        lines.append(t("plain.calib.advice_overconfident"))
    elif rows.get((False, True)):
        lines.append(t("results.calib.advice_underconfident"))
    return lines
