"""The trainer code before the trainer space: asked each time, chosen on first use.

Checking and keeping the code is `course.progress.trainer_code`'s work (salted hash in
the data dir, backoff shared by every window); these dialogs only ask and say.
"""

from __future__ import annotations

import math

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from course.i18n import t
from course.progress.access_file import AccessError, Verdict
from course.progress.trainer_code import MAX_LENGTH, MIN_LENGTH, TrainerCode, acceptable


def wait_text(seconds: float) -> str:
    return t("access.pin.wait", seconds=max(1, math.ceil(seconds)))


def refusal(verdict: Verdict, wrong_key: str = "access.pin.wrong") -> str:
    """What to say after a refused code: wrong (if it was read), and how long to wait."""
    parts = [t(wrong_key)] if verdict.tried else []
    if verdict.wait_s > 0:
        parts.append(wait_text(verdict.wait_s))
    return " ".join(parts)


class PinScreen(ModalScreen[bool]):
    """Ask the trainer code; True once it is right, False on Esc."""

    BINDINGS = [Binding("escape", "cancel", t("access.pin.cancel"))]

    def __init__(self, code: TrainerCode) -> None:
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("access.pin.ask"), markup=False)
            yield Input(password=True, id="pin", max_length=MAX_LENGTH)
            yield Static("", id="pin-message", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("access.pin.cancel"), id="cancel")
                yield Button(t("access.pin.open"), id="open", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#pin", Input).focus()
        wait = self.code.wait_s()
        if wait > 0:
            self.say(wait_text(wait))

    def say(self, message: str) -> None:
        self.query_one("#pin-message", Static).update(Text(message, style="bold"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(False)
        else:
            self.submit()

    def submit(self) -> None:
        field = self.query_one("#pin", Input)
        verdict = self.code.check(field.value)
        field.value = ""
        if verdict.ok:
            self.dismiss(True)
            return
        self.say(refusal(verdict))
        field.focus()

    def action_cancel(self) -> None:
        self.dismiss(False)


class PinSetupScreen(ModalScreen[bool]):
    """First use: the trainer chooses the code, typed twice; True once it is kept."""

    BINDINGS = [Binding("escape", "cancel", t("access.pin.cancel"))]

    def __init__(self, code: TrainerCode) -> None:
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("access.setup.ask", min=MIN_LENGTH), markup=False)
            yield Input(password=True, id="first", max_length=MAX_LENGTH, placeholder=t("access.setup.first"))
            yield Input(password=True, id="again", max_length=MAX_LENGTH, placeholder=t("access.setup.again"))
            yield Static("", id="pin-message", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("access.pin.cancel"), id="cancel")
                yield Button(t("access.setup.save"), id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#first", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "first" and acceptable(event.value):
            self.query_one("#again", Input).focus()
        else:
            self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.dismiss(False)
        else:
            self.submit()

    def submit(self) -> None:
        first, again = self.query_one("#first", Input), self.query_one("#again", Input)
        message = self.query_one("#pin-message", Static)
        if not acceptable(first.value):
            message.update(Text(t("access.setup.short", min=MIN_LENGTH), style="bold"))
            first.focus()
            return
        if first.value != again.value:
            first.value = again.value = ""
            message.update(Text(t("access.setup.differ"), style="bold"))
            first.focus()
            return
        try:
            self.code.choose(first.value)
        except AccessError as error:
            message.update(Text(str(error), style="bold"))
            return
        self.notify(t("access.setup.done"))
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
