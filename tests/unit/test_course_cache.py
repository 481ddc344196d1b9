"""The course cache gives back the same course, and never a stale one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from course.content.cache import load_course_cached
from course.content.loader import load_course

MINI = Path(__file__).parents[1] / "fixtures" / "mini"


def test_cached_course_equals_a_fresh_load(tmp_path):
    root = tmp_path / "c"
    shutil.copytree(MINI, root)
    first = load_course_cached(root, tmp_path / "cache")
    assert list((tmp_path / "cache").glob("course-*.pickle"))
    second = load_course_cached(root, tmp_path / "cache")
    fresh = load_course(root)
    assert second.lessons == fresh.lessons == first.lessons
    assert second.quizzes == fresh.quizzes
    assert [m.lessons for m in second.modules] == [m.lessons for m in fresh.modules]


def test_an_edited_file_is_read_again(tmp_path):
    root = tmp_path / "c"
    shutil.copytree(MINI, root)
    load_course_cached(root, tmp_path / "cache")
    lesson = next((root / "lessons" / "alpha").glob("01-*.yaml"))
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")
    os.utime(lesson, ns=(1, 1))
    again = load_course_cached(root, tmp_path / "cache")
    assert any(p.code == "unknown_key_hint" for p in again.problems)


def test_a_damaged_cache_is_ignored(tmp_path):
    root = tmp_path / "c"
    shutil.copytree(MINI, root)
    load_course_cached(root, tmp_path / "cache")
    for path in (tmp_path / "cache").glob("*.pickle"):
        path.write_bytes(b"garbage")
    assert load_course_cached(root, tmp_path / "cache").lessons == load_course(root).lessons


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    course = load_course_cached(MINI, blocker / "cache")
    assert course.lessons


def test_a_change_of_the_model_invalidates_the_cache(tmp_path, monkeypatch):
    from course.content import cache

    root = tmp_path / "c"
    shutil.copytree(MINI, root)
    load_course_cached(root, tmp_path / "cache")
    monkeypatch.setattr(cache, "_model_signature", lambda: "another-shape")
    load_course_cached(root, tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("course-*.pickle"))) == 2
