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


async def answer_all_wrong(pilot, answered=None) -> None:
    """Answer every question of the quiz on screen wrongly (saying « Plutôt sûr·e » when asked how
    sure), then go on, until the results are on screen; `answered(screen)` after each answer."""
    app = pilot.app
    while isinstance(app.screen, QuizScreen):
        screen = app.screen
        if screen.answered:
            await pilot.press("enter")
        else:
            await answer_current(pilot, right=False)
            if not screen.answered:  # a pre-test asks next how sure one is
                await pilot.press("2", "enter")
                await pilot.pause()
            assert screen.answered
            if answered is not None:
                answered(screen)
        await pilot.pause()
        while app._batch_count:  # the results replace the quiz in one frame
            await pilot.pause()


async def open_section(pilot, lesson_id: str, index: int = 0):
    """The lesson opened at section `index`, once that section is on screen whole."""
    import asyncio

    from course.ui.screens.lesson import LessonScreen

    pilot.app.open_lesson(lesson_id, index)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LessonScreen)
    await asyncio.wait_for(screen.section_ready.wait(), timeout=30)
    await pilot.pause()
    return screen
