"""Run every benchmark, print one table, write bench/results.json.

    python bench/run.py [--quick] [--only NAME ...]

Every figure is a ratio against a baseline measured in the same run, on the
same machine: a bare TinyDB insert (store), a minimal Textual app (first
screen, memory, keys), the same learner with no past or among 10 (growth),
reading the answer files (reports), bare POSTs (sync), PyYAML's C loader
parsing the same files (validate). Each row says its target (DESIGN §7, issue
16) and whether it is met. `--quick` keeps the extremes and takes under a
minute on an idle 2-core machine; CI runs it to report, never to gate.
bench/RESULTS.md explains one full run.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import gen_course  # noqa: E402

NAMES = ("growth", "keys", "lesson keys", "store", "reports", "sync", "validate", "startup", "memory")
QUICK = (
    "growth",
    "keys",
    "lesson keys",
    "store",
    "reports",
    "sync",
    "validate",
)  # startup and memory: full runs only
Row = tuple[str, str, str, str, str, str]  # case, measured, baseline, ratio, target, verdict


def machine() -> dict[str, Any]:
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next(
                (line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), ""
            )
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": model or platform.processor(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def _row(
    case: str,
    measured: str,
    baseline: str,
    ratio: float,
    target: float | None,
    extra_ok: bool = True,
    extra: str = "",
) -> Row:
    """A row whose verdict is `ratio <= target` (and `extra_ok`, a second condition named in `extra`)."""
    if target is None:
        return (case, measured, baseline, f"{ratio:.2f}x", "", "")
    return (
        case,
        measured,
        baseline,
        f"{ratio:.2f}x",
        f"≤ {target}x{extra}",
        _verdict(ratio <= target and extra_ok),
    )


def growth_rows(f: dict[str, Any]) -> list[Row]:
    screens, cpu = f["first screen"], f["in-process cpu ms"]
    base, flat = screens["minimal"], screens["0 answers, 10 learners"]

    def timing(x: dict[str, float]) -> str:
        return f"cpu {x['cpu_s'] * 1e3:.0f} ms (wall {x['wall_s']:.2f} s)"

    rows = [
        _row(
            "first screen, warm course cache", timing(flat), timing(base), flat["cpu_s"] / base["cpu_s"], 1.2
        ),
        _row(
            "first screen, cold course cache",
            timing(screens["cold cache"]),
            timing(base),
            screens["cold cache"]["cpu_s"] / base["cpu_s"],
            1.4,
        ),
    ]
    for name in screens:
        if name not in ("minimal", "cold cache", "0 answers, 10 learners", "modules imported"):
            rows.append(
                _row(
                    f"first screen, {name}",
                    timing(screens[name]),
                    "0 answers, 10 learners",
                    screens[name]["cpu_s"] / flat["cpu_s"],
                    1.1,
                )
            )
    imports = screens["modules imported"]
    rows.append(
        _row(
            "modules imported before the first frame",
            str(imports["atelier"]),
            str(imports["minimal"]),
            imports["atelier"] / imports["minimal"],
            None,
        )
    )
    opened = {name: value for name, value in cpu.items() if name.startswith("open")}
    flat_ms = opened.pop("open a learner, 0 answers, 10 learners")
    rows.append(
        _row("open a learner (store, journey, map data), 0 answers", f"cpu {flat_ms:.1f} ms", "", 1.0, None)
    )
    for name, value in opened.items():
        rows.append(_row(name, f"cpu {value:.1f} ms", f"{flat_ms:.1f} ms", value / flat_ms, 1.1))
    small, large = cpu["create a learner among 10"], cpu["create a learner among 1,000"]
    rows.append(
        _row(
            "create a learner among 1,000",
            f"cpu {large:.1f} ms",
            f"{small:.1f} ms among 10",
            large / small,
            1.1,
        )
    )
    return rows


def store_rows(f: dict[str, Any]) -> list[Row]:
    base = f["baseline (bare TinyDB insert)"]
    rows = []
    for name, value in f.items():
        if isinstance(value, dict) and name != "baseline (bare TinyDB insert)":
            loaded = name != "empty store"
            rows.append(
                (
                    f"store: record an answer, {name}",
                    f"p95 {value['p95_ms']:.2f} ms",
                    f"{base['p95_ms']:.2f} ms",
                    f"{value['p95_ratio']:.2f}x",
                    "p95 < 10 ms" if loaded else "",
                    _verdict(value["p95_ms"] < 10) if loaded else "",
                )
            )
    return rows


def startup_rows(f: dict[str, Any]) -> list[Row]:
    base = f"{f['minimal_textual_s']:.3f} s"
    rows = [
        _row("start-up (wall), bundled course", f"{f['atelier_bundled_s']:.3f} s", base, f["ratio"], None)
    ]
    if "atelier_course_s" in f:
        rows.append(
            _row(
                "start-up (wall), 1,000-lesson course, cached",
                f"{f['atelier_course_s']:.3f} s",
                base,
                f["course_ratio"],
                None,
            )
        )
        rows.append(
            _row(
                "start-up (wall), 1,000-lesson course, first",
                f"{f['atelier_course_cold_s']:.3f} s",
                base,
                f["course_cold_ratio"],
                None,
            )
        )
    return rows


def validate_rows(f: dict[str, Any]) -> list[Row]:
    rows = []
    for kind in ("in-process", "subprocess"):
        ours, base, ratio = f[f"validate ({kind})"], f[f"parse ({kind})"], f[f"ratio {kind}"]
        rows.append(
            (
                f"validate {f['lessons']:,} lessons / {f['questions']:,} questions, {kind}",
                f"{ours['wall_s']:.2f} s (cpu {ours['cpu_s']:.2f})",
                f"{base['wall_s']:.2f} s (cpu {base['cpu_s']:.2f})",
                f"{ratio['wall']:.2f}x (cpu {ratio['cpu']:.2f}x)",
                f"≤ {f['target_ratio']}x",
                _verdict(ratio["wall"] <= f["target_ratio"]),
            )
        )
    return rows


def memory_rows(f: dict[str, Any]) -> list[Row]:
    base = f["minimal Textual app"]
    return [
        _row(
            f"peak RSS at first screen, {name}",
            f"{value['peak_mb']:.1f} MB",
            f"{base['peak_mb']:.1f} MB",
            value["ratio"],
            None,
        )
        for name, value in f.items()
        if isinstance(value, dict) and name != "minimal Textual app"
    ]


def keys_rows(f: dict[str, Any]) -> list[Row]:
    """A key's CPU against the minimal app's key, and the frames it drew; the pilot's own wait
    (no key pressed) is shown for what it is, without a target."""
    import bench_keys

    base = f[bench_keys.BASELINE]
    rows = []
    for name, value in f.items():
        if not isinstance(value, dict) or name == bench_keys.BASELINE:
            continue
        measured = f"cpu {value['cpu_p50_ms']:.0f} ms, {value['frames_max']} frames"
        baseline = f"cpu {base['cpu_p50_ms']:.0f} ms, {base['frames_max']} frames"
        if "pilot wait" in name:
            rows.append(_row(f"key: {name}", measured, baseline, value["cpu_ratio"], None))
            continue
        rows.append(
            _row(
                f"key: {name}",
                measured,
                baseline,
                value["cpu_ratio"],
                3,
                value["cpu_p50_ms"] < 50 and value["frames_max"] <= 2,
                ", < 50 ms, ≤ 2 frames",
            )
        )
    return rows


def reports_rows(f: dict[str, Any]) -> list[Row]:
    """Cold (no cache), warm (nothing changed since the last report) and 10 % of learners changed,
    each against reading the answer files as they are at that moment."""
    rows = []
    for figures in (x for x in f.values() if isinstance(x, dict)):
        for state in ("cold", "warm", "10 %"):
            after = state == "10 %"
            base = figures["baseline after" if after else "baseline"]
            for case in ("report", "csv", "F9"):
                x = figures[case if state == "cold" else f"{case} {state}"]
                rows.append(
                    _row(
                        f"{case} {state} on {figures['learners']:,} learners × 300 answers, CPU",
                        f"cpu {x['cpu_s']:.2f} s (wall {x['wall_s']:.2f})",
                        f"cpu {base['cpu_s']:.2f} s reading files",
                        x["cpu_s"] / base["cpu_s"],
                        2,
                    )
                )
                rows.append(
                    _row(
                        f"{case} {state} on {figures['learners']:,} learners × 300 answers, memory",
                        f"{x['peak_growth_mb']:.1f} MB",
                        f"{figures['files_after_mb' if after else 'files_mb']:.1f} MB of files",
                        x["memory_ratio"],
                        3,
                    )
                )
    return rows


def sync_rows(f: dict[str, Any]) -> list[Row]:
    return [
        _row(
            f"sync {f['statements']:,} statements, batches of {batch}",
            f"{value['sync_s']:.2f} s",
            f"{value['bare_s']:.2f} s bare POSTs",
            value["sync_s"] / value["bare_s"],
            None,
        )
        for batch, value in f["batches"].items()
    ]


def run_sync(quick: bool) -> dict[str, Any]:
    """bench_sync's two loops (its own table is printed by `python bench/bench_sync.py`)."""
    import bench_sync

    from tests.unit.lrs_fake import FakeLrs

    count = 500 if quick else 10_000
    items = bench_sync.statements(count)
    found: dict[str, Any] = {"statements": count, "batches": {}}
    for batch in (100,) if quick else (10, 100, 500):
        with FakeLrs() as lrs, tempfile.TemporaryDirectory() as folder:
            bare = bench_sync.bare(items, batch, lrs.url)
            lrs.statements.clear()
            lrs.received.clear()
            found["batches"][str(batch)] = {
                "bare_s": bare,
                "sync_s": bench_sync.synced(items, batch, lrs.url, Path(folder)),
            }
    return found


def benchmarks(
    quick: bool, course: Path
) -> dict[str, tuple[Callable[[], dict[str, Any]], Callable[..., list[Row]]]]:
    import bench_growth
    import bench_keys
    import bench_lesson_keys
    import bench_memory
    import bench_reports
    import bench_startup
    import bench_store
    import bench_validate

    return {
        "growth": (lambda: bench_growth.run(quick), growth_rows),
        "keys": (lambda: bench_keys.run(quick), keys_rows),
        "lesson keys": (lambda: bench_lesson_keys.run(quick), keys_rows),
        "store": (lambda: bench_store.run(quick), store_rows),
        "reports": (
            lambda: bench_reports.run(quick, (100,) if quick else None, 1 if quick else None),
            reports_rows,
        ),
        "sync": (lambda: run_sync(quick), sync_rows),
        "validate": (lambda: bench_validate.run(quick, course), validate_rows),
        "startup": (lambda: bench_startup.run(quick, course), startup_rows),
        "memory": (lambda: bench_memory.run(quick, course), memory_rows),
    }


def table(rows: list[Row]) -> str:
    header: Row = ("case", "measured", "baseline", "ratio", "target", "")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(6)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="the extremes only, fewer rounds (under a minute)"
    )
    parser.add_argument("--only", nargs="+", choices=NAMES, help="run only these benchmarks")
    parser.add_argument(
        "-o", "--output", default=str(BENCH / "results.json"), help="where to write the figures"
    )
    parser.add_argument(
        "--table", metavar="JSON", help="print the table of an earlier run's figures, measure nothing"
    )
    args = parser.parse_args(argv)
    if args.table:
        earlier = json.loads(Path(args.table).read_text(encoding="utf-8"))
        makers = benchmarks(bool(earlier.get("quick")), BENCH)
        print(table([row for name in NAMES if name in earlier for row in makers[name][1](earlier[name])]))
        return 0
    chosen = args.only or list(QUICK if args.quick else NAMES)
    results: dict[str, Any] = {
        "quick": args.quick,
        "machine": machine(),
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    rows: list[Row] = []
    # An installed copy runs from compiled files (pip compiles them); a checkout where bytecode is
    # not written would compile every module of the project at each start and skew the ratios.
    compileall.compile_dir(BENCH.parent / "course", quiet=1)
    with tempfile.TemporaryDirectory(prefix="bench-course-") as temp:
        lessons = 100 if args.quick else 1000
        course = gen_course.generate(Path(temp) / "course", lessons)
        results["generated_course"] = {
            "lessons": lessons,
            "questions": lessons * gen_course.QUESTIONS_PER_QUIZ,
            "files": len(gen_course.yaml_files(course)),
        }
        for name, (measure, to_rows) in benchmarks(args.quick, course).items():
            if name not in chosen:
                continue
            start = time.perf_counter()
            figures = measure()
            figures["seconds"] = round(time.perf_counter() - start, 1)
            print(f"... {name}: {figures['seconds']} s", file=sys.stderr, flush=True)
            results[name] = figures
            rows += to_rows(figures)
    results["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    Path(args.output).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    m = results["machine"]
    print(
        f"{m['cpu']}, {m['nproc']} CPUs, Python {m['python']}; load average {m['load_average']}"
        f"{' (quick run)' if args.quick else ''}"
    )
    print(table(rows))
    print(f"figures written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
