"""Who may open what in the app: the trainer space behind its code, a learner's profile behind theirs.

Kept out of `course_app.py` so the app only says *when* a code is needed; these functions
say *how*: the trainer code asked (or chosen, on first use) before the trainer space; in
the « mode atelier » the learner's personal code (or the trainer's) before a reset or a
deletion; the trainer giving a new code or turning the mode on and off.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from course.i18n import t
from course.progress.access_file import AccessError
from course.progress.learner_codes import LearnerCodes

if TYPE_CHECKING:
    from course.ui.course_app import AtelierApp


def codes(app: AtelierApp) -> LearnerCodes:
    return LearnerCodes(Path(app.store.paths.root))


def open_trainer_space(app: AtelierApp) -> None:
    """The trainer space after the trainer code; on first use the trainer chooses one."""
    from course.ui.screens.pin import PinScreen, PinSetupScreen
    from course.ui.screens.trainer import TrainerScreen

    if any(isinstance(screen, (TrainerScreen, PinScreen, PinSetupScreen)) for screen in app.screen_stack):
        return

    def unlocked(ok: bool | None) -> None:
        if ok:
            app.push_screen(TrainerScreen(app.course, app.store, app.shared_session.current()))

    if not app.trainer_code.is_set and app.settings.workshop:  # a browser tab: no learner chooses it
        app.notify(t("access.setup.not_here"), severity="warning", timeout=10)
        return
    gate = PinScreen if app.trainer_code.is_set else PinSetupScreen
    app.push_screen(gate(app.trainer_code), unlocked)


def after_code(app: AtelierApp, then: Callable[[bool | None], None]) -> Callable[[bool | None], None]:
    """`then(True)` once confirmed and, in the « mode atelier », once the personal code is right."""

    def confirmed(yes: bool | None) -> None:
        journey = app.journey
        if not yes or journey is None or not app.workshop_mode:
            then(yes)
            return
        from course.ui.screens.learner_code import LearnerCodeScreen

        app.push_screen(
            LearnerCodeScreen(
                codes(app), journey.learner, t("access.code.ask_delete"), trainer=app.trainer_code
            ),
            then,
        )

    return confirmed


def forget_code(app: AtelierApp, learner_id: str) -> None:
    """The deleted learner's code goes too (a stale code opens nothing: its profile is gone)."""
    try:
        codes(app).forget(learner_id)
    except AccessError as error:
        app.notify(str(error), severity="warning", markup=False)


def renew_learner_code(app: AtelierApp) -> None:
    """Trainer space: a new personal code for someone who forgot theirs."""
    from course.ui.screens.learner_code import RenewCodeScreen

    app.push_screen(RenewCodeScreen(codes(app), app.store.list_learners()))


def toggle_workshop_mode(app: AtelierApp) -> None:
    """Trainer space: hide (or show again) the list of learners on this computer."""
    if app.settings.workshop:
        app.notify(t("access.mode.forced"))
        return
    on = not app.trainer_code.workshop_mode
    try:
        app.trainer_code.set_workshop_mode(on)
    except AccessError as error:
        app.notify(str(error), severity="error", markup=False)
        return
    app.notify(t("access.mode.on") if on else t("access.mode.off"), timeout=8)
