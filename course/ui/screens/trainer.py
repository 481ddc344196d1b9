"""The trainer's view inside the app: the group's report, by session, and the session label."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, Static

from course.i18n import t


class TrainerScreen(Screen[None]):
    HELP_KEY = "trainer"
    BINDINGS = [
        Binding("escape", "app.go_back", t("key.back")),
        Binding("left", "session(-1)", t("trainer.key.previous")),
        Binding("right", "session(1)", t("trainer.key.next")),
        Binding("s", "label", t("trainer.key.label")),
        Binding("c", "renew_code", t("access.trainer.codes")),
        Binding("m", "workshop_mode", t("access.trainer.mode")),
        Binding("question_mark,f1", "app.help", t("key.help")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[str | None] = [None]
        self.index = 0

    def compose(self) -> ComposeResult:
        yield Static(id="screen-title", markup=False)
        with VerticalScroll(id="trainer-body"):
            yield Static(id="trainer-report")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_report()
        self.query_one("#trainer-body").focus()

    def refresh_report(self) -> None:
        from course.reports.course_index import build_index
        from course.reports.report_view import build_report
        from course.reports.stats import compute_report

        app = self.app
        learners = [x.to_dict() for x in app.store.list_learners()]  # type: ignore[attr-defined]
        answers = [a.to_dict() for a in app.store.iter_all_answers()]  # type: ignore[attr-defined]
        self.sessions = [None, *sorted({a["session"] for a in answers if a.get("session")})]
        self.index = min(self.index, len(self.sessions) - 1)
        session = self.sessions[self.index]
        from course.reports.course_index import lesson_quiz_answers

        course = app.course  # type: ignore[attr-defined]
        stats = compute_report(learners, lesson_quiz_answers(course, answers), build_index(course), session=session)
        current = app.settings.session  # type: ignore[attr-defined]
        header = Text(t("trainer.title"), style="bold")
        header.append("\n" + t("trainer.filter", session=session or t("trainer.all"), n=self.index + 1,
                                total=len(self.sessions)))
        header.append("  " + t("trainer.current", label=current or t("trainer.none")))
        self.query_one("#screen-title", Static).update(header)
        from rich.console import Group

        from course.reports.impact_view import impact_renderable

        chosen = [a for a in answers if session is None or a.get("session") == session]
        impact = impact_renderable(course, learners, chosen)
        report = build_report(stats)
        self.query_one("#trainer-report", Static).update(report if impact is None else Group(report, Text(), impact))

    def action_session(self, step: int) -> None:
        self.index = (self.index + step) % len(self.sessions)
        self.refresh_report()

    def action_renew_code(self) -> None:
        from course.ui.access import renew_learner_code

        renew_learner_code(self.app)  # type: ignore[arg-type]

    def action_workshop_mode(self) -> None:
        from course.ui.access import toggle_workshop_mode

        toggle_workshop_mode(self.app)  # type: ignore[arg-type]

    def action_label(self) -> None:
        def done(label: str | None) -> None:
            if label is not None:
                self.app.set_session(label or None)  # type: ignore[attr-defined]
                self.refresh_report()

        self.app.push_screen(SessionLabelScreen(self.app.settings.session or ""), done)  # type: ignore[attr-defined]


class SessionLabelScreen(ModalScreen[str | None]):
    """Name the workshop session; it is recorded with every answer given from now on."""

    BINDINGS = [Binding("escape", "cancel", t("confirm.no"))]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("trainer.label_ask"), markup=False)
            yield Input(value=self.current, placeholder=t("trainer.label_placeholder"), id="label", max_length=60)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("confirm.no"), id="cancel")
                yield Button(t("trainer.label_save"), id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#label", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.query_one("#label", Input).value.strip() if event.button.id == "save" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
