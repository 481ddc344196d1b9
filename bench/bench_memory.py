"""Peak memory of the app at its first screen, against the minimal Textual app.

    python bench/bench_memory.py [--quick] [--course DIR]

Each program runs in an 80x24 pseudo-terminal (as in bench_startup); once its
first screen is drawn, its peak resident set (VmHWM in /proc/PID/status) and
current one (VmRSS) are read, then it is stopped. Atelier runs on the bundled
course and, with `--course`, on another (say, bench/gen_course.py's 1,000
lessons), its course cache filled by an untimed first start. Linux only.
`run(quick, course)` returns the figures for bench/run.py.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from bench_startup import MINIMAL, ROOT, fill_caches, time_to_text  # noqa: E402


def memory_of(pid: int) -> dict[str, float]:
    """VmHWM (peak) and VmRSS of a running process, in MB."""
    found = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmHWM", "VmRSS"):
                found[name] = int(value.split()[0]) / 1024  # kB
    return found


def peak_at_first_screen(argv: list[str], marker: bytes, env: dict[str, str]) -> dict[str, float]:
    seen: dict[str, float] = {}
    time_to_text(argv, marker, env, timeout=120, on_ready=lambda pid: seen.update(memory_of(pid)))
    return seen


def run(quick: bool = False, course: Path | None = None) -> dict[str, Any]:
    rounds = 2 if quick else 3
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as folder:
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "ATELIER_LANG": "fr",
            "ATELIER_CACHE": f"{folder}/cache",
        }
        script = Path(folder) / "minimal.py"
        script.write_text(MINIMAL, encoding="utf-8")
        app = [sys.executable, str(ROOT / "app.py"), "--data", f"{folder}/data", "--learner", "Banc"]
        cases = {
            "minimal Textual app": ([sys.executable, str(script)], b"Bienvenue"),
            "atelier, bundled course": (app, b"Continuer"),
        }
        if course is not None:
            cases["atelier, --course"] = ([*app, "--course", str(course)], b"Continuer")
        for argv, marker in list(cases.values())[1:]:
            fill_caches(argv, marker, env, timeout=120)  # fill the course cache
        samples: dict[str, list[dict[str, float]]] = {name: [] for name in cases}
        for _ in range(rounds):
            for name, (argv, marker) in cases.items():
                samples[name].append(peak_at_first_screen(argv, marker, env))
    figures: dict[str, Any] = {"rounds": rounds}
    base = statistics.median(s["VmHWM"] for s in samples["minimal Textual app"])
    for name, found in samples.items():
        peak = statistics.median(s["VmHWM"] for s in found)
        figures[name] = {
            "peak_mb": round(peak, 1),
            "rss_mb": round(statistics.median(s["VmRSS"] for s in found), 1),
            "ratio": round(peak / base, 2),
        }
    return figures


def table(figures: dict[str, Any]) -> str:
    rows = [f"{'program (first screen)':26} {'peak MB':>8} {'rss MB':>8} {'peak x':>7}"]
    for name, value in figures.items():
        if isinstance(value, dict):
            rows.append(f"{name:26} {value['peak_mb']:8.1f} {value['rss_mb']:8.1f} {value['ratio']:7.2f}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--course", metavar="DIR", help="also measure atelier on this course")
    args = parser.parse_args(argv)
    print(table(run(args.quick, Path(args.course) if args.course else None)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
