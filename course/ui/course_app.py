"""The learner app: one App that owns the journey and moves between screens.

Screens post nothing heavier than a method call on the app; the app alone
changes who is learning and what screen is shown.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.theme import Theme

from course.content.course import Course
from course.content.model import Lesson, Quiz
from course.i18n import t
from course.learning.journey import Journey
from course.progress import InvalidNameError, ProgressStore, StoreWriteError
from course.progress.presence import Presence
from course.progress.workshop_session import SessionFollower
from course.text.safe import clean_terminal
from course.ui.screen_requests import ScreenRequests
from course.ui.screens.course_map import CourseMapScreen
from course.ui.store_guard import StoreGuard
from course.ui.style_cache import StyleCache
from course.ui.themes import ATELIER_DARK

# Screens that need Markdown (and its parser) are imported when first opened, so the first
# screen appears sooner.

if TYPE_CHECKING:
    from course.progress.trainer_code import TrainerCode
    from course.ui.screens.dialogs import TooSmallScreen
    from course.ui.screens.profile import ProfileScreen
    from course.ui.screens.quiz import QuizScreen

MIN_WIDTH, MIN_HEIGHT = 80, 24

FOLLOW_SESSION_S = 2.0
"""How often a window looks whether the session was named elsewhere (one stat)."""

CONTRAST = Theme(
    name="atelier-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFFFF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    warning="#FFAA00",
    error="#FF5555",
    success="#55FF55",
    dark=True,
)


@dataclass
class Settings:
    learner: str | None = None
    session: str | None = None
    theme: str | None = None
    pin: str | None = None
    workshop: bool = False  # the « mode atelier » forced on (every tab of `atelier serve`)


class AtelierApp(ScreenRequests, App[None]):
    CSS_PATH = ["styles/app.tcss", "styles/feed.tcss", "styles/inspect.tcss"]
    TITLE = "Atelier numérique"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("f3", "toggle_contrast", t("key.contrast"), show=False),
        Binding("f9", "trainer", t("key.trainer"), show=False),
        Binding("ctrl+q,ctrl+c", "ask_quit", t("key.quit"), show=False, priority=True),
    ]

    def __init__(self, course: Course, store: ProgressStore, settings: Settings | None = None) -> None:
        super().__init__()
        self.course = course
        self.store = store
        self.settings = settings or Settings()
        self._first_theme()
        self.journey: Journey | None = None
        self._too_small: TooSmallScreen | None = None
        self._watch_size = False
        self.store_guard = StoreGuard(self)
        self.presence = Presence(store.paths.root)
        self.shared_session = SessionFollower(store.paths.root, given=self.settings.session)
        """The session's label as named last today in any window or tab on this data dir."""
        self.after_first_screen: list[Callable[[], object]] = []
        """Called once the first screen is drawn (the launcher turns the garbage collector back on)."""

    def _first_theme(self) -> None:
        """The theme, chosen before the first stylesheet is parsed.

        Set the usual way (its watcher), it would have every rule parsed and applied a second
        time before the first frame; both themes are dark, as Textual's default one.
        """
        self.register_theme(CONTRAST)
        self.register_theme(ATELIER_DARK)
        name = "atelier-contrast" if self.settings.theme == "contrast" else "atelier-dark"
        self.set_reactive(AtelierApp.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        dark = self.current_theme.dark
        self.set_class(True, f"-theme-{name}", update=False)
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)
        self.style_cache = StyleCache(self.stylesheet)  # rules parsed at an earlier start, not parsed again

    @cached_property
    def trainer_code(self) -> TrainerCode:
        """The trainer code of this data dir (its module is not needed before the first screen)."""
        from course.progress.trainer_code import TrainerCode

        return TrainerCode(self.store.paths.root, self.settings.pin)

    def _on_profile_screen(self) -> bool:
        """Whether the profile choice is the screen shown (never, until its module is loaded)."""
        profile = sys.modules.get("course.ui.screens.profile")
        return profile is not None and isinstance(self.screen, profile.ProfileScreen)

    def on_unmount(self) -> None:
        self.presence.leave()
        self.style_cache.save()  # what the screens opened meanwhile parsed

    def on_mount(self) -> None:
        self.begin()
        self.store_guard.start()  # damaged files set aside: said at once; waiting answers retried
        self.set_timer(0.05, self._after_start)

    def begin(self) -> None:
        """The first screen: the learner named on the command line, or the profile choice."""
        if self.settings.learner:
            self.choose_learner_name(self.settings.learner)
        else:
            self.push_screen(self.profile_screen())

    @property
    def workshop_mode(self) -> bool:
        """No list of learners, personal codes: `atelier serve`, or a shared computer (trainer's choice)."""
        return self.settings.workshop or self.trainer_code.workshop_mode

    def profile_screen(self) -> ProfileScreen:
        """The profile choice; in the « mode atelier » no other learner's name reaches it."""
        from course.ui.screens.profile import ProfileScreen

        workshop = self.workshop_mode
        return ProfileScreen(
            [] if workshop else self.store.list_learners(), self.course.title, self.store, workshop
        )

    def _after_start(self) -> None:
        """From now on a too-small terminal covers whatever screen is shown."""
        self._watch_size = True
        if self.settings.session:  # `--session`: the label of every window's answers today
            with suppress(OSError):  # a data dir that refuses writes is said by the store guard
                self.shared_session.name(self.settings.session)
        self.set_interval(FOLLOW_SESSION_S, self._follow_session)
        self._check_size(self.size.width, self.size.height)
        self.style_cache.save()  # the first screen's rules, for the next start
        for call in self.after_first_screen:
            call()
        self.after_first_screen.clear()

    # -- learners -----------------------------------------------------------------
    def choose_learner_name(self, name: str) -> None:
        try:
            learner = self.store.create_learner(name)
        except StoreWriteError as error:  # read-only data dir: a known learner still opens
            known = self.store.find_learner(name)
            if known is not None:
                self._start_journey(known.id)
                return
            self.store_guard.failed(error)
            if not self._on_profile_screen():
                self.push_screen(self.profile_screen())
            return
        except InvalidNameError as error:
            self.notify(str(error), severity="error", markup=False)
            if not self._on_profile_screen():
                self.push_screen(self.profile_screen())
            return
        self._start_journey(learner.id)

    def choose_learner_id(self, learner_id: str) -> None:
        self._start_journey(learner_id)

    def _start_journey(self, learner_id: str) -> None:
        learner = self.store.get_learner(learner_id)
        if learner is None:  # deleted meanwhile, in another window: say it, show the list as it is now
            self.notify(t("store.unknown_learner"), severity="error", markup=False)
            if self._on_profile_screen():
                self.switch_screen(self.profile_screen())
            return
        self.journey = Journey(self.course, self.store, learner, self.shared_session.current())
        self.journey.on_store_error = self.store_guard.failed
        self.store_guard.show_notices()  # their progress file set aside while opening: said now
        if self.presence.show(learner.id):  # the same person in another window or tab: say so
            self.notify(t("learner.open_elsewhere"), severity="warning", timeout=12, markup=False)
        screen = CourseMapScreen(self.journey)
        if self._on_profile_screen():
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def open_profile_menu(self) -> None:
        from course.ui.screens.profile import ProfileMenu

        self.push_screen(ProfileMenu(), self._profile_choice)

    def _profile_choice(self, choice: str | None) -> None:
        if choice == "switch":
            self.switch_screen(self.profile_screen())
        elif choice == "reset_all":
            from course.ui import access
            from course.ui.screens.dialogs import ConfirmScreen

            self.push_screen(
                ConfirmScreen(t("confirm.reset_all"), t("confirm.yes_reset")),
                access.after_code(self, self._reset_all),
            )
        elif choice == "delete":
            from course.ui import access
            from course.ui.screens.dialogs import ConfirmScreen

            self.push_screen(
                ConfirmScreen(
                    t("confirm.delete", name=self.journey.learner.name if self.journey else ""),
                    t("confirm.yes_delete"),
                ),
                access.after_code(self, self._delete_profile),
            )

    def _reset_all(self, yes: bool | None) -> None:
        if yes and self.journey:
            self.journey.reset_all()
            self.notify(t("confirm.done_reset_all"))
            self._refresh_map()

    def _delete_profile(self, yes: bool | None) -> None:
        if yes and self.journey:
            try:
                self.store.delete_learner(self.journey.learner.id)
            except StoreWriteError as error:
                self.notify(str(error), severity="error", timeout=12, markup=False)
                return
            from course.ui import access

            access.forget_code(self, self.journey.learner.id)
            self.journey = None
            self.notify(t("confirm.done_delete"))
            self.switch_screen(self.profile_screen())

    def confirm_reset_lesson(self, lesson: Lesson) -> None:
        from course.ui.screens.dialogs import ConfirmScreen

        def done(yes: bool | None) -> None:
            if yes and self.journey:
                self.journey.reset_lesson(lesson)
                self.notify(t("confirm.done_reset", title=lesson.title), markup=False)
                self._refresh_map()

        self.push_screen(ConfirmScreen(t("confirm.reset", title=lesson.title), t("confirm.yes_reset")), done)

    def _refresh_map(self) -> None:
        if isinstance(self.screen, CourseMapScreen):
            self.screen.refresh_map()

    # -- lessons and quizzes ------------------------------------------------------
    def open_lesson(self, lesson_id: str, section: int | None = None) -> None:
        if self.journey and lesson_id in self.course.lessons:
            from course.ui.screens.lesson import LessonScreen

            self.push_screen(LessonScreen(self.journey, self.course.lessons[lesson_id], section))

    def lesson_finished(self, lesson: Lesson) -> None:
        quiz = self.course.quiz_for(lesson)
        if quiz is None:
            self.pop_screen()
            self.notify(t("lesson.done", title=lesson.title), markup=False)
            return
        self.start_quiz(quiz, replace=True)

    def start_quiz(self, quiz: Quiz, replace: bool = False) -> None:
        from course.learning.quiz_items import QuizItem
        from course.ui.screens.quiz import QuizScreen
        from course.ui.screens.results import ResultsScreen

        assert self.journey is not None
        if not self.journey.can_retry(quiz) and not self.journey.attempt_open(quiz):
            self.notify(t("results.no_more_attempts", n=quiz.max_attempts), severity="warning")
            return
        attempt = self.journey.attempt(quiz)
        items = QuizItem.for_attempt(attempt, attempt.remaining())
        if not items:
            result = self.journey.finish(quiz, attempt.number)
            screen = ResultsScreen(self.journey, quiz, result)
        else:
            screen = QuizScreen(  # type: ignore[assignment]
                self.journey,
                items,
                title=self.course.quiz_title(quiz),
                total=len(quiz.questions),
                done_before=len(attempt.answered),
            )
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def quiz_finished(self, screen: QuizScreen) -> None:
        from course.ui.screen_change import drawn_at_once
        from course.ui.screens.results import ResultsScreen

        assert self.journey is not None
        if screen.mode == "review":
            right = sum(g.correct for g in screen.grades)
            drawn_at_once(self, self.pop_screen())
            self.notify(t("review.done", right=right, total=len(screen.grades)), timeout=8)
            return
        quiz = screen.items[0].quiz
        result = self.journey.finish(quiz, screen.items[0].attempt)
        drawn_at_once(self, self.switch_screen(ResultsScreen(self.journey, quiz, result)))

    def continue_course(self) -> None:
        if self.journey is None:
            return
        target = self.journey.continue_target()
        if target is None:
            self.notify(t("map.all_done"))
        elif target[0] == "lesson":
            self.open_lesson(target[1])
        else:
            self.start_quiz(self.course.quizzes[target[1]])

    def start_review(self) -> None:
        if self.journey is None:
            return
        cards = self.journey.due_reviews()[:10]
        if not cards:
            when = self.journey.next_review()
            self.notify(
                t("review.nothing_when", date=when.astimezone().strftime("%d/%m"))
                if when
                else t("review.nothing")
            )
            return
        from course.learning.quiz_items import review_items
        from course.ui.screens.quiz import QuizScreen

        items = review_items(self.course, cards)
        self.push_screen(
            QuizScreen(
                self.journey, items, title=t("review.title"), total=len(items), done_before=0, mode="review"
            )
        )

    # -- everywhere ---------------------------------------------------------------
    async def action_quit(self) -> None:
        """Quit (q, Échap on the map), but never with answers still waiting in memory."""
        self.store_guard.quit()

    def go_back(self) -> None:
        """Leave the current screen (Esc)."""
        self.pop_screen()

    def action_help(self) -> None:
        from course.ui.screens.dialogs import HelpScreen

        self.push_screen(HelpScreen(getattr(self.screen, "HELP_KEY", "map")))

    def action_trainer(self) -> None:
        """The trainer's view of the group, never without the trainer code (chosen on first use)."""
        from course.ui import access

        access.open_trainer_space(self)

    def _follow_session(self) -> None:
        """A label named in another window or tab reaches this one's next answers."""
        if self.journey is not None:
            self.journey.session = self.shared_session.current()

    def set_session(self, label: str | None) -> None:
        """The workshop label recorded with every answer from now on, in every window and tab."""
        try:
            self.shared_session.name(label)
        except OSError as error:
            self.notify(t("trainer.label_not_saved", reason=error.strerror or str(error)), severity="error")
            return
        self.settings.session = label
        if self.journey is not None:
            self.journey.session = label
        self.notify(
            t("trainer.label_set", label=clean_terminal(label)) if label else t("trainer.label_cleared"),
            markup=False,
        )

    def action_toggle_contrast(self) -> None:
        self.theme = "atelier-dark" if self.theme == "atelier-contrast" else "atelier-contrast"

    def on_resize(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._watch_size:
            self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        if small and self._too_small is None:
            from course.ui.screens.dialogs import TooSmallScreen

            self._too_small = TooSmallScreen(width, height)
            self.push_screen(self._too_small)
        elif not small and self._too_small is not None:
            if self.screen is self._too_small:
                self.pop_screen()
            self._too_small = None


def build_app(course: Course, store: ProgressStore, settings: Settings | None = None) -> AtelierApp:
    """The one factory used by `atelier`, `python app.py` and the tests."""
    return AtelierApp(course, store, settings)
