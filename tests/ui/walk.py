"""Walk a course at 80×24 as a learner sees it, and list what a learner would miss.

Every check reads the compositor of the screen on show: the rows it draws
(`render_strips`) and the part of each widget inside the visible region.
Answers are given wrongly on purpose: a wrong answer has the longest feedback.
"""

from __future__ import annotations

import asyncio
import re

from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, OptionList

from course.content.model import (
    Lesson,
    MultipleQuestion,
    Quiz,
    SingleQuestion,
    TrueFalseQuestion,
)
from course.ui.screens.lesson import LessonScreen
from course.ui.screens.quiz import QuizItem, QuizScreen
from course.ui.widgets.choice_list import ChoiceList
from course.ui.widgets.sequence_builder import SequenceBuilder


def screen_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The rows of text the terminal shows now (a no-break space shows as a space)."""
    return [strip.text.replace("\u00a0", " ") for strip in app.screen._compositor.render_strips()]


def drawn_text(widget: Widget) -> str:
    """Every row `widget` draws at its size (also the rows scrolled out of view), as one line
    of words: what a learner reads there, whatever the wrapping."""
    size = widget.size
    drawn = " ".join(strip.text for strip in widget.render_lines(Region(0, 0, size.width, size.height)))
    return " ".join(drawn.replace("\u00a0", " ").split())


def visible_part(app, widget: Widget) -> Region:  # type: ignore[no-untyped-def]
    """The part of `widget` inside the visible region of the screen (empty when hidden or scrolled away)."""
    found = app.screen._compositor.visible_widgets.get(widget)
    if found is None:
        return Region(0, 0, 0, 0)
    region, clip = found
    return region.intersection(clip).intersection(app.screen.region)


def first_row_visible(app, widget: Widget, rows: int = 1) -> bool:  # type: ignore[no-untyped-def]
    """True when the first `rows` rows of `widget`'s content are on screen."""
    content = widget.content_region
    if content.height == 0:
        return False
    seen = visible_part(app, widget)
    wanted = min(rows, content.height)
    return seen.y <= content.y and content.y + wanted <= seen.bottom


def last_row_visible(app, widget: Widget) -> bool:  # type: ignore[no-untyped-def]
    content = widget.content_region
    seen = visible_part(app, widget)
    return content.height > 0 and seen.y < content.bottom <= seen.bottom


def _words(markdown: str) -> list[str]:
    plain = re.sub(r"[*_`#>\[\]()!|]", " ", markdown)
    return [w for w in plain.split() if len(w) > 3 and not w.startswith("http")]


def on_screen(app, words: list[str]) -> bool:  # type: ignore[no-untyped-def]
    text = " ".join(screen_lines(app))
    return all(word in text for word in words)


# -- quizzes ------------------------------------------------------------------


def give_wrong_answer(screen: QuizScreen) -> None:
    """Fill the answer widget with a wrong (or, when nothing can be wrong, any) answer."""
    q = screen.item.question
    widget = screen.query_one("#answer")
    if isinstance(widget, ChoiceList):
        if isinstance(q, TrueFalseQuestion):
            widget.mark(1 if q.answer else 0)
        elif isinstance(q, (SingleQuestion, MultipleQuestion)):
            wrong = [pos for pos, original in enumerate(widget.order) if not q.choices[original].correct]
            widget.mark(wrong[0] if wrong else 0)
    elif isinstance(widget, SequenceBuilder):
        while not widget.complete:
            widget.pick(len(widget._remaining()) - 1)
    elif isinstance(widget, Input):
        widget.value = "zzz"


async def page_to_end(pilot, scroller: Widget) -> bool:  # type: ignore[no-untyped-def]
    """PgDn once (the focus left where the screen put it) must scroll; then go to where PgDn leads.

    Pressing PgDn until the end would say the same at many times the cost: once it
    moves the scroller, repeated presses reach `max_scroll_y`, the end. False when PgDn
    did nothing though there was more to see.
    """
    if scroller.max_scroll_y <= scroller.scroll_y:
        return True
    before = scroller.scroll_y
    await pilot.press("pagedown")
    if scroller.scroll_y <= before:
        return False
    scroller.scroll_to(y=scroller.max_scroll_y, animate=False, immediate=True)
    await pilot.pause()
    return True


async def walk_quiz(pilot, quiz: Quiz, title: str) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    """Answer every question of `quiz`; (questions walked, problems seen)."""
    app = pilot.app
    items = [QuizItem(quiz, q, 1, 7, list(range(len(getattr(q, "choices", ()))))) for q in quiz.questions]
    screen = QuizScreen(app.journey, items, title=title, total=len(items), done_before=0)
    await app.push_screen(screen)
    await pilot.pause()
    problems = []
    for index, item in enumerate(items):
        if index:
            screen.index = index
            await screen._show()
        where = f"{quiz.id}/{item.question.id}"
        for pool in screen.query("#sequence-pool").results(OptionList):
            if pool.max_scroll_y > 0:
                problems.append(f"{where}: {pool.option_count} options to pick from, some cut off")
        give_wrong_answer(screen)
        await screen.action_submit()
        if not screen.answered:  # the confidence question comes first
            screen.query_one("#confidence", ChoiceList).mark(1)
            await screen.action_submit()
        await asyncio.wait_for(screen.feedback_placed.wait(), timeout=30)
        await pilot.pause()
        verdict = screen.query_one("#verdict")
        said = [
            strip.text.replace("\u00a0", " ")
            for strip in verdict.render_lines(Region(0, 0, verdict.size.width, verdict.size.height))
        ]
        if not (said and on_screen(app, [said[0].strip()[:30]]) and first_row_visible(app, verdict)):
            problems.append(f"{where}: verdict off screen")
            continue
        start = screen.query_one("#explanation") if len(said) == 1 else verdict
        if start.display and not first_row_visible(app, start, rows=2 if start is verdict else 1):
            problems.append(f"{where}: start of the feedback off screen")
            continue
        label = str(screen.query_one("#submit-button").label)
        if not on_screen(app, [label]):
            problems.append(f"{where}: the button's label {label!r} is cut")
        if not await page_to_end(pilot, screen.query_one("#quiz-body")):
            problems.append(f"{where}: PgDn does not scroll the feedback")
        elif not last_row_visible(app, screen.query_one("#feedback")):
            problems.append(f"{where}: end of the feedback out of reach with PgDn")
    app.pop_screen()
    await pilot.pause()
    return len(items), problems


# -- lessons ------------------------------------------------------------------


def _first_control(screen: LessonScreen) -> Widget | None:
    """The first list of choices of the section's interactive block, if it has one (an activity
    built ahead for the next section is there too, hidden)."""
    for widget in screen.query_one("#section-block").query(OptionList):
        if widget.display and all(node.display for node in widget.ancestors if isinstance(node, Widget)):
            return widget
    return None


async def walk_lesson(pilot, lesson: Lesson) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    """Open every section as the learner does with →; (sections walked, problems seen)."""
    app = pilot.app
    screen = LessonScreen(app.journey, lesson, 0)
    await app.push_screen(screen)
    problems = []
    for index, section in enumerate(lesson.sections):
        if index:
            await pilot.press("right")
        await asyncio.wait_for(screen.section_ready.wait(), timeout=30)
        await pilot.pause()
        where = f"{lesson.id} section {index + 1}"
        if screen.index != index:
            problems.append(f"{where}: → did not open it")
            break
        control = _first_control(screen)
        if control is not None:
            if app.focused is not control:
                problems.append(f"{where}: first control not focused on arrival")
            elif not first_row_visible(app, control, rows=2):
                problems.append(f"{where}: first control off screen on arrival")
            continue
        text = screen.query_one("#section-text")
        if not text.display:
            continue
        if not await page_to_end(pilot, screen.query_one("#section-body")):
            problems.append(f"{where}: PgDn does not scroll the section")
        words = _words(section.text)[-2:]
        if not (last_row_visible(app, text) and on_screen(app, words)):
            problems.append(f"{where}: last line out of reach with PgDn")
        if screen.index != index:
            problems.append(f"{where}: PgDn left the section")
            break
    app.pop_screen()
    await pilot.pause()
    return len(lesson.sections), problems
