"""The light description of a course that reports and exports need."""

from __future__ import annotations

from course.content.course import Course
from course.content.model import question_text
from course.reports.stats import CourseIndex, LessonInfo, QuestionInfo


def build_index(course: Course) -> CourseIndex:
    lessons: dict[str, LessonInfo] = {}
    questions: dict[tuple[str, str], QuestionInfo] = {}
    for module in course.modules:
        for lesson in course.lessons_of(module):
            quiz = course.quiz_for(lesson)
            lessons[lesson.id] = LessonInfo(lesson.title, module.title, quiz.id if quiz else None,
                                            len(quiz.questions) if quiz else 0, quiz.pass_ratio if quiz else 0.7)
            for question in quiz.questions if quiz else []:
                questions[(quiz.id, question.id)] = QuestionInfo(question_text(question), question.type, lesson.id)
    return CourseIndex(title=course.title, lessons=lessons, questions=questions,
                       modules=tuple(m.title for m in course.modules))


def lesson_quiz_answers(course: Course, answers: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    """The answers that belong in the per-lesson report: lesson quizzes and reviews only.

    Pre-tests and post-tests have their own table (the measured impact), and the choices made
    in scenarios, simulators and inspectors are activities, not quiz answers.
    """
    tests = {ref for module in course.modules for ref in (module.pretest, module.posttest) if ref}
    return [a for a in answers if a.get("mode", "quiz") in ("quiz", "review") and a.get("quiz") not in tests]
