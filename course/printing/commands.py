"""`atelier print [MODULE] -o FILE.html|FILE.md`: the module (or the whole course) on paper."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, TextIO

from course.i18n import get_language, t

FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def add_arguments(sub: Any) -> None:
    printing = sub.add_parser("print", help=t("print.cli.help"))
    printing.add_argument("module", nargs="?", metavar="MODULE", help=t("print.cli.module"))
    printing.add_argument("-o", "--output", metavar="FILE", required=True, help=t("print.cli.output"))
    printing.add_argument("--course", metavar="DIR", help=t("cli.opt.course"))
    printing.add_argument("--trainer", action="store_true", help=t("print.cli.trainer"))
    printing.add_argument("--large", action="store_true", help=t("print.cli.large"))


def _write(path: Path, text: str) -> None:
    """Write `text` whole or not at all (a temp file in the same folder, then a rename)."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def run_print(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from course.content.bundled import bundled_course_dir
    from course.content.cache import load_course_cached
    from course.content.course import CourseNotFound
    from course.printing.documents import booklet_doc, module_doc

    output = Path(args.output)
    kind = FORMATS.get(output.suffix.lower())
    if kind is None:
        err.write(t("print.bad_format", path=str(output)) + "\n")
        return 2
    root = Path(args.course) if args.course else bundled_course_dir()
    try:
        course = load_course_cached(root)
    except CourseNotFound:
        err.write(t("validate.not_found", path=str(root)) + "\n")
        return 2
    modules = [m for m in course.modules if course.lessons_of(m)]
    if args.module:
        modules = [m for m in modules if m.id == args.module]
        if not modules:
            known = ", ".join(m.id for m in course.modules if course.lessons_of(m))
            err.write(t("print.unknown_module", module=args.module, known=known) + "\n")
            return 2
    if not modules:
        err.write(t("launch.no_lessons", path=str(root), errors=len(course.errors)) + "\n")
        return 1
    build = booklet_doc if args.trainer else module_doc
    doc = build(course, modules, course.info.language if course.info else get_language())
    if kind == "html":
        from course.printing.html_page import html_page

        text = html_page(doc, large=args.large)
    else:
        from course.printing.markdown_page import markdown_page

        text = markdown_page(doc)
    try:
        _write(output, text)
    except OSError as error:
        err.write(t("print.cannot_write", path=str(output), reason=error.strerror or str(error)) + "\n")
        return 2
    what = t(
        "print.done.booklet"
        if args.trainer
        else "print.done.module"
        if kind == "html"
        else "print.done.markdown",
        path=str(output),
    )
    out.write(what + "\n")
    return 0
