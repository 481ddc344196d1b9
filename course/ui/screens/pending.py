"""Quitting while answers wait in memory: try again, or save them where the trainer can import them.

An answer the disk refused (full, read-only) lives only in this process. Closing the
app would lose it, so `q` asks first: « Réessayer » writes to the data dir, « Enregistrer
ailleurs » writes an import file into a folder the person names (a USB stick), « Revenir »
goes back to the workshop. The app quits only once nothing is left waiting.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from course.i18n import t
from course.progress import ProgressStore, StoreWriteError
from course.progress.rescue import save_pending
from course.progress.storage import reason
from course.text.safe import clean_block, clean_terminal


class PendingQuitScreen(ModalScreen[None]):
    """Shown by `q` when answers still wait; the app exits from here once they are safe."""

    BINDINGS = [Binding("escape", "back", t("store.quit.back"))]

    def __init__(self, store: ProgressStore, error: StoreWriteError) -> None:
        super().__init__()
        self.store = store
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="pending-quit"):
            yield Static(Text(t("store.quit.title"), style="bold"), markup=False)
            yield Static(self._body(), id="pending-body", markup=False)
            yield Static(Text(t("store.quit.folder")), markup=False)
            yield Input(str(Path.home()), id="pending-folder")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("store.quit.retry"), id="retry", variant="primary")
                yield Button(t("store.quit.save_elsewhere"), id="elsewhere")
                yield Button(t("store.quit.back"), id="back")

    def _body(self, extra: str = "") -> Text:
        lines = [clean_block(self.error), t("store.quit.body", count=self.store.pending)]
        return Text("\n".join([extra, *lines] if extra else lines))

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "retry":
            self.retry()
        elif event.button.id == "elsewhere":
            self.save_elsewhere()
        else:
            self.action_back()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.save_elsewhere()

    def retry(self) -> None:
        error = self.store.retry_pending()
        if error is None:
            self.app.exit()
            return
        self.error = error
        self.query_one("#pending-body", Static).update(self._body())

    def save_elsewhere(self) -> None:
        folder = Path(self.query_one("#pending-folder", Input).value.strip() or str(Path.home()))
        try:
            saved = save_pending(self.store, folder)
        except OSError as error:
            problem = t("store.quit.save_failed", reason=reason(error))
            self.query_one("#pending-body", Static).update(self._body(problem))
            return
        if self.store.pending:  # another window's answers arrived meanwhile: ask again
            self.query_one("#pending-body", Static).update(self._body())
            return
        self.app.exit(message=t("store.quit.saved", path=clean_terminal(saved)))

    def action_back(self) -> None:
        self.dismiss(None)
