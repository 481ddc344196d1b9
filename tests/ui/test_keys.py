"""Keys never surprise a learner: Esc never quits, q asks first, text fields keep their letters,
Space stays in an activity, Backspace corrects a complete order, silent keys say something."""

from __future__ import annotations

import re
from pathlib import Path

from course.content.loader import load_course
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.dialogs import ConfirmScreen
from course.ui.screens.lesson import LessonScreen
from course.ui.screens.quiz import QuizScreen
from course.ui.widgets.sequence_builder import SequenceBuilder
from tests.ui.walk import drawn_text, screen_lines

SIZE = (80, 24)
ACTIVITIES = Path(__file__).parents[1] / "fixtures" / "activites"


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(screen_lines(app))


def opening(markdown: str) -> str:
    """The first five words of a Markdown text, as a reader sees them."""
    return " ".join(re.sub(r"[*_#>`\[\]]|^- ", " ", markdown).split()[:5])


def notices(app) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(n.message) for n in app._notifications)


async def go_to_question(pilot, quiz, qtype: str) -> QuizScreen:  # type: ignore[no-untyped-def]
    from tests.ui.helpers import answer_current, next_question

    pilot.app.start_quiz(quiz)
    await pilot.pause()
    while pilot.app.screen.item.question.type != qtype:
        await answer_current(pilot)
        await next_question(pilot)
    return pilot.app.screen


async def test_escape_on_the_map_stays_and_q_asks_with_rester_as_default(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen) and app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Quitter ? Votre progression est enregistrée." in shown(app)
        assert app.focused.id == "no" and "Rester" in str(app.focused.label)
        await pilot.press("right")
        assert app.focused.id == "yes"
        await pilot.press("left")
        assert app.focused.id == "no"
        await pilot.press("enter")  # Rester
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen) and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("right", "enter")
        await pilot.pause()
    assert not app.is_running


async def test_letters_typed_in_a_short_answer_stay_in_the_field(make_app, mini_course):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to_question(pilot, mini_course.quizzes["alpha-un"], "short")
        await pilot.press("q", "h", "r")
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#answer").value == "qhr"
        assert "Indice 1" not in shown(app)


async def test_backspace_corrects_a_complete_order_and_q_asks_in_a_quiz(make_app, mini_course):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to_question(pilot, mini_course.quizzes["alpha-un"], "order")
        await pilot.press("1", "1", "1")
        await pilot.pause()
        builder = screen.query_one(SequenceBuilder)
        assert builder.complete and app.focused.id == "submit-button"
        await pilot.press("backspace")
        await pilot.pause()
        assert len(builder.picked) == 2 and not builder.complete
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def test_f2_without_hint_and_enter_with_nothing_ticked_say_so(make_app, mini_course):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await go_to_question(pilot, mini_course.quizzes["alpha-un"], "multiple")
        assert not screen.item.question.hints
        await pilot.press("f2")
        await pilot.pause()
        assert "pas d'indice" in notices(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "Cochez au moins une réponse" in notices(app) and not screen.answered


async def test_space_never_leaves_an_activity_and_its_first_list_is_ready(make_app):
    course = load_course(ACTIVITIES)
    app = make_app(course=course)
    async with app.run_test(size=SIZE) as pilot:
        app.open_lesson("jeu-fil")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LessonScreen) and screen.interactive
        index = screen.index
        assert app.focused.id == "feed-posts"
        await pilot.press("space")  # likes the post, as the prompt says
        screen.query_one("FeedView").focus()  # even with the activity itself focused
        await pilot.press("space")
        await pilot.pause()
        assert app.screen is screen and screen.index == index


async def test_down_from_continuer_reaches_the_lesson_list(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused.id == "continue"
        await pilot.press("right")
        assert app.focused.id == "review"
        await pilot.press("down")
        assert app.focused.id == "lessons"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)


async def test_quick_arrows_into_the_simulator_never_mix_two_sections(make_app):
    from course.content.bundled import bundled_course_dir

    course = load_course(bundled_course_dir())
    lesson = course.lessons["attention-algorithmes-et-bulles"]
    last = len(lesson.sections) - 1
    assert lesson.sections[last].feed is not None
    app = make_app(course=course)
    async with app.run_test(size=SIZE) as pilot:
        app.open_lesson(lesson.id, 0)
        await pilot.pause()
        screen = app.screen
        await pilot.press(*["right"] * last)  # no pause between them
        await screen.section_ready.wait()
        await pilot.pause()
        section = lesson.sections[last]
        assert screen.index == last
        drawn = drawn_text(screen.query_one("#section-text"))
        assert opening(section.text) in drawn
        others = [s for i, s in enumerate(lesson.sections) if i != last and s.text]
        assert others and not [s.title for s in others if opening(s.text) in drawn]
        assert section.title in shown(app) and app.focused.id == "feed-posts"


async def test_the_help_of_every_screen_fits_80x24(make_app):
    from course.ui.screens.dialogs import HelpScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key in ("map", "lesson", "quiz", "results", "profile"):
            await app.push_screen(HelpScreen(key))
            await pilot.pause()
            assert app.screen.query_one("#help-body").max_scroll_y == 0, key
            assert "Fermer" in shown(app) and "Partout" in shown(app)
            await pilot.press("escape")
            await pilot.pause()
