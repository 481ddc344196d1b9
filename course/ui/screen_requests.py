"""How the learner app answers what its screens ask for ("attributes down, messages up").

The screens post messages (`course.ui.messages` and their own nested ones); this
mixin of `AtelierApp` turns each into a change of screen. It also asks before
quitting, and introduces a module's pre-test and post-test before they start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from course.content.model import Quiz
from course.i18n import t
from course.ui.messages import BackChosen, LessonChosen, QuizChosen

if TYPE_CHECKING:
    from course.ui.course_app import AtelierApp
    from course.ui.screens.course_map import CourseMapScreen
    from course.ui.screens.lesson import LessonScreen
    from course.ui.screens.quiz import QuizScreen


class ScreenRequests:
    """Message handlers and the quit question, mixed into the learner app."""

    # -- messages up ----------------------------------------------------------------
    def on_back_chosen(self: AtelierApp, message: BackChosen) -> None:
        self.go_back()

    def on_lesson_chosen(self: AtelierApp, message: LessonChosen) -> None:
        self.open_lesson(message.lesson_id, message.section)

    def on_quiz_chosen(self: AtelierApp, message: QuizChosen) -> None:
        self.open_quiz(message.quiz, replace=message.replace)

    def on_lesson_screen_finished(self: AtelierApp, message: LessonScreen.Finished) -> None:
        self.lesson_finished(message.lesson)

    def on_quiz_screen_finished(self: AtelierApp, message: QuizScreen.Finished) -> None:
        self.quiz_finished(message.screen)

    def on_course_map_screen_continue_chosen(self: AtelierApp, message: CourseMapScreen.ContinueChosen) -> None:
        journey = self.journey
        if journey is None:
            return
        target = journey.continue_target()
        if target is None:
            self.notify(t("map.all_done"))
        elif target[0] == "lesson":
            self.open_lesson(target[1])
        else:
            self.open_quiz(journey.course.quizzes[target[1]])

    def on_course_map_screen_review_chosen(self: AtelierApp, message: CourseMapScreen.ReviewChosen) -> None:
        self.start_review()

    def on_course_map_screen_profile_chosen(self: AtelierApp, message: CourseMapScreen.ProfileChosen) -> None:
        self.open_profile_menu()

    def on_course_map_screen_reset_chosen(self: AtelierApp, message: CourseMapScreen.ResetChosen) -> None:
        self.confirm_reset_lesson(message.lesson)

    # -- module tests ---------------------------------------------------------------
    def open_quiz(self: AtelierApp, quiz: Quiz, *, replace: bool = False) -> None:
        """Start `quiz`; a module's pre-test or post-test is first introduced (and, early, warned)."""
        from course.ui.screens.dialogs import ModuleTestIntroScreen

        journey = self.journey
        assert journey is not None
        kind = journey.module_test_kind(quiz)
        if kind is None or journey.attempt_open(quiz):
            self.start_quiz(quiz, replace=replace)
            return
        early = kind == "posttest" and not journey.module_lessons_done(quiz)

        def begin(yes: bool | None) -> None:
            if yes:
                self.start_quiz(quiz, replace=replace)
        self.push_screen(ModuleTestIntroScreen(kind, self.course.quiz_title(quiz), len(quiz.questions),
                                         early=early), begin)

    # -- quitting -------------------------------------------------------------------
    def action_ask_quit(self: AtelierApp) -> None:
        """q and ctrl+q: « Quitter ? », "Rester" being the answer Enter gives."""
        from course.ui.screens.dialogs import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            return

        async def answered(yes: bool | None) -> None:
            if yes:
                await self.action_quit()
        self.push_screen(ConfirmScreen(t("quit.ask"), t("quit.yes"), no=t("quit.stay")), answered)
