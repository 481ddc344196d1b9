"""How the learner app answers what its screens ask for ("attributes down, messages up").

The screens post messages (`course.ui.messages` and their own nested ones); this
mixin of `AtelierApp` turns each into a change of screen. It also asks before
quitting, and introduces a module's pre-test and post-test before they start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from course.content.model import Quiz
from course.i18n import t
from course.ui.messages import BackChosen, LessonChosen, QuizChosen

if TYPE_CHECKING:
    from course.ui.course_app import AtelierApp
    from course.ui.screens.course_map import CourseMapScreen
    from course.ui.screens.lesson import LessonScreen
    from course.ui.screens.profile import ProfileScreen
    from course.ui.screens.quiz import QuizScreen
    from course.ui.screens.trainer import TrainerScreen


class ScreenRequests:
    """Message handlers and the quit question, mixed into the learner app."""

    def _app(self) -> AtelierApp:
        """This object as the learner app it is mixed into."""
        return cast("AtelierApp", self)

    # -- messages up ----------------------------------------------------------------
    def on_profile_screen_learner_chosen(self, message: ProfileScreen.LearnerChosen) -> None:
        self._app().choose_learner_id(message.learner_id)

    def on_profile_screen_trainer_asked(self, message: ProfileScreen.TrainerAsked) -> None:
        self._app().action_trainer()

    def on_trainer_screen_session_named(self, message: TrainerScreen.SessionNamed) -> None:
        self._app().set_session(message.label)

    def on_trainer_screen_code_renewal_asked(self, message: TrainerScreen.CodeRenewalAsked) -> None:
        from course.ui.access import renew_learner_code

        renew_learner_code(self._app())

    def on_trainer_screen_workshop_mode_toggled(self, message: TrainerScreen.WorkshopModeToggled) -> None:
        from course.ui.access import toggle_workshop_mode

        toggle_workshop_mode(self._app())

    def on_back_chosen(self, message: BackChosen) -> None:
        self._app().go_back()

    def on_lesson_chosen(self, message: LessonChosen) -> None:
        self._app().open_lesson(message.lesson_id, message.section)

    def on_quiz_chosen(self, message: QuizChosen) -> None:
        self.open_quiz(message.quiz, replace=message.replace)

    def on_lesson_screen_finished(self, message: LessonScreen.Finished) -> None:
        self._app().lesson_finished(message.lesson)

    def on_quiz_screen_finished(self, message: QuizScreen.Finished) -> None:
        self._app().quiz_finished(message.screen)

    def on_course_map_screen_continue_chosen(self, message: CourseMapScreen.ContinueChosen) -> None:
        app = self._app()
        if app.journey is None:
            return
        target = app.journey.continue_target()
        if target is None:
            app.notify(t("map.all_done"))
        elif target[0] == "lesson":
            app.open_lesson(target[1])
        else:
            self.open_quiz(app.course.quizzes[target[1]])

    def on_course_map_screen_review_chosen(self, message: CourseMapScreen.ReviewChosen) -> None:
        self._app().start_review()

    def on_course_map_screen_profile_chosen(self, message: CourseMapScreen.ProfileChosen) -> None:
        self._app().open_profile_menu()

    def on_course_map_screen_reset_chosen(self, message: CourseMapScreen.ResetChosen) -> None:
        self._app().confirm_reset_lesson(message.lesson)

    # -- module tests ---------------------------------------------------------------
    def open_quiz(self, quiz: Quiz, *, replace: bool = False) -> None:
        """Start `quiz`; a module's pre-test or post-test is first introduced (and, early, warned)."""
        from course.ui.screens.dialogs import ModuleTestIntroScreen

        app = self._app()
        journey = app.journey
        assert journey is not None
        kind = journey.module_test_kind(quiz)
        if kind is None or journey.attempt_open(quiz):
            app.start_quiz(quiz, replace=replace)
            return
        early = kind == "posttest" and not journey.module_lessons_done(quiz)

        def begin(yes: bool | None) -> None:
            if yes:
                app.start_quiz(quiz, replace=replace)

        intro = ModuleTestIntroScreen(kind, app.course.quiz_title(quiz), len(quiz.questions), early=early)
        app.push_screen(intro, begin)

    # -- quitting -------------------------------------------------------------------
    def action_ask_quit(self) -> None:
        """q and ctrl+q: « Quitter ? », "Rester" being the answer Enter gives."""
        from course.ui.screens.dialogs import ConfirmScreen

        app = self._app()
        if isinstance(app.screen, ConfirmScreen):
            return

        async def answered(yes: bool | None) -> None:
            if yes:
                await app.action_quit()

        app.push_screen(ConfirmScreen(t("quit.ask"), t("quit.yes"), no=t("quit.stay")), answered)
