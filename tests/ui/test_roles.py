"""Roles in the app, read at 80×24: the trainer space behind its code, each learner behind theirs.

Every check looks at the rows the screen draws (the compositor), as a person would see them.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input

from course.progress import ProgressStore
from course.progress.learner_codes import LearnerCodes
from course.progress.trainer_code import TrainerCode
from course.ui.course_app import Settings, build_app
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.learner_code import LearnerCodeScreen, NewCodeScreen, RenewCodeScreen, SameNameScreen
from course.ui.screens.pin import PinScreen, PinSetupScreen
from course.ui.screens.profile import ProfileScreen
from course.ui.screens.trainer import TrainerScreen

SIZE = (80, 24)


def seen(app) -> str:  # type: ignore[no-untyped-def]
    """The text of every row the current screen draws."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def app_on(data: Path, course, **settings):  # type: ignore[no-untyped-def]
    store = ProgressStore(data)
    return build_app(course, store, Settings(**settings)), store


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*["space" if c == " " else c for c in text])


def group(data: Path, *names: str) -> None:
    store = ProgressStore(data)
    for name in names:
        store.create_learner(name)
    store.close()


async def test_f9_never_opens_the_trainer_space_without_a_code(mini_course, private_data) -> None:
    app, store = app_on(private_data, mini_course)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, PinSetupScreen)  # first use: the trainer chooses one
        assert "Aucun code formateur" in seen(app)
        await pilot.press(*"12", "enter")
        await pilot.pause()
        assert "trop court" in seen(app) and isinstance(app.screen, PinSetupScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
    store.close()
    assert not TrainerCode(private_data).is_set


async def test_a_browser_tab_never_offers_to_choose_the_trainer_code(mini_course, private_data) -> None:
    app, store = app_on(private_data, mini_course, workshop=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert "ne s'ouvre pas ici" in seen(app)
    store.close()
    assert not TrainerCode(private_data).is_set


async def test_the_chosen_code_is_asked_next_time_and_wrong_codes_wait(mini_course, private_data) -> None:
    TrainerCode(private_data).choose("tournesol")
    app, store = app_on(private_data, mini_course, learner="Léa")
    app.trainer_code = TrainerCode(private_data, clock=lambda: 1000.0)  # time stands still during the test
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        for _ in range(3):
            await type_text(pilot, "rose")
            await pilot.press("enter")
            await pilot.pause()
        assert "Ce n'est pas le bon code." in seen(app)
        assert "attendez 5 s" in seen(app)
        await type_text(pilot, "tournesol")  # the right code, but the wait is not over
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PinScreen)
        TrainerCode(private_data).backoff.clear("trainer")  # as if the wait were over
        await type_text(pilot, "tournesol")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TrainerScreen)
        assert "Mode atelier" in seen(app) and "Code oublié" in seen(app)
    store.close()


async def test_the_name_field_takes_the_first_keys_and_an_existing_name_asks(
    mini_course, private_data
) -> None:
    group(private_data, "Marie", "Paul")
    app, store = app_on(private_data, mini_course)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen.focused, Input) and app.screen.focused.id == "name"
        await type_text(pilot, "marie")
        assert app.screen.query_one("#name", Input).value == "marie"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SameNameScreen)
        assert "Une personne s'appelle déjà Marie : est-ce vous ?" in seen(app)
        await pilot.press("right", "enter")  # « Non, quelqu'un d'autre »
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert "ajoutez l'initiale de votre nom" in seen(app)
        await type_text(pilot, "D.")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen) and app.journey.learner.name == "Marie D."
    store.close()
    assert sorted(x.name for x in ProgressStore(private_data).list_learners()) == [
        "Marie",
        "Marie D.",
        "Paul",
    ]


async def test_a_changed_name_is_said_before_it_is_kept(mini_course, private_data) -> None:
    app, store = app_on(private_data, mini_course)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "=Jeanne")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert "ne peut pas commencer par =" in seen(app) and "« Jeanne »" in seen(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.journey.learner.name == "Jeanne"
    store.close()
    long_name = "Anne-Charlotte " + "x" * 40
    app, store = app_on(private_data, mini_course)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#name", Input).value = long_name
        await pilot.press("enter")
        await pilot.pause()
        assert "40 caractères au plus" in seen(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.journey.learner.name == long_name[:40]
    store.close()


async def test_in_workshop_mode_no_other_name_is_shown_and_a_new_learner_gets_a_code(
    mini_course, private_data
) -> None:
    group(private_data, "Bérénice", "Gaspard")
    app, store = app_on(private_data, mini_course, workshop=True)
    async with app.run_test(size=SIZE) as pilot:
        text = seen(app)
        assert "Bérénice" not in text and "Gaspard" not in text
        assert "Espace formateur" not in text and "f9" not in text.lower()  # not advertised to learners
        await type_text(pilot, "Zoé")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewCodeScreen)
        code = re.search(r"Votre code personnel : (\d{4})", seen(app))
        assert code, seen(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        assert "Bérénice" not in seen(app)
    store.close()
    learner = ProgressStore(private_data).find_learner("Zoé")
    assert learner and LearnerCodes(private_data).check(learner.id, code.group(1)).ok


async def test_in_workshop_mode_resuming_needs_the_personal_code(mini_course, private_data) -> None:
    group(private_data, "Zoé", "Malik")
    store = ProgressStore(private_data)
    zoe, malik = store.find_learner("Zoé"), store.find_learner("Malik")
    store.close()
    LearnerCodes(private_data).claim(zoe.id, "7351")
    app, store = app_on(private_data, mini_course, workshop=True)
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "zoe")
        await pilot.press("enter")
        await pilot.pause()
        assert "Une personne s'appelle déjà Zoé : est-ce vous ?" in seen(app)
        await pilot.press("enter")  # « Oui, c'est moi »
        await pilot.pause()
        assert isinstance(app.screen, LearnerCodeScreen)
        await type_text(pilot, "1111")
        await pilot.press("enter")
        await pilot.pause()
        assert "Ce n'est pas le bon code." in seen(app) and app.journey is None
        await type_text(pilot, "7351")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen) and app.journey.learner.id == zoe.id
    store.close()
    app, store = app_on(private_data, mini_course, workshop=True)  # Malik has no code yet
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "Malik")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen) and app.journey is None
        assert "pas encore de code personnel" in seen(app)
    store.close()
    assert malik is not None


async def test_in_workshop_mode_deleting_a_profile_needs_its_code(mini_course, private_data) -> None:
    group(private_data, "Zoé")
    store = ProgressStore(private_data)
    zoe = store.find_learner("Zoé")
    store.close()
    LearnerCodes(private_data).claim(zoe.id, "7351")
    app, store = app_on(private_data, mini_course, workshop=True, learner="Zoé")
    async with app.run_test(size=SIZE) as pilot:
        for code, gone in (("0000", False), ("7351", True)):
            app.open_profile_menu()
            await pilot.pause()
            await pilot.press("down", "down", "enter")  # « Supprimer mon profil et mes réponses »
            await pilot.pause()
            await pilot.press("o")  # yes, delete
            await pilot.pause()
            assert isinstance(app.screen, LearnerCodeScreen)
            await type_text(pilot, code)
            await pilot.press("enter")
            await pilot.pause()
            if not gone:
                assert "Ce n'est pas le bon code." in seen(app)
                await pilot.press("escape")
                await pilot.pause()
                assert ProgressStore(private_data).find_learner("Zoé") is not None
        assert isinstance(app.screen, ProfileScreen)
    store.close()
    assert ProgressStore(private_data).find_learner("Zoé") is None
    assert not LearnerCodes(private_data).has_code(zoe.id)


async def test_the_trainer_gives_a_new_code_and_turns_the_workshop_mode_on(mini_course, private_data) -> None:
    group(private_data, "Zoé", "Malik", *[f"Personne {n:02d}" for n in range(20)])
    app, store = app_on(private_data, mini_course, pin="2468")
    async with app.run_test(size=SIZE) as pilot:
        assert "Malik" in seen(app)  # a personal computer: the list is shown
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press(*"2468", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TrainerScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, RenewCodeScreen)
        await pilot.press("end", "enter")  # Zoé, last of 22: the new code must still be in sight
        await pilot.pause()
        given = re.search(r"Nouveau code de Zoé : (\d{4})", seen(app))
        assert given, seen(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert TrainerCode(private_data).workshop_mode
    store.close()
    zoe = ProgressStore(private_data).find_learner("Zoé")
    assert LearnerCodes(private_data).check(zoe.id, given.group(1)).ok
    app, store = app_on(private_data, mini_course)
    async with app.run_test(size=SIZE) as pilot:
        assert "Malik" not in seen(app) and "Zoé" not in seen(app)
    store.close()
