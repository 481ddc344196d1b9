"""Workshop commands: the trainer's report, exports, and progress moved between machines."""

from __future__ import annotations

import argparse
import json
import secrets
import sys
from pathlib import Path
from typing import Any, TextIO

from course.content.bundled import bundled_course_dir
from course.content.loader import CourseNotFound, load_course
from course.i18n import t
from course.progress import ImportRefused, ProgressStore, export_progress, import_progress, read_progress_file
from course.progress import resolve_data_dir, write_progress_file


def add_arguments(sub: Any) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--course", metavar="DIR", help=t("cli.opt.course"))
    common.add_argument("--data", metavar="DIR", help=t("cli.opt.data"))
    common.add_argument("--session", metavar="LABEL", help=t("cli.workshop.session"))
    common.add_argument("--learner", metavar="NAME", help=t("cli.workshop.learner"))
    sub.add_parser("report", parents=[common], help=t("cli.report.help"))
    export = sub.add_parser("export", parents=[common], help=t("cli.export.help"))
    export.add_argument("--format", choices=("csv", "xapi", "progress"), default="csv")
    export.add_argument("-o", "--output", metavar="FILE", help=t("cli.export.output"))
    export.add_argument("--sep", choices=(";", ","), default=";", help=t("cli.export.sep"))
    export.add_argument("--names", action="store_true", help=t("cli.export.names"))
    export.add_argument("--xapi-base", default="https://atelier.example/xapi", help=t("cli.export.base"))
    imp = sub.add_parser("import", help=t("cli.import.help"))
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--data", metavar="DIR", help=t("cli.opt.data"))


def _salt(data_dir: Path) -> str:
    """One random salt per data dir, so pseudonyms are stable there and meaningless elsewhere."""
    path = data_dir / "pseudonym-salt.txt"
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        salt = secrets.token_hex(16)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(salt + "\n", encoding="utf-8")
        return salt


def _learner_filter(store: ProgressStore, name: str | None, err: TextIO) -> list[str] | None | bool:
    if not name:
        return None
    learner = store.find_learner(name)
    if learner is None:
        err.write(t("cli.workshop.no_learner", name=name) + "\n")
        return False
    return [learner.id]


def run_workshop(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        return _run(args, out, err)
    except OSError as error:
        err.write(t("cli.write_failed", path=error.filename or "?", reason=error.strerror or str(error)) + "\n")
        return 2


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    data_dir = resolve_data_dir(args.data)
    store = ProgressStore(data_dir)
    try:
        if args.command == "import":
            return _import(store, args.files, out, err)
        ids = _learner_filter(store, args.learner, err)
        if ids is False:
            return 1
        if args.command == "export" and args.format == "progress":
            return _export_progress(store, ids, args.output, out, err)  # type: ignore[arg-type]
        root = Path(args.course) if args.course else bundled_course_dir()
        try:
            course = load_course(root)
        except CourseNotFound:
            err.write(t("validate.not_found", path=str(root)) + "\n")
            return 2
        from course.reports.course_index import build_index

        index = build_index(course)
        learners = [x.to_dict() for x in store.list_learners()]
        answers = [a.to_dict() for a in store.iter_all_answers()]
        if args.command == "report":
            from course.reports.report_view import render_report
            from course.reports.stats import compute_report

            chosen = [a for a in answers if (ids is None or a["learner"] in ids)
                      and (args.session is None or a.get("session") == args.session)]
            from course.reports.course_index import lesson_quiz_answers

            render_report(compute_report(learners, lesson_quiz_answers(course, answers), index, session=args.session,
                                         learner_ids=ids), out)  # type: ignore[arg-type]
            _render_impact(course, learners, chosen, out)
            return 0
        return _export(args, index, learners, answers, ids, _salt(data_dir), out, err)  # type: ignore[arg-type]
    finally:
        store.close()


def _export(args: argparse.Namespace, index: Any, learners: list[dict[str, Any]], answers: list[dict[str, Any]],
            ids: list[str] | None, salt: str, out: TextIO, err: TextIO) -> int:
    if args.format == "xapi":
        from course.reports.xapi import check_base, write_xapi

        try:
            base = check_base(args.xapi_base)
        except ValueError:
            err.write(t("cli.export.bad_base", base=args.xapi_base) + "\n")
            return 2
        if ids is not None:
            answers = [a for a in answers if a["learner"] in ids]
        if args.session:
            answers = [a for a in answers if a.get("session") == args.session]
        stream = open(args.output, "w", encoding="utf-8", newline="\n") if args.output else out
        try:
            result = write_xapi(stream, learners, answers, index, base=base, names=args.names, salt=salt)
        finally:
            if args.output:
                stream.close()
        err.write(t("cli.export.xapi_done", count=result.written, skipped=result.skipped) + "\n")
        return 0
    from course.reports.csv_export import open_csv, write_answers_csv, write_summary_csv

    options = dict(sep=args.sep, names=args.names, salt=salt, session=args.session, learner_ids=ids)
    if not args.output:
        write_answers_csv(out, learners, answers, index, **options)  # type: ignore[arg-type]
        return 0
    path = Path(args.output)
    summary = path.with_name(path.stem + "-resume" + path.suffix)
    with open_csv(path) as stream:
        rows = write_answers_csv(stream, learners, answers, index, **options)  # type: ignore[arg-type]
    with open_csv(summary) as stream:
        write_summary_csv(stream, learners, answers, index, **options)  # type: ignore[arg-type]
    err.write(t("cli.export.csv_done", rows=rows, path=str(path), summary=str(summary)) + "\n")
    return 0


def _export_progress(store: ProgressStore, ids: list[str] | None, output: str | None, out: TextIO,
                     err: TextIO) -> int:
    data = export_progress(store, ids)
    if output:
        try:
            write_progress_file(output, data)
        except OSError as error:  # name the file asked for, not the temporary one beside it
            err.write(t("cli.write_failed", path=output, reason=error.strerror or str(error)) + "\n")
            return 2
        err.write(t("cli.export.progress_done", learners=len(data["learners"]), answers=len(data["answers"]),
                    path=output) + "\n")
    else:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return 0


def _import(store: ProgressStore, files: list[str], out: TextIO, err: TextIO) -> int:
    code = 0
    for name in files:
        try:
            report = import_progress(store, read_progress_file(name))
        except ImportRefused as error:
            err.write(t("cli.import.refused", path=name, reason=str(error)) + "\n")
            code = 1
            continue
        out.write(t("cli.import.done", path=name, added=report.learners_added, merged=report.learners_merged,
                    answers=report.answers_added, present=report.answers_present) + "\n")
    return code


def _render_impact(course: Any, learners: list[dict[str, Any]], answers: list[dict[str, Any]], out: TextIO) -> None:
    """The pre-test / post-test table: what the workshop changed, for the association's funders."""
    from rich.console import Console

    from course.reports.impact_view import impact_renderable

    renderable = impact_renderable(course, learners, answers)
    if renderable is not None:
        Console(file=out, width=80, no_color=not getattr(out, "isatty", lambda: False)()).print(renderable)
