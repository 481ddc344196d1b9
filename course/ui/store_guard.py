"""What the app does when the progress store fails: say it where the learner is, once,
retry on a timer, end a session whose profile is gone, and never quit with answers waiting.

The store raises French errors (`StoreWriteError`, `UnknownLearnerError`) and keeps refused
answers in memory; this guard turns them into notifications and dialogs, so no fault of
the disk or of another window ever reaches the learner as a traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from course.i18n import t
from course.progress import StoreError, UnknownLearnerError
from course.text.safe import clean_block

if TYPE_CHECKING:
    from course.ui.course_app import AtelierApp

#: How often answers waiting in memory are tried again (seconds).
RETRY_EVERY_S = 15.0


class StoreGuard:
    """One per app: store failures told once, pending answers retried, quitting guarded."""

    def __init__(self, app: AtelierApp) -> None:
        self.app = app
        self._said: set[str] = set()
        self._notices_shown = 0

    def start(self) -> None:
        """Show the notices of start-up (damaged files set aside, read-only folder) and start retrying."""
        self.show_notices()
        self.app.set_interval(RETRY_EVERY_S, self.retry)

    def show_notices(self) -> None:
        """Say each store notice not said yet (a file set aside while the app runs too)."""
        notices = getattr(self.app.store, "notices", [])
        for notice in notices[self._notices_shown :]:
            self.app.notify(clean_block(notice.message), severity="warning", timeout=12, markup=False)
        self._notices_shown = len(notices)

    def failed(self, error: StoreError) -> None:
        """A write failed somewhere in the app: tell the learner, where they are."""
        if isinstance(error, UnknownLearnerError):
            self.app.notify(t("store.app.profile_gone"), severity="error", timeout=15, markup=False)
            self.app.call_later(self.end_session)
            return
        what = getattr(error, "what", "") or "write"
        if what in self._said:
            return  # said once; the timer keeps trying and says when it works again
        message = clean_block(error)
        if not self._said:
            message += "\n" + t("store.app.read_only")
        self._said.add(what)
        self.app.notify(message, severity="error", timeout=15, markup=False)
        self.show_notices()

    def retry(self) -> None:
        """Timer: write the answers waiting in memory; say so when it works again."""
        self.show_notices()
        count = self.app.store.pending
        if count and self.app.store.retry_pending() is None:
            self._said.clear()
            self.app.notify(t("store.app.saved_again", count=count), timeout=8, markup=False)

    def end_session(self) -> None:
        """The profile was deleted (another window): back to the choice of profiles."""
        app = self.app
        app.journey = None
        while len(app.screen_stack) > 2:
            app.pop_screen()
        app.switch_screen(app.profile_screen())

    def quit(self) -> None:
        """Quit, unless answers still wait in memory: then ask (retry, save elsewhere, back)."""
        error = self.app.store.retry_pending()
        if error is None:
            self.app.exit()
            return
        from course.ui.screens.pending import PendingQuitScreen

        if not isinstance(self.app.screen, PendingQuitScreen):
            self.app.clear_notifications()  # the dialog says it all; nothing may cover its buttons
            self.app.push_screen(PendingQuitScreen(self.app.store, error))
