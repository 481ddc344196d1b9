"""A scenario inside a lesson: choices drawn, gauges moved, each choice stored, replay."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.content.loader import load_course
from course.progress import ProgressStore
from course.ui.widgets.scenario_view import ScenarioView
from tests.ui.walk import drawn_text

COURSE = Path(__file__).parents[1] / "fixtures" / "activites"


@pytest.fixture
def activities():
    course = load_course(COURSE)
    assert not course.problems, [p.format() for p in course.problems]
    return course


async def test_playing_a_scenario_records_each_choice(make_app, activities, private_data):
    app = make_app(course=activities)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_lesson("jeu-manipulateur")
        await pilot.pause()
        await pilot.press("right")
        await pilot.pause()
        view = app.screen.query_one(ScenarioView)
        assert "Abonnés : 10" in drawn_text(view.query_one("#scenario-text"))  # the gauges, first line
        await pilot.press("1", "enter")
        await pilot.pause()
        feedback = str(view.query_one("#scenario-feedback").render())
        assert feedback.startswith("✗ À éviter.") and "émotion" in feedback
        assert "Abonnés : 100" in drawn_text(view.query_one("#scenario-text"))
        await pilot.press("enter")
        await pilot.pause()
        assert view.node.id == "fin-virale"
        assert "émotion" in drawn_text(view.query_one("#scenario-text"))  # the debrief, under the ending
        await pilot.press("r")
        await pilot.pause()
        assert view.node.id == "debut" and view.gauges["abonnes"] == 10
        await pilot.press("2", "enter")
        await pilot.pause()
        assert str(view.query_one("#scenario-feedback").render()).startswith("✓ Bonne pratique.")
    answers = ProgressStore(private_data).answers(app.journey.learner.id)
    assert [(a.quiz, a.question, a.mode, a.correct) for a in answers] == [
        ("jeu-manipulateur/manip", "debut", "activity", False),
        ("jeu-manipulateur/manip", "debut", "activity", True),
    ]
