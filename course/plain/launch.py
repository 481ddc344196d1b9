"""From command-line arguments to the plain mode, and when to choose it without being asked."""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from course.content.bundled import bundled_course_dir
from course.content.cache import load_course_cached
from course.content.course import CourseNotFound
from course.i18n import t

if TYPE_CHECKING:
    import argparse


def plain_reason(stdin: TextIO | None = None, stdout: TextIO | None = None) -> str | None:
    """Why the full-screen app cannot run here (in words), or None if it can.

    TERM=dumb (Emacs shells, some braille setups) cannot draw a full screen, and
    neither can a session whose input or output is not a terminal (a pipe, a file),
    unless a Textual driver other than the terminal's is set (`atelier serve`).
    """
    if os.environ.get("TEXTUAL_DRIVER"):  # a browser tab of `atelier serve` draws the full screen
        return None
    if os.environ.get("TERM", "") == "dumb":
        return t("plain.reason.dumb")
    for stream in (stdin or sys.stdin, stdout or sys.stdout):
        try:
            interactive = stream.isatty()
        except (AttributeError, ValueError):
            interactive = False
        if not interactive:
            return t("plain.reason.not_a_terminal")
    return None


def run_plain(
    args: argparse.Namespace,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    reason: str | None = None,
) -> int:
    """Load the course and the store as the full-screen app does, then run the plain mode on the streams."""
    from course.plain.app import PlainApp
    from course.plain.console import Console
    from course.progress import ProgressStore, resolve_data_dir

    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    console = Console(stdin, stdout)
    if reason:
        console.say(reason)
    root = Path(args.course) if args.course else bundled_course_dir()
    try:
        course = load_course_cached(root)
    except CourseNotFound:
        console.say(t("validate.not_found", path=str(root)))
        return 2
    if not course.lessons:
        console.say(t("launch.no_lessons", path=str(root), errors=len(course.errors)))
        return 1
    data_dir = resolve_data_dir(args.data)
    try:
        store = ProgressStore(data_dir)
    except OSError as error:
        console.say(t("launch.no_data", path=str(data_dir), reason=error.strerror or str(error)))
        return 2
    from course.progress.rescue import close_or_rescue
    from course.progress.workshop_session import SessionFollower

    shared = SessionFollower(data_dir, given=args.session)
    if args.session:  # the label of every window's answers today, as in the full app
        with suppress(OSError):
            shared.name(args.session)
    try:
        return PlainApp(console, course, store, args.learner, shared.current()).run()
    finally:  # answers the disk still refuses are saved elsewhere, and the person told where
        close_or_rescue(store, sys.stderr)
