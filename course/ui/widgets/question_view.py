"""One question on screen: its prompt and the widget to answer it, for all six types."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Static

from course.content.model import (
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    Question,
    ShortQuestion,
    SingleQuestion,
    TrueFalseQuestion,
    question_text,
)
from course.i18n import t
from course.learning.quiz_items import sequence_pool
from course.quiz.grading import expected_text
from course.ui.widgets.choice_list import ChoiceList
from course.ui.widgets.sequence_builder import SequenceBuilder

_QUIZ_HOWTO_KEYS = {
    "match": "quiz.howto.match",
    "multiple": "quiz.howto.multiple",
    "order": "quiz.howto.order",
    "short": "quiz.howto.short",
    "single": "quiz.howto.single",
    "true_false": "quiz.howto.true_false",
}


def _sequence(question: OrderQuestion | MatchQuestion, seed: int) -> tuple[list[str], list[str] | None]:
    """The pool to pick from and, for a match, the left-hand items waiting for their partners."""
    if isinstance(question, MatchQuestion):
        return sequence_pool(question, seed), [p.left for p in question.pairs]
    return sequence_pool(question, seed), None


def right_answer(question: Question) -> str:
    """The right answer written out for the learner: right choices as « A ; B », not the stored « A | B »."""
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        return " ; ".join(c.text for c in question.choices if c.correct)
    return expected_text(question, true_word=t("quiz.true"), false_word=t("quiz.false"))


class QuestionView(Vertical):
    """The prompt, a line saying how to answer, and the answer widget.

    `show` puts another question in the same widgets: the texts change, the
    answer widget is kept when it is of the same kind (choices, picks, a word)
    and swapped otherwise, so moving on redraws the screen without rebuilding it.
    """

    def __init__(self, question: Question, order: list[int], seed: int) -> None:
        super().__init__(id="question-view")
        self.question = question
        self.order = order
        self.seed = seed

    def compose(self) -> ComposeResult:
        q = self.question
        yield Static(Text(question_text(q)), id="prompt", markup=False)
        yield Static(t(_QUIZ_HOWTO_KEYS[q.type]), id="howto", classes="muted", markup=False)
        yield self._answer_widget()

    def _answer_widget(self) -> Widget:
        q = self.question
        if isinstance(q, (SingleQuestion, MultipleQuestion)):
            return ChoiceList(
                [c.text for c in q.choices], self.order, multiple=isinstance(q, MultipleQuestion), id="answer"
            )
        if isinstance(q, TrueFalseQuestion):
            return ChoiceList([t("quiz.true"), t("quiz.false")], [0, 1], multiple=False, id="answer")
        if isinstance(q, (OrderQuestion, MatchQuestion)):
            return SequenceBuilder(*_sequence(q, self.seed), id="answer")
        return Input(placeholder=t("quiz.short.placeholder"), id="answer", max_length=200)

    async def show(self, question: Question, order: list[int], seed: int) -> None:
        """Ask `question` in these widgets, its answer widget empty and ready."""
        self.question, self.order, self.seed = question, order, seed
        self.query_one("#prompt", Static).update(Text(question_text(question)))
        self.query_one("#howto", Static).update(t(_QUIZ_HOWTO_KEYS[question.type]))
        widget = self.query_one("#answer")
        if isinstance(widget, ChoiceList) and isinstance(question, (SingleQuestion, MultipleQuestion)):
            multiple = isinstance(question, MultipleQuestion)
            widget.reset([c.text for c in question.choices], order, multiple=multiple)
        elif isinstance(widget, ChoiceList) and isinstance(question, TrueFalseQuestion):
            widget.reset([t("quiz.true"), t("quiz.false")], [0, 1], multiple=False)
        elif isinstance(widget, SequenceBuilder) and isinstance(question, (OrderQuestion, MatchQuestion)):
            widget.reset(*_sequence(question, seed))
        elif isinstance(widget, Input) and isinstance(question, ShortQuestion):
            widget.value = ""
            widget.disabled = False
        else:
            await widget.remove()
            await self.mount(self._answer_widget())

    def focus_answer(self) -> None:
        """Focus the answer widget without scrolling: the screen keeps the prompt in view."""
        widget = self.query_one("#answer")
        if isinstance(widget, SequenceBuilder):
            widget.focus_pool(scroll_visible=False)
        else:
            widget.focus(scroll_visible=False)

    def choose_number(self, number: int) -> None:
        widget = self.query_one("#answer")
        if isinstance(widget, ChoiceList):
            widget.mark(number - 1)
        elif isinstance(widget, SequenceBuilder):
            widget.pick(number - 1)

    def response(self) -> Any | None:
        """The answer in the shape `grading.grade` takes, or None while incomplete."""
        q = self.question
        widget = self.query_one("#answer")
        if isinstance(widget, ChoiceList):
            marked = widget.response()
            if not marked:
                return None
            if isinstance(q, TrueFalseQuestion):
                return marked[0] == 0
            return marked[0] if isinstance(q, SingleQuestion) else marked
        if isinstance(widget, SequenceBuilder):
            if not widget.complete:
                return None
            if isinstance(q, MatchQuestion):
                return {p.left: right for p, right in zip(q.pairs, widget.picked)}
            return list(widget.picked)
        if isinstance(widget, Input):
            return widget.value if widget.value.strip() else None
        return None

    def freeze(self) -> None:
        """Answered: nothing more to change (a list of choices keeps the focus, see `ChoiceList.freeze`)."""
        widget = self.query_one("#answer")
        if isinstance(widget, (ChoiceList, SequenceBuilder)):
            widget.freeze()
        else:
            widget.disabled = True
