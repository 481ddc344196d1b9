"""The end of a quiz: score, passed or not, what was missed, and the history of attempts.

A module's pre-test and post-test are not marks: their results carry no ✓/✗ and
no pass line, only where the learner starts from and how far they have come.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets import Button, Static

from course.content.model import Quiz, question_text
from course.i18n import t
from course.learning.journey import AttemptResult, Journey
from course.ui.messages import QuizChosen
from course.ui.screen_change import drawn_at_once
from course.ui.screens.laid_out_once import LaidOutOnce
from course.ui.widgets.bars import text_bar
from course.ui.widgets.drawn_once import DrawnOnce
from course.ui.widgets.question_view import CONFIDENCE_KEYS, right_answer
from course.ui.widgets.steady_footer import SteadyFooter
from course.ui.widgets.typography import french_spacing, hanging

CONFIDENCE_LEVELS = (3, 2, 1)
"""Most sure first, as the learner chose them ("quiz.confidence.N")."""


class DrawnText(Widget):
    """Text that does not change while on screen, as one widget drawn once per width."""

    DEFAULT_CSS = """
    DrawnText {
        height: auto;
    }
    """

    def __init__(self, renderable: RenderableType, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._visual = DrawnOnce(self, renderable)

    def render(self) -> Visual:
        return self._visual


class ResultsScreen(LaidOutOnce):
    HELP_KEY = "results"
    DRAWN_ONLY_SHOWN = True
    AUTO_FOCUS = "#map"
    BINDINGS = [
        Binding("escape", "leave", t("key.back")),
        Binding("r", "retry", t("results.key.retry")),
        Binding("down", "scroll_body('down')", show=False),
        Binding("up", "scroll_body('up')", show=False),
        Binding("pagedown", "scroll_body('page_down')", show=False),
        Binding("pageup", "scroll_body('page_up')", show=False),
        Binding("q", "app.ask_quit", t("key.quit")),
        Binding("question_mark,f1", "app.help", t("key.help")),
    ]

    def __init__(self, journey: Journey, quiz: Quiz, result: AttemptResult) -> None:
        super().__init__()
        self.journey = journey
        self.quiz = quiz
        self.result = result
        self.test_kind = journey.module_test_kind(quiz)
        """"pretest" or "posttest" for a module's test (not a mark), else None."""

    def compose(self) -> ComposeResult:
        yield Static(Text(t("results.title", title=self._title())), id="screen-title", markup=False)
        with VerticalScroll(id="results-body"):
            # Score, what to look at again and how sure the learner was: one widget (fewer to
            # build, style and lay out when the quiz gives way to its results), a blank row
            # between the blocks.
            yield DrawnText(
                Group(self._summary(), Text(), self._missed(), Text(), self._calibration()),
                id="summary",
            )
            yield Static(self._history(), id="history", classes="muted", markup=False)
        with Horizontal(id="actions"):
            # Born with the classes their style watchers give them on mounting, each one a restyle.
            if self.journey.can_retry(self.quiz):
                yield Button(t("results.button.retry"), id="retry", classes="-style-default -default")
            yield Button(
                t("results.button.map"), id="map", variant="primary", classes="-style-default -primary"
            )
        yield SteadyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return self.journey.can_retry(self.quiz)  # no retry offered: r is neither shown nor active
        return True

    def _title(self) -> str:
        return self.journey.course.quiz_title(self.quiz)

    def _score_line(self) -> str:
        r = self.result
        total = len(self.quiz.questions)
        partial = len(getattr(r, "partial", ()))
        right = total - len(r.missed)
        percent = round(r.score * 100)
        if partial:
            return t("results.score_partial", right=right, partial=partial, total=total, percent=percent)
        return t("results.score_whole", right=right, total=total, percent=percent)

    def _summary(self) -> Text:
        r = self.result
        text = Text()
        text.append(self._score_line() + "\n", style="bold")
        if getattr(r, "partial", ()):
            text.append(t("results.partial_note") + "\n", style="italic")
        text.append(text_bar(r.score, 30) + "\n")
        if self.test_kind == "pretest":
            text.append(t("results.pretest_done"), style="bold")
            return text
        if self.test_kind == "posttest":
            module = next(m for m in self.journey.course.modules if m.posttest == self.quiz.id)
            before = self.journey.first_result(module.pretest) if module.pretest else None
            if before is not None:
                gain = round((r.score - before.score) * 100)
                text.append(
                    t("results.posttest_gain", gain=f"{gain:+d}", before=round(before.score * 100)),
                    style="bold",
                )
            else:
                text.append(t("results.posttest_done"), style="bold")
            return text
        need = round(self.quiz.pass_ratio * 100)
        text.append(
            ("✓ " + t("results.passed", need=need)) if r.passed else ("✗ " + t("results.failed", need=need)),
            style="bold",
        )
        return text

    def _missed(self) -> Group:
        """The questions to look at again, each one a block: its lines that wrap start under
        its first word, and its solution (evaluation quizzes) under it."""
        if not self.result.missed:
            return Group(Text(t("results.none_missed")))
        rows: list[RenderableType] = [Text(t("results.missed_title"), style="bold")]
        solutions = self.quiz.mode == "evaluation"
        for question_id in self.result.missed:
            question = self.journey.course.question(self.quiz.id, question_id)
            if question is not None:
                rows.append(hanging(Text("• "), Text(french_spacing(question_text(question)))))
                if solutions:
                    answer = t("results.solution", answer=right_answer(question))
                    rows.append(hanging(Text("  "), Text(french_spacing(answer), style="italic")))
        rows.append(Text(t("results.review_hint")))
        return Group(*rows)

    def _calibration(self) -> Text:
        """How sure the learner said they were, level by level as chosen, against how right they were."""
        rows = self.journey.confidence_counts(self.quiz.id, self.result.number)
        text = Text()
        if not rows:
            return text
        text.append(t("results.calibration") + "\n", style="bold")
        for level in CONFIDENCE_LEVELS:
            name = t(CONFIDENCE_KEYS[level])
            for right in (True, False):
                count = rows.get((level, right), 0)
                if count:
                    key = (
                        "results.calib.level_right"
                        if right
                        else (
                            "results.calib.level_wrong" if level > 1 else "results.calib.level_wrong_unsure"
                        )
                    )
                    text.append("  " + t(key, level=name, count=count) + "\n")
        if rows.get((3, False)):
            text.append(t("results.calib.advice_overconfident") + "\n", style="italic")
        elif rows.get((1, True)):
            text.append(t("results.calib.advice_underconfident") + "\n", style="italic")
        return text

    def _history(self) -> Text:
        text = Text(t("results.history") + "\n")
        for r in self.journey.last_results(self.quiz.id, 5):
            mark = "" if self.test_kind else "✓" if r.passed else "✗"
            text.append(
                t("results.attempt", n=r.number, percent=round(r.score * 100), mark=mark).rstrip() + "\n"
            )
        return text

    def action_scroll_body(self, direction: str) -> None:
        getattr(self.query_one("#results-body", VerticalScroll), f"scroll_{direction}")(animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "retry":
            self.action_retry()
        else:
            self.action_leave()

    def action_retry(self) -> None:
        if not self.journey.can_retry(self.quiz):
            self.notify(t("results.no_more_attempts", n=self.quiz.max_attempts), severity="warning")
            return
        self.post_message(QuizChosen(self.quiz, replace=True))

    def action_leave(self) -> None:
        """Back to the map, drawn in one go (the results screen is always the top of the stack here)."""
        drawn_at_once(self.app, self.app.pop_screen())
