"""Drive the quiz like a learner: find the right answer on screen and give it with keys."""

from __future__ import annotations

from textual.widgets import Input

from course.content.model import (
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    ShortQuestion,
    SingleQuestion,
    TrueFalseQuestion,
)
from course.ui.screens.quiz import QuizScreen
from course.ui.widgets.choice_list import ChoiceList
from course.ui.widgets.sequence_builder import SequenceBuilder


async def answer_current(pilot, right: bool = True) -> None:
    """Answer the question on screen (rightly or wrongly) using only the keyboard."""
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen)
    q = screen.item.question
    if isinstance(q, (SingleQuestion, MultipleQuestion)):
        choices = screen.query_one(ChoiceList)
        wanted = [pos for pos, original in enumerate(choices.order) if q.choices[original].correct == right]
        if isinstance(q, SingleQuestion):
            wanted = wanted[:1]
        for pos in wanted:
            await pilot.press(str(pos + 1))
        await pilot.press("enter")
    elif isinstance(q, TrueFalseQuestion):
        await pilot.press("1" if q.answer == right else "2", "enter")
    elif isinstance(q, (OrderQuestion, MatchQuestion)):
        builder = screen.query_one(SequenceBuilder)
        target = list(q.items) if isinstance(q, OrderQuestion) else [p.right for p in q.pairs]
        if not right:
            target = target[::-1]
        for item in target:
            remaining = builder._remaining()
            await pilot.press(str(remaining.index(item) + 1))
        await pilot.press("enter")
    elif isinstance(q, ShortQuestion):
        screen.query_one(Input).value = q.accept[0].upper() if right else "zzz"
        await pilot.press("enter")
    await pilot.pause()


async def next_question(pilot) -> None:
    await pilot.press("enter")
    await pilot.pause()
