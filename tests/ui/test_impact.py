"""Pre-test and post-test: taken from the course map, then the gain in `atelier report`."""

from __future__ import annotations

import io
from pathlib import Path

from textual.widgets import OptionList

from course.cli_workshop import _render_impact
from course.content.loader import load_course
from course.progress import ProgressStore
from course.reports.impact import impact_rows, mean_gain
from course.ui.screens.results import ResultsScreen
from tests.ui.helpers import answer_current, next_question

COURSE = Path(__file__).parents[1] / "fixtures" / "activites"


async def _take(pilot, app, quiz_id: str, right: list[bool]) -> str:
    options = app.screen.query_one("#lessons", OptionList)
    index = next(i for i in range(options.option_count) if options.get_option_at_index(i).id == f"quiz:{quiz_id}")
    options.highlighted = index
    options.focus()
    await pilot.press("enter")
    await pilot.pause()
    for value in right:
        await answer_current(pilot, right=value)
        await next_question(pilot)
    assert isinstance(app.screen, ResultsScreen)
    summary = str(app.screen.query_one("#score").render())
    assert "il faut" not in summary  # a test measures, it is not passed or failed
    await pilot.press("escape")
    await pilot.pause()
    return summary


async def test_tests_on_the_map_and_the_gain_in_the_report(make_app, private_data):
    course = load_course(COURSE)
    app = make_app(course=course)
    async with app.run_test(size=(80, 24)) as pilot:
        text = "\n".join(str(app.screen.query_one("#lessons", OptionList).get_option_at_index(i).prompt)
                         for i in range(app.screen.query_one("#lessons", OptionList).option_count))
        assert "Test de départ" in text and "Test final" in text
        assert "point de départ" in await _take(pilot, app, "jeu-depart", [True, False])
        assert "Progrès depuis le test de départ (50 %) : +50 points" in await _take(pilot, app, "jeu-final", [True, True])
        text = str(app.screen.query_one("#lessons", OptionList).get_option_at_index(1).prompt)
        assert "fait : 50 %" in text
    store = ProgressStore(private_data)
    answers = [a.to_dict() for a in store.iter_all_answers()]
    rows = impact_rows(course, answers)
    assert [(r.pre, r.post, r.gain) for r in rows] == [(0.5, 1.0, 0.5)]
    assert [(r.pre_discernment, r.post_discernment) for r in rows] == [(0.0, 1.0)]
    assert mean_gain(rows) == 0.5
    out = io.StringIO()
    _render_impact(course, [x.to_dict() for x in store.list_learners()], answers, out)
    assert "+50 pts" in out.getvalue() and "Léa" in out.getvalue()
    assert "+0,00 → +1,00" in out.getvalue()


def test_tests_and_activities_stay_out_of_the_lesson_report():
    from course.reports.course_index import lesson_quiz_answers

    course = load_course(COURSE)
    answers = [{"quiz": "jeu-depart", "mode": "quiz"}, {"quiz": "jeu-manipulateur/manip", "mode": "activity"},
               {"quiz": "autre", "mode": "quiz"}, {"quiz": "autre", "mode": "review"}]
    assert lesson_quiz_answers(course, answers) == answers[2:]


def test_discernment_is_telling_apart_not_suspicion():
    from course.reports.impact import discernment_index

    def answers(right: dict[str, bool]):
        return {q: {"correct": ok} for q, ok in right.items()}

    reliable, misleading = ["r1", "r2"], ["m1", "m2"]
    doubts_everything = answers({"r1": False, "r2": False, "m1": True, "m2": True})
    trusts_everything = answers({"r1": True, "r2": True, "m1": False, "m2": False})
    perfect = answers({"r1": True, "r2": True, "m1": True, "m2": True})
    assert discernment_index(doubts_everything, reliable, misleading) == 0.0
    assert discernment_index(trusts_everything, reliable, misleading) == 0.0
    assert discernment_index(perfect, reliable, misleading) == 1.0
    assert discernment_index(perfect, [], misleading) is None


async def test_the_trainer_view_shows_the_impact_table(make_app, private_data):
    from course.ui.screens.trainer import TrainerScreen

    course = load_course(COURSE)
    app = make_app(course=course)
    async with app.run_test(size=(80, 24)) as pilot:
        await _take(pilot, app, "jeu-depart", [True, True])
        await _take(pilot, app, "jeu-final", [True, True])
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press(*"2468", "enter", *"2468", "enter")  # first use: the trainer code is chosen
        await pilot.pause()
        assert isinstance(app.screen, TrainerScreen)
        from rich.console import Console

        console = Console(width=80, record=True, file=__import__("io").StringIO())
        console.print(app.screen.query_one("#trainer-report").content)
        text = console.export_text()
        assert "Mesure d'impact" in text and "+0 pts" in text
