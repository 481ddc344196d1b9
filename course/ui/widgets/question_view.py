"""One question on screen: its prompt and the widget to answer it, for all six types."""

from __future__ import annotations

from collections.abc import Iterable
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
    SingleQuestion,
    TrueFalseQuestion,
    question_text,
)
from course.i18n import t
from course.learning.quiz_items import sequence_pool
from course.quiz.grading import expected_text
from course.ui.widgets.choice_list import ChoiceList
from course.ui.widgets.section_text import SizedInOnePass
from course.ui.widgets.sequence_builder import SequenceBuilder

_QUIZ_HOWTO_KEYS = {
    "match": "quiz.howto.match",
    "multiple": "quiz.howto.multiple",
    "order": "quiz.howto.order",
    "short": "quiz.howto.short",
    "single": "quiz.howto.single",
    "true_false": "quiz.howto.true_false",
}


CONFIDENCE_KEYS = {
    1: "quiz.confidence.1",
    2: "quiz.confidence.2",
    3: "quiz.confidence.3",
}
"""How sure the learner said they were (1 = not at all, 3 = quite sure), in the catalogue."""


def _choices(question: Question, order: list[int]) -> tuple[list[str], list[int], bool]:
    """The texts of a question's choices, the order to show them in, and whether several can be marked."""
    if isinstance(question, TrueFalseQuestion):
        return [t("quiz.true"), t("quiz.false")], [0, 1], False
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        return [c.text for c in question.choices], order, isinstance(question, MultipleQuestion)
    return [], [], False


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


def answer_kind(question: Question) -> str:
    """Which widget answers `question`: « choices » (a list to mark), « sequence » (picks) or « text »."""
    if isinstance(question, (SingleQuestion, MultipleQuestion, TrueFalseQuestion)):
        return "choices"
    if isinstance(question, (OrderQuestion, MatchQuestion)):
        return "sequence"
    return "text"


class _Line(SizedInOnePass, Static):
    """The prompt or the how-to line, whose new size needs no second layout pass."""


class _AnswerBox(SizedInOnePass, Vertical):
    """The box holding one kind of answer widget."""


class _Choices(SizedInOnePass, ChoiceList):
    """The list of choices, its new height taken in the pass that places it."""


class QuestionView(SizedInOnePass, Vertical):
    """The prompt, a line saying how to answer, and the answer widget.

    `show` puts another question in the same widgets: the texts change and the
    answer widget is emptied, so moving on redraws the screen without rebuilding
    it. One answer widget of each kind in `kinds` is composed at the start, each
    in its own box, only the current one shown; the current box comes first, so
    that `#answer` finds the widget answering the question on screen.
    """

    DEFAULT_CSS = """
    QuestionView > .answer-box {
        height: auto;
    }
    """

    def __init__(self, question: Question, order: list[int], seed: int, kinds: Iterable[str] = ()) -> None:
        super().__init__(id="question-view")
        self.question = question
        self.order = order
        self.seed = seed
        self.kinds = sorted(
            set(kinds) | {answer_kind(question)}, key=lambda kind: kind != answer_kind(question)
        )
        self._boxes: dict[str, Vertical] = {}

    def compose(self) -> ComposeResult:
        q = self.question
        yield _Line(Text(question_text(q)), id="prompt", markup=False)
        yield _Line(t(_QUIZ_HOWTO_KEYS[q.type]), id="howto", classes="muted", markup=False)
        for kind in self.kinds:
            yield self._box(kind, current=kind == answer_kind(q))

    def _box(self, kind: str, *, current: bool) -> Vertical:
        box = _AnswerBox(self._answer_widget(kind), id=f"answer-{kind}", classes="answer-box")
        box.display = current
        self._boxes[kind] = box
        return box

    def _answer_widget(self, kind: str) -> Widget:
        """The widget of `kind`, ready for the question when it is of that kind, else empty."""
        q = self.question
        if kind == "choices":
            texts, order, multiple = _choices(q, self.order)
            return _Choices(texts, order, multiple=multiple, id="answer")
        if kind == "sequence":
            if isinstance(q, (OrderQuestion, MatchQuestion)):
                return SequenceBuilder(*_sequence(q, self.seed), id="answer")
            return SequenceBuilder([], id="answer")
        return Input(placeholder=t("quiz.short.placeholder"), id="answer", max_length=200)

    @property
    def answer(self) -> Widget:
        """The widget answering the question on screen."""
        return self._boxes[answer_kind(self.question)].query_one("#answer")

    async def show(self, question: Question, order: list[int], seed: int) -> None:
        """Ask `question` in these widgets, its answer widget empty and ready."""
        before, before_type = answer_kind(self.question), self.question.type
        self.question, self.order, self.seed = question, order, seed
        self.query_one("#prompt", Static).update(Text(question_text(question)))
        if question.type != before_type:  # the same line for questions of a type (an update is laid out)
            self.query_one("#howto", Static).update(t(_QUIZ_HOWTO_KEYS[question.type]))
        kind = answer_kind(question)
        if kind not in self._boxes:  # a kind not announced at the start
            await self.mount(self._box(kind, current=False))
        widget = self.answer
        if isinstance(widget, ChoiceList):
            texts, shown, multiple = _choices(question, order)
            widget.reset(texts, shown, multiple=multiple)
        elif isinstance(widget, SequenceBuilder) and isinstance(question, (OrderQuestion, MatchQuestion)):
            widget.reset(*_sequence(question, seed))
        elif isinstance(widget, Input):
            widget.value = ""
            widget.disabled = False
        if kind != before:
            self._boxes[before].display = False
            self._boxes[kind].display = True
            self.move_child(self._boxes[kind], before=self._boxes[before])

    @property
    def focus_target(self) -> Widget:
        """What takes the focus to answer: the list of choices, the pool to pick from, the text field."""
        widget = self.answer
        if isinstance(widget, SequenceBuilder):
            return widget.query_one("#sequence-pool")
        return widget

    def choose_number(self, number: int) -> None:
        widget = self.answer
        if isinstance(widget, ChoiceList):
            widget.mark(number - 1)
        elif isinstance(widget, SequenceBuilder):
            widget.pick(number - 1)

    def response(self) -> Any | None:
        """The answer in the shape `grading.grade` takes, or None while incomplete."""
        q = self.question
        widget = self.answer
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
        widget = self.answer
        if isinstance(widget, (ChoiceList, SequenceBuilder)):
            widget.freeze()
        else:
            widget.disabled = True
