"""`atelier sync --lrs URL`: the workshop's xAPI statements to a learning-record store.

Nothing is attempted until the trainer runs it. The address and credentials come
from the options, then the environment (ATELIER_LRS_URL, ATELIER_LRS_USER,
ATELIER_LRS_PASSWORD), then a TOML file (`--config`, default `<data>/lrs.toml`
with `url`, `user`, `password`, `batch`, `base`); the password is never printed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from pathlib import Path
from typing import Any, TextIO

from course.i18n import t

ENV_URL, ENV_USER, ENV_PASSWORD = "ATELIER_LRS_URL", "ATELIER_LRS_USER", "ATELIER_LRS_PASSWORD"


def add_arguments(sub: Any) -> None:
    sync = sub.add_parser("sync", help=t("sync.help"))
    sync.add_argument("--lrs", metavar="URL", help=t("sync.opt.lrs"))
    sync.add_argument("--user", metavar="NAME", help=t("sync.opt.user"))
    sync.add_argument("--password", metavar="SECRET", help=t("sync.opt.password"))
    sync.add_argument("--config", metavar="FILE", help=t("sync.opt.config"))
    sync.add_argument("--batch", type=int, metavar="N", help=t("sync.opt.batch"))
    sync.add_argument("--dry-run", action="store_true", help=t("sync.opt.dry_run"))
    sync.add_argument("--names", action="store_true", help=t("sync.opt.names"))
    sync.add_argument("--xapi-base", metavar="IRI", help=t("cli.export.base"))
    sync.add_argument("--course", metavar="DIR", help=t("cli.opt.course"))
    sync.add_argument("--data", metavar="DIR", help=t("cli.opt.data"))


def _settings(args: argparse.Namespace, data_dir: Path, err: TextIO) -> dict[str, Any] | None:
    path = Path(args.config) if args.config else data_dir / "lrs.toml"
    file: dict[str, Any] = {}
    if args.config or path.is_file():
        try:
            file = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            err.write(t("sync.bad_config", path=str(path), reason=str(error)) + "\n")
            return None
    env = os.environ
    return {
        "url": args.lrs or env.get(ENV_URL) or file.get("url"),
        "user": args.user or env.get(ENV_USER) or file.get("user"),
        "password": args.password or env.get(ENV_PASSWORD) or file.get("password"),
        "batch": args.batch or file.get("batch"),
        "base": args.xapi_base or file.get("base"),
    }


class _Progress:
    """« Envoi : 300 sur 1 200 déclarations (25 %) » on stderr, in place on a terminal."""

    def __init__(self, err: TextIO) -> None:
        self.err, self.live = err, err.isatty()

    def __call__(self, done: int, total: int) -> None:
        line = t("sync.progress", done=done, total=total, percent=round(100 * done / total) if total else 100)
        self.err.write(("\r" + line) if self.live else line + "\n")
        if self.live and done >= total:
            self.err.write("\n")
        self.err.flush()


def run_sync(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from course.progress import StoreError, resolve_data_dir
    from course.text.safe import clean_block

    out, err = out or sys.stdout, err or sys.stderr
    data_dir = resolve_data_dir(args.data)
    settings = _settings(args, data_dir, err)
    if settings is None:
        return 2
    if not settings["url"]:
        err.write(t("sync.no_url") + "\n")
        return 2
    try:
        return _sync(args, settings, data_dir, out, err)
    except StoreError as error:
        err.write(clean_block(error) + "\n")
        return 2
    except OSError as error:
        err.write(t("sync.io_failed", reason=error.strerror or str(error)) + "\n")
        return 2


def _sync(
    args: argparse.Namespace, settings: dict[str, Any], data_dir: Path, out: TextIO, err: TextIO
) -> int:
    from course.cli_workshop import pseudonym_salt
    from course.content.bundled import bundled_course_dir
    from course.content.course import CourseNotFound
    from course.content.loader import load_course
    from course.progress import ProgressStore
    from course.reports.compute import store_source
    from course.reports.course_index import build_index
    from course.reports.xapi import DEFAULT_BASE, check_base, statements_of
    from course.sync.client import LrsClient
    from course.sync.journal import Journal
    from course.sync.push import DEFAULT_BATCH, Pusher, Summary, plan

    try:
        client = LrsClient(str(settings["url"]), settings["user"], settings["password"])
        base = check_base(str(settings["base"] or DEFAULT_BASE))
    except ValueError:
        err.write(t("sync.bad_url") + "\n")
        return 2
    root = Path(args.course) if args.course else bundled_course_dir()
    try:
        index = build_index(load_course(root))
    except CourseNotFound:
        err.write(t("validate.not_found", path=str(root)) + "\n")
        return 2
    store = ProgressStore(data_dir)
    try:
        statements = statements_of(
            store_source(store)[1], index, base=base, names=args.names, salt=pseudonym_salt(data_dir)
        )
        journal = Journal.open(data_dir, client.endpoint)
        todo = plan(statements, journal)
    finally:
        store.close()
    waiting = len(journal.read_outbox())
    if args.dry_run:
        out.write(
            t(
                "sync.dry_run",
                lrs=client.endpoint,
                count=len(todo.items) + waiting,
                corrections=todo.corrections,
                up_to_date=todo.up_to_date,
            )
            + "\n"
        )
        return 0
    summary = Summary(up_to_date=todo.up_to_date, corrections=todo.corrections)
    pusher = Pusher(
        client, journal, batch_size=int(settings["batch"] or DEFAULT_BATCH), progress=_Progress(err)
    )
    pusher.push(todo.items, summary)
    out.write(
        t(
            "sync.summary",
            lrs=client.endpoint,
            sent=summary.sent,
            up_to_date=summary.up_to_date,
            corrections=summary.corrections,
        )
        + "\n"
    )
    if summary.conflicts or summary.refused:
        out.write(t("sync.conflicts", conflicts=summary.conflicts, refused=summary.refused) + "\n")
    if summary.stopped == "unauthorised":
        err.write(t("sync.unauthorised", lrs=client.endpoint) + "\n")
        return 1
    if summary.stopped == "server":
        err.write(
            t("sync.server_error", lrs=client.endpoint, status=summary.status, remaining=summary.remaining)
            + "\n"
        )
        return 1
    if summary.stopped:
        err.write(t("sync.stopped", lrs=client.endpoint, remaining=summary.remaining) + "\n")
        return 1
    return 0


def add_salt_arguments(sub: Any) -> None:
    salt = sub.add_parser("salt", help=t("salt.help"))
    salt.add_argument("--set", metavar="KEY", dest="value", help=t("salt.opt.set"))
    salt.add_argument("--data", metavar="DIR", help=t("cli.opt.data"))


def run_salt(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Show the key that turns learner ids into pseudonyms, or set it to the association's."""
    from course.cli_workshop import SALT_FILE, pseudonym_salt
    from course.progress import resolve_data_dir
    from course.progress.storage import atomic_write_bytes

    out, err = out or sys.stdout, err or sys.stderr
    data_dir = resolve_data_dir(args.data)
    try:
        if args.value is None:
            out.write(t("salt.current", key=pseudonym_salt(data_dir)) + "\n")
            return 0
        value = args.value.strip()
        if len(value) < 16 or not value.isascii() or not value.isprintable() or " " in value:
            err.write(t("salt.too_short") + "\n")
            return 2
        data_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(data_dir / SALT_FILE, (value + "\n").encode("ascii"))
    except OSError as error:
        err.write(t("sync.io_failed", reason=error.strerror or str(error)) + "\n")
        return 2
    out.write(t("salt.set") + "\n")
    return 0
