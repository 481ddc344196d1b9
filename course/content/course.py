"""A loaded course: its parts by id, in reading order, and what was wrong with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from course.content.model import CourseInfo, GlossaryTerm, Lesson, Module, Question, Quiz
from course.content.problems import Problem


class CourseNotFound(Exception):
    """The folder holds no `lessons/` folder: there is no course to read."""


@dataclass
class Course:
    root: Path
    info: CourseInfo | None
    modules: list[Module]
    lessons: dict[str, Lesson]
    quizzes: dict[str, Quiz]
    glossary: dict[str, GlossaryTerm]
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0

    @property
    def title(self) -> str:
        return self.info.title if self.info else self.root.name

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def files_with_errors(self) -> list[str]:
        """The files that could not be read whole, for the learner's notice: those with an
        error of their own. A file that only carries consequences of another file's error
        (`Problem.cause`) reads again once that file is fixed; `atelier validate` lists them."""
        return sorted({p.path for p in self.errors if p.cause is None})

    def lessons_of(self, module: Module) -> list[Lesson]:
        return [self.lessons[i] for i in module.lessons if i in self.lessons]

    def ordered_lessons(self) -> list[Lesson]:
        return [lesson for module in self.modules for lesson in self.lessons_of(module)]

    def quiz_title(self, quiz: Quiz) -> str:
        """The quiz's own title, else its lesson's, else its id."""
        lesson = self.lessons.get(quiz.lesson)
        return quiz.title or (lesson.title if lesson else quiz.id)

    def quiz_for(self, lesson: Lesson) -> Quiz | None:
        return self.quizzes.get(lesson.quiz) if lesson.quiz else None

    def module_of(self, lesson: Lesson) -> Module | None:
        return next((m for m in self.modules if m.id == lesson.module), None)

    def question(self, quiz_id: str, question_id: str) -> Question | None:
        quiz = self.quizzes.get(quiz_id)
        if quiz is None:
            return None
        return next((q for q in quiz.questions if q.id == question_id), None)

    def question_count(self) -> int:
        return sum(len(q.questions) for q in self.quizzes.values())
