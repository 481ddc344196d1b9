"""The trainer's view in the app: behind a PIN, filtered by session, naming the session."""

from __future__ import annotations

from course.progress import ProgressStore
from course.ui.course_app import Settings, build_app
from course.ui.screens.pin import PinScreen, PinSetupScreen
from course.ui.screens.trainer import TrainerScreen
from tests.ui.helpers import answer_current


async def test_trainer_names_the_session_and_filters_the_report(make_app, mini_course, private_data):
    app = make_app(session="Matin")
    async with app.run_test(size=(80, 24)) as pilot:
        app.start_quiz(mini_course.quizzes["alpha-deux"])
        await pilot.pause()
        await answer_current(pilot, right=True)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, PinSetupScreen)  # first use: the trainer chooses the code
        await pilot.press(*"2468", "enter", *"2468", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TrainerScreen)
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#label").value = "Après-midi"
        await pilot.press("enter")
        await pilot.pause()
        assert app.settings.session == "Après-midi"
        await pilot.press("escape")
        await pilot.pause()
        app.start_quiz(mini_course.quizzes["alpha-deux"])
        await pilot.pause()
        await answer_current(pilot, right=False)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press(*"2468", "enter")
        await pilot.pause()
        screen = app.screen
        assert screen.sessions == [None, "Après-midi", "Matin"]
        await pilot.press("right")
        await pilot.pause()
        assert "Après-midi" in str(screen.query_one("#screen-title").render())
    sessions = [a.session for a in ProgressStore(private_data).iter_all_answers()]
    assert sorted(sessions) == ["Après-midi", "Matin"]


async def test_trainer_view_asks_the_pin_when_one_is_set(mini_course, private_data):
    store = ProgressStore(private_data)
    app = build_app(mini_course, store, Settings(learner="Léa", pin="2468"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        for key in "1111":
            await pilot.press(key)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        for key in "2468":
            await pilot.press(key)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TrainerScreen)
    store.close()
