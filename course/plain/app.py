"""The plain learner app: who is learning, the course map, and where each command leads.

It mirrors the full-screen app's flow (`course.ui.course_app`): the same
journey decides where « Continuer » leads, when a quiz may be retried and what
a reset clears; answers go to the same store at the moment they are given.
"""

from __future__ import annotations

from dataclasses import dataclass

from course.content.course import Course
from course.content.model import Lesson, Quiz
from course.i18n import t
from course.learning.journey import Journey
from course.learning.quiz_items import QuizItem, review_items
from course.plain.answers import numbers, spoken_range
from course.plain.console import BackRequested, Console, EndOfInput, QuitRequested, confirm
from course.plain.lesson import read_lesson
from course.plain.profile import choose_learner, profile_menu
from course.plain.quiz import PlainQuiz
from course.plain.results import result_lines
from course.progress import ProgressStore


@dataclass(frozen=True)
class Entry:
    """One numbered line of the map: a lesson, or a module's pre-test or post-test."""

    number: int
    module: str
    lesson: Lesson | None = None
    quiz: Quiz | None = None


class PlainApp:
    """The course line by line on one console: profile, map, lessons, quizzes, reviews, until quit or end of input."""

    def __init__(
        self,
        console: Console,
        course: Course,
        store: ProgressStore,
        learner: str | None = None,
        session: str | None = None,
    ) -> None:
        self.console = console
        self.course = course
        self.store = store
        self.learner_name = learner
        self.session = session
        self.journey: Journey | None = None

    def run(self) -> int:
        """Until the learner quits or the input ends; progress is already stored either way."""
        say = self.console.say
        try:
            say(self.course.title)
            for notice in getattr(self.store, "notices", []):
                say(notice.message)
            bad = self.course.files_with_errors()
            if bad:
                say(t("map.bad_files", count=len(bad), files=", ".join(bad)))
            self.journey = choose_learner(
                self.console, self.course, self.store, self.learner_name, self.session
            )
            self._map_loop()
        except QuitRequested:
            say(t("plain.bye"))
        except (EndOfInput, KeyboardInterrupt) as ended:
            self.console.blank()
            say(t("plain.bye"))
            return 130 if isinstance(ended, KeyboardInterrupt) else 0
        return 0

    # -- the map --------------------------------------------------------------------
    def _entries(self) -> list[Entry]:
        """The numbered lines of the map, module by module: pre-test, lessons, post-test."""
        entries: list[Entry] = []
        for module in self.course.modules:
            lessons = self.course.lessons_of(module)
            if not lessons:
                continue
            if module.pretest in self.course.quizzes:
                entries.append(Entry(len(entries) + 1, module.id, quiz=self.course.quizzes[module.pretest]))
            entries += [
                Entry(len(entries) + n, module.id, lesson=lesson) for n, lesson in enumerate(lessons, 1)
            ]
            if module.posttest in self.course.quizzes:
                entries.append(Entry(len(entries) + 1, module.id, quiz=self.course.quizzes[module.posttest]))
        return entries

    def show_map(self) -> None:
        """Every module with its lessons and tests, numbered, each with its state in words."""
        journey = self._journey
        say = self.console.say
        entries = self._entries()
        self.console.blank()
        self._header()
        for number, module in enumerate(self.course.modules, 1):
            if not self.course.lessons_of(module):
                continue
            percent = round(journey.module_ratio(list(module.lessons)) * 100)
            say(t("plain.map.module", n=number, title=module.title, percent=percent))
            for entry in (e for e in entries if e.module == module.id):
                if entry.lesson is not None:
                    say(self._lesson_line(entry.number, entry.lesson), indent=2)
                elif entry.quiz is not None:
                    label = t("map.pretest" if entry.quiz.id == module.pretest else "map.posttest")
                    first = journey.first_result(entry.quiz.id)
                    state = (
                        t("map.test_done", percent=round(first.score * 100))
                        if first is not None
                        else t("map.state.not_started")
                    )
                    say(t("plain.map.test", n=entry.number, label=label, state=state), indent=2)

    def _lesson_line(self, number: int, lesson: Lesson) -> str:
        status = self._journey.status(lesson)
        state = {
            "done": t("map.state.done"),
            "in_progress": t("map.state.in_progress"),
            "not_started": t("map.state.not_started"),
        }[status.state]
        if status.best_score is not None:
            state += ", " + t("map.score", percent=round(status.best_score * 100))
        return t("plain.map.lesson", n=number, title=lesson.title, state=state, minutes=lesson.duration_min)

    def _header(self) -> None:
        journey = self._journey
        lessons = self.course.ordered_lessons()
        done = sum(journey.status(lesson).state == "done" for lesson in lessons)
        percent = round(done / len(lessons) * 100) if lessons else 0
        self.console.say(
            t("plain.map.header", count=done, name=journey.learner.name, total=len(lessons), percent=percent)
        )

    def _status(self) -> None:
        """The short state said on coming back to the map: progress, reviews, where Continuer leads."""
        journey = self._journey
        due = len(journey.due_reviews())
        self.console.say(t("plain.map.reviews", count=due) if due else t("plain.map.reviews_none"))
        target = journey.continue_target()
        if target is None:
            self.console.say(t("map.all_done"))
        elif target[0] == "lesson":
            lesson = self.course.lessons[target[1]]
            self.console.say(
                t(
                    "plain.map.continue_lesson",
                    title=lesson.title,
                    n=journey.section(lesson) + 1,
                    total=len(lesson.sections),
                )
            )
        else:
            quiz = self.course.quizzes[target[1]]
            done = len(journey.attempt(quiz).answered) if journey.attempt_open(quiz) else 0
            self.console.say(
                t(
                    "plain.map.continue_quiz",
                    title=self.course.quiz_title(quiz),
                    n=done + 1,
                    total=len(quiz.questions),
                )
            )

    @property
    def _journey(self) -> Journey:
        assert self.journey is not None
        return self.journey

    def _map_loop(self) -> None:
        self.show_map()
        status = True
        while True:
            self.console.help_text = t("plain.help.map")
            if status:
                self.console.blank()
                self._status()
            count = len(self._entries())
            typed = self.console.ask(t("plain.map.howto", range=spoken_range(count)), back=False)
            try:
                status = self._command(typed, count)
            except BackRequested:
                self.console.say(t("plain.back_to_map"))
                status = True

    def _command(self, typed: str, count: int) -> bool:
        """Do what `typed` asks; False when it was not understood (nothing changed, no need to say the state)."""
        console = self.console
        found = numbers(typed)
        if found is not None and len(found) == 1:
            if not 1 <= found[0] <= count:
                console.say(t("plain.hint.no_such", n=found[0], range=spoken_range(count)))
                return False
            entry = self._entries()[found[0] - 1]
            if entry.lesson is not None:
                self.open_lesson(entry.lesson)
            elif entry.quiz is not None:
                self.start_quiz(entry.quiz)
        elif console.is_word(typed, t("plain.words.continue")):
            self.continue_course()
        elif console.is_word(typed, t("plain.words.review")):
            self.start_review()
        elif console.is_word(typed, t("plain.words.list")):
            self.show_map()
        elif console.is_word(typed, t("plain.words.profile")):
            self.journey = profile_menu(console, self.course, self.store, self._journey) or self._journey
        elif typed[:1].lower() == "x" and numbers(typed[1:]) is not None:
            self._reset(numbers(typed[1:]) or [0], count)
        else:
            console.say(t("plain.hint.map"))
            return False
        return True

    def _reset(self, found: list[int], count: int) -> None:
        entry = self._entries()[found[0] - 1] if len(found) == 1 and 1 <= found[0] <= count else None
        if entry is None or entry.lesson is None:
            self.console.say(t("plain.hint.reset"))
            return
        if confirm(self.console, t("confirm.reset", title=entry.lesson.title)):
            self._journey.reset_lesson(entry.lesson)
            self.console.say(t("confirm.done_reset", title=entry.lesson.title))

    # -- lessons, quizzes, reviews -----------------------------------------------------
    def continue_course(self) -> None:
        target = self._journey.continue_target()
        if target is None:
            self.console.say(t("map.all_done"))
        elif target[0] == "lesson":
            self.open_lesson(self.course.lessons[target[1]])
        else:
            self.start_quiz(self.course.quizzes[target[1]])

    def open_lesson(self, lesson: Lesson) -> None:
        if not read_lesson(self.console, self._journey, lesson):
            return
        quiz = self.course.quiz_for(lesson)
        if quiz is None:
            self.console.say(t("lesson.done", title=lesson.title))
            return
        self.start_quiz(quiz)

    def start_quiz(self, quiz: Quiz) -> None:
        """Ask the attempt under way (or a new one), show the results, and retry while the learner asks.

        A module's pre-test or post-test is introduced first (and an early post-test warned), as on screen.
        """
        journey = self._journey
        if not self._introduce(quiz):
            return
        while True:
            if not journey.can_retry(quiz) and not journey.attempt_open(quiz):
                self.console.say(t("results.no_more_attempts", n=quiz.max_attempts))
                return
            attempt = journey.attempt(quiz)
            items = QuizItem.for_attempt(attempt, attempt.remaining())
            if items:
                asked = PlainQuiz(
                    self.console,
                    journey,
                    items,
                    title=self.course.quiz_title(quiz),
                    total=len(quiz.questions),
                    done_before=len(attempt.answered),
                )
                if not asked.run():
                    return
            result = journey.finish(quiz, attempt.number)
            self.console.blank()
            self.console.help_text = t("plain.help.results")
            self.console.lines(result_lines(journey, quiz, result))
            if not journey.can_retry(quiz):
                self.console.ask(
                    t("plain.next.map"),
                    check=lambda typed: (
                        None if self.console.is_word(typed, t("plain.words.next")) else t("plain.hint.next")
                    ),
                )
                return
            typed = self.console.ask(t("plain.results.howto"), check=self._retry_or_next)
            if not self.console.is_word(typed, t("plain.words.retry")):
                return

    def _introduce(self, quiz: Quiz) -> bool:
        """Say what a module test is for before it starts; False if the learner would rather not yet."""
        journey = self._journey
        kind = journey.module_test_kind(quiz)
        if kind is None or journey.attempt_open(quiz):
            return True
        console = self.console
        console.blank()
        console.say(self.course.quiz_title(quiz))
        n = len(quiz.questions)
        console.say(t("test_intro.pretest", n=n) if kind == "pretest" else t("test_intro.posttest", n=n))
        if kind == "posttest" and not journey.module_lessons_done(quiz):
            if confirm(console, t("test_intro.early"), t("plain.test.early")):
                return True
            console.say(t("plain.back_to_map"))
            return False
        console.ask(
            t("plain.test.start"),
            check=lambda typed: (
                None if console.is_word(typed, t("plain.words.next")) else t("plain.hint.next")
            ),
        )
        return True

    def _retry_or_next(self, typed: str) -> str | None:
        if self.console.is_word(typed, t("plain.words.retry")) or self.console.is_word(
            typed, t("plain.words.next")
        ):
            return None
        return t("plain.hint.results")

    def start_review(self) -> None:
        journey = self._journey
        cards = journey.due_reviews()[:10]
        if not cards:
            when = journey.next_review()
            self.console.say(
                t("review.nothing_when", date=when.astimezone().strftime("%d/%m"))
                if when
                else t("review.nothing")
            )
            return
        items = review_items(self.course, cards)
        asked = PlainQuiz(
            self.console,
            journey,
            items,
            title=t("review.title"),
            total=len(items),
            done_before=0,
            mode="review",
        )
        if asked.run():
            right = sum(g.correct for g in asked.grades)
            self.console.say(t("plain.review.done", count=right, total=len(asked.grades)))
