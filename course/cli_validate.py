"""`atelier validate`: check a course and print every problem as path:line:col."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TextIO

from course.cli_readability import readability_data, write_readability
from course.content.bundled import bundled_course_dir
from course.content.loader import CourseNotFound, load_course
from course.i18n import t
from course.text.safe import clean_block, clean_terminal, json_dump

_VALIDATE_SUMMARY_KEYS = {
    "bad": "validate.summary.bad",
    "ok": "validate.summary.ok",
}
_VALIDATE_ORIGIN_KEYS = {
    "bundled": "validate.origin.bundled",
    "cwd": "validate.origin.cwd",
    "given": "validate.origin.given",
}


def pick_course_dir(given: str | None) -> tuple[Path, str]:
    """The folder to check and why: as given, the current folder, or the bundled course."""
    if given:
        return Path(given), "given"
    if (Path.cwd() / "lessons").is_dir():
        return Path.cwd(), "cwd"
    return bundled_course_dir(), "bundled"


def _course_above(path: Path) -> Path | None:
    """The course folder (the one holding lessons/) that a file lies in, if any."""
    return next((folder for folder in path.resolve().parents if (folder / "lessons").is_dir()), None)


def _cannot_run(
    root: Path, origin: str, code: str, message: str, output: str, out: TextIO, err: TextIO
) -> int:
    """Say why no course could be read (on stderr), and as JSON on stdout when asked."""
    err.write(message + "\n")
    if output == "json":
        json_dump(
            {
                "course": str(root),
                "origin": origin,
                "valid": False,
                "problems": [],
                "error": {"code": code, "message": message},
            },
            out,
            indent=2,
        )
        out.write("\n")
    return 2


def openable(root: Path, rel: str) -> str:
    """A problem's file as an editor opens it from the current folder (relative when below it)."""
    path = root / rel
    try:
        if path.resolve().is_relative_to(Path.cwd()):
            return os.path.relpath(path.resolve(), Path.cwd())
    except (OSError, ValueError):
        pass
    return os.path.normpath(path)  # as the folder was typed


def run_validate(given: str | None, output: str, out: TextIO, err: TextIO, stats: bool = False) -> int:
    root, origin = pick_course_dir(given)
    shown = clean_terminal(root)
    if not root.exists():
        return _cannot_run(root, origin, "missing", t("validate.missing", path=shown), output, out, err)
    if not root.is_dir():
        above = _course_above(root)
        message = (
            t("validate.is_file_in_course", path=shown, course=clean_terminal(above))
            if above
            else t("validate.is_file", path=shown)
        )
        return _cannot_run(root, origin, "is_file", message, output, out, err)
    try:
        course = load_course(root)
    except CourseNotFound:
        return _cannot_run(root, origin, "not_found", t("validate.not_found", path=shown), output, out, err)
    except OSError as error:
        message = t("validate.cannot_run", path=shown, reason=error.strerror or str(error))
        return _cannot_run(root, origin, "cannot_run", message, output, out, err)
    errors, warnings = len(course.errors), len(course.warnings)
    if output == "json":
        json_dump(
            {
                "course": str(root),
                "origin": origin,
                "valid": errors == 0,
                "counts": {
                    "files": course.files_read,
                    "modules": len(course.modules),
                    "lessons": len(course.lessons),
                    "quizzes": len(course.quizzes),
                    "questions": course.question_count(),
                    "glossary": len(course.glossary),
                    "errors": errors,
                    "warnings": warnings,
                },
                "problems": [{**p.as_dict(), "file": openable(root, p.path)} for p in course.problems],
                **({"readability": readability_data(course)} if stats else {}),
            },
            out,
            indent=2,
        )  # control and bidi characters of the course escaped
        out.write("\n")
    else:
        for problem in course.problems:
            line = dataclasses.replace(problem, path=openable(root, problem.path)).format()
            out.write(clean_block(line) + "\n")  # quotes YAML: never raw controls
        out.write(
            t(
                _VALIDATE_SUMMARY_KEYS["ok" if errors == 0 else "bad"],
                where=t(_VALIDATE_ORIGIN_KEYS[origin], path=clean_terminal(root)),
                files=course.files_read,
                modules=len(course.modules),
                lessons=len(course.lessons),
                quizzes=len(course.quizzes),
                questions=course.question_count(),
                terms=len(course.glossary),
                errors=errors,
                warnings=warnings,
            )
            + "\n"
        )
        if stats:
            write_readability(course, out)
    return 0 if errors == 0 else 1
