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


async def _open_trainer(pilot, first: bool = True) -> TrainerScreen:
    await pilot.press("f9")
    await pilot.pause()
    await pilot.press(*"2468", "enter", *((*"2468", "enter") if first else ()))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TrainerScreen)
    await screen.workers.wait_for_complete()
    await pilot.pause()
    return screen


def _visible(app) -> str:
    """The text of the 80×24 screen as drawn (the screenshot's SVG, tags removed)."""
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


def _record(data, name: str, right: bool, session: str | None = None) -> None:
    from course.progress import AnswerRecord

    store = ProgressStore(data)
    learner = store.find_learner(name) or store.create_learner(name)
    store.record_answer(
        AnswerRecord(
            id="",
            learner=learner.id,
            lesson="alpha-deux",
            quiz="alpha-deux",
            question="q-page",
            qtype="true_false",
            response=right,
            response_text="Vrai",
            correct=right,
            score=float(right),
            hints_used=0,
            duration_s=4.0,
            timestamp="",
            attempt=1,
            session=session,
            sitting="s-" + name,
        )
    )
    store.close()


async def test_f9_shows_pre_test_only_learners_escape_leaves_and_new_answers_arrive(make_app, private_data):
    from course.progress import AnswerRecord

    store = ProgressStore(private_data)
    zoe = store.create_learner("Zoé")
    store.record_answer(
        AnswerRecord(
            id="",
            learner=zoe.id,
            lesson="alpha-un",
            quiz="alpha-un",
            question="q-vf",
            qtype="true_false",
            response=True,
            response_text="Vrai",
            correct=True,
            score=1.0,
            hints_used=0,
            duration_s=4.0,
            timestamp="",
            attempt=1,
            session="Matin",
            sitting="z1",
        )
    )
    store.close()
    app = make_app(learner=None)
    async with app.run_test(size=(80, 24)) as pilot:
        before = type(app.screen)
        screen = await _open_trainer(pilot)
        text = _visible(app)
        assert "Zoé" in text and "1 personne venue" in text
        _record(private_data, "Karim", False, "Matin")  # another window, another process
        screen.refresh_report()  # what the screen's timer does every few seconds
        await pilot.pause()
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert "Karim" in _visible(app) and "2 personnes venues" in _visible(app)
        await pilot.press("right")
        await pilot.pause()
        assert "Matin" in str(screen.query_one("#screen-title").render())
        lines = screen.query_one("#trainer-report")
        await pilot.press("pagedown")  # the report scrolls with the keys; left and right change the session
        await pilot.pause()
        assert lines.scroll_y > 0 or lines.virtual_size.height <= lines.size.height
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen) is before  # Esc leaves the trainer's view


async def test_f9_keeps_its_results_until_the_data_changes(make_app, private_data):
    _record(private_data, "Zoé", True)
    app = make_app(learner=None)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_trainer(pilot)
        shown = screen.reports
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press(*"2468", "enter")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, TrainerScreen) and again.reports is shown  # drawn at once, not recomputed
        assert "Zoé" in _visible(app)
        await again.workers.wait_for_complete()
        assert again.reports is shown  # the data did not change: nothing was recomputed


async def test_a_session_named_in_one_tab_labels_the_answers_of_every_other_tab(
    make_app, mini_course, private_data
):
    """As in `atelier serve`: Zoé's tab is open; the trainer names the session in F9 from another
    tab; Zoé's next answers, and those of a tab opened afterwards, carry the new label."""
    zoe = make_app(learner="Zoé")
    trainer = make_app(learner="Formatrice")
    async with zoe.run_test(size=(80, 24)) as zoe_pilot:
        await zoe_pilot.pause()
        async with trainer.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("f9")
            await pilot.pause()
            await pilot.press(*"2468", "enter", *"2468", "enter")
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            trainer.screen.query_one("#label").value = "Médiathèque 3/12"
            await pilot.press("enter")
            await pilot.pause()
            assert "Médiathèque 3/12" in str(trainer.screen.query_one("#screen-title").render())
        zoe._follow_session()  # what its timer does every two seconds
        zoe.start_quiz(mini_course.quizzes["alpha-deux"])
        await zoe_pilot.pause()
        await answer_current(zoe_pilot, right=True)
    later = make_app(learner="Malik")  # a tab opened after the naming
    async with later.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        later.start_quiz(mini_course.quizzes["alpha-deux"])
        await pilot.pause()
        await answer_current(pilot, right=False)
    store = ProgressStore(private_data)
    names = {learner.id: learner.name for learner in store.list_learners()}
    labels = {(names[a.learner], a.session) for a in store.iter_all_answers()}
    store.close()
    assert labels == {("Zoé", "Médiathèque 3/12"), ("Malik", "Médiathèque 3/12")}
