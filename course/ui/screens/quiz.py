"""The quiz: one question per screen, immediate feedback, the answer stored at once."""

from __future__ import annotations

import asyncio
import time
from functools import partial
from typing import Self

from rich.color import Color as RichColor
from rich.console import Group
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from course.content.model import Question
from course.i18n import t
from course.learning.journey import Journey
from course.learning.quiz_items import QuizItem
from course.progress import StoreWriteError
from course.quiz.feedback import Feedback, feedback_for
from course.quiz.grading import Grade, grade
from course.ui.messages import BackChosen
from course.ui.screens.quiet_focus import QuietFocusScreen
from course.ui.widgets.choice_list import ChoiceList, HangingChoice
from course.ui.widgets.drawn_once import DrawnOnce
from course.ui.widgets.question_view import CONFIDENCE_KEYS, QuestionView, answer_kind, right_answer
from course.ui.widgets.scroll_body import OwnScrollBar
from course.ui.widgets.section_text import SectionText, SizedInOnePass
from course.ui.widgets.sequence_builder import SequenceBuilder
from course.ui.widgets.steady_footer import SteadyFooter
from course.ui.widgets.typography import french_markdown, french_spacing

_QUIZ_INCOMPLETE_KEYS = {
    "match": "quiz.incomplete.match",
    "multiple": "quiz.incomplete.multiple",
    "order": "quiz.incomplete.order",
    "short": "quiz.incomplete.short",
    "single": "quiz.incomplete.single",
    "true_false": "quiz.incomplete.true_false",
}


class _Line(SizedInOnePass, Static):
    """A line of the quiz (title, hints, verdict) whose new size needs no second layout pass."""


class _Box(SizedInOnePass, Vertical):
    """A box of the quiz (the question's slot, the feedback) sized in the pass that places it."""


class _QuietScrollBar(ScrollBar):
    """The body's scroll bar, there all the time (its coming and going would lay the whole
    screen out a second time at each answer and each question) but drawn only when there is
    something to scroll: blank otherwise, as the gutter it stands in.

    Its sizes are set while the screen is laid out; a change that leaves it blank (another
    question that fits, as the one before did) draws nothing, and one that shows it draws it in
    the frame of that layout, instead of a frame of its own."""

    window_virtual_size: Reactive[int] = Reactive(100, repaint=False)
    window_size: Reactive[int] = Reactive(0, repaint=False)
    _blank = True
    """Whether it was last drawn blank (nothing to scroll)."""
    in_layout = False
    """Set by the body while the screen's layout gives it its size (and the bar its sizes)."""

    def _sized(self) -> None:
        if not (self._blank and self.window_virtual_size <= self.window_size):
            self.refresh()

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        if self.in_layout and not (layout or recompose):
            # drawn by the frame this layout ends with (when not blank again), not by a frame of its own
            if not (self._blank and self.window_virtual_size <= self.window_size):
                self._set_dirty(*regions)
                self.screen._compositor.update_widgets({self})
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def watch_window_virtual_size(self) -> None:
        self._sized()

    def watch_window_size(self) -> None:
        self._sized()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._blank = self.window_virtual_size <= self.window_size
        if self._blank:  # nothing to scroll: the gutter's blank
            assert self.parent is not None
            gutter = self.parent.background_colors[1].rich_color
            return [Strip.blank(crop.width, Style(bgcolor=gutter))] * crop.height
        drawn = self.render()
        if not isinstance(drawn, ScrollBarRender) or crop.width != self.thickness:
            return super().render_lines(crop)
        # The bar's rows straight from its segments: what Rich would lay out, at a tenth of the cost.
        style = drawn.style if isinstance(drawn.style, Style) else Style.parse(drawn.style)
        rows = ScrollBarRender.render_bar(
            size=self.size.height,
            virtual_size=drawn.virtual_size,
            window_size=drawn.window_size,
            position=drawn.position,
            thickness=self.thickness,
            vertical=True,
            back_color=style.bgcolor or RichColor.parse("#555555"),
            bar_color=style.color or RichColor.parse("bright_magenta"),
        ).segments
        base = Style(bgcolor=self.background_colors[1].rich_color)  # under a thumb drawn in reverse
        return [
            Strip([Segment(row.text, base + row.style)], self.thickness) for row in rows[crop.y : crop.bottom]
        ]


class _Body(SizedInOnePass, OwnScrollBar):
    """The scrolling body: the question, then its feedback."""

    VERTICAL_BAR = _QuietScrollBar

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        bar = self.vertical_scrollbar
        assert isinstance(bar, _QuietScrollBar)
        bar.in_layout = True
        try:
            return super()._size_updated(size, virtual_size, container_size, layout)
        finally:
            bar.in_layout = False


class _Submit(SizedInOnePass, Button):
    """« Valider », then « Suivant » or « Voir le résultat », relabelled in one layout pass."""


class QuizScreen(QuietFocusScreen):
    """Asks `items` one by one; in review mode answers are recorded as reviews."""

    HELP_KEY = "quiz"
    DEFAULT_CSS = """
    QuizScreen #quiz-body {
        overflow-y: scroll;  /* its bar drawn only when there is something to scroll (_QuietScrollBar) */
    }
    """
    BINDINGS = [
        Binding("escape", "leave", t("key.back")),
        Binding("f2", "hint", t("quiz.key.hint")),
        Binding("enter", "submit", t("quiz.key.submit"), show=True),
        *[Binding(str(n), f"number({n})", show=False) for n in range(1, 10)],
        Binding("backspace", "undo", t("quiz.key.undo")),
        Binding("down", "scroll_body('down')", show=False),
        Binding("up", "scroll_body('up')", show=False),
        Binding("pagedown", "scroll_body('page_down')", show=False),
        Binding("pageup", "scroll_body('page_up')", show=False),
        Binding("q", "app.ask_quit", t("key.quit")),
        Binding("question_mark,f1", "app.help", t("key.help")),
    ]
    """Arrows and PgUp/PgDn scroll the question and its feedback whatever has the focus (a list
    keeps its own arrows while it can be answered); Backspace takes back the last pick of an
    order or a match; q asks before quitting (in a text field, q is a letter)."""

    class Finished(Message):
        """The last question was answered: the app shows the results (or ends the review)."""

        def __init__(self, screen: QuizScreen) -> None:
            super().__init__()
            self.screen = screen

    def __init__(
        self,
        journey: Journey,
        items: list[QuizItem],
        *,
        title: str,
        total: int,
        done_before: int,
        mode: str = "quiz",
    ) -> None:
        super().__init__()
        self.journey = journey
        self.items = items
        self.title_text = title
        self.total = total
        self.done_before = done_before
        self.mode = mode
        self.index = 0
        self.answered = False
        self.hints_used = 0
        self.started = time.monotonic()
        self.grades: list[Grade] = []
        self.confidence: int | None = None
        self.retry_pending = False
        self.feedback_placed = asyncio.Event()
        """Set once the feedback of the answer just given is in view."""
        self._placed_at: Region | None = None
        self._placing = False
        """The feedback just shown waits for its first layout to be placed in view."""

    def compose(self) -> ComposeResult:
        yield _Line(id="screen-title", markup=False)
        item = self.item
        with _Body(id="quiz-body"):
            kinds = {answer_kind(x.question) for x in self.items}
            yield QuestionView(item.question, item.order, item.seed, kinds)  # the confidence asked in it too
            yield _Line(id="hints", markup=False)
            with _Box(id="feedback"):
                yield _Line(id="verdict", markup=False)
                yield SectionText(id="explanation", indent=0, blank_after=False)
        with Horizontal(id="actions"):
            yield Button(t("quiz.button.hint"), id="hint-button")
            yield _Submit(t("quiz.button.submit"), id="submit-button", variant="primary")
        yield SteadyFooter()

    async def on_mount(self) -> None:
        # Enter answers, then moves on: a quick second press must never be swallowed.
        self.query_one("#submit-button", Button).active_effect_duration = 0
        await self._show(fresh=True)
        self.app.theme_changed_signal.subscribe(self, self._recolour)

    def _freeze(self, view: QuestionView) -> None:
        """Nothing more to change in the answer; a text field gives up the focus to the button."""
        with self.focus_moves():
            view.freeze()

    @property
    def item(self) -> QuizItem:
        return self.items[self.index]

    async def _show(self, fresh: bool = False) -> None:
        """Ask the current question in the widgets already there, drawn in one frame.

        `fresh`: the question view was just composed with this question.
        """
        item = self.item
        self.feedback_placed.clear()
        self._placed_at = None
        self._placing = False
        self.answered = False
        self.retry_pending = False
        self.confidence = None
        self.hints_used = 0
        self.started = time.monotonic()
        number = self.done_before + self.index + 1
        with self.app.batch_update():
            self.query_one("#screen-title", Static).update(
                Text(t("quiz.header", title=self.title_text, n=number, total=self.total))
            )
            view = self.query_one(QuestionView)
            if not fresh:
                await view.show(item.question, item.order, item.seed)
            if not self.is_attached:  # the screen was closed while the question was being drawn
                return
            if self._confidence_mounted:
                for widget in self.query("#confidence-ask, #confidence"):
                    widget.display = False
            hints = self.query_one("#hints", Static)
            if hints.content:  # emptied only when hints were shown (an update is laid out again)
                hints.update("")
            self.query_one("#feedback").display = False
            self.query_one("#hint-button", Button).display = bool(item.question.hints)
            self._label_submit(t("quiz.button.submit"))
            self._submit_ready(False)
            # The prompt first: the question starts at the top (the answer follows it).
            self.query_one("#quiz-body", VerticalScroll).scroll_home(animate=False, immediate=True)
            left = self.focused
            self.focus_quietly(view.focus_target)
            if self.focused is not left:
                await self._focus_settled(left)
            self.refresh_bindings()

    async def _focus_settled(self, left: Widget | None) -> None:
        """Let the widget the focus left and the one it reached restyle themselves before the
        question is drawn: they do so when they next run, after the screen's update, and the
        screen would draw a second frame for them."""
        for widget in {left, self.focused} - {None}:
            assert widget is not None
            handled = asyncio.Event()
            if widget.is_attached and widget.call_later(handled.set):
                await handled.wait()

    _confidence_mounted = False
    """Whether the confidence question was asked on this screen (its widgets then stay)."""

    _verdict_correct: bool | None = None
    """Whether the feedback shown last said right (its border's colour)."""

    def _paint_verdict(self) -> None:
        """The feedback's border says right or wrong, as an inline colour: no style sheet applied
        again to the card."""
        if self._verdict_correct is not None:
            colour = self.app.theme_variables["success" if self._verdict_correct else "error"]
            self.query_one("#feedback").styles.border = ("round", Color.parse(colour))

    def _recolour(self, _theme: object) -> None:
        """A new theme (F3, high contrast): the inline colours take it, as classes would have."""
        self._paint_verdict()
        submit = self.query_one("#submit-button", Button)
        if submit.styles.has_rule("text_style"):
            self._submit_ready(True)

    def _submit_ready(self, ready: bool) -> None:
        """Answered: the button drawn as focused, since Enter presses it even while the answer keeps
        the focus. Inline styles, so that only the button is repainted (a class would have the
        style sheet applied to it again at each question)."""
        submit = self.query_one("#submit-button", Button)
        if ready:
            theme = self.app.theme_variables
            submit.styles.text_style = theme["button-focus-text-style"]
            submit.styles.background_tint = Color.parse(theme["foreground"]).with_alpha(0.05)
        elif submit.styles.has_rule("text_style"):
            submit.styles.clear_rule("text_style")
            submit.styles.clear_rule("background_tint")
            submit.refresh()

    def _label_submit(self, label: str) -> None:
        submit = self.query_one("#submit-button", Button)
        if str(submit.label) != label:
            submit.label = label
            submit.refresh(layout=True)  # a Button keeps its width when its label changes

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hint":
            return not self.answered  # once answered, F2 leaves the footer
        if action == "undo":  # shown while an order or a match can be corrected
            return not self.answered and answer_kind(self.item.question) == "sequence"
        return True

    def action_scroll_body(self, direction: str) -> None:
        body = self.query_one("#quiz-body", VerticalScroll)
        getattr(body, f"scroll_{direction}")(animate=False)

    def action_number(self, number: int) -> None:
        if not self.answered:
            view = self.query_one(QuestionView)
            view.choose_number(number)
            builder = view.answer
            if isinstance(builder, SequenceBuilder) and builder.complete:
                self.focus_quietly(self.query_one("#submit-button", Button))

    def action_undo(self) -> None:
        """Backspace: take back the last pick of an order or a match, even once it is complete."""
        if not self.answered:
            builder = self.query_one(QuestionView).answer
            if isinstance(builder, SequenceBuilder) and builder.undo():
                self.focus_quietly(builder.query_one("#sequence-pool"))

    def action_hint(self) -> None:
        hints = self.item.question.hints
        if self.answered:
            return
        if not hints:
            self.notify(t("quiz.no_hint"))
            return
        if self.hints_used >= len(hints):
            self.notify(t("quiz.no_more_hints"))
            return
        self.hints_used += 1
        lines = Text()
        for n, hint in enumerate(hints[: self.hints_used], 1):
            lines.append(t("quiz.hint_label", n=n, total=len(hints)), style="bold")
            lines.append(f" {hint}\n")
        self.query_one("#hints", Static).update(lines)

    async def on_choice_list_submitted(self, event: ChoiceList.Submitted) -> None:
        event.stop()
        await self.action_submit()

    def on_sequence_builder_completed(self, event: SequenceBuilder.Completed) -> None:
        event.stop()
        self.focus_quietly(self.query_one("#submit-button", Button))

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        await self.action_submit()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "hint-button":
            self.action_hint()
        elif event.button.id == "submit-button":
            await self.action_submit()

    @property
    def asks_confidence(self) -> bool:
        return self.item.quiz.confidence and self.mode == "quiz"

    async def _ask_confidence(self) -> bool:
        """True once the learner has said how sure they are (asked after the answer, before grading)."""
        found = self.query("#confidence")
        choices = found.first(ChoiceList) if found else None
        if choices is None or not choices.display:
            with self.app.batch_update():
                if (
                    choices is None
                ):  # asked for the first time on this screen: the widgets stay for the next questions
                    slot = self.query_one(QuestionView)
                    await slot.mount(Static(t("quiz.confidence.ask"), id="confidence-ask", markup=False))
                    choices = ChoiceList([], [], multiple=False, id="confidence")
                    await slot.mount(choices)
                    self._confidence_mounted = True
                choices.reset(
                    [t(CONFIDENCE_KEYS[level]) for level in (1, 2, 3)],
                    [0, 1, 2],
                    multiple=False,
                )
                self.query_one("#confidence-ask", Static).update(t("quiz.confidence.ask"))
                for widget in self.query("#confidence-ask, #confidence"):
                    widget.display = True
                self.focus_quietly(choices)
            self.call_after_refresh(self._show_confidence, choices)
            return False
        marked = choices.response()
        if not marked:
            self.notify(t("quiz.confidence.ask"), severity="warning")
            return False
        self.confidence = marked[0] + 1
        return True

    def _show_confidence(self, choices: ChoiceList) -> None:
        if not self.answered:  # a quick answer may already have moved on to the feedback
            choices.scroll_visible(animate=False)

    async def action_submit(self) -> None:
        if self.answered:
            if self.retry_pending:
                await self._show()
            else:
                await self._next()
            return
        view = self.query_one(QuestionView)
        response = view.response()
        if response is None:
            self.notify(t(_QUIZ_INCOMPLETE_KEYS[self.item.question.type]), severity="warning")
            return
        if self.asks_confidence and not await self._ask_confidence():
            return
        item = self.item
        result = grade(item.question, response, true_word=t("quiz.true"), false_word=t("quiz.false"))
        with self.app.batch_update():
            try:
                self.journey.record(
                    item.quiz,
                    item.question,
                    item.attempt,
                    result,
                    self.hints_used,
                    time.monotonic() - self.started,
                    mode=self.mode,
                    confidence=self.confidence,
                )
            except StoreWriteError as error:
                self.notify(str(error), severity="error", timeout=10, markup=False)
            self.answered = True
            self.grades.append(result)
            self._freeze(view)
            self._confidence_said()
            await self._show_feedback(result)
        self._placing = True  # see _compositor_refresh

    def _confidence_said(self) -> None:
        """Once graded, the confidence question gives its rows to the feedback: one line says
        what the learner chose."""
        if self.confidence is None:
            return
        for choices in self.query("#confidence").results(ChoiceList):
            choices.display = False
        level = t(CONFIDENCE_KEYS[self.confidence])
        for ask in self.query("#confidence-ask").results(Static):
            ask.update(t("quiz.confidence.given", level=level))

    @staticmethod
    def _verdict(fb: Feedback, question: Question) -> Group:
        """✓/✗ and its words first, then what was expected and the feedback of the choices made,
        each « » feedback wrapping under its own first word."""
        verdict = Text()
        if fb.verdict == "right":
            verdict.append("✓ " + t("quiz.right"), style="bold")
        elif fb.verdict == "partly":
            verdict.append("✗ " + t("quiz.partly", percent=fb.percent), style="bold")
        else:
            verdict.append("✗ " + t("quiz.wrong"), style="bold")
        if fb.spelling:
            verdict.append("\n" + t("quiz.spelling", word=fb.spelling))
        if fb.retry:
            verdict.append("\n" + t("quiz.try_again"))
        if fb.expected is not None:
            verdict.append("\n" + t("quiz.expected", answer=french_spacing(right_answer(question))))
        rows: list[Text | HangingChoice] = [verdict]
        for text in fb.choice_feedback:
            rows.append(HangingChoice(Text("» "), Text(french_spacing(text)), overflow="fold"))
        if fb.missed:
            rows.append(Text(t("quiz.missed_choices", choices=french_spacing(" ; ".join(fb.missed)))))
        return Group(*rows)

    async def _show_feedback(self, result: Grade) -> None:
        fb = feedback_for(self.item.question, result, self.item.quiz.mode, self.mode)
        self.retry_pending = fb.retry
        feedback = self.query_one("#feedback")
        self._verdict_correct = result.correct
        self._paint_verdict()
        verdict = self.query_one("#verdict", Static)  # measured, then drawn: by Rich once
        verdict.update(DrawnOnce(verdict, self._verdict(fb, self.item.question)))
        explanation = self.query_one("#explanation", SectionText)
        explanation.display = bool(fb.explanation)
        if fb.explanation:  # hidden otherwise: the text shown last stays for the next explanation
            explanation.update(french_markdown(fb.explanation))
        feedback.display = True
        last = self.index + 1 >= len(self.items)
        self._label_submit(
            t("quiz.button.retry" if fb.retry else "quiz.button.results" if last else "quiz.button.next")
        )
        self.query_one("#hint-button", Button).display = False
        self._submit_ready(True)
        focused = self.focused
        if not (isinstance(focused, ChoiceList) and focused.frozen):  # a frozen list passes Enter on
            self.focus_quietly(self.query_one("#submit-button", Button))
        self.refresh_bindings()

    def _compositor_refresh(self) -> None:
        """The drawing that ends the first layout after an answer places the feedback first: a
        scroll it needs is laid out at once and drawn in that one frame, instead of the feedback
        drawn where it lands and then a frame of its own for the scroll."""
        body = self.query_one_optional("#quiz-body", _Body) if self._placing and self.is_current else None
        if body is not None:
            self._placing = False
            before = body.scroll_y
            bar = body.vertical_scrollbar
            assert isinstance(bar, _QuietScrollBar)
            bar.in_layout = True  # its new place drawn in this frame
            try:
                self._scroll_to_feedback()
            finally:
                bar.in_layout = False
            if body.scroll_y != before:
                body._scroll_required = False  # laid out here, not again once idle
                self._refresh_layout(scroll=True)  # draws, through this method
                return
        super()._compositor_refresh()

    def _scroll_to_feedback(self, tries: int = 8, waits: int = 60) -> None:
        """The whole feedback in view when it fits; else its top (✓/✗ and its words) at the top.

        The feedback and its explanation are laid out over a few refreshes, and a callback
        after a refresh may run before the layout it waits for: until both have a size, the
        check comes back on a short timer (`waits` times at most, about a second). Then the
        place is checked again after each refresh until it holds twice in a row;
        `feedback_placed` is set then (tests wait for it).
        """
        body = self.query_one_optional("#quiz-body", VerticalScroll)  # by id: looked up once
        feedback = self.query_one_optional("#feedback")
        if body is None or feedback is None:
            return  # the screen left meanwhile (a profile deleted in another window ends the session)
        explanation = self.query_one("#explanation")
        view, box = body.content_region, feedback.region
        if waits and (box.height == 0 or (explanation.display and explanation.region.height == 0)):
            self.set_timer(1 / 60, partial(self._scroll_to_feedback, tries, waits - 1))
            return
        fits = box.height <= view.height
        placed = (
            box.height > 0 and view.y <= box.y and (box.bottom <= view.bottom if fits else box.y == view.y)
        )
        if placed and (self._placed_at == box or not tries):
            self.feedback_placed.set()
            return
        self._placed_at = box if placed else None
        if not placed:
            body.scroll_to_widget(feedback, animate=False, top=not fits, immediate=True)
        if tries:
            self.set_timer(1 / 60, partial(self._scroll_to_feedback, tries - 1, waits))
        else:
            self.feedback_placed.set()

    async def _next(self) -> None:
        if self.index + 1 < len(self.items):
            self.index += 1
            await self._show()
            return
        self.post_message(self.Finished(self))

    def action_leave(self) -> None:
        self.post_message(BackChosen())
