"""The light description of a course that reports and exports need (built once per run)."""

from __future__ import annotations

from course.content.course import Course
from course.content.model import Quiz, question_text
from course.reports.model import CourseIndex, LessonInfo, ModuleInfo, QuestionInfo, QuizInfo, QuizKind


def _quiz_info(course: Course, quiz: Quiz, kind: QuizKind, module: str, lesson: str | None) -> QuizInfo:
    sets = quiz.discernment
    return QuizInfo(
        id=quiz.id,
        title=course.quiz_title(quiz),
        kind=kind,
        module=module,
        lesson=lesson,
        questions=tuple(q.id for q in quiz.questions),
        pass_ratio=quiz.pass_ratio,
        reliable=tuple(sets.reliable) if sets else (),
        misleading=tuple(sets.misleading) if sets else (),
    )


def build_index(course: Course) -> CourseIndex:
    """Modules, lessons and quizzes in course order; each module's pre-test first, post-test last."""
    modules: dict[str, ModuleInfo] = {}
    lessons: dict[str, LessonInfo] = {}
    quizzes: dict[str, QuizInfo] = {}
    for module in course.modules:
        pretest = course.quizzes.get(module.pretest or "")
        if pretest is not None:
            quizzes[pretest.id] = _quiz_info(course, pretest, "pretest", module.id, None)
        for lesson in course.lessons_of(module):
            quiz = course.quiz_for(lesson)
            lessons[lesson.id] = LessonInfo(lesson.id, lesson.title, module.id, quiz.id if quiz else None)
            if quiz is not None and quiz.id not in quizzes:
                quizzes[quiz.id] = _quiz_info(course, quiz, "lesson", module.id, lesson.id)
        posttest = course.quizzes.get(module.posttest or "")
        if posttest is not None:
            quizzes[posttest.id] = _quiz_info(course, posttest, "posttest", module.id, None)
        modules[module.id] = ModuleInfo(
            module.id,
            module.title,
            tuple(x.id for x in course.lessons_of(module)),
            pretest.id if pretest else None,
            posttest.id if posttest else None,
        )
    questions = {
        (quiz_id, question.id): QuestionInfo(question_text(question), question.type)
        for quiz_id in quizzes
        for question in course.quizzes[quiz_id].questions
    }
    return CourseIndex(course.title, modules, lessons, quizzes, questions)
