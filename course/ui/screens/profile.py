"""Choose who is learning: type a first name (the field is ready), or pick it from the list.

In the « mode atelier » (every browser tab of `atelier serve`, or a shared computer where
the trainer turned it on) no list is shown: a new person gets a personal code, and a
returning one types their first name and that code. Whatever the mode, a name that exists
already asks « est-ce vous ? », and any change made to a typed name is said before it is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from course.i18n import t
from course.progress import InvalidNameError, Learner, StoreError, clean_name
from course.progress.access_file import AccessError
from course.progress.learner_codes import LearnerCodes, new_code
from course.progress.records import NAME_MAX

if TYPE_CHECKING:
    from course.progress import ProgressStore

FORMULA_START = "=+-@"


def tidy_name(typed: str) -> tuple[str, list[str]]:
    """The name as it will be kept, and why it differs from what was typed (empty: it does not).

    Raises InvalidNameError when nothing usable is left.
    """
    collapsed = " ".join(typed.split())
    reasons = []
    if len(collapsed) > NAME_MAX:
        collapsed = collapsed[:NAME_MAX].rstrip()
        reasons.append(t("access.name.cut", max=NAME_MAX))
    name = clean_name(collapsed)
    if name != collapsed:
        formula = collapsed[:1] in FORMULA_START
        reasons.append(t("access.name.formula") if formula else t("access.name.cleaned"))
    return name, reasons


class ProfileScreen(Screen[None]):
    HELP_KEY = "profile"
    BINDINGS = [
        Binding("question_mark,f1", "app.help", t("key.help")),
        Binding("f9", "trainer", t("key.trainer")),
        # In the name field q is a letter: the footer shows ctrl+q, which works everywhere.
        Binding("q", "app.ask_quit", t("key.quit"), show=False),
        Binding("ctrl+q", "app.ask_quit", t("key.quit"), priority=True),
        Binding("escape", "nothing", show=False),
    ]
    """Leaving always asks « Quitter ? » (q on the list or the button, ctrl+q anywhere); Esc never quits."""

    @dataclass
    class LearnerChosen(Message):
        """A learner was chosen or created: the app opens their map."""

        learner_id: str

    class TrainerAsked(Message):
        """F9 on the first screen: the app asks for the trainer code."""

    def __init__(
        self, learners: list[Learner], course_title: str, store: ProgressStore, workshop: bool = False
    ) -> None:
        super().__init__()
        self.store = store
        self.workshop = workshop
        self.HELP_KEY = "profile_workshop" if workshop else "profile"
        self.learners = [] if workshop else learners
        self.course_title = course_title
        self._shown_change: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(self.course_title, style="bold"), id="screen-title", markup=False)
        with Vertical(id="profile-box"):
            yield Static(t("profile.welcome"), markup=False)
            yield Static(
                t("access.profile.workshop") if self.workshop else t("access.profile.type_name"),
                classes="muted",
                markup=False,
            )
            with Horizontal(id="new-profile"):
                yield Input(placeholder=t("profile.placeholder"), id="name")
                yield Button(t("profile.start"), id="start", variant="primary")
            yield Static("", id="name-note", markup=False)
            if self.learners:
                yield Static(t("access.profile.or_pick"), classes="muted", markup=False)
                yield OptionList(
                    *[Option(Text(learner.name), id=learner.id) for learner in self.learners], id="learners"
                )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F9 is not advertised to learners in the « mode atelier » (the key still works)."""
        return not (action == "trainer" and self.workshop)

    def action_trainer(self) -> None:
        self.post_message(self.TrainerAsked())

    def action_nothing(self) -> None:
        """Esc on the first screen: there is nothing to go back to, and it must not quit."""

    @property
    def codes(self) -> LearnerCodes:
        return LearnerCodes(Path(self.store.paths.root))

    def say(self, message: str) -> None:
        self.query_one("#name-note", Static).update(Text(message, style="bold"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.post_message(self.LearnerChosen(str(event.option.id)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._start()

    def _start(self) -> None:
        field = self.query_one("#name", Input)
        if not field.value.strip():
            self.notify(t("profile.empty"), severity="warning")
            field.focus()
            return
        try:
            name, reasons = tidy_name(field.value)
        except InvalidNameError as error:
            self.say(str(error))
            return
        if reasons and self._shown_change != name:  # said once; Enter again keeps it
            self._shown_change = name
            field.value = name
            field.cursor_position = len(name)
            self.say(" ".join([*reasons, t("access.name.changed", name=name)]))
            return
        self._shown_change = None
        store = self.store
        existing = store.find_learner(name)
        if existing is not None:
            self._same_name(existing, t("access.same_name", name=existing.name))
            return
        try:
            learner = store.create_learner(name)
        except (StoreError, InvalidNameError) as error:
            self.say(str(error))
            return
        if not self.workshop:
            self.post_message(self.LearnerChosen(learner.id))
            return
        code = new_code()
        try:
            claimed = self.codes.claim(learner.id, code)
        except AccessError as error:
            self.say(str(error))
            return
        if not claimed:  # another tab created this name just now
            self._same_name(learner, t("access.code.someone_else"))
            return
        from course.ui.screens.learner_code import NewCodeScreen

        def chosen(_: object) -> None:
            self.post_message(self.LearnerChosen(learner.id))

        self.app.push_screen(NewCodeScreen(self.codes, learner.id, code), chosen)

    def _same_name(self, learner: Learner, question: str) -> None:
        from course.ui.screens.learner_code import SameNameScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._resume(learner)
                return
            field = self.query_one("#name", Input)
            field.value = learner.name + " "
            field.cursor_position = len(field.value)
            field.focus()
            self.say(t("access.same_name.other", name=learner.name))

        self.app.push_screen(SameNameScreen(question), answered)

    def _resume(self, learner: Learner) -> None:
        if not self.workshop:
            self.post_message(self.LearnerChosen(learner.id))
            return
        codes = self.codes
        if not codes.has_code(learner.id):
            self.say(t("access.code.none"))
            return
        from course.ui.screens.learner_code import LearnerCodeScreen

        def checked(ok: bool | None) -> None:
            if ok:
                self.post_message(self.LearnerChosen(learner.id))
            else:
                self.query_one("#name", Input).focus()

        self.app.push_screen(
            LearnerCodeScreen(codes, learner, t("access.code.ask", name=learner.name)), checked
        )


class ProfileMenu(ModalScreen[str | None]):
    """What one can do with one's own profile: switch, start again, delete."""

    BINDINGS = [Binding("escape,q", "dismiss", t("key.close"))]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(t("profile.menu.title"), style="bold"), markup=False)
            yield OptionList(
                Option(t("profile.menu.switch"), id="switch"),
                Option(t("profile.menu.reset_all"), id="reset_all"),
                Option(t("profile.menu.delete"), id="delete"),
                Option(t("profile.menu.cancel"), id="cancel"),
                id="profile-menu",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(None if event.option.id == "cancel" else event.option.id)
