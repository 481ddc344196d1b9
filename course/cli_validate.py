"""`atelier validate`: check a course and print every problem as path:line:col."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from course.cli_readability import readability_data, write_readability
from course.content.bundled import bundled_course_dir
from course.content.loader import CourseNotFound, load_course
from course.i18n import t
from course.text.safe import clean_block, clean_terminal, json_dump


def pick_course_dir(given: str | None) -> tuple[Path, str]:
    """The folder to check and why: as given, the current folder, or the bundled course."""
    if given:
        return Path(given), "given"
    if (Path.cwd() / "lessons").is_dir():
        return Path.cwd(), "cwd"
    return bundled_course_dir(), "bundled"


def run_validate(given: str | None, output: str, out: TextIO, err: TextIO, stats: bool = False) -> int:
    root, origin = pick_course_dir(given)
    try:
        course = load_course(root)
    except CourseNotFound:
        err.write(t("validate.not_found", path=str(root)) + "\n")
        return 2
    except OSError as error:
        err.write(t("validate.cannot_run", path=str(root), reason=error.strerror or str(error)) + "\n")
        return 2
    errors, warnings = len(course.errors), len(course.warnings)
    if output == "json":
        json_dump({
            "course": str(root), "origin": origin, "valid": errors == 0,
            "counts": {"files": course.files_read, "modules": len(course.modules), "lessons": len(course.lessons),
                       "quizzes": len(course.quizzes), "questions": course.question_count(),
                       "glossary": len(course.glossary), "errors": errors, "warnings": warnings},
            "problems": [p.as_dict() for p in course.problems],
            **({"readability": readability_data(course)} if stats else {}),
        }, out, indent=2)  # control and bidi characters of the course escaped
        out.write("\n")
    else:
        for problem in course.problems:
            out.write(clean_block(problem.format()) + "\n")  # quotes YAML: never raw controls
        out.write(t("validate.summary." + ("ok" if errors == 0 else "bad"),
                    where=t("validate.origin." + origin, path=clean_terminal(root)), files=course.files_read,
                    modules=len(course.modules), lessons=len(course.lessons), quizzes=len(course.quizzes),
                    questions=course.question_count(), terms=len(course.glossary),
                    errors=errors, warnings=warnings) + "\n")
        if stats:
            write_readability(course, out)
    return 0 if errors == 0 else 1
