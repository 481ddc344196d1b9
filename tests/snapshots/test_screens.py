"""What a learner should see, at 80×24: a few screens, each named for what it shows."""

from __future__ import annotations

from textual.widgets import Input

from tests.ui.helpers import answer_current

SIZE = (80, 24)


async def _no_blink(pilot) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_profile_screen_invites_a_first_name(snap_compare, make_app):
    assert snap_compare(make_app(learner=None), terminal_size=SIZE, run_before=_no_blink)


def test_course_map_shows_modules_lessons_and_states(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_lesson_reader_shows_one_section_and_counter(snap_compare, make_app):
    async def open_lesson(pilot) -> None:
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=open_lesson)


def test_quiz_feedback_after_a_wrong_answer(snap_compare, make_app, mini_course):
    async def answer_wrong(pilot) -> None:
        pilot.app.start_quiz(mini_course.quizzes["alpha-un"])
        await pilot.pause()
        await answer_current(pilot, right=False)
        await pilot.pause(0.3)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=answer_wrong)


def _activities():
    from pathlib import Path

    from course.content.loader import load_course

    return load_course(Path(__file__).parents[1] / "fixtures" / "activites")


def test_scenario_shows_gauges_choice_and_feedback(snap_compare, make_app):
    async def play(pilot) -> None:
        pilot.app.open_lesson("jeu-manipulateur", 1)
        await pilot.pause()
        await pilot.press("1", "enter")
        await pilot.pause(0.3)

    assert snap_compare(make_app(course=_activities()), terminal_size=SIZE, run_before=play)


def test_feed_simulator_shows_posts_and_diversity_meter(snap_compare, make_app):
    async def open_feed(pilot) -> None:
        pilot.app.open_lesson("jeu-fil")
        await pilot.pause(0.3)

    assert snap_compare(make_app(course=_activities()), terminal_size=SIZE, run_before=open_feed)


def test_inspector_shows_the_message_and_its_clues(snap_compare, make_app):
    async def open_inspector(pilot) -> None:
        pilot.app.open_lesson("jeu-inspecteur")
        await pilot.pause(0.3)

    assert snap_compare(make_app(course=_activities()), terminal_size=SIZE, run_before=open_inspector)
