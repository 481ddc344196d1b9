"""Workshop commands: the trainer's report, exports, and progress moved between machines.

Every figure comes from one pass of `course.reports.compute.compute_reports` over the
store; the terminal, CSV, JSON and HTML outputs and the exports only format it.
"""

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
from course.progress import (
    ImportRefused,
    ProgressStore,
    StoreError,
    StoreWriteError,
    export_progress,
    import_progress,
    name_key,
    read_progress_file,
    resolve_data_dir,
    write_progress_file,
)
from course.progress.storage import DamagedFileError, atomic_write_bytes, read_regular, reason
from course.text.safe import clean_block, clean_terminal, json_dump


def add_arguments(sub: Any) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--course", metavar="DIR", help=t("cli.opt.course"))
    common.add_argument("--data", metavar="DIR", help=t("cli.opt.data"))
    common.add_argument("--session", metavar="LABEL", help=t("cli.workshop.session"))
    common.add_argument("--learner", metavar="NAME", help=t("cli.workshop.learner"))
    report = sub.add_parser("report", parents=[common], help=t("cli.report.help"))
    report.add_argument(
        "--format",
        choices=("terminal", "csv", "json", "html"),
        default="terminal",
        help=t("reports.opt.format"),
    )
    report.add_argument("-o", "--output", metavar="FILE", help=t("reports.opt.output"))
    report.add_argument(
        "--sort", choices=("name", "score", "progress"), default="name", help=t("reports.opt.sort")
    )
    report.add_argument(
        "--help-below", type=float, default=0.5, metavar="RATIO", help=t("reports.opt.help_below")
    )
    report.add_argument("--sep", choices=(";", ","), default=";", help=t("cli.export.sep"))
    report.add_argument("--names", action="store_true", help=t("cli.export.names"))
    export = sub.add_parser("export", parents=[common], help=t("cli.export.help"))
    export.add_argument("--format", choices=("csv", "xapi", "progress"), default="csv")
    export.add_argument("-o", "--output", metavar="FILE", help=t("cli.export.output"))
    export.add_argument("--sep", choices=(";", ","), default=";", help=t("cli.export.sep"))
    export.add_argument("--names", action="store_true", help=t("cli.export.names"))
    export.add_argument("--xapi-base", default="https://atelier.example/xapi", help=t("cli.export.base"))
    export.add_argument("--xapi-array", action="store_true", help=t("cli.export.xapi_array"))
    imp = sub.add_parser("import", help=t("cli.import.help"))
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--data", metavar="DIR", help=t("cli.opt.data"))
    imp.add_argument("--merge-as", metavar="NAME", help=t("reports.opt.merge_as"))


SALT_FILE = "pseudonym-salt.txt"


def pseudonym_salt(data_dir: Path) -> str:
    """The data dir's pseudonym key, drawn at random on first use (`atelier salt --set` gives it the
    association's, so a person has one pseudonym on every machine)."""
    path = data_dir / SALT_FILE
    try:  # a FIFO or a device in its place is never opened for reading (it would hang)
        return read_regular(path, 4096).decode("utf-8").strip()
    except (OSError, DamagedFileError, UnicodeDecodeError):
        salt = secrets.token_hex(16)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, (salt + "\n").encode("utf-8"))  # replaces, never writes into a FIFO
        return salt


def find_learner_ids(store: ProgressStore, name: str) -> list[str]:
    """Everyone whose name matches `name` without case, accents or extra spaces."""
    key = name_key(name)
    return [x.id for x in store.list_learners() if name_key(x.name) == key]


def match_session(label: str, known: list[str]) -> str | None:
    """The known session label that `label` names, case and accents ignored."""
    key = name_key(label)
    return next((x for x in known if name_key(x) == key), None)


def run_workshop(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        return _run(args, out, err)
    except StoreError as error:  # full disk, read-only data dir, busy lock: French, no traceback
        err.write(clean_block(error) + "\n")
        return 2
    except OSError as error:  # a full disk raises without a file name: the one asked for is meant
        path = error.filename or getattr(args, "output", None) or "?"
        err.write(t("cli.write_failed", path=clean_terminal(path), reason=reason(error)) + "\n")
        return 2


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    data_dir = resolve_data_dir(args.data)
    store = ProgressStore(data_dir)
    try:
        if args.command == "import":
            return _import(store, args.files, getattr(args, "merge_as", None), out, err)
        ids = find_learner_ids(store, args.learner) if args.learner else None
        if ids == []:
            err.write(t("cli.workshop.no_learner", name=args.learner) + "\n")
            return 1
        if args.command == "export" and args.format == "progress":
            return _export_progress(store, ids, args.output, out, err)
        root = Path(args.course) if args.course else bundled_course_dir()
        try:
            course = load_course(root)
        except CourseNotFound:
            err.write(t("validate.not_found", path=str(root)) + "\n")
            return 2
        from course.reports.course_index import build_index

        index = build_index(course)
        if args.command == "report":
            return _report(
                args,
                store,
                index,
                ids,
                pseudonym_salt(data_dir) if args.format in ("csv", "html") else "",
                out,
                err,
            )
        return _export(args, store, index, ids, pseudonym_salt(data_dir), out, err)
    finally:
        for notice in store.notices:  # damaged files set aside, unreadable ones, read-only folder
            err.write(clean_block(notice.message) + "\n")
        store.close()


def _compute(
    args: argparse.Namespace, store: ProgressStore, index: Any, ids: list[str] | None, err: TextIO
) -> Any:
    """The report for the chosen scope; None (after saying why) when the session is unknown."""
    from course.reports.cache import cached_store_source
    from course.reports.compute import ALL, compute_reports

    help_below = getattr(args, "help_below", 0.5)
    _, source = cached_store_source(store, _cache(store, index), ids)
    if not args.session:
        return compute_reports(source, index, learner_ids=ids, help_below=help_below)[ALL]
    reports = compute_reports(source, index, scopes=None, learner_ids=ids, help_below=help_below)
    known = sorted(label for label in reports if label)
    label = match_session(args.session, known)
    if label is None:
        shown = ", ".join(f"« {x} »" for x in known)
        err.write(
            (
                t("reports.unknown_session", label=args.session, known=shown)
                if known
                else t("reports.no_sessions_known", label=args.session)
            )
            + "\n"
        )
        return None
    return reports[label]


def _cache(store: ProgressStore, index: Any) -> Any:
    """The figures kept from earlier runs, for the learners whose files have not changed."""
    from course.reports.cache import ReportCache

    return ReportCache(store.paths.root, index)


def _open_out(path: str | None, out: TextIO, *, bom: bool = False) -> tuple[TextIO, bool]:
    """The stream to write to, and whether it must be closed. CSV keeps its BOM on stdout too."""
    if path:
        return open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline=""), True
    if bom:
        out.write("\ufeff")
    return out, False


def _report(
    args: argparse.Namespace,
    store: ProgressStore,
    index: Any,
    ids: list[str] | None,
    salt: str,
    out: TextIO,
    err: TextIO,
) -> int:
    report = _compute(args, store, index, ids, err)
    if report is None:
        return 1
    if args.format == "terminal" and not args.output:
        from course.terminal.report_view import render_report

        render_report(report, out, args.sort)
        return 0
    stream, close = _open_out(args.output, out, bom=args.format == "csv")
    try:
        if args.format == "csv":
            from course.reports.csv_export import summary_csv

            summary_csv(stream, report, index, sep=args.sep, names=args.names, salt=salt)
        elif args.format == "json":
            from course.reports.report_json import report_to_dict

            json.dump(report_to_dict(report), stream, ensure_ascii=True, indent=1)
            stream.write("\n")
        elif args.format == "html":
            from course.reports.report_html import report_html

            stream.write(report_html(report, names=args.names, salt=salt))
        else:
            from course.terminal.report_view import render_report

            render_report(report, stream, args.sort)
    finally:
        if close:
            stream.close()
    return 0


def _export(
    args: argparse.Namespace,
    store: ProgressStore,
    index: Any,
    ids: list[str] | None,
    salt: str,
    out: TextIO,
    err: TextIO,
) -> int:
    from course.reports.compute import store_source

    session = None
    if args.session:
        report = _compute(args, store, index, ids, err)
        if report is None:
            return 1
        session = report.session
    if args.format == "xapi":
        from course.reports.xapi import check_base, statements_of, write_statements

        try:
            base = check_base(args.xapi_base)
        except ValueError:
            err.write(t("cli.export.bad_base", base=args.xapi_base) + "\n")
            return 2
        skipped: list[Any] = []
        stream = open(args.output, "w", encoding="utf-8", newline="\n") if args.output else out  # noqa: SIM115 (closed below)
        try:
            statements = statements_of(
                store_source(store, ids)[1],
                index,
                base=base,
                names=args.names,
                salt=salt,
                session=session,
                learner_ids=ids,
                skipped=skipped,
            )
            result = write_statements(stream, statements, skipped, array=args.xapi_array)
        finally:
            if args.output:
                stream.close()
        err.write(t("cli.export.xapi_done", count=result.written, skipped=result.skipped) + "\n")
        return 0
    from course.reports.cache import cached_store_source
    from course.reports.csv_export import answers_csv, summary_csv

    cache = _cache(store, index)
    options: dict[str, Any] = {"sep": args.sep, "names": args.names, "salt": salt}
    if not args.names:  # rows in pseudonym order: their order says nothing of the names
        from course.text.safe import pseudonym

        ordered = cached_store_source(store, cache, ids, order=lambda x: pseudonym(x.id, salt))[1]
    else:
        ordered = cached_store_source(store, cache, ids)[1]
    if not args.output:
        stream, _ = _open_out(None, out, bom=True)
        answers_csv(stream, ordered, index, session=session, learner_ids=ids, **options)
        return 0
    path = Path(args.output)
    summary = path.with_name(path.stem + "-resume" + path.suffix)
    from course.reports.compute import compute_reports
    from course.reports.csv_export import answers_csv_passing

    counted = [0]
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:  # one read for both files
        passing = answers_csv_passing(
            stream, ordered, index, session=session, learner_ids=ids, counted=counted, **options
        )
        report = compute_reports(passing, index, scopes=(session,), learner_ids=ids)[session]
    rows = counted[0]
    with open(summary, "w", encoding="utf-8-sig", newline="") as stream:
        summary_csv(stream, report, index, **options)
    err.write(t("cli.export.csv_done", rows=rows, path=str(path), summary=str(summary)) + "\n")
    return 0


def _export_progress(
    store: ProgressStore, ids: list[str] | None, output: str | None, out: TextIO, err: TextIO
) -> int:
    data = export_progress(store, ids)
    if output:
        try:
            write_progress_file(output, data)
        except OSError as error:  # name the file asked for, not the temporary one beside it
            err.write(t("cli.write_failed", path=clean_terminal(output), reason=reason(error)) + "\n")
            return 2
        err.write(
            t(
                "cli.export.progress_done",
                learners=len(data["learners"]),
                answers=len(data["answers"]),
                path=output,
            )
            + "\n"
        )
    else:
        json_dump(data, out, indent=1)  # names and answers: control and bidi characters escaped
        out.write("\n")
    return 0


def _import(store: ProgressStore, files: list[str], merge_as: str | None, out: TextIO, err: TextIO) -> int:
    code = 0
    for name in files:
        shown = clean_terminal(name)  # file names come from a USB stick too
        try:
            report = import_progress(store, read_progress_file(name), merge_as=merge_as)
        except StoreWriteError as error:  # the file keeps them: nothing waits in memory for a command
            store.forget_pending({a.id for a in store.pending_answers()})
            err.write(
                t("store.import.write_failed", path=shown, reason=error.reason or clean_block(error)) + "\n"
            )
            return 2
        except ImportRefused as error:
            err.write(t("cli.import.refused", path=shown, reason=str(error)) + "\n")
            code = 1
            continue
        for learner, new in report.kept_apart:
            err.write(t("transfer.name_only", path=shown, name=learner, new=new) + "\n")
        for theirs, ours in report.renamed:
            err.write(t("transfer.id_other_name", path=shown, theirs=theirs, ours=ours) + "\n")
        if report.conflicts:
            err.write(t("transfer.conflict", path=shown, count=len(report.conflicts)) + "\n")
            for conflict in report.conflicts:
                err.write(t("transfer.conflict_line", **conflict) + "\n")
            code = 1
        out.write(
            t(
                "transfer.done",
                path=shown,
                added=report.learners_added,
                merged=report.learners_merged,
                answers=report.answers_added,
                present=report.answers_present,
            )
            + "\n"
        )
    return code
