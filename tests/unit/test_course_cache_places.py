"""A start reads the cached course without its places in the files; a check that needs them gets them.

The places (`Pos`, one per object written in a file, and each object's `places`) are most of a
course's objects and only the checks left for later use them. The cache file holds the course
without them, which a start reads, then the whole course, read when the checks ask for it.
"""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

from course.content.cache import load_course_cached
from course.content.course import Course
from course.content.loader import load_course
from course.content.model import Pos
from tests.unit.small_course import write
from tests.unit.test_loader_deferred_warnings import WARNED

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _places(course: Course) -> list[Pos]:
    """Every place held by the course's lessons, sections, quizzes and questions (and their `places`)."""
    found: list[Pos] = []
    parts: list[Any] = [*course.lessons.values(), *course.quizzes.values(), *course.modules]
    parts += [s for lesson in course.lessons.values() for s in lesson.sections]
    parts += [q for quiz in course.quizzes.values() for q in quiz.questions]
    for part in parts:
        found.append(part.pos)
        found.extend(getattr(part, "places", {}).values())
    return found


class _CountingUnpickler(pickle.Unpickler):
    """Counts the model objects an unpickling builds, by class name."""

    built: dict[str, int] = {}

    def find_class(self, module: str, name: str) -> Any:
        found = super().find_class(module, name)
        if module != "course.content.model":
            return found

        def build(*args: Any) -> Any:
            self.built[name] = self.built.get(name, 0) + 1
            return found(*args)

        return build


@pytest.fixture
def cached(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "cours"
    shutil.copytree(FIXTURES / "activites", root)
    load_course_cached(root, tmp_path / "cache")
    return root, tmp_path / "cache"


def test_a_start_builds_no_place(cached: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    root, folder = cached
    _CountingUnpickler.built = {}
    monkeypatch.setattr("course.content.cache.pickle.Unpickler", _CountingUnpickler)
    warm = load_course_cached(root, folder)
    assert _CountingUnpickler.built.get("Lesson") == len(warm.lessons)  # the course was unpickled...
    assert "Pos" not in _CountingUnpickler.built  # ...without building one place
    places = _places(warm)
    assert len(places) > 50 and {id(p) for p in places} == {id(places[0])} and places[0] == Pos()
    fresh = load_course(root)
    assert warm.lessons == fresh.lessons and warm.quizzes == fresh.quizzes
    assert warm.files_with_errors() == fresh.files_with_errors()


def test_the_whole_course_comes_from_the_second_pickle(
    cached: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, folder = cached
    warm = load_course_cached(root, folder)
    assert warm.positions is not None

    def no_yaml(*args: object, **kwargs: object) -> None:
        raise AssertionError("the course files were read again")

    monkeypatch.setattr("course.content.loader.load_course", no_yaml)
    placed = warm.positions()
    assert placed is not None
    monkeypatch.undo()
    fresh = load_course(root)
    assert [(p.path, p.line, p.col) for p in _places(placed)] == [
        (p.path, p.line, p.col) for p in _places(fresh)
    ]
    assert all(p.path and p.line > 0 for p in _places(placed))


@pytest.mark.parametrize("cache_kept", [True, False])
def test_the_warnings_of_a_cached_course_carry_their_lines(tmp_path: Path, cache_kept: bool) -> None:
    files: dict[str, str | bytes | None] = {**WARNED}
    root = write(tmp_path / "cours", files)
    load_course_cached(root, tmp_path / "cache")
    warm = load_course_cached(root, tmp_path / "cache")
    if not cache_kept:  # emptied meanwhile: the files are read again for their places
        shutil.rmtree(tmp_path / "cache")
    eager = load_course(root, defer_warnings=False)
    assert warm.problems == eager.problems
    assert any(p.code == "section_too_tall" and p.line > 1 for p in warm.warnings)
