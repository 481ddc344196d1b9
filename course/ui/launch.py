"""From command-line arguments to a running app, with French messages when it cannot start."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from course.content.bundled import bundled_course_dir
from course.content.cache import load_course_cached
from course.content.course import CourseNotFound
from course.i18n import t

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from course.content.course import Course
    from course.ui.course_app import AtelierApp


def launch_app(args: argparse.Namespace) -> int:
    import gc

    gc.disable()  # the start allocates a lot and leaves little garbage: no collection before the first screen
    try:
        return _launch(args)
    finally:
        gc.enable()


def _launch(args: argparse.Namespace) -> int:
    import gc

    gc.freeze()  # what is loaded now lives as long as the app: the collector need not walk it again
    root = Path(args.course) if args.course else bundled_course_dir()
    stores: list[Callable[[], None]] = []
    try:
        course = load_course_cached(root, store_later=stores)
    except CourseNotFound:
        sys.stderr.write(t("validate.not_found", path=str(root)) + "\n")
        return 2
    try:
        return _run(args, root, course, stores)
    finally:  # a start that ends before its first screen still keeps the course for the next one
        _store_course(stores)


def _store_course(stores: list[Callable[[], None]]) -> None:
    """A course read from its files goes to the cache (once: the calls are taken off the list)."""
    while stores:
        stores.pop()()


STORE_AFTER_S = 0.25
"""How long after the first screen a course read from its files goes to the cache."""


def _store_soon(app: AtelierApp, stores: list[Callable[[], None]]) -> None:
    """The course to the cache a moment after the first screen, not in the same breath: the screen
    is on show at once, and pickling (some 15 ms for the bundled course) waits for a quiet moment."""
    if stores and app.is_running:
        app.set_timer(STORE_AFTER_S, lambda: _store_course(stores))
    else:
        _store_course(stores)


def _run(args: argparse.Namespace, root: Path, course: Course, stores: list[Callable[[], None]]) -> int:
    import gc

    from course.progress import ProgressStore, resolve_data_dir

    if not course.lessons:
        sys.stderr.write(t("launch.no_lessons", path=str(root), errors=len(course.errors)) + "\n")
        return 1
    data_dir = resolve_data_dir(args.data)
    try:
        store = ProgressStore(data_dir)
    except OSError as error:
        sys.stderr.write(t("launch.no_data", path=str(data_dir), reason=error.strerror or str(error)) + "\n")
        return 2
    from course.ui.course_app import Settings, build_app

    app = build_app(
        course,
        store,
        Settings(
            learner=args.learner,
            session=args.session,
            theme=args.theme,
            pin=getattr(args, "pin", None) or os.environ.get("ATELIER_PIN"),
            workshop=bool(getattr(args, "atelier", False)),
        ),
    )
    gc.freeze()  # likewise the course, the store and the app's modules
    app.after_first_screen.append(gc.enable)
    app.after_first_screen.append(lambda: _store_soon(app, stores))  # cold start: cached once drawn
    try:
        app.run()
    finally:  # answers the disk still refuses are saved elsewhere, and the person told where
        from course.progress.rescue import close_or_rescue  # not needed before the first screen

        closed = close_or_rescue(store, sys.stderr)
    return app.return_code or (0 if closed else 1)
