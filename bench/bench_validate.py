"""`atelier validate` on a generated 1,000-lesson / 10,000-question course, against merely parsing it.

    python bench/bench_validate.py [--quick] [--course DIR]

The baseline reads every YAML file of the same course with PyYAML's C loader
(`yaml.load(..., Loader=yaml.CSafeLoader)`) and does nothing else. Validate is
timed twice: in-process (`run_validate`, output to a string) against the
baseline in-process, and as a subprocess (`python app.py validate DIR`)
against a subprocess that only parses (both pay the interpreter's start-up).
Cases take turns, one sample each per round; figures are medians, wall clock
and CPU time. DESIGN §7 asks for ≤ 2×. `run(quick)` returns the figures for bench/run.py.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
for folder in (ROOT, BENCH):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import yaml  # noqa: E402
from gen_course import generate, yaml_files  # noqa: E402

TARGET = 2.0
PARSE_ONLY = (
    "import sys, yaml\nfrom pathlib import Path\n"
    "root = Path(sys.argv[1])\n"
    "for path in sorted(p for sub in ('lessons', 'quizzes') for p in (root / sub).rglob('*.yaml')):\n"
    "    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)\n"
)


def parse_all(files: list[Path]) -> None:
    """The baseline: parse every file with the C loader, keep nothing."""
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def validate_in_process(folder: Path, output: str = "text") -> str:
    """What `atelier validate DIR` prints (it must find the course valid)."""
    from course.cli_validate import run_validate

    out, err = io.StringIO(), io.StringIO()
    code = run_validate(str(folder), output, out, err)
    if code != 0:
        raise RuntimeError(f"the course is not valid:\n{out.getvalue()[-2000:]}{err.getvalue()}")
    return out.getvalue()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def in_process(action: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of one call."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def as_subprocess(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one child process (which must succeed)."""
    wall, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - wall, _children_cpu() - cpu


def run(quick: bool = False, course: Path | None = None) -> dict[str, Any]:
    lessons = 200 if quick else 1000
    rounds = 2 if quick else 5
    with tempfile.TemporaryDirectory(prefix="bench-validate-") as temp:
        folder = Path(course) if course else generate(Path(temp) / "course", lessons)
        files = yaml_files(folder)
        cases: dict[str, Callable[[], tuple[float, float]]] = {
            "parse (in-process)": lambda: in_process(lambda: parse_all(files)),
            "validate (in-process)": lambda: in_process(lambda: validate_in_process(folder)),
            "parse (subprocess)": lambda: as_subprocess([sys.executable, "-c", PARSE_ONLY, str(folder)]),
            "validate (subprocess)": lambda: as_subprocess(
                [sys.executable, str(ROOT / "app.py"), "validate", str(folder)]
            ),
        }
        parse_all(files)  # warm the page cache, and import what the loader imports
        counts = json.loads(validate_in_process(folder, "json"))["counts"]
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(rounds):
            for name, case in cases.items():
                samples[name].append(case())
        size = sum(p.stat().st_size for p in files)

    def median(name: str, which: int) -> float:
        return statistics.median(s[which] for s in samples[name])

    figures: dict[str, Any] = {
        "lessons": counts["lessons"],
        "questions": counts["questions"],
        "files": len(files),
        "megabytes": round(size / 1e6, 1),
        "rounds": rounds,
        "target_ratio": TARGET,
    }
    for name in cases:
        figures[name] = {"wall_s": round(median(name, 0), 3), "cpu_s": round(median(name, 1), 3)}
    for kind in ("in-process", "subprocess"):
        base, ours = figures[f"parse ({kind})"], figures[f"validate ({kind})"]
        figures[f"ratio {kind}"] = {
            "wall": round(ours["wall_s"] / base["wall_s"], 2),
            "cpu": round(ours["cpu_s"] / base["cpu_s"], 2),
        }
    return figures


def table(figures: dict[str, Any]) -> str:
    rows = [
        f"{figures['lessons']} lessons, {figures['questions']} questions, {figures['files']} files, "
        f"{figures['megabytes']} MB, median of {figures['rounds']} rounds",
        f"{'case':24} {'wall s':>8} {'cpu s':>8}",
    ]
    for name, value in figures.items():
        if isinstance(value, dict) and "wall_s" in value:
            rows.append(f"{name:24} {value['wall_s']:8.2f} {value['cpu_s']:8.2f}")
    for kind in ("in-process", "subprocess"):
        ratio = figures[f"ratio {kind}"]
        rows.append(
            f"validate / parse, {kind}: {ratio['wall']}x wall, {ratio['cpu']}x cpu "
            f"(target ≤ {figures['target_ratio']}x)"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 lessons, 2 rounds")
    parser.add_argument("--course", metavar="DIR", help="a course folder to use instead of generating one")
    args = parser.parse_args(argv)
    print(table(run(args.quick, Path(args.course) if args.course else None)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
