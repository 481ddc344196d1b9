"""`atelier preview FILE`: one lesson or quiz as learners see it, re-rendered on every save.

The course around the file is loaded so glossary terms and quizzes resolve;
answers go to a throwaway store. While the file has errors they are shown in
place of the lesson, and the preview comes back as soon as they are fixed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from course.content.loader import load_course
from course.i18n import t
from course.learning.journey import Journey
from course.progress import ProgressStore
from course.text.safe import clean_block, clean_terminal
from course.ui.course_app import AtelierApp, Settings

POLL_SECONDS = 0.5


def find_course_root(file: Path) -> Path | None:
    """The folder above `lessons/` or `quizzes/` that holds the file, if any."""
    for parent in file.resolve().parents:
        if parent.name in ("lessons", "quizzes") and (parent.parent / "lessons").is_dir():
            return parent.parent
    return None


class PreviewApp(AtelierApp):
    def __init__(self, file: Path, root: Path) -> None:
        self.file = file.resolve()
        self.root = root
        self._folder = tempfile.TemporaryDirectory(prefix="atelier-preview-")
        store = ProgressStore(Path(self._folder.name))
        super().__init__(load_course(root), store, Settings(learner=None))
        self._stamp = self._file_stamp()
        self._section = 0
        self._question = 0
        self._end_said = False

    @property
    def rel(self) -> str:
        return self.file.relative_to(self.root.resolve()).as_posix()

    def _file_stamp(self) -> tuple[tuple[str, int, int], ...]:
        """Every course file with its time and size: a change to the glossary, the module, the quiz
        or anything else the shown file uses is seen like a change to the file itself."""
        found = []
        for folder in ("lessons", "quizzes"):
            for dirpath, dirnames, filenames in os.walk(self.root / folder):
                dirnames.sort()
                for name in sorted(filenames):
                    try:
                        info = os.stat(os.path.join(dirpath, name))
                    except OSError:
                        continue
                    found.append((os.path.join(dirpath, name), info.st_mtime_ns, info.st_size))
        return tuple(found)

    def begin(self) -> None:
        self.sub_title = t("preview.subtitle", path=self.rel)
        self._show()
        self.set_interval(POLL_SECONDS, self._poll)

    def _poll(self) -> None:
        stamp = self._file_stamp()
        if stamp != self._stamp:
            self._stamp = stamp
            self.reload()

    def reload(self) -> None:
        """Read the course again and show the file at the same place."""
        from course.ui.screens.lesson import LessonScreen
        from course.ui.screens.quiz import QuizScreen

        self._stamp = self._file_stamp()
        screen = self.screen
        if isinstance(screen, LessonScreen):
            self._section = screen.index
        elif isinstance(screen, QuizScreen):
            self._question = screen.done_before + screen.index
        self.course = load_course(self.root)
        self._show()

    def _show(self) -> None:
        from course.ui.screens.lesson import LessonScreen
        from course.ui.screens.problems import ProblemsScreen

        problems = [p for p in self.course.problems if p.path == self.rel]
        lesson = next((x for x in self.course.lessons.values() if x.pos.path == self.rel), None)
        quiz = next((x for x in self.course.quizzes.values() if x.pos.path == self.rel), None)
        errors = [p for p in problems if p.severity == "error"]
        if errors or (lesson is None and quiz is None and not self._other_file()):
            # The last good view stays under the problems: Esc goes back to it.
            while isinstance(self.screen, ProblemsScreen):
                self.pop_screen()
            back = len(self.screen_stack) > 1
            self.push_screen(ProblemsScreen(self.rel, problems or self._not_found(), back=back))
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self._end_said = False
        if self._show_other_file():
            return
        learner = self.store.create_learner(t("preview.learner"))
        self.journey = Journey(self.course, self.store, learner)
        if lesson is not None:
            section = min(self._section, len(lesson.sections) - 1)
            self.push_screen(LessonScreen(self.journey, lesson, section))
        elif quiz is not None:
            self._show_quiz(quiz)
        if problems:
            self.notify(
                clean_block("\n".join(p.message for p in problems[:3])),
                title=t("preview.warnings"),
                timeout=6,
                markup=False,
            )

    def _other_file(self) -> bool:
        """The glossary or a module.yaml: shown as learners meet them rather than as a lesson."""
        return self.rel == "lessons/glossary.yaml" or (
            self.file.name == "module.yaml" and self.file.parent.parent.name == "lessons"
        )

    def _show_other_file(self) -> bool:
        """glossary.yaml as the glossary a learner opens, module.yaml as the course map: True if shown."""
        from course.ui.screens.course_map import CourseMapScreen
        from course.ui.screens.dialogs import GlossaryScreen

        name = self.file.name
        if self.rel == "lessons/glossary.yaml":
            self.push_screen(GlossaryScreen(list(self.course.glossary.values()), self.course.title))
            return True
        if name == "module.yaml" and self.file.parent.parent.name == "lessons":
            learner = self.store.create_learner(t("preview.learner"))
            self.journey = Journey(self.course, self.store, learner)
            self.push_screen(CourseMapScreen(self.journey))
            return True
        return False

    def _show_quiz(self, quiz) -> None:  # type: ignore[no-untyped-def]
        from course.learning.quiz_items import QuizItem
        from course.ui.screens.quiz import QuizScreen

        assert self.journey is not None
        attempt = self.journey.attempt(quiz)
        start = min(self._question, len(quiz.questions) - 1)
        items = QuizItem.for_attempt(attempt, quiz.questions[start:])
        title = self.course.quiz_title(quiz)
        self.push_screen(
            QuizScreen(self.journey, items, title=title, total=len(quiz.questions), done_before=start)
        )

    def _not_found(self) -> list:  # type: ignore[type-arg]
        from course.content.problems import Problem

        return [Problem.make(self.rel, 1, 1, "not_in_course")]

    def lesson_finished(self, lesson) -> None:  # type: ignore[no-untyped-def]
        """Said once per showing of the lesson: pressing → again at the end stacks no copies."""
        if not self._end_said:
            self._end_said = True
            self.notify(t("preview.lesson_end"))

    def quiz_finished(self, screen) -> None:  # type: ignore[no-untyped-def]
        right = sum(g.correct for g in screen.grades)
        self.notify(t("review.done", right=right, total=len(screen.grades)))
        self._question = 0

    def go_back(self) -> None:
        self.exit()

    def on_unmount(self) -> None:
        self.store.close()
        self._folder.cleanup()


def run_preview(file: str, err) -> int:  # type: ignore[no-untyped-def]
    path = Path(file)
    if not path.is_file():
        err.write(t("preview.no_file", path=clean_terminal(file)) + "\n")
        return 2
    root = find_course_root(path)
    if root is None:
        err.write(t("preview.no_course", path=clean_terminal(file)) + "\n")
        return 2
    PreviewApp(path, root).run()
    return 0
