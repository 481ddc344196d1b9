"""Rules that span a file or several: unique ids, references, question-type rules.

A question that breaks its type's rule is left out of its quiz (and reported),
so a learner never meets a question that cannot be answered right.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from course.content.course import Course
from course.content.interactive_checks import check_lesson
from course.content.model import (
    CourseInfo,
    Glossary,
    GlossaryTerm,
    Lesson,
    MatchQuestion,
    Module,
    MultipleQuestion,
    OrderQuestion,
    Pos,
    Question,
    Quiz,
    ShortQuestion,
    SingleQuestion,
    place,
)
from course.content.problems import Problem, Severity, in_reading_order
from course.text.normalise import normalise_answer


def _at(problems: list[Problem], pos: Pos, code: str, severity: Severity = "error", **params: object) -> None:
    problems.append(Problem.make(pos.path, pos.line, pos.col, code, severity, **params))


def with_module(lesson: Lesson, module_id: str) -> Lesson:
    return dataclasses.replace(lesson, module=module_id)


def finish_module(module: Module | None, folder: str, lesson_ids: list[str]) -> Module:
    """The module of a folder, even when its module.yaml is missing or broken."""
    if module is None:
        module = Module(title=folder, order=10_000)
    return dataclasses.replace(module, id=folder, lessons=tuple(lesson_ids))


def _unique(items: Iterable[Any], what: str, problems: list[Problem]) -> dict[str, Any]:
    kept: dict[str, Any] = {}
    for item in items:
        first = kept.get(item.id)
        if first is not None:
            _at(
                problems,
                item.pos,
                "duplicate_id",
                what=what,
                id=item.id,
                first=f"{first.pos.path}:{first.pos.line}",
            )
            continue
        kept[item.id] = item
    return kept


def question_problems(question: Question) -> list[Problem]:
    """What makes a question impossible to answer right, per its type."""
    found: list[Problem] = []
    if isinstance(question, SingleQuestion):
        right = sum(c.correct for c in question.choices)
        if right != 1:
            _at(found, question.pos, "single_needs_one", count=right)
    elif isinstance(question, MultipleQuestion):
        if not any(c.correct for c in question.choices):
            _at(found, question.pos, "multiple_needs_one")
    elif isinstance(question, OrderQuestion):
        if len(question.items) < 2:
            _at(found, question.pos, "order_needs_two")
        elif len(set(question.items)) != len(question.items):
            _at(found, question.pos, "order_distinct")
    elif isinstance(question, MatchQuestion):
        if len(question.pairs) < 2:
            _at(found, question.pos, "match_needs_two")
        lefts = [p.left for p in question.pairs]
        rights = [p.right for p in question.pairs]
        if len(set(lefts)) != len(lefts) or len(set(rights)) != len(rights):
            _at(found, question.pos, "match_distinct")
    elif isinstance(question, ShortQuestion) and not any(normalise_answer(a) for a in question.accept):
        _at(found, question.pos, "short_needs_one")
    if hasattr(question, "choices") and len(question.choices) < 2:
        _at(found, question.pos, "choices_needs_two")
    return found


def _check_quiz(quiz: Quiz, problems: list[Problem], cues: bool = True) -> Quiz | None:
    kept = []
    seen: dict[str, Question] = {}
    for question in quiz.questions:
        if question.id in seen:
            _at(
                problems,
                question.pos,
                "duplicate_id",
                what="question",
                id=question.id,
                first=f"{seen[question.id].pos.path}:{seen[question.id].pos.line}",
            )
            continue
        seen[question.id] = question
        found = question_problems(question)
        problems += found
        if not question.explanation:
            _at(problems, question.pos, "no_explanation", "warning", id=question.id)
        if not found:
            kept.append(question)
    if quiz.discernment is not None:
        for key in ("reliable", "misleading"):
            for ident in getattr(quiz.discernment, key):
                if ident not in seen:
                    _at(
                        problems,
                        place(quiz.discernment, key, ident),
                        "unknown_ref",
                        what="question",
                        id=ident,
                    )
    if cues:
        from course.content.cue_checks import quiz_cues

        problems += quiz_cues(kept)
    if not 0 <= quiz.pass_ratio <= 1:
        _at(problems, quiz.pos, "pass_ratio")
    if not kept:
        return None
    return dataclasses.replace(quiz, questions=kept)


Refused = dict[tuple[str, str], Problem]  # (what, id) of an object that could not be read -> why


def assemble(
    root: Path,
    info: CourseInfo | None,
    glossary: Glossary | None,
    modules: list[Module],
    lessons: list[Lesson],
    quizzes: list[Quiz],
    problems: list[Problem],
    files: int,
    refused: Refused | None = None,
    defer_warnings: bool = False,
) -> Course:
    """Put the parts together and check every cross-file rule.

    `refused` names the ids whose object could not be read: a reference to one of
    them is reported as a consequence of that problem, not as a mistake of its own.
    With `defer_warnings`, the checks that can only warn (`warning_checks`) run when the
    course's problems are first read.
    """
    refused = dict(refused or {})
    terms: dict[str, GlossaryTerm] = _unique(glossary.terms if glossary else [], "glossary", problems)
    lesson_map: dict[str, Lesson] = {}
    for lesson_id, lesson in _unique(lessons, "lesson", problems).items():
        before = len(problems)
        checked_lesson = check_lesson(lesson, problems)
        if checked_lesson is not None:
            lesson_map[lesson_id] = checked_lesson
        elif len(problems) > before:
            refused.setdefault(("lesson", lesson_id), problems[before])
    quiz_map: dict[str, Quiz] = {}
    for quiz_id, quiz in _unique(quizzes, "quiz", problems).items():
        before = len(problems)
        checked = _check_quiz(quiz, problems, cues=not defer_warnings)
        if checked is not None:
            quiz_map[quiz_id] = checked
        else:
            first = next((p for p in problems[before:] if p.severity == "error"), None)
            if first is not None:
                refused.setdefault(("quiz", quiz_id), first)
    check = _References(problems, refused)
    for term in terms.values():
        for ref in term.see_also:
            if ref not in terms:
                check.unknown(term, "see_also", "glossary", ref, terms)
    for lesson in lesson_map.values():
        if lesson.duration_min < 1:
            _at(problems, lesson.pos, "duration")
        if not defer_warnings:
            from course.content.section_checks import section_problems

            problems += section_problems(lesson, root)
        for ref in lesson.glossary:
            if ref not in terms:
                check.unknown(lesson, "glossary", "glossary", ref, terms)
        if lesson.quiz and lesson.quiz not in quiz_map and lesson.quiz not in {q.id for q in quizzes}:
            check.unknown(lesson, "quiz", "quiz", lesson.quiz, quiz_map)
    tests = {ref for m in modules for ref in (m.pretest, m.posttest) if ref}
    for module in modules:
        for key in ("pretest", "posttest"):
            ref = getattr(module, key)
            if ref and ref not in quiz_map:
                check.unknown(module, key, "quiz", ref, quiz_map)
    for quiz in quizzes:
        if quiz.id in tests and quiz.lesson in lesson_map:
            continue
        if quiz.lesson not in lesson_map:
            check.unknown(quiz, "lesson", "lesson", quiz.lesson, lesson_map)
        elif lesson_map[quiz.lesson].quiz is None and quiz.id in quiz_map:
            _at(problems, place(quiz, "lesson"), "orphan_quiz", "warning", id=quiz.id, lesson=quiz.lesson)
        elif lesson_map[quiz.lesson].quiz not in (None, quiz.id):
            _at(problems, quiz.pos, "quiz_lesson_mismatch", "warning", id=quiz.id, lesson=quiz.lesson)
    kept_ids = set(lesson_map)
    modules = [
        dataclasses.replace(
            m,
            lessons=tuple(
                dict.fromkeys(i for i in m.lessons if i in kept_ids and lesson_map[i].module == m.id)
            ),
        )
        for m in modules
    ]
    problems[:] = in_reading_order(problems)
    return Course(root, info, modules, lesson_map, quiz_map, terms, problems, files, defer_warnings)


def warning_checks(
    root: Path, lessons: dict[str, Lesson], quizzes: dict[str, Quiz], reported: list[Problem]
) -> list[Problem]:
    """`reported` (in reading order) with the warnings of `assemble(..., defer_warnings=True)`
    added: each section's images and height, each quiz's cues, as a full check reports them.

    Sorting again gives the same order: these warnings come after every other problem at
    their place, and `in_reading_order` moves each consequence after its cause again.
    """
    from course.content.cue_checks import quiz_cues  # imported when first needed: not at a start
    from course.content.section_checks import section_problems

    deferred = [p for lesson in lessons.values() for p in section_problems(lesson, root)]
    deferred += [p for quiz in quizzes.values() for p in quiz_cues(quiz.questions)]
    if not deferred:
        return reported
    return in_reading_order([*reported, *deferred])


class _References:
    """Reports references to nothing at the reference itself, or as a consequence of their cause."""

    def __init__(self, problems: list[Problem], refused: Refused) -> None:
        self.problems = problems
        self.refused = refused

    def unknown(self, owner: object, key: str, what: str, ident: str, known: Iterable[str]) -> None:
        """`owner.key` names `ident`, which no `what` has (the closest id suggested, if any)."""
        from course.content.build import suggest

        pos = place(owner, key, ident if isinstance(getattr(owner, key), list) else None)
        cause = self.refused.get((what, ident)) or self.refused.get((what, "*"))
        if cause is not None:
            problem = Problem.make(pos.path, pos.line, pos.col, "unknown_ref_broken", what=what, id=ident)
            self.problems.append(problem.following(cause))
            return
        hint = suggest(ident, known)
        if hint:
            _at(self.problems, pos, "unknown_ref_hint", what=what, id=ident, hint=hint)
        else:
            _at(self.problems, pos, "unknown_ref", what=what, id=ident)
