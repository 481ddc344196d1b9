"""The trainer's view inside the app: the group's report, by session, and the session label.

The report is computed in a worker thread (a progress bar shows how far it is) by the
same function as `atelier report`, for every session in one pass, and drawn there too,
line by line: the screen only shows the lines in view (Textual's line API), so changing
session is instant even with a thousand learners. Results are kept, for this data dir,
until the data changes; the screen looks for changes every few seconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Button, Footer, Input, ProgressBar, Static
from textual.worker import Worker, WorkerState

from course.i18n import t
from course.text.safe import clean_terminal

if TYPE_CHECKING:
    from course.content.course import Course
    from course.progress import ProgressStore

CHECK_EVERY_S = 3.0
SORTS = ("name", "score", "progress")
_KEPT: dict[Path, tuple[Any, dict[str | None, Any], dict[tuple[str | None, str], list[Strip]]]] = {}
"""Data dir → (fingerprint of its files, reports by scope, their drawn lines): kept while the app runs."""


def draw(renderable: RenderableType, width: int) -> list[Strip]:
    """`renderable` as terminal lines `width` cells wide (safe in a worker thread: its own console)."""
    console = Console(width=width, force_terminal=True, color_system="truecolor", legacy_windows=False)
    return [
        Strip(line)
        for line in console.render_lines(renderable, console.options.update_width(width), pad=False)
    ]


class ReportLines(ScrollView, can_focus=True, inherit_bindings=False):
    """Lines drawn beforehand, shown a screenful at a time: cheap however long the report.

    Only vertical keys: left and right belong to the screen (they change the session)."""

    BINDINGS = [
        Binding("up", "scroll_up", show=False),
        Binding("down", "scroll_down", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown,space", "page_down", show=False),
        Binding("home", "scroll_home", show=False),
        Binding("end", "scroll_end", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.strips: list[Strip] = []

    def show(self, strips: list[Strip]) -> None:
        self.strips = strips
        self.virtual_size = Size(max((s.cell_length for s in strips), default=0), len(strips))
        self.refresh()

    def text(self) -> str:
        """The plain text of every line (what a person would read scrolling down)."""
        return "\n".join(s.text.rstrip() for s in self.strips)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        if index >= len(self.strips):
            return Strip.blank(self.size.width, self.rich_style)
        return self.strips[index].crop_extend(scroll_x, scroll_x + self.size.width, self.rich_style)


class TrainerScreen(Screen[None]):
    HELP_KEY = "trainer"
    BINDINGS = [
        Binding("escape", "leave", t("key.back")),
        Binding("left", "session(-1)", t("trainer.key.previous"), show=False),
        Binding("right", "session(1)", t("trainer.key.sessions"), key_display="← →"),
        Binding("o", "sort", t("trainer.key.sort"), show=False),  # in the help: the footer holds 80 columns
        Binding("s", "label", t("trainer.key.label")),
        Binding("c", "renew_code", t("access.trainer.codes")),
        Binding("m", "workshop_mode", t("access.trainer.mode")),
        Binding("question_mark,f1", "app.help", t("key.help")),
    ]

    @dataclass
    class SessionNamed(Message):
        """The trainer named the workshop session (None: no name)."""

        label: str | None

    class CodeRenewalAsked(Message):
        """The trainer wants to give a learner a new personal code."""

    class WorkshopModeToggled(Message):
        """The trainer turns the « mode atelier » on or off."""

    def __init__(self, course: Course, store: ProgressStore, session: str | None) -> None:
        super().__init__()
        self.course, self.store, self.session_label = course, store, session
        self.sessions: list[str | None] = [None]
        self.index = 0
        self.sort = "name"
        self.reports: dict[str | None, Any] = {}
        self.drawn: dict[tuple[str | None, str], list[Strip]] = {}
        """(session, sort) → the report's lines, drawn in the worker."""
        self._computing = False

    def compose(self) -> ComposeResult:
        yield Static(id="screen-title", markup=False)
        yield ProgressBar(id="trainer-progress", show_eta=False)
        yield ReportLines(id="trainer-report")
        yield Footer()

    def on_mount(self) -> None:
        root = self.store.paths.root
        kept = _KEPT.get(root)
        if kept is not None:
            self.reports, self.drawn = kept[1], kept[2]
        self.query_one("#trainer-progress", ProgressBar).display = False
        self._show()
        self.query_one("#trainer-report").focus()
        self.run_worker(self._check, thread=True, group="check", exclusive=True)
        self.set_interval(CHECK_EVERY_S, self._check_later)

    # -- computing ----------------------------------------------------------------
    def _check_later(self) -> None:
        if not self._computing:
            self.run_worker(self._check, thread=True, group="check", exclusive=True)

    def _check(self) -> Any:
        """In a thread: the data's fingerprint, and the reports if it changed."""
        store = self.store
        fingerprint = store.fingerprint()
        kept = _KEPT.get(store.paths.root)
        if kept is not None and kept[0] == fingerprint:
            return None if (None, self.sort) in kept[2] else (kept[1], self._draw(kept[1], kept[2]))
        self._computing = True
        self.app.call_from_thread(self._progress, 0, None)
        try:
            from course.reports.cache import ReportCache, cached_store_source
            from course.reports.compute import compute_reports
            from course.reports.course_index import build_index

            index = build_index(self.course)
            # Learners whose files did not change since the last report are not read again.
            total, source = cached_store_source(store, ReportCache(store.paths.root, index))
            self.app.call_from_thread(self._progress, 0, total)
            reports = compute_reports(
                source,
                index,
                scopes=None,
                progress=lambda done: self.app.call_from_thread(self._progress, done, total),
            )
            drawn = self._draw(reports, {})
        finally:
            self._computing = False
        _KEPT[store.paths.root] = (fingerprint, reports, drawn)
        return reports, drawn

    def _draw(
        self,
        reports: dict[str | None, Any],
        drawn: dict[tuple[str | None, str], list[Strip]],
    ) -> dict[tuple[str | None, str], list[Strip]]:
        """In the worker: every session's report drawn in the current order (kept with the data)."""
        from course.terminal.report_view import build_report

        width = max(self.query_one("#trainer-report").size.width, 40)
        for scope, report in reports.items():
            if (scope, self.sort) not in drawn:
                drawn[(scope, self.sort)] = draw(build_report(report, self.sort), width)  # type: ignore[arg-type]
        return drawn

    def _progress(self, done: int, total: int | None) -> None:
        bar = self.query_one("#trainer-progress", ProgressBar)
        bar.display = True
        bar.update(total=total, progress=done)
        if not self.reports:
            self.query_one("#trainer-report", ReportLines).show(
                draw(Text(t("trainer.loading", done=done, total=total or 0)), 76)
            )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "check" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        self.query_one("#trainer-progress", ProgressBar).display = False
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            self.reports, self.drawn = event.worker.result
            self._show()

    # -- showing ------------------------------------------------------------------
    def _show(self) -> None:
        current = self.sessions[self.index] if self.index < len(self.sessions) else None
        self.sessions = [None, *sorted(label for label in self.reports if label is not None)]
        self.index = self.sessions.index(current) if current in self.sessions else 0
        session = self.sessions[self.index]
        label = t("trainer.all") if session is None else session or t("reports.no_session")
        header = Text(t("trainer.title"), style="bold")
        header.append(
            "\n"
            + t(
                "trainer.filter",
                session=clean_terminal(label, 40),
                n=self.index + 1,
                total=len(self.sessions),
            )
        )  # labels come from imported files
        current_label = self.session_label
        header.append(
            "  " + t("trainer.current", label=clean_terminal(current_label or t("trainer.none"), 40))
        )
        self.query_one("#screen-title", Static).update(header)
        strips = self.drawn.get((session, self.sort))
        if strips is not None:
            self.query_one("#trainer-report", ReportLines).show(strips)

    def refresh_report(self) -> None:
        """Look for new answers now (the worker recomputes only if the data changed)."""
        self._check_later()

    def action_leave(self) -> None:
        self.app.pop_screen()

    def action_session(self, step: int) -> None:
        self.index = (self.index + step) % len(self.sessions)
        self._show()

    def action_sort(self) -> None:
        """Name order, then weakest score first, then least progress first."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        if (None, self.sort) in self.drawn:
            self._show()
        else:  # drawn in the worker, then shown
            self.run_worker(self._check, thread=True, group="check", exclusive=True)

    def action_renew_code(self) -> None:
        self.post_message(self.CodeRenewalAsked())

    def action_workshop_mode(self) -> None:
        self.post_message(self.WorkshopModeToggled())

    def action_label(self) -> None:
        def done(label: str | None) -> None:
            if label is not None:
                self.session_label = label or None
                self.post_message(self.SessionNamed(self.session_label))
                self._show()

        self.app.push_screen(SessionLabelScreen(self.session_label or ""), done)


class SessionLabelScreen(ModalScreen[str | None]):
    """Name the workshop session; it is recorded with every answer given from now on."""

    BINDINGS = [Binding("escape", "cancel", t("confirm.no"))]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("trainer.label_ask"), markup=False)
            yield Input(
                value=self.current, placeholder=t("trainer.label_placeholder"), id="label", max_length=60
            )
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
