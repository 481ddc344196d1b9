"""Disk faults and another window, as the learner sees them at 80×24: a French message
where they are, the app still running, and no answer lost (not even on quitting)."""

from __future__ import annotations

import errno
import io
import os

import pytest
from rich.console import Console
from textual.widgets import Input
from textual.widgets._toast import Toast

from course.progress import ProgressStore, import_progress, read_progress_file, storage
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.lesson import LessonScreen
from course.ui.screens.pending import PendingQuitScreen
from course.ui.screens.profile import ProfileScreen
from course.ui.screens.quiz import QuizScreen
from course.ui.screens.results import ResultsScreen
from tests.ui.helpers import answer_current, next_question
from tests.unit.test_store_commands import small_disk  # noqa: F401  (a fixture: a real small disk)

SIZE = (80, 24)


def screen_lines(app) -> list[str]:
    """The text a terminal of the app's size shows: every screen of the stack, toasts included."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False).splitlines()


def toasts(app) -> list[str]:
    """Each notification as a person reads it: its part of the screen, lines joined."""
    lines = screen_lines(app)
    found = []
    for toast in app.screen.query(Toast):
        region = toast.region
        assert region.right <= SIZE[0] and region.bottom <= SIZE[1], "a notification off the screen"
        rows = [line[region.x : region.right].strip(" ▌▐") for line in lines[region.y : region.bottom]]
        found.append(" ".join(" ".join(rows).split()))
    return found


def visible(app) -> str:
    return " ".join(" ".join(screen_lines(app)).split())


def refuse(monkeypatch: pytest.MonkeyPatch, code: int = errno.ENOSPC) -> None:
    """Every store write fails as the disk would (full disk, read-only folder)."""

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(storage, "atomic_write_bytes", fail)


async def test_continuer_on_a_full_disk_opens_the_lesson_and_says_it_once(make_app, monkeypatch):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        refuse(monkeypatch)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        said = [m for m in toasts(app) if "La progression n'a pas pu être enregistrée" in m]
        assert len(said) == 1
        assert "(le disque est plein)" in said[0] and "Vous pouvez continuer" in said[0]
        assert "Prévenez la personne qui anime l'atelier" in said[0]
        await pilot.press("right")
        await pilot.pause()
        assert sum("n'a pas pu être enregistrée" in m for m in toasts(app)) == 1  # said once


async def test_a_known_learner_opens_on_a_read_only_folder(make_app, private_data, monkeypatch):
    ProgressStore(private_data).create_learner("Léa")
    real_open = os.open
    root = str(private_data)

    def read_only_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).startswith(root) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only_open)
    app = make_app(learner="Léa")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen) and app.journey.learner.name == "Léa"
        assert any("n'est pas modifiable" in m for m in toasts(app))
        app.start_quiz(app.course.quizzes["alpha-un"])
        await pilot.pause()
        await answer_current(pilot)
        assert "Bonne réponse" in visible(app)
        assert any(
            "La réponse n'a pas pu être enregistrée sur le disque (le dossier n'est pas modifiable)" in m
            for m in toasts(app)
        )
        assert app.store.pending == 1
        monkeypatch.undo()  # the folder is writable again: the fixture's close writes the answer


async def test_a_symlinked_lock_is_a_message_not_a_traceback(make_app, private_data):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        lock = app.store.paths.learner_lock(app.journey.learner.id)
        lock.unlink(missing_ok=True)
        lock.symlink_to(private_data / "elsewhere.lock")
        app.open_lesson("alpha-un")
        await pilot.press("right")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert any("lien symbolique" in m and "Vous pouvez continuer" in m for m in toasts(app))


async def test_every_answer_counts_in_the_score_even_waiting_in_memory(make_app, mini_course, monkeypatch):
    app = make_app()
    quiz = mini_course.quizzes["alpha-un"]
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.start_quiz(quiz)
        await pilot.pause()
        for number in range(len(quiz.questions)):
            if number == 2:
                refuse(monkeypatch)  # the disk fills up in the middle of the quiz
            await answer_current(pilot, right=True)
            await next_question(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.result.score == 1.0
        assert "100" in visible(app)
        assert app.store.pending == len(quiz.questions) - 2
        monkeypatch.undo()


async def test_waiting_answers_are_written_by_the_timer(make_app, private_data, monkeypatch):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert any(timer._callback == app.store_guard.retry for timer in app._timers)
        app.start_quiz(app.course.quizzes["alpha-un"])
        await pilot.pause()
        with monkeypatch.context() as patch:
            refuse(patch)
            await answer_current(pilot)
            assert app.store.pending == 1
            app.store_guard.retry()  # what the timer calls; the disk is still full
            assert app.store.pending == 1
        app.store_guard.retry()
        await pilot.pause()
        assert app.store.pending == 0
        assert any("C'est réglé : 1 réponse en attente a été enregistrée" in m for m in toasts(app))
        learner = app.journey.learner.id
    assert len(ProgressStore(private_data).answers(learner)) == 1


async def test_quitting_with_waiting_answers_asks_then_saves_them_elsewhere(make_app, tmp_path, monkeypatch):
    app = make_app()
    stick = tmp_path / "usb"
    stick.mkdir()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.start_quiz(app.course.quizzes["alpha-un"])
        await pilot.pause()
        refuse(monkeypatch)
        await answer_current(pilot)
        learner = app.journey.learner.id
        await app.run_action("quit")
        await pilot.pause()
        assert isinstance(app.screen, PendingQuitScreen) and app.is_running
        shown = visible(app)
        assert "Des réponses ne sont pas encore enregistrées" in shown
        assert "1 réponse n'est pas encore enregistrée sur le disque" in shown
        assert "Réessayer" in shown and "Enregistrer ailleurs" in shown
        await pilot.click("#retry")  # the disk is still full: the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, PendingQuitScreen) and app.is_running
        app.screen.query_one("#pending-folder", Input).value = str(stick)
        await pilot.click("#elsewhere")
        await pilot.pause()
    [saved] = list(stick.iterdir())
    monkeypatch.undo()
    other = ProgressStore(tmp_path / "trainer")
    assert import_progress(other, read_progress_file(saved)).answers_added == 1
    assert [a.quiz for a in other.answers(learner)] == ["alpha-un"]


async def test_quitting_a_folder_that_cannot_be_written_says_so(make_app, tmp_path, monkeypatch):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.start_quiz(app.course.quizzes["alpha-un"])
        await pilot.pause()
        refuse(monkeypatch)
        await answer_current(pilot)
        await app.run_action("quit")
        await pilot.pause()
        app.screen.query_one("#pending-folder", Input).value = str(tmp_path / "missing" / "folder")
        await pilot.click("#elsewhere")
        await pilot.pause()
        assert isinstance(app.screen, PendingQuitScreen) and app.is_running
        assert "Impossible d'enregistrer dans ce dossier" in visible(app)
        assert app.store.pending == 1
        monkeypatch.undo()


async def test_a_profile_deleted_in_another_window_ends_this_session(make_app, private_data):
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.start_quiz(app.course.quizzes["alpha-un"])
        await pilot.pause()
        ProgressStore(private_data).delete_learner(app.journey.learner.id)  # the other window
        await answer_current(pilot)
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen) and app.journey is None
        assert any("Ce profil a été supprimé, sans doute dans une autre fenêtre" in m for m in toasts(app))
        assert not isinstance(app.screen, QuizScreen)


async def test_a_state_with_wrong_types_opens_the_map_with_a_notice(make_app, private_data):
    import json

    store = ProgressStore(private_data)
    lea = store.create_learner("Léa")
    state = private_data / "learners" / lea.id / "state.json"
    state.write_text(
        json.dumps(
            {"state": {"1": {"quizzes": {"alpha-un": {"attempt": "z", "open": True}}, "lessons": "x"}}}
        )
    )
    app = make_app(learner=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.choose_learner_id(lea.id)
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        assert any(
            "Le fichier de progression de Léa était abîmé : il a été mis de côté" in m for m in toasts(app)
        )
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
    assert len(list((private_data / "damaged").iterdir())) == 1


async def test_a_really_full_disk_keeps_the_quiz_going_and_writes_once_freed(small_disk, mini_course):  # noqa: F811
    """A real tmpfs filled up: the same messages as the simulated faults, and the timer's retry."""
    from course.ui.course_app import Settings, build_app
    from tests.unit.test_store_commands import fill

    data = small_disk / "data"
    store = ProgressStore(data)
    app = build_app(mini_course, store, Settings(learner="Léa"))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.start_quiz(mini_course.quizzes["alpha-un"])
        await pilot.pause()
        filler = fill(small_disk)
        await answer_current(pilot)
        assert "Bonne réponse" in visible(app)
        assert any("(le disque est plein)" in m for m in toasts(app))
        assert store.pending == 1
        filler.unlink()
        app.store_guard.retry()
        await pilot.pause()
        assert store.pending == 0
        learner = app.journey.learner.id
    assert len(ProgressStore(data).answers(learner)) == 1
    store.close()


def test_the_plain_mode_on_a_full_disk_says_it_and_goes_on(private_data, monkeypatch):
    from course.content.loader import load_course
    from course.plain.app import PlainApp
    from course.plain.console import Console
    from tests.unit.plain_script import FIXTURES, ScriptedInput, printed

    ProgressStore(private_data).create_learner("Léa")
    store = ProgressStore(private_data)
    out = io.StringIO()
    with monkeypatch.context() as patch:
        refuse(patch)
        code = PlainApp(
            Console(ScriptedInput(out, ["c", "suite"]), out, 80), load_course(FIXTURES / "mini"), store, "Léa"
        ).run()
    store.close()
    lines = " ".join(printed(out.getvalue()))
    assert code == 0
    assert "La progression n'a pas pu être enregistrée sur le disque (le disque est plein)" in lines
    assert "Section 2 sur 2" in lines  # the lesson went on


async def test_choosing_a_profile_deleted_meanwhile_says_so(make_app, private_data):
    store = ProgressStore(private_data)
    lea = store.create_learner("Léa")
    store.create_learner("Léo")
    app = make_app(learner=None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        store.delete_learner(lea.id)  # the other window, while this one shows the list
        app.choose_learner_id(lea.id)
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen) and app.journey is None
        assert any("Ce profil n'existe pas (ou plus) sur cet ordinateur" in m for m in toasts(app))
        assert "Léo" in visible(app) and "Léa" not in visible(app)
