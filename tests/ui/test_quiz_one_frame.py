"""« Next question » and « submit » each draw the screen once: one frame, whatever the scroll bar
and the feedback's place in the body do.

Textual drew a second frame for the body's scroll bar after the layout that gave it new sizes
(drawn already by that layout's frame), and a third when the feedback, drawn where it landed,
was then scrolled into view by a frame of its own. The feedback is now placed before the frame
of its layout is drawn, and the bar drawn in that frame. Onto an order or a match, the pool of
items took the focus and restyled itself, and dropped its lines at its resize, after the frame:
a second one.
"""

from __future__ import annotations

import asyncio
from typing import Any

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.content.model import question_text
from course.i18n import t
from course.ui.screens.quiz import QuizScreen
from tests.ui.helpers import answer_current
from tests.ui.test_quiz_frames import SIZE, count_frames
from tests.ui.walk import first_row_visible, screen_lines


async def test_each_answer_and_each_next_question_is_one_frame(make_app: Any) -> None:
    course = load_course(bundled_course_dir())
    app = make_app(course=course, learner="Compteur")
    submitted: list[tuple[str, int]] = []
    moved_on: list[tuple[str, int]] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        frames = count_frames(app)
        app.start_quiz(course.quizzes["illectronisme-definir"])
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        scrolled = 0
        while screen.index + 1 < len(screen.items):
            question = screen.item.question
            if question.type in ("single", "multiple", "true_false"):
                await pilot.press("1")  # the first choice, right or wrong
                await pilot.pause()
                before = frames[0]
                await pilot.press("enter")
                await asyncio.wait_for(screen.feedback_placed.wait(), timeout=30)
                await pilot.pause()
                submitted.append((question.id, frames[0] - before))
                verdict = screen.query_one("#verdict")
                assert first_row_visible(app, verdict)  # the verdict on screen without a key
                said = verdict.render_lines(verdict.size.region)[0].text.split()
                assert " ".join(said) in " ".join(" ".join(screen_lines(app)).split())
                scrolled += screen.query_one("#quiz-body").scroll_y > 0
            else:
                await answer_current(pilot, right=True)
                await asyncio.wait_for(screen.feedback_placed.wait(), timeout=30)
                await pilot.pause()
            following = screen.items[screen.index + 1].question
            before = frames[0]
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            moved_on.append((following.type, frames[0] - before))
            seen = "\n".join(screen_lines(app))
            assert question_text(following)[:30] in seen
            assert t("quiz.button.submit") in seen
    assert scrolled  # some feedback had to be scrolled into view
    assert len(submitted) >= 3
    assert submitted == [(name, 1) for name, _ in submitted]
    assert {"order", "match", "short"} <= {kind for kind, _ in moved_on}
    assert moved_on == [(kind, 1) for kind, _ in moved_on]
