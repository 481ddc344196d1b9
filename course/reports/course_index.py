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
