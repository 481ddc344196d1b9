"""Each key of the quiz redraws the screen in at most two frames, and the screen shows the new state.

Frames are counted where the app hands them to the terminal (`App._display`), from one key
to the next, so a frame drawn late (after a scroll to the feedback) counts for its key.
Every kind of answer is walked with keys only: choices, an order, a match, a short answer,
a hint, Backspace on a pick, the scroll keys on the feedback, the confidence question.
The last Enter, which replaces the quiz by its results, and the key that leaves the results
for the map (Enter on « Retour au parcours », or Esc) are counted too: Textual alone draws a new
screen over four frames or more.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from textual._compositor import Compositor
from textual.app import App
from textual.screen import Screen

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.content.model import MultipleQuestion, SingleQuestion, question_text
from course.i18n import t
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.quiz import QuizScreen
from course.ui.screens.results import ResultsScreen
from course.ui.widgets.choice_list import ChoiceList
from course.ui.widgets.sequence_builder import SequenceBuilder
from tests.ui.walk import screen_lines

SIZE = (80, 24)
MINI = Path(__file__).parents[1] / "fixtures" / "mini"


def count_frames(app: App[Any]) -> list[int]:
    """A one-item list holding the number of frames the app has drawn so far."""
    frames = [0]
    draw = app._display

    def counted(screen: Any, renderable: Any) -> None:
        if renderable is not None and not app._batch_count:
            frames[0] += 1
        draw(screen, renderable)

    app._display = counted  # type: ignore[method-assign]
    return frames


class Keys:
    """Presses keys one at a time and notes how many frames each one drew."""

    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot
        self.frames = count_frames(pilot.app)
        self.seen: list[tuple[str, str, int]] = []

    async def press(self, key: str, where: str) -> None:
        before = self.frames[0]
        screen = self.pilot.app.screen
        await self.pilot.press(key)
        await self.pilot.pause()
        if screen is not self.pilot.app.screen:  # another screen: counted once it is drawn
            while self.pilot.app._batch_count:
                await self.pilot.pause()
            await self.pilot.pause()
        elif isinstance(screen, QuizScreen) and screen.answered:
            await asyncio.wait_for(screen.feedback_placed.wait(), timeout=30)
            await self.pilot.pause()
        self.seen.append((where, key, self.frames[0] - before))

    def too_many(self) -> list[tuple[str, str, int]]:
        return [found for found in self.seen if found[2] > 2]


async def answer_with_keys(keys: Keys, screen: QuizScreen, where: str) -> None:
    """Answer the question on screen wrongly when possible, with the keys a learner would use."""
    question = screen.item.question
    if question.hints:
        await keys.press("f2", where)
        assert question.hints[0][:20] in str(screen.query_one("#hints").render())
    answer = screen.query_one("#answer")
    if isinstance(answer, ChoiceList):
        await keys.press("down", where)
        position = 0
        if isinstance(question, (SingleQuestion, MultipleQuestion)):
            wrong = [n for n, original in enumerate(answer.order) if not question.choices[original].correct]
            position = wrong[0] if wrong else 0
        await keys.press(str(position + 1), where)
    elif isinstance(answer, SequenceBuilder):
        while not answer.complete:
            await keys.press("1", where)
        await keys.press("backspace", where)
        assert not answer.complete
        await keys.press("1", where)
    else:
        for letter in "zut":
            await keys.press(letter, where)
        assert answer.value == "zut"
    await keys.press("enter", where)
    if not screen.answered:  # how sure: asked after the answer, before grading
        await keys.press("2", where)
        await keys.press("enter", where)
    assert screen.answered
    for key in ("pagedown", "pageup", "down", "up"):
        await keys.press(key, where)


async def walk_with_keys(app: Any, quiz: Any, leave: str = "enter") -> Keys:
    """Answer every question of `quiz` with keys, then leave its results for the map with `leave`."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.start_quiz(quiz)
        await pilot.pause()
        keys = Keys(pilot)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        while app.screen is screen:
            where = f"{screen.index + 1} {screen.item.question.type}"
            await answer_with_keys(keys, screen, where)
            await keys.press("enter", where)
            if app.screen is screen:  # the next question is on screen, its prompt at the top
                assert not screen.answered
                assert question_text(screen.item.question)[:30] in "\n".join(screen_lines(app))
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert keys.seen[-1][1] == "enter"  # the last Enter, counted
        assert t("results.button.map") in "\n".join(screen_lines(app))
        await keys.press(leave, "results")
        assert isinstance(app.screen, CourseMapScreen)
        seen = "\n".join(screen_lines(app))
        assert t("results.button.map") not in seen
        assert t("map.button.review_count", count=len(app.journey.due_reviews())) in seen
    return keys


async def test_every_key_of_a_quiz_of_every_kind_draws_at_most_two_frames(make_app):
    course = load_course(bundled_course_dir())
    quiz = course.quizzes["illectronisme-definir"]
    assert {q.type for q in quiz.questions} == {"single", "multiple", "true_false", "order", "match", "short"}
    keys = await walk_with_keys(make_app(course=course, learner="Compteur"), quiz)
    assert len(keys.seen) > 6 * len(quiz.questions)
    assert keys.too_many() == []
    assert max(frames for _where, _key, frames in keys.seen) >= 1  # the keys did redraw the screen


async def test_the_confidence_question_draws_at_most_two_frames_per_key(tmp_path, make_app):
    root = tmp_path / "cours"
    shutil.copytree(MINI, root)
    path = root / "quizzes" / "alpha" / "02-deux.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("lesson: alpha-deux\n", "lesson: alpha-deux\nconfidence: true\n"), encoding="utf-8"
    )
    course = load_course(root)
    assert not course.errors, [p.format() for p in course.errors]
    keys = await walk_with_keys(make_app(course=course), course.quizzes["alpha-deux"], leave="escape")
    assert any(key == "2" for _where, key, _frames in keys.seen)  # the confidence was asked
    assert keys.too_many() == []


async def each_next_question(
    app: Any, pilot: Any, before: Callable[[QuizScreen], None]
) -> AsyncIterator[tuple[QuizScreen, Any]]:
    """Answer each question of the bundled definitions quiz rightly but the last; once its feedback
    is placed, call `before(screen)`, press Enter and give the screen and the question now asked."""
    from tests.ui.helpers import answer_current

    app.start_quiz(app.course.quizzes["illectronisme-definir"])
    await pilot.pause()
    while isinstance(app.screen, QuizScreen) and app.screen.index + 1 < len(app.screen.items):
        screen = app.screen
        following = screen.items[screen.index + 1].question
        await answer_current(pilot, right=True)
        await asyncio.wait_for(screen.feedback_placed.wait(), timeout=30)  # its scrolling done
        await pilot.pause()
        before(screen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        yield screen, following


async def test_the_next_question_lays_the_screen_out_once_onto_an_order_or_a_match(
    make_app: Any, monkeypatch: Any
) -> None:
    """Shown in place of a list of choices, the builder and its pool take their sizes in the layout
    that places them: one layout of the screen per « next question », also onto an order or a match."""
    layouts = [0]
    lay_out = Screen._refresh_layout

    def counted(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        layouts[0] += 1
        lay_out(self, *args, **kwargs)

    def reset(_screen: QuizScreen) -> None:
        layouts[0] = 0

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    app = make_app(course=load_course(bundled_course_dir()), learner="Compteur")
    seen: list[tuple[str, int]] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        async for screen, following in each_next_question(app, pilot, reset):
            if following.type in ("order", "match"):
                assert screen.query_one(SequenceBuilder).display
                assert question_text(following)[:30] in "\n".join(screen_lines(app))
                seen.append((following.type, layouts[0]))
    assert {kind for kind, _ in seen} == {"order", "match"}
    assert seen == [(kind, 1) for kind, _ in seen]


async def test_the_next_question_draws_its_choices_once(make_app: Any, monkeypatch: Any) -> None:
    """Another question's choices, of another height, are drawn in the frame that lays them out and
    not again: Textual's list threw away its lines at the resize that followed, and drew them all a
    second time in a frame of its own."""
    draws = [0]
    counting = [False]
    heights: list[int] = []  # the list's height before each Enter (0: another kind of answer)
    draw = ChoiceList.render_lines

    def counted(self: ChoiceList, crop: Any) -> Any:
        if self.id == "answer" and counting[0]:
            draws[0] += 1
        return draw(self, crop)

    def start(screen: QuizScreen) -> None:
        heights.append(screen.query_one("#answer").size.height if screen.query("ChoiceList#answer") else 0)
        draws[0], counting[0] = 0, True

    monkeypatch.setattr(ChoiceList, "render_lines", counted)
    app = make_app(course=load_course(bundled_course_dir()), learner="Compteur")
    seen: list[tuple[int, int, int]] = []  # the list's height before, after, and its draws
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        async for screen, following in each_next_question(app, pilot, start):
            counting[0] = False
            if isinstance(following, (SingleQuestion, MultipleQuestion)):
                choices = screen.query_one("#answer", ChoiceList)
                assert following.choices[choices.order[0]].text[:20] in "\n".join(screen_lines(app))
                seen.append((heights[-1], choices.size.height, draws[0]))
    assert any(before and before != after for before, after, _ in seen)  # some lists changed height
    assert [count for _, _, count in seen] == [1] * len(seen)


async def test_the_results_are_laid_out_without_the_map_beneath(make_app: Any, monkeypatch: Any) -> None:
    """The last Enter puts the results over the map: the map, whose size did not change, is not laid
    out again under them (Textual did, at the resize a new screen sends itself), and the results are
    drawn once, when shown (Textual drew them after each layout, and threw the drawings away while
    the change held the frames); a real resize of the terminal still lays the map out."""
    from tests.ui.helpers import answer_current

    layouts: list[str] = []
    drawings: list[str] = []
    lay_out, draw = Screen._refresh_layout, Compositor.render_update

    def counted(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        layouts.append(type(self).__name__)
        lay_out(self, *args, **kwargs)

    def drawn(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        drawings.append(type(app.screen).__name__)
        return draw(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    monkeypatch.setattr(Compositor, "render_update", drawn)
    course = load_course(bundled_course_dir())
    app = make_app(course=course, learner="Compteur")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.start_quiz(course.quizzes["illectronisme-definir"])
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        while app.screen is screen:
            await answer_current(pilot, right=True)
            await pilot.pause()
            layouts.clear()
            drawings.clear()
            await pilot.press("enter")
            await pilot.pause()
        while app._batch_count:
            await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert t("results.button.map") in "\n".join(screen_lines(app))
        assert "CourseMapScreen" not in layouts
        assert 1 <= layouts.count("ResultsScreen") <= 4
        assert drawings.count("ResultsScreen") <= 2  # drawn when shown (not at each layout)
        layouts.clear()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert "CourseMapScreen" in layouts  # a new size: the map beneath is laid out for it
        await pilot.press("escape")
        while app._batch_count:
            await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        assert app.screen.query_one("#lessons").size.width > 80 - 4  # laid out at the new width
