"""The problems of a file being previewed, shown in place of the lesson until they are fixed."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from course.content.problems import Problem
from course.i18n import t
from course.text.safe import clean_block, clean_terminal


class ProblemsScreen(Screen[None]):
    """Esc goes back to the last good view of the file (shown as it was before the save that
    broke it), or does nothing when there is none; q asks « Quitter ? »; neither quits at once."""

    HELP_KEY = "preview"
    BINDINGS = [
        Binding("escape", "back", t("key.back")),
        Binding("q", "app.ask_quit", t("key.quit")),
        Binding("question_mark,f1", "app.help", t("key.help")),
    ]

    def __init__(self, path: str, problems: list[Problem], back: bool = False) -> None:
        super().__init__()
        self.path = path
        self.problems = problems
        self.back = back

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """« Retour » is offered only when there is a view to go back to."""
        return self.back or action != "back"

    def action_back(self) -> None:
        self.app.pop_screen()

    def compose(self) -> ComposeResult:
        yield Static(
            Text(t("preview.errors_title", path=clean_terminal(self.path))), id="screen-title", markup=False
        )
        with VerticalScroll(id="problems-body"):
            text = Text()
            for problem in self.problems:
                mark = "✗" if problem.severity == "error" else "!"
                text.append(f"{mark} {t('preview.line', line=problem.line, col=problem.col)} ", style="bold")
                text.append(clean_block(problem.message) + "\n\n")  # quotes YAML keys, values, names
            yield Static(text, markup=False)
            yield Static(t("preview.waiting"), classes="muted", markup=False)
        yield Footer()
