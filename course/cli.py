"""The `atelier` command: the learner app by default, trainer commands by name.

Each command imports only what it needs, so `atelier validate` never loads the
user interface and the app starts as fast as Textual allows.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

from course.i18n import set_language, t

if TYPE_CHECKING:
    import argparse  # imported when a parser is built: the app's usual start needs none

_CLI_HELP_KEYS = {
    "aiken": "cli.aiken.help",
    "export": "cli.export.help",
    "gift": "cli.gift.help",
    "import": "cli.import.help",
    "preview": "cli.preview.help",
    "report": "cli.report.help",
    "validate": "cli.validate.help",
}

COMMANDS = (
    "validate",
    "new",
    "preview",
    "schema",
    "report",
    "export",
    "import",
    "serve",
    "gift",
    "aiken",
    "print",
    "sync",
    "salt",
)


_APP_VALUES: dict[str, tuple[str, ...] | None] = {
    "--course": None,
    "--data": None,
    "--learner": None,
    "--session": None,
    "--lang": ("fr", "en"),
    "--theme": ("default", "contrast"),
    "--pin": None,
}
"""The app's options that take a value, and the values allowed (None: any)."""
_APP_FLAGS = ("--plain", "--atelier")
_APP_METAVARS = {
    "--course": "DIR",
    "--data": "DIR",
    "--learner": "NAME",
    "--session": "LABEL",
    "--pin": "CODE",
}
_APP_HELP = {
    "--course": "cli.opt.course",
    "--data": "cli.opt.data",
    "--learner": "cli.opt.learner",
    "--session": "cli.opt.session",
    "--lang": "cli.opt.lang",
    "--theme": "cli.opt.theme",
    "--pin": "cli.opt.pin",
    "--plain": "cli.opt.plain",
    "--atelier": "access.cli.atelier",
}


def _app_parser() -> argparse.ArgumentParser:
    """The app's options, built from the tables above (`_plain_app_args` reads the same ones)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="atelier",
        description=t("cli.app.description"),
        epilog=t("cli.app.epilog", commands=", ".join(COMMANDS)),
    )
    for name, choices in _APP_VALUES.items():
        parser.add_argument(name, choices=choices, metavar=_APP_METAVARS.get(name), help=t(_APP_HELP[name]))
    for name in _APP_FLAGS:
        parser.add_argument(name, action="store_true", help=t(_APP_HELP[name]))
    return parser


def _plain_app_args(args_list: Sequence[str]) -> argparse.Namespace | None:
    """The app's options when each is written out as `--name VALUE` or `--flag`, else None.

    What `_app_parser` would make of them, without building it (a tenth of what the start costs
    before Textual, most of it argparse's translated words); anything else (help, an error, an
    abbreviation, `--name=VALUE`, a value starting with a dash) goes to argparse.
    """
    found: dict[str, object] = {name[2:]: None for name in _APP_VALUES}
    found.update((name[2:], False) for name in _APP_FLAGS)
    index = 0
    while index < len(args_list):
        name = args_list[index]
        if name in _APP_FLAGS:
            found[name[2:]] = True
            index += 1
            continue
        if name not in _APP_VALUES or index + 1 >= len(args_list):
            return None
        value = args_list[index + 1]
        choices = _APP_VALUES[name]
        if value.startswith("-") or (choices is not None and value not in choices):
            return None
        found[name[2:]] = value
        index += 2
    # the attributes argparse's Namespace would hold, without importing argparse (2-3 ms)
    return cast("argparse.Namespace", SimpleNamespace(**found))


def _command_parser(command: str) -> argparse.ArgumentParser:
    """The parser of the trainer commands; modules behind other commands are not imported."""
    import argparse

    parser = argparse.ArgumentParser(prog="atelier")
    parser.add_argument("--lang", choices=("fr", "en"), help=t("cli.opt.lang"))
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help=t("cli.validate.help"))
    validate.add_argument("dir", nargs="?", help=t("cli.validate.dir"))
    validate.add_argument("--format", choices=("text", "json"), default="text")
    validate.add_argument("--stats", action="store_true", help=t("cli.validate.stats"))
    schema = sub.add_parser("schema", help=t("schema.cli.help"))
    schema.add_argument("--out", metavar="DIR", help=t("schema.cli.out"))
    schema.add_argument(
        "--print",
        dest="kind",
        metavar="KIND",
        help=t("schema.cli.print"),
        choices=("lesson", "quiz", "module", "course", "glossary"),
    )
    preview = sub.add_parser("preview", help=t("cli.preview.help"))
    preview.add_argument("file", metavar="FILE")
    if command == "new":
        from course.cli_new import add_arguments as add_new_arguments

        add_new_arguments(sub)
    if command in ("sync", "salt"):
        from course.cli_sync import add_arguments as add_sync_arguments
        from course.cli_sync import add_salt_arguments

        add_sync_arguments(sub)
        add_salt_arguments(sub)
    if command in ("report", "export", "import"):
        from course.cli_workshop import add_arguments

        add_arguments(sub)
    if command == "serve":
        from course.serve import add_arguments as add_serve_arguments

        add_serve_arguments(sub)
    if command == "print":
        from course.printing.commands import add_arguments as add_print_arguments

        add_print_arguments(sub)
    for fmt in ("gift", "aiken"):
        interchange = sub.add_parser(fmt, help=t(_CLI_HELP_KEYS[fmt]))
        actions = interchange.add_subparsers(dest="action", required=True)
        to_yaml = actions.add_parser("import", help=t("cli.interchange.import"))
        to_yaml.add_argument("file", metavar="FILE")
        to_yaml.add_argument("-o", "--output", metavar="FILE")
        to_yaml.add_argument("--id", help=t("cli.interchange.id"))
        to_yaml.add_argument("--lesson", help=t("cli.interchange.lesson"))
        to_yaml.add_argument("--force", action="store_true", help=t("cli.interchange.force"))
        from_yaml = actions.add_parser("export", help=t("cli.interchange.export"))
        from_yaml.add_argument("quiz", metavar="QUIZ")
        from_yaml.add_argument("-o", "--output", metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = None
    if "--lang" in args_list:
        index = args_list.index("--lang")
        lang = args_list[index + 1] if index + 1 < len(args_list) else None
    set_language(lang)
    values = {i + 1 for i, a in enumerate(args_list) if a in _APP_VALUES}
    command = next((a for i, a in enumerate(args_list) if not a.startswith("-") and i not in values), None)
    if command in COMMANDS:
        args = _command_parser(command).parse_args(args_list)
        return _run_command(args)
    args = _plain_app_args(args_list) or _app_parser().parse_args(args_list)
    from course.plain.launch import plain_reason, run_plain

    reason = None if args.plain else plain_reason()
    if args.plain or reason:  # a screen reader, a braille display, TERM=dumb or a pipe: lines
        return run_plain(args, reason=reason)
    from course.ui.launch import launch_app

    return launch_app(args)


def _run_command(args: argparse.Namespace) -> int:
    if args.command == "validate":
        from course.cli_validate import run_validate

        return run_validate(args.dir, args.format, sys.stdout, sys.stderr, stats=args.stats)
    if args.command == "schema":
        from course.cli_schema import run_schema

        return run_schema(args.kind, args.out, sys.stdout)
    if args.command == "new":
        from course.cli_new import run_new

        return run_new(args, sys.stdout, sys.stderr)
    if args.command == "preview":
        from course.ui.preview_app import run_preview

        return run_preview(args.file, sys.stderr)
    if args.command == "sync":
        from course.cli_sync import run_sync

        return run_sync(args)
    if args.command == "salt":
        from course.cli_sync import run_salt

        return run_salt(args)
    if args.command in ("report", "export", "import"):
        from course.cli_workshop import run_workshop

        return run_workshop(args)
    if args.command == "serve":
        from course.serve import run_serve

        return run_serve(args)
    if args.command == "print":
        from course.printing.commands import run_print

        return run_print(args, sys.stdout, sys.stderr)
    if args.command in ("gift", "aiken"):
        from pathlib import Path

        from course.interchange import commands

        output = Path(args.output) if args.output else None
        if args.action == "import":
            run = commands.gift_import if args.command == "gift" else commands.aiken_import
            return run(
                Path(args.file), output, args.id, args.lesson, sys.stdout, sys.stderr, force=args.force
            )
        run_export = commands.gift_export if args.command == "gift" else commands.aiken_export
        return run_export(Path(args.quiz), output, sys.stdout, sys.stderr)
    sys.stderr.write(t("cli.not_available", command=args.command) + "\n")
    return 2


def run() -> None:
    """Console-script entry point."""
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    raise SystemExit(code)
