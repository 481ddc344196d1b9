"""Dialogs of the « mode atelier »: same first name, personal code asked, given, renewed.

The codes themselves are `course.progress.learner_codes`' work; these screens ask and say.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from course.i18n import t
from course.progress import Learner
from course.progress.access_file import AccessError
from course.progress.learner_codes import MAX_LENGTH, MIN_LENGTH, LearnerCodes, acceptable, new_code
from course.progress.trainer_code import TrainerCode
from course.ui.screens.pin import refusal

ARROWS = [Binding("left", "app.focus_previous", show=False), Binding("right", "app.focus_next", show=False)]


class SameNameScreen(ModalScreen[bool]):
    """« Une personne s'appelle déjà Marie : est-ce vous ? » True: yes, it is me."""

    BINDINGS = [Binding("escape", "answer(False)", t("access.same_name.no")), *ARROWS]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.question, style="bold"), markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("access.same_name.yes"), id="yes", variant="primary")
                yield Button(t("access.same_name.no"), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class LearnerCodeScreen(ModalScreen[bool]):
    """A learner's personal code; with `trainer`, the trainer code is accepted as well."""

    BINDINGS = [Binding("escape", "cancel", t("access.pin.cancel"))]

    def __init__(
        self, codes: LearnerCodes, learner: Learner, prompt: str, trainer: TrainerCode | None = None
    ) -> None:
        super().__init__()
        self.codes = codes
        self.learner = learner
        self.prompt = prompt
        self.trainer = trainer

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.prompt), markup=False)
            yield Input(password=True, id="code", max_length=40)
            yield Static("", id="code-message", markup=False)
            yield Button(t("access.back"), id="back")

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        verdict = self.codes.check(self.learner.id, event.value)
        if not verdict.ok and verdict.tried and self.trainer is not None and self.trainer.is_set:
            by_trainer = self.trainer.check(event.value)
            verdict = by_trainer if by_trainer.ok else verdict
        event.input.value = ""
        if verdict.ok:
            self.dismiss(True)
            return
        self.query_one("#code-message", Static).update(
            Text(refusal(verdict, "access.code.wrong"), style="bold")
        )

    def action_cancel(self) -> None:
        self.dismiss(False)


class NewCodeScreen(ModalScreen[None]):
    """The personal code just given to a new learner, and the way to choose one's own."""

    BINDINGS = [Binding("escape", "dismiss", t("access.code.ok"))]

    def __init__(self, codes: LearnerCodes, learner_id: str, code: str) -> None:
        super().__init__()
        self.codes = codes
        self.learner_id = learner_id
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Text(t("access.code.yours", code=self.code), style="bold"), id="code-given", markup=False
            )
            yield Static(t("access.code.note"), markup=False)
            yield Static(t("access.code.choose", min=MIN_LENGTH), classes="muted", markup=False)
            yield Input(id="own", max_length=MAX_LENGTH)
            yield Static("", id="code-message", markup=False)
            yield Button(t("access.code.ok"), id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        message = self.query_one("#code-message", Static)
        if not acceptable(event.value):
            message.update(Text(t("access.code.short", min=MIN_LENGTH), style="bold"))
            return
        try:
            self.codes.replace(self.learner_id, event.value)
        except AccessError as error:
            message.update(Text(str(error), style="bold"))
            return
        self.code = event.value
        self.query_one("#code-given", Static).update(
            Text(t("access.code.yours", code=event.value), style="bold")
        )
        event.input.value = ""
        message.update(Text(t("access.code.chosen"), style="bold"))
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)


class RenewCodeScreen(ModalScreen[None]):
    """Trainer space: give a new personal code to a learner who forgot theirs."""

    BINDINGS = [Binding("escape", "dismiss", t("access.close"))]
    DEFAULT_CSS = "RenewCodeScreen #who { max-height: 10; }"  # the new code stays in sight

    def __init__(self, codes: LearnerCodes, learners: list[Learner]) -> None:
        super().__init__()
        self.codes = codes
        self.learners = {learner.id: learner for learner in learners}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                t("access.trainer.pick") if self.learners else t("access.trainer.none"), markup=False
            )
            yield Static("", id="renewed", markup=False)
            if self.learners:
                yield OptionList(*[Option(Text(x.name), id=x.id) for x in self.learners.values()], id="who")
            yield Button(t("access.close"), id="close")

    def on_mount(self) -> None:
        self.query_one("#who" if self.learners else "#close").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        learner = self.learners[str(event.option.id)]
        code = new_code()
        try:
            self.codes.replace(learner.id, code)
        except AccessError as error:
            self.query_one("#renewed", Static).update(Text(str(error), style="bold"))
            return
        self.query_one("#renewed", Static).update(
            Text(t("access.trainer.given", name=learner.name, code=code), style="bold")
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)
