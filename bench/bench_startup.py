"""Start-up to the first usable screen, against a minimal Textual app, both in a real pseudo-terminal.

    python bench/bench_startup.py [--quick] [--course DIR]

Each program is started in a pty of 80x24; the clock stops when the first
screen's text has been drawn (a marker word read back from the terminal).
The baseline is a minimal Textual app that shows one word. `--course DIR`
also starts atelier on that course (say, bench/gen_course.py's 1,000 lessons).
`run(quick, course)` returns the figures for bench/run.py.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import statistics
import struct
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = (
    "from textual.app import App\nfrom textual.widgets import Static\n"
    "class M(App):\n    def compose(self):\n        yield Static('Bienvenue')\nM().run()\n"
)


def time_to_text(
    argv: list[str],
    marker: bytes,
    env: dict[str, str],
    timeout: float = 30.0,
    on_ready: Callable[[int], object] | None = None,
) -> float:
    """Seconds from spawn until `marker` appears on the pty; the process is then stopped.

    `on_ready(pid)` is called, if given, before the process is stopped (bench_memory reads it then).
    """
    import fcntl
    import signal
    import termios

    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    break
                if marker in seen:
                    elapsed = time.perf_counter() - start
                    if on_ready is not None:
                        on_ready(pid)
                    return elapsed
        raise RuntimeError(f"{marker!r} never appeared")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


FILL_S = 1.0
"""How long an untimed start runs past its first screen: the app caches the course it read a
moment after that screen (`course.ui.launch.STORE_AFTER_S`), and a start stopped sooner caches nothing."""


def fill_caches(argv: list[str], marker: bytes, env: dict[str, str], timeout: float = 30.0) -> None:
    """One untimed start, left running long enough after its first screen to fill the caches."""
    time_to_text(argv, marker, env, timeout, on_ready=lambda pid: time.sleep(FILL_S))


def run(quick: bool = False, course: Path | None = None) -> dict[str, Any]:
    """Median start-up of the minimal app and of atelier on the bundled course (and on `course`).

    The course cache lives in a temporary folder: every course is started once,
    untimed, to fill it (what a learner meets from the second start on); the
    cold start of `course`, cache empty, is timed once on its own.
    """
    rounds = 3 if quick else 7
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "ATELIER_LANG": "fr",
            "ATELIER_CACHE": f"{folder}/cache",
        }
        script = Path(folder) / "minimal.py"
        script.write_text(MINIMAL, encoding="utf-8")
        data = Path(folder) / "data"
        app = [sys.executable, str(ROOT / "app.py"), "--data", str(data), "--learner", "Banc"]
        cases = {"minimal": ([sys.executable, str(script)], b"Bienvenue"), "bundled": (app, b"Continuer")}
        figures: dict[str, Any] = {}
        if course is not None:
            cases["course"] = ([*app, "--course", str(course)], b"Continuer")
            figures["atelier_course_cold_s"] = round(time_to_text(*cases["course"], env, timeout=120), 3)
            fill_caches(*cases["course"], env, timeout=120)
        fill_caches(*cases["bundled"], env)
        samples: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(rounds):
            for name, (argv, marker) in cases.items():
                samples[name].append(time_to_text(argv, marker, env))
    b, o = statistics.median(samples["minimal"]), statistics.median(samples["bundled"])
    figures.update(
        {
            "minimal_textual_s": round(b, 3),
            "atelier_bundled_s": round(o, 3),
            "ratio": round(o / b, 2),
            "target_ratio": 1.3,
            "rounds": rounds,
        }
    )
    if course is not None:
        c = statistics.median(samples["course"])
        figures.update(
            {
                "atelier_course_s": round(c, 3),
                "course_ratio": round(c / b, 2),
                "course_cold_ratio": round(figures["atelier_course_cold_s"] / b, 2),
            }
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--course", metavar="DIR", help="also start on this course (bench/gen_course.py makes one)"
    )
    args = parser.parse_args()
    figures = run(args.quick, Path(args.course) if args.course else None)
    print(
        f"start-up (median of {figures['rounds']}): minimal Textual app {figures['minimal_textual_s']} s, "
        f"atelier on the bundled course {figures['atelier_bundled_s']} s, ratio {figures['ratio']} "
        f"(target ≤ {figures['target_ratio']})"
    )
    if args.course:
        print(
            f"on {args.course}: {figures['atelier_course_s']} s with its cache (ratio {figures['course_ratio']}), "
            f"{figures['atelier_course_cold_s']} s the first time (ratio {figures['course_cold_ratio']})"
        )


if __name__ == "__main__":
    main()
