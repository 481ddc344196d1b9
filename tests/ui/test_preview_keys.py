"""`atelier preview` at 80×24: the end of a lesson is said once, and the problems screen
never quits on one key (Esc goes back to the last good view, q asks « Quitter ? »)."""

from __future__ import annotations

import shutil
from pathlib import Path

from course.ui.preview_app import PreviewApp
from course.ui.screens.dialogs import ConfirmScreen
from course.ui.screens.lesson import LessonScreen
from course.ui.screens.problems import ProblemsScreen
from tests.ui.walk import screen_lines

FIXTURES = Path(__file__).parents[1] / "fixtures"
SIZE = (80, 24)


def lesson_file(tmp_path: Path) -> Path:
    root = tmp_path / "cours"
    shutil.copytree(FIXTURES / "mini", root)
    return root / "lessons" / "alpha" / "01-un.yaml"


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(screen_lines(app))


async def test_the_end_of_the_lesson_is_said_once(tmp_path: Path) -> None:
    file = lesson_file(tmp_path)
    app = PreviewApp(file, file.parents[2])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        for _ in range(6):  # two sections, then → pressed four times past the end
            await pilot.press("right")
            await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert shown(app).count("Fin de la leçon") == 1


async def test_escape_on_the_problems_goes_back_to_the_last_good_view(tmp_path: Path) -> None:
    file = lesson_file(tmp_path)
    good = file.read_text(encoding="utf-8")
    app = PreviewApp(file, file.parents[2])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        file.write_text(good.replace("title:", "titel:", 1), encoding="utf-8")
        app.reload()
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen) and "esc Retour" in shown(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, LessonScreen)
        assert "Le courriel" in shown(app)


async def test_a_file_broken_from_the_start_stays_on_escape_and_q_asks(tmp_path: Path) -> None:
    file = lesson_file(tmp_path)
    file.write_text(file.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    app = PreviewApp(file, file.parents[2])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen) and "Retour" not in shown(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ProblemsScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "Quitter ?" in shown(app)
        await pilot.press("escape")  # « Rester »
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ProblemsScreen)
