"""A loaded course: its parts by id, in reading order, and what was wrong with it."""

from __future__ import annotations

from collections.abc import Callable
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
    reported: list[Problem] = field(default_factory=list)
    files_read: int = 0
    # The checks that can only warn (a section taller than the screen, an image not shown, a
    # quiz's cues) have not run yet: a learner's start needs none of them, so they run when
    # `problems` or `warnings` is first read (by `atelier validate`, the preview...).
    warnings_pending: bool = False
    # Set on a course read back from the cache without its places in the files (every `pos` is
    # then `Pos()`, and every `places` value): gives the same course with them, or None if it
    # cannot. Only the checks left pending need places; the learner's app needs none.
    positions: Callable[[], Course | None] | None = field(default=None, repr=False, compare=False)

    @property
    def problems(self) -> list[Problem]:
        """Every problem, in reading order (the checks that only warn run on first reading)."""
        if self.warnings_pending:
            from course.content.checks import warning_checks

            placed = self._placed()
            self.reported = warning_checks(self.root, placed.lessons, placed.quizzes, self.reported)
            self.warnings_pending = False
        return self.reported

    def _placed(self) -> Course:
        """This course with its places in the files: itself, unless read back without them."""
        if self.positions is None:
            return self
        placed = self.positions()
        if placed is None:  # its cache gone meanwhile: the files again (as they were read, or said so)
            from course.content.loader import load_course

            placed = load_course(self.root)
        return placed

    @property
    def title(self) -> str:
        return self.info.title if self.info else self.root.name

    @property
    def errors(self) -> list[Problem]:
        # The checks left pending only warn: the errors are all reported already.
        return [p for p in self.reported if p.severity == "error"]

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
