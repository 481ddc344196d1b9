"""A start from the course's files, one from the course cache and one past a damaged cache draw the
same first screen, cell for cell, at 80×24: on the bundled course, and on a course with a broken
file (the map then says which file could not be read)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from course.content.bundled import bundled_course_dir
from course.content.cache import load_course_cached
from course.content.course import Course
from course.progress import ProgressStore
from course.ui.screens.course_map import CourseMapScreen

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "broken" / "course"


async def _first_screen(make_app: Callable[..., Any], course: Course) -> str:
    app = make_app(course=course)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        return str(app.export_screenshot())


@pytest.mark.parametrize("root", [bundled_course_dir(), BROKEN], ids=["bundled", "broken"])
async def test_cold_warm_and_damaged_cache_starts_draw_the_same_first_screen(
    make_app: Callable[..., Any], private_data: Path, tmp_path: Path, root: Path
) -> None:
    store = ProgressStore(private_data)
    store.create_learner("Léa")  # the same learner, already known, at each start
    store.close()
    folder = tmp_path / "course-cache"

    stores: list[Callable[[], None]] = []
    cold = load_course_cached(root, folder, store_later=stores)
    assert cold.positions is None and len(stores) == 1  # read from its files
    cold_screen = await _first_screen(make_app, cold)
    stores.pop()()  # cached after the first screen, as the app does
    (stored,) = folder.glob("course-*.pickle")

    warm = load_course_cached(root, folder)
    assert warm.positions is not None  # read back from the cache
    assert await _first_screen(make_app, warm) == cold_screen

    stored.write_bytes(stored.read_bytes()[:200])  # damaged: read from the files again
    stores = []
    again = load_course_cached(root, folder, store_later=stores)
    assert again.positions is None and len(stores) == 1
    screen = await _first_screen(make_app, again)
    assert screen == cold_screen
    if root == BROKEN:  # the notice names the first file that could not be read
        assert again.files_with_errors()[0] in screen
    assert "Continuer" in screen
