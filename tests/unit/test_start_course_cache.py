"""A cold start reads the course's files and caches it once the first screen is drawn, not before."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

import pytest

from course.content import cache
from course.content.cache import load_course_cached

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


def test_a_course_read_from_its_files_is_stored_by_the_call_left_for_later(tmp_path: Path) -> None:
    root = tmp_path / "c"
    shutil.copytree(MINI, root)
    folder = tmp_path / "cache"
    later: list[Any] = []
    first = load_course_cached(root, folder, store_later=later)
    assert len(later) == 1 and not list(folder.glob("course-*.pickle"))
    later.pop()()
    assert len(list(folder.glob("course-*.pickle"))) == 1
    again: list[Any] = []
    second = load_course_cached(root, folder, store_later=again)
    assert again == []  # read from the cache: nothing to store
    assert second.lessons == first.lessons and second.quizzes == first.quizzes


def _args(data: Path) -> argparse.Namespace:
    return argparse.Namespace(
        course=str(MINI), data=str(data), learner="Léa", session=None, theme=None, pin=None, atelier=False
    )


@pytest.mark.parametrize("first_screen", [True, False])
def test_the_app_caches_the_course_after_its_first_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_screen: bool
) -> None:
    from course.ui import launch
    from course.ui.course_app import AtelierApp

    folder = tmp_path / "cache"
    monkeypatch.setenv("ATELIER_CACHE", str(folder))
    seen: list[int] = []

    def run(app: AtelierApp) -> None:  # the app's run, up to its first screen (or a quit before it)
        seen.append(len(list(folder.glob("course-*.pickle"))))
        if first_screen:
            for call in app.after_first_screen:
                call()
            seen.append(len(list(folder.glob("course-*.pickle"))))

    monkeypatch.setattr(AtelierApp, "run", run)
    assert launch.launch_app(_args(tmp_path / "data")) == 0
    assert seen == ([0, 1] if first_screen else [0])
    assert len(list(folder.glob("course-*.pickle"))) == 1  # a start ended early stores it too
    stored: list[Any] = []
    load_course_cached(MINI, folder, store_later=stored)
    assert stored == [] and cache.cache_dir() == folder


async def test_a_running_app_caches_the_course_a_moment_after_its_first_screen(
    make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not in the same breath as the first screen (the pickling would follow its drawing at once)."""
    from course.ui import launch

    monkeypatch.setattr(launch, "STORE_AFTER_S", 0.3)
    stored: list[str] = []
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        launch._store_soon(app, [lambda: stored.append("course")])
        await pilot.pause()
        assert stored == []
        for _ in range(50):  # the timer's moment, however busy the machine (5 s at most)
            if stored:
                break
            await pilot.pause(0.1)
        assert stored == ["course"]
    launch._store_soon(app, [lambda: stored.append("again")])  # no longer running: at once
    assert stored == ["course", "again"]
