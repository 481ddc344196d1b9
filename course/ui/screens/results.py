"""The end of a quiz: score, passed or not, what was missed, and the history of attempts."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from course.content.model import Quiz, question_text
from course.quiz.grading import expected_text
from course.i18n import t
from course.learning.journey import AttemptResult, Journey
from course.ui.widgets.bars import text_bar


class ResultsScreen(Screen[None]):
    HELP_KEY = "results"
    BINDINGS = [
        Binding("escape", "leave", t("key.back")),
        Binding("r", "retry", t("results.key.retry")),
        Binding("question_mark,f1", "app.help", t("key.help")),
    ]

    def __init__(self, journey: Journey, quiz: Quiz, result: AttemptResult) -> None:
        super().__init__()
        self.journey = journey
        self.quiz = quiz
        self.result = result

    def compose(self) -> ComposeResult:
        yield Static(Text(t("results.title", title=self._title())), id="screen-title", markup=False)
        with VerticalScroll(id="results-body"):
            yield Static(self._summary(), id="score", markup=False)
            yield Static(self._missed(), id="missed", markup=False)
            yield Static(self._calibration(), id="calibration", markup=False)
            yield Static(self._history(), id="history", classes="muted", markup=False)
        with Horizontal(id="actions"):
            yield Button(t("results.button.retry"), id="retry")
            yield Button(t("results.button.map"), id="map", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#map", Button).focus()
        if not self.journey.can_retry(self.quiz):
            self.query_one("#retry", Button).disabled = True

    def _title(self) -> str:
        return self.journey.course.quiz_title(self.quiz)

    def _summary(self) -> Text:
        r = self.result
        total = len(self.quiz.questions)
        right = total - len(r.missed)
        text = Text()
        text.append(t("results.score", right=right, total=total, percent=round(r.score * 100)) + "\n", style="bold")
        text.append(text_bar(r.score, 30) + "\n")
        modules = self.journey.course.modules
        if any(m.pretest == self.quiz.id for m in modules):
            text.append(t("results.pretest_done"), style="bold")
            return text
        module = next((m for m in modules if m.posttest == self.quiz.id), None)
        if module is not None:
            before = self.journey.results(module.pretest) if module.pretest else []
            if before:
                gain = round((r.score - before[0].score) * 100)
                text.append(t("results.posttest_gain", gain=f"{gain:+d}", before=round(before[0].score * 100)),
                            style="bold")
            else:
                text.append(t("results.posttest_done"), style="bold")
            return text
        need = round(self.quiz.pass_ratio * 100)
        text.append(("✓ " + t("results.passed", need=need)) if r.passed else ("✗ " + t("results.failed", need=need)),
                    style="bold")
        return text

    def _missed(self) -> Text:
        text = Text()
        if not self.result.missed:
            text.append(t("results.none_missed"))
            return text
        text.append(t("results.missed_title") + "\n", style="bold")
        solutions = self.quiz.mode == "evaluation"
        for question_id in self.result.missed:
            question = self.journey.course.question(self.quiz.id, question_id)
            if question is not None:
                text.append(f"• {question_text(question)}\n")
                if solutions:
                    answer = expected_text(question, true_word=t("quiz.true"), false_word=t("quiz.false"))
                    text.append("  " + t("results.solution", answer=answer) + "\n", style="italic")
        text.append(t("results.review_hint"))
        return text

    def _calibration(self) -> Text:
        """How sure the learner said they were, against how right they were."""
        rows = self.journey.calibration(self.quiz.id, self.result.number)
        text = Text()
        if not rows:
            return text
        text.append(t("results.calibration") + "\n", style="bold")
        for (sure, right), count in sorted(rows.items(), key=lambda r: (-r[0][0], not r[0][1])):
            text.append("  " + t(f"results.calib.{'sure' if sure else 'unsure'}_{'right' if right else 'wrong'}",
                                 count=count) + "\n")
        if rows.get((True, False)):
            text.append(t("results.calib.advice_overconfident") + "\n", style="italic")
        elif rows.get((False, True)):
            text.append(t("results.calib.advice_underconfident") + "\n", style="italic")
        return text

    def _history(self) -> Text:
        results = self.journey.results(self.quiz.id)
        text = Text(t("results.history") + "\n")
        for r in results[-5:]:
            mark = "✓" if r.passed else "✗"
            text.append(t("results.attempt", n=r.number, percent=round(r.score * 100), mark=mark) + "\n")
        return text

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "retry":
            self.action_retry()
        else:
            self.action_leave()

    def action_retry(self) -> None:
        if not self.journey.can_retry(self.quiz):
            self.notify(t("results.no_more_attempts", n=self.quiz.max_attempts), severity="warning")
            return
        self.app.start_quiz(self.quiz, replace=True)  # type: ignore[attr-defined]

    def action_leave(self) -> None:
        self.app.go_back()  # type: ignore[attr-defined]
