"""Shared fixtures: the miniature course, a private data dir, and the app factory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from course.i18n import set_language

FIXTURES = Path(__file__).parent / "fixtures"
set_language("fr")


@pytest.fixture(autouse=True)
def private_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the developer's own progress: every test gets its own data dir."""
    data = tmp_path / "data"
    monkeypatch.setenv("ATELIER_DATA", str(data))
    monkeypatch.setenv("ATELIER_LANG", "fr")
    monkeypatch.setenv("ATELIER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("ATELIER_STRICT_CATALOGUE", "1")  # a missing message fails instead of showing its key
    return data


@pytest.fixture(autouse=True)
def still_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """No blinking cursor and no animation: what a test sees does not depend on the clock."""
    from textual import constants
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
    monkeypatch.setattr(constants, "TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def mini_course():
    from course.content.loader import load_course

    course = load_course(FIXTURES / "mini")
    assert not course.errors, [p.format() for p in course.errors]
    return course


@pytest.fixture
def make_app(mini_course, private_data: Path) -> Callable:
    """Build the app on the mini course; call again to 'restart' on the same data."""
    from course.progress import ProgressStore
    from course.ui.course_app import Settings, build_app

    stores = []

    def make(learner: str | None = "Léa", course=None, session: str | None = None):
        store = ProgressStore(private_data)
        stores.append(store)
        return build_app(course or mini_course, store, Settings(learner=learner, session=session))

    yield make
    for store in stores:
        store.close()
