"""Answering a choice question and moving on applies the style sheet again to no widget: the list
of choices (its answered look comes and goes), the feedback card, its border saying right or
wrong, and the submit button, drawn as ready, change through inline styles."""

from __future__ import annotations

from typing import Any

from textual.color import Color

from course.ui.screens.quiz import QuizScreen
from course.ui.widgets.choice_list import ChoiceList
from tests.ui.helpers import answer_current


def count_restyles(app: Any) -> list[str]:
    """The ids (or class names) of the widgets the style sheet is applied to from now on."""
    seen: list[str] = []
    update = app.stylesheet.update_nodes

    def counted(nodes: Any, animate: bool = False) -> None:
        nodes = list(nodes)
        seen.extend(node.id or type(node).__name__ for node in nodes)
        update(nodes, animate)

    app.stylesheet.update_nodes = counted
    return seen


async def test_a_choice_answered_then_left_restyles_no_widget(make_app, mini_course):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.start_quiz(mini_course.quizzes["alpha-un"])
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        restyled = count_restyles(app)
        answer = screen.query_one("#answer", ChoiceList)
        answer.add_class("-seen")  # the counter sees a restyle when there is one
        await pilot.pause()
        assert restyled == ["answer"]
        answer.remove_class("-seen")
        await pilot.pause()
        restyled.clear()
        verdicts, looks = [], []
        for number, right in enumerate((False, True, False)):  # the border goes wrong, right, wrong
            assert isinstance(screen.query_one("#answer"), ChoiceList)
            await answer_current(pilot, right=right)
            await pilot.pause()
            assert screen.answered
            verdicts.append(screen.query_one("#feedback").styles.border.top[1])
            looks.append(answer.styles.opacity)
            if number < 2:  # on to the next choice question (the one after the third is not one)
                await pilot.press("enter")
                await pilot.pause()
                assert not screen.answered
                assert answer.styles.opacity == 1.0  # the answered look is gone
        assert restyled == []
        assert looks == [ChoiceList.FROZEN_OPACITY] * 3
        assert verdicts[0] == verdicts[2] != verdicts[1]


def _drawn_colour(app: Any, x: int, y: int) -> str:
    """The foreground colour of the cell drawn at (x, y) on screen."""
    strip = app.screen._compositor.render_strips()[y]
    at = 0
    for segment in strip:
        if at <= x < at + len(segment.text):
            return segment.style.color.get_truecolor().hex.lower()
        at += len(segment.text)
    raise AssertionError(f"nothing drawn at {x},{y}")


async def test_the_verdict_border_and_the_ready_button_follow_a_new_theme(make_app, mini_course):
    """Colours set inline take the new theme's (F3, high contrast), as a class's would."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.start_quiz(mini_course.quizzes["alpha-un"])
        await pilot.pause()
        screen = app.screen
        await answer_current(pilot, right=False)
        await pilot.pause()
        feedback = screen.query_one("#feedback")
        corner = feedback.region
        assert app.screen.region.contains(corner.x, corner.y)
        before = _drawn_colour(app, corner.x, corner.y)
        assert before == app.theme_variables["error"].lower()
        await pilot.press("f3")
        await pilot.pause()
        corner = feedback.region
        after = _drawn_colour(app, corner.x, corner.y)
        assert after == app.theme_variables["error"].lower() != before
        submit = screen.query_one("#submit-button")
        assert submit.styles.background_tint == Color.parse(app.theme_variables["foreground"]).with_alpha(
            0.05
        )
