"""`atelier serve`: the learner app in browsers on the local network (textual-serve).

textual-serve starts one app process per browser websocket, so every tab is its own
learner (chosen on the profile screen); all of them write to one data dir, which the
progress store makes safe (a folder per learner, file locks, atomic replaces).

Every tab runs the app in the « mode atelier » (`--atelier`): no tab lists the other
learners; each person resumes with their first name and personal code. The trainer code
(`--pin`, ATELIER_PIN, the one chosen in the app, or one drawn at start) is printed in the
server's banner and passed to the tabs' environment, never to a page.

This module needs no web library: the arguments, the command each tab runs, the address
to give learners and the workshop code. `server.py` (aiohttp, textual-serve) is imported
only when the command runs, so a missing optional extra gives a message, not a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import os
import secrets
import shlex
import signal
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from course.i18n import get_language, t

WILDCARDS = ("0.0.0.0", "::", "")
MIN_CODE = 4
# A UDP socket "connected" to these sends no packet: connect() on a datagram socket only asks
# the kernel's routing table which local address would be used. One per private range (and
# link-local), so a LAN without a default route (a box with no Internet uplink) is found too.
PROBES = ("10.254.254.254", "172.31.254.254", "192.168.254.254", "169.254.254.254")


def add_arguments(sub: Any) -> None:
    parser = sub.add_parser("serve", help=t("serve.help"))
    parser.add_argument("--host", default="127.0.0.1", help=t("serve.opt.host"))
    parser.add_argument("--port", type=_port, default=8000, help=t("serve.opt.port"))
    parser.add_argument("--course", metavar="DIR", help=t("cli.opt.course"))
    parser.add_argument("--data", metavar="DIR", help=t("cli.opt.data"))
    parser.add_argument("--session", metavar="LABEL", help=t("serve.opt.session"))
    parser.add_argument("--lang", choices=("fr", "en"), default=argparse.SUPPRESS, help=t("cli.opt.lang"))
    parser.add_argument("--pin", metavar="CODE", type=_pin, help=t("serve.opt.pin"))
    parser.add_argument(
        "--max-learners", metavar="N", type=_count, dest="max_learners", help=t("serve.opt.max_learners")
    )
    code = parser.add_mutually_exclusive_group()
    code.add_argument("--code", type=_code, help=t("serve.opt.code"))
    code.add_argument("--no-code", action="store_true", help=t("serve.opt.no_code"))


def _port(value: str) -> int:
    if value.isdigit() and int(value) <= 65535:
        return int(value)
    raise argparse.ArgumentTypeError(t("serve.bad_port"))


def _code(value: str) -> str:
    if len("".join(value.split())) >= MIN_CODE:
        return value.strip()
    raise argparse.ArgumentTypeError(t("serve.bad_code", min=MIN_CODE))


def _pin(value: str) -> str:
    from course.progress.trainer_code import MIN_LENGTH, acceptable

    if acceptable(value):
        return value.strip()
    raise argparse.ArgumentTypeError(t("serve.bad_pin", min=MIN_LENGTH))


def _count(value: str) -> int:
    if value.isdigit() and 1 <= int(value) <= 10_000:
        return int(value)
    raise argparse.ArgumentTypeError(t("serve.bad_count"))


def new_code() -> str:
    """Six digits, shown in two groups ("482 193"): easy to read aloud and to type, and with
    the server-wide limit on wrong codes, weeks of guessing (a workshop lasts hours)."""
    return f"{secrets.randbelow(1_000_000):06d}"


def spaced(code: str) -> str:
    """A code of digits in groups of three for the banner ("482 193"); spaces do not matter when typed.

    Only a code that falls into whole threes is grouped: "4321" stays whole, never "432 1".
    """
    if not code.isdigit() or len(code) % 3:
        return code
    return " ".join(code[i : i + 3] for i in range(0, len(code), 3))


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def lan_address(make_socket: Callable[..., socket.socket] = socket.socket) -> str | None:
    """This machine's address on the local network, found without sending anything; None if none.

    Not `gethostbyname(gethostname())`: on Debian/Ubuntu it answers 127.0.1.1 (from
    /etc/hosts), and a name missing from /etc/hosts is sent to DNS, which with no network
    can hang for seconds. The routing-table probe is local, instant, and fails cleanly.
    """
    for target in PROBES:
        try:
            with make_socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
                probe.connect((target, 9))
                address = str(probe.getsockname()[0])
            ip = ipaddress.ip_address(address)
        except (OSError, ValueError):
            continue
        if not (ip.is_loopback or ip.is_unspecified):
            return address
    return None


def public_address(host: str, find_lan: Callable[[], str | None] | None = None) -> str | None:
    """The address learners' browsers use: the LAN address when bound to every interface."""
    return (find_lan or lan_address)() if host.strip("[]") in WILDCARDS else host


def public_url(address: str, port: int) -> str:
    if ":" in address and not address.startswith("["):
        address = f"[{address}]"
    return f"http://{address}:{port}"


def build_command(course_dir: Path | None, data_dir: Path, lang: str) -> str:
    """The shell command textual-serve runs for each browser tab (quoted for a POSIX shell).

    `-c` rather than app.py or the `atelier` script: it works the same from a source tree
    and from an installed wheel, and it is the very interpreter running the server. No
    `--session`: the session's label is shared through the data dir
    (`course.progress.workshop_session`), so a tab opened after the trainer renamed the
    session in F9 follows the new name.
    """
    package_parent = str(Path(__file__).resolve().parents[2])
    code = f"import sys; sys.path.insert(0, {package_parent!r}); from course.cli import run; run()"
    parts = [sys.executable, "-c", code]
    if course_dir is not None:
        parts.append(f"--course={course_dir}")
    parts.append(f"--data={data_dir}")
    parts += ["--lang", lang, "--atelier"]
    return " ".join(shlex.quote(part) for part in parts)


def run_serve(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        from course.serve.server import BindError, WorkshopServer
    except ImportError as error:
        err.write(t("serve.missing", module=error.name or "textual_serve") + "\n")
        return 2
    from course.content.bundled import bundled_course_dir
    from course.content.loader import CourseNotFound, load_course
    from course.progress import ProgressStore, resolve_data_dir
    from course.text.safe import clean_block, clean_terminal

    course_dir = Path(args.course).expanduser().resolve() if args.course else None
    try:
        course = load_course(course_dir or bundled_course_dir())
    except CourseNotFound:
        err.write(t("validate.not_found", path=str(course_dir)) + "\n")
        return 2
    if not course.lessons:
        err.write(t("launch.no_lessons", path=str(course_dir), errors=len(course.errors)) + "\n")
        return 1
    data_dir = resolve_data_dir(args.data).resolve()
    try:
        store = ProgressStore(data_dir)  # creates the dir, tidies it up once, before any tab opens
        store.close()
    except OSError as error:
        err.write(t("launch.no_data", path=str(data_dir), reason=error.strerror or str(error)) + "\n")
        return 2
    for notice in store.notices:  # damaged files set aside, read-only folder: the trainer is told
        err.write(clean_block(notice.message) + "\n")
    if args.session:  # every tab records under it, until the trainer names another (F9)
        from course.progress.workshop_session import name_session

        try:
            name_session(data_dir, args.session)
        except OSError as error:
            err.write(t("launch.no_data", path=str(data_dir), reason=error.strerror or str(error)) + "\n")
            return 2
    loopback = is_loopback(args.host)
    code = None if args.no_code else (args.code or new_code())
    if code is None and not loopback:
        err.write(t("serve.no_code_lan") + "\n")
    address = public_address(args.host)
    if address is None:
        err.write(t("serve.no_lan", port=args.port) + "\n")
    from course.progress.trainer_code import TrainerCode
    from course.serve.limits import default_max_tabs

    given_pin = args.pin or os.environ.get("ATELIER_PIN", "").strip() or None
    stored_pin = given_pin is None and TrainerCode(data_dir).is_set
    pin = given_pin or (None if stored_pin else new_code())
    max_tabs = args.max_learners or default_max_tabs()
    command = build_command(course_dir, data_dir, get_language())

    def report(line: str) -> None:
        out.write(f"[{time.strftime('%H:%M:%S')}] {clean_terminal(line, 200)}\n")
        out.flush()

    server = WorkshopServer(
        command,
        args.host,
        args.port,
        address or "127.0.0.1",
        code,
        course.title,
        trainer_pin=pin,
        max_tabs=max_tabs,
        report=report,
    )

    def announce(url: str) -> None:
        lines = [t("serve.banner.ready", title=clean_terminal(course.title, 80)), ""]
        if loopback:
            lines += [t("serve.banner.address_local", url=url + "/"), t("serve.banner.local_only")]
        else:
            lines.append(t("serve.banner.address", url=url + "/"))
        lines.append(t("serve.banner.code", code=spaced(code)) if code else t("serve.banner.no_code"))
        lines.append(
            t("serve.banner.pin_stored") if stored_pin else t("serve.banner.pin", pin=spaced(pin or ""))
        )
        lines.append(t("serve.banner.max", n=max_tabs))
        if args.session:
            lines.append(t("serve.banner.session", session=clean_terminal(args.session)))
        lines += [
            t("serve.banner.data", path=clean_terminal(data_dir)),
            "",
            t("serve.banner.each"),
            t("serve.banner.stop"),
        ]
        out.write("\n".join(lines) + "\n")
        out.flush()

    async def main() -> None:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(signum, server.stop)
            except (NotImplementedError, RuntimeError, ValueError):
                pass
        await server.run(announce)

    try:
        asyncio.run(main())
    except BindError as error:
        err.write(
            t("serve.bind_failed", host=args.host, port=args.port, other=args.port + 1, reason=error.reason)
            + "\n"
        )
        return 2
    except KeyboardInterrupt:
        pass
    out.write(t("serve.stopped") + "\n")
    return 0
