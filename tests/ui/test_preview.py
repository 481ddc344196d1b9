"""`atelier preview`: the file as learners see it, its errors in place, recovery once fixed."""

from __future__ import annotations

import shutil
from pathlib import Path

from course.content.loader import load_course
from course.ui.preview_app import PreviewApp, find_course_root
from course.ui.screens.lesson import LessonScreen
from course.ui.screens.problems import ProblemsScreen
from course.ui.screens.quiz import QuizScreen

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "cours"
    shutil.copytree(FIXTURES / "mini", root)
    return root


async def test_preview_shows_errors_then_recovers_at_same_section(tmp_path):
    root = _copy(tmp_path)
    lesson_file = root / "lessons" / "alpha" / "01-un.yaml"
    good = lesson_file.read_text(encoding="utf-8")
    app = PreviewApp(lesson_file, find_course_root(lesson_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("right")
        await pilot.pause()
        assert app.screen.index == 1
        lesson_file.write_text(good.replace("title:", "titel:", 1), encoding="utf-8")
        app.reload()
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        assert {p.code for p in app.screen.problems} == {
            "unknown_key_hint"
        }  # « titel » : vouliez-vous dire « title » ?
        lesson_file.write_text(good, encoding="utf-8")
        app.reload()
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.index == 1


async def test_preview_of_a_quiz_stays_on_its_question_after_a_save(tmp_path):
    root = _copy(tmp_path)
    quiz_file = root / "quizzes" / "alpha" / "01-un.yaml"
    app = PreviewApp(quiz_file, root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("2", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.screen.index == 1
        quiz_file.write_text(
            quiz_file.read_text(encoding="utf-8").replace("courriel", "message"), encoding="utf-8"
        )
        app.reload()
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.done_before == 1


def test_a_file_outside_any_course_is_refused(tmp_path, capsys):
    from course.cli import main

    loose = tmp_path / "seul.yaml"
    loose.write_text("id: x\n", encoding="utf-8")
    assert main(["preview", str(loose)]) == 2
    assert "n'est pas dans un parcours" in capsys.readouterr().err


async def test_preview_follows_the_glossary_the_lesson_uses(tmp_path):
    root = _copy(tmp_path)
    lesson_file = root / "lessons" / "alpha" / "01-un.yaml"
    glossary = root / "lessons" / "glossary.yaml"
    app = PreviewApp(lesson_file, root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = app._stamp
        glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        app._poll()  # what the timer does every half second
        await pilot.pause()
        assert app._stamp != before
        assert isinstance(app.screen, LessonScreen)


async def test_preview_of_the_glossary_and_of_a_module(tmp_path):
    from course.ui.screens.course_map import CourseMapScreen
    from course.ui.screens.dialogs import GlossaryScreen

    root = _copy(tmp_path)
    term = next(iter(load_course(root).glossary.values()))
    app = PreviewApp(root / "lessons" / "glossary.yaml", root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert term.term in app.export_screenshot()
    module = next((root / "lessons").glob("*/module.yaml"))
    app = PreviewApp(module, root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
