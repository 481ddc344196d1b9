"""The verdict of an answer is drawn by Rich once: the layout of the answer's frame asks its height
and the frame its lines, both from that one drawing (Textual drew the Rich renderable for each)."""

from __future__ import annotations

import asyncio
from typing import Any

from rich.console import Console

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.ui.screens.quiz import QuizScreen
from tests.ui.helpers import answer_current
from tests.ui.test_quiz_frames import SIZE
from tests.ui.walk import drawn_text, first_row_visible


async def test_each_verdict_is_drawn_by_rich_once(make_app: Any, monkeypatch: Any) -> None:
    verdicts: list[object] = []
    drawings = [0]
    make_verdict, render = QuizScreen._verdict, Console.render

    def made(*args: Any) -> Any:
        verdicts.append(make_verdict(*args))
        return verdicts[-1]

    def counted(self: Console, renderable: Any, *args: Any, **kwargs: Any) -> Any:
        if verdicts and verdicts[-1] in (renderable, getattr(renderable, "renderable", None)):
            drawings[0] += 1
        return render(self, renderable, *args, **kwargs)

    monkeypatch.setattr(QuizScreen, "_verdict", staticmethod(made))
    monkeypatch.setattr(Console, "render", counted)
    course = load_course(bundled_course_dir())
    app = make_app(course=course, learner="Compteur")
    seen: list[tuple[bool, int]] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.start_quiz(course.quizzes["illectronisme-definir"])
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        for right in (False, True, False, True):
            drawings[0] = 0
            await answer_current(pilot, right=right)
            await asyncio.wait_for(screen.feedback_placed.wait(), timeout=30)
            await pilot.pause()
            verdict = screen.query_one("#verdict")
            assert first_row_visible(app, verdict)
            said = drawn_text(verdict)
            assert said.startswith("✓" if screen.grades[-1].correct else "✗")
            seen.append((screen.grades[-1].correct, drawings[0]))
            await pilot.press("enter")
            await pilot.pause()
    assert {correct for correct, _ in seen} == {True, False}
    assert [count for _, count in seen] == [1] * len(seen)
