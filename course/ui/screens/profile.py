"""Choose who is learning: pick a name from the list or type a new first name."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from course.i18n import t
from course.progress import Learner


class ProfileScreen(Screen[None]):
    HELP_KEY = "profile"
    BINDINGS = [
        Binding("question_mark,f1", "app.help", t("key.help")),
        Binding("f9", "app.trainer", t("key.trainer")),
        Binding("escape", "app.quit", t("key.quit")),
    ]

    def __init__(self, learners: list[Learner], course_title: str) -> None:
        super().__init__()
        self.learners = learners
        self.course_title = course_title

    def compose(self) -> ComposeResult:
        yield Static(Text(self.course_title, style="bold"), id="screen-title", markup=False)
        with Vertical(id="profile-box"):
            yield Static(t("profile.welcome"), markup=False)
            if self.learners:
                yield Static(t("profile.pick"), classes="muted", markup=False)
                yield OptionList(*[Option(Text(learner.name), id=learner.id) for learner in self.learners],
                                 id="learners")
            yield Static(t("profile.new"), classes="muted", markup=False)
            with Horizontal(id="new-profile"):
                yield Input(placeholder=t("profile.placeholder"), id="name", max_length=40)
                yield Button(t("profile.start"), id="start", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#learners" if self.learners else "#name").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.choose_learner_id(event.option.id)  # type: ignore[attr-defined]

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self._start()

    def _start(self) -> None:
        name = self.query_one("#name", Input).value
        if not name.strip():
            self.notify(t("profile.empty"), severity="warning")
            self.query_one("#name", Input).focus()
            return
        self.app.choose_learner_name(name)  # type: ignore[attr-defined]


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
