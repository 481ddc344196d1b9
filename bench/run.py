"""Run every benchmark, print one table, write bench/results.json.

    python bench/run.py [--quick] [--only NAME ...]

Every figure is a ratio against a baseline measured in the same run, on the
same machine: a bare TinyDB insert (store), a minimal Textual app (start-up,
memory, keys), PyYAML's C loader parsing the same files (validate). A course
of 1,000 lessons / 10,000 questions is generated once (200 lessons with
--quick) and shared by start-up, memory and validate. DESIGN §7 targets are
checked where the design sets one. bench/RESULTS.md explains one full run.
"""

from __future__ import annotations

import argparse
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

NAMES = ("store", "startup", "validate", "memory", "keys")
Row = tuple[str, str, str, str, str]  # case, measured, baseline, ratio, target and verdict


def machine() -> dict[str, Any]:
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), "")
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": model or platform.processor(), "python": platform.python_version(),
            "platform": platform.platform(), "load_average": [round(x, 2) for x in os.getloadavg()]}


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def store_rows(f: dict[str, Any]) -> list[Row]:
    base = f["baseline (bare TinyDB insert)"]
    rows = []
    for name, value in f.items():
        if isinstance(value, dict) and name != "baseline (bare TinyDB insert)":
            loaded = name != "empty store"
            target = f"p95 < 10 ms: {_verdict(value['p95_ms'] < 10)}" if loaded else ""
            rows.append((f"store: record an answer, {name}", f"p95 {value['p95_ms']:.2f} ms",
                         f"{base['p95_ms']:.2f} ms", f"{value['p95_ratio']:.2f}x", target))
    return rows


def startup_rows(f: dict[str, Any]) -> list[Row]:
    base = f"{f['minimal_textual_s']:.3f} s"
    rows = [("start-up, bundled course", f"{f['atelier_bundled_s']:.3f} s", base, f"{f['ratio']:.2f}x",
             f"≤ {f['target_ratio']}x: {_verdict(f['ratio'] <= f['target_ratio'])}")]
    if "atelier_course_s" in f:
        rows.append(("start-up, generated course (cached)", f"{f['atelier_course_s']:.3f} s", base,
                     f"{f['course_ratio']:.2f}x", "(no target)"))
        rows.append(("start-up, generated course (first)", f"{f['atelier_course_cold_s']:.3f} s", base,
                     f"{f['course_cold_ratio']:.2f}x", "(no target)"))
    return rows


def validate_rows(f: dict[str, Any]) -> list[Row]:
    rows = []
    for kind in ("in-process", "subprocess"):
        ours, base, ratio = f[f"validate ({kind})"], f[f"parse ({kind})"], f[f"ratio {kind}"]
        rows.append((f"validate {f['lessons']:,} lessons / {f['questions']:,} questions, {kind}",
                     f"{ours['wall_s']:.2f} s (cpu {ours['cpu_s']:.2f})",
                     f"{base['wall_s']:.2f} s (cpu {base['cpu_s']:.2f})",
                     f"{ratio['wall']:.2f}x (cpu {ratio['cpu']:.2f}x)",
                     f"≤ {f['target_ratio']}x: {_verdict(ratio['wall'] <= f['target_ratio'])}"))
    return rows


def memory_rows(f: dict[str, Any]) -> list[Row]:
    base = f["minimal Textual app"]
    return [(f"peak RSS at first screen, {name}", f"{value['peak_mb']:.1f} MB", f"{base['peak_mb']:.1f} MB",
             f"{value['ratio']:.2f}x", "(no target)")
            for name, value in f.items() if isinstance(value, dict) and name != "minimal Textual app"]


def keys_rows(f: dict[str, Any]) -> list[Row]:
    import bench_keys

    base = f[bench_keys.BASELINE]
    return [(f"key: {name}", f"{value['wall_p50_ms']:.0f} ms (cpu {value['cpu_p50_ms']:.0f})",
             f"{base['wall_p50_ms']:.0f} ms (cpu {base['cpu_p50_ms']:.0f})",
             f"{value['wall_ratio']:.2f}x (cpu {value['cpu_ratio']:.1f}x)", "(no target)")
            for name, value in f.items() if isinstance(value, dict) and name != bench_keys.BASELINE]


def benchmarks(quick: bool, course: Path) -> dict[str, tuple[Callable[[], dict[str, Any]], Callable[..., list[Row]]]]:
    import bench_keys
    import bench_memory
    import bench_startup
    import bench_store
    import bench_validate

    return {
        "store": (lambda: bench_store.run(quick), store_rows),
        "startup": (lambda: bench_startup.run(quick, course), startup_rows),
        "validate": (lambda: bench_validate.run(quick, course), validate_rows),
        "memory": (lambda: bench_memory.run(quick, course), memory_rows),
        "keys": (lambda: bench_keys.run(quick), keys_rows),
    }


def table(rows: list[Row]) -> str:
    header: Row = ("case", "measured", "baseline", "ratio", "DESIGN §7")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(5)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller data and fewer rounds (a minute or two)")
    parser.add_argument("--only", nargs="+", choices=NAMES, help="run only these benchmarks")
    parser.add_argument("-o", "--output", default=str(BENCH / "results.json"), help="where to write the figures")
    args = parser.parse_args(argv)
    chosen = args.only or list(NAMES)
    results: dict[str, Any] = {"quick": args.quick, "machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-course-") as temp:
        lessons = 200 if args.quick else 1000
        course = gen_course.generate(Path(temp) / "course", lessons)
        results["generated_course"] = {"lessons": lessons, "questions": lessons * gen_course.QUESTIONS_PER_QUIZ,
                                       "files": len(gen_course.yaml_files(course))}
        for name, (measure, to_rows) in benchmarks(args.quick, course).items():
            if name not in chosen:
                continue
            print(f"... {name}", file=sys.stderr, flush=True)
            start = time.perf_counter()
            figures = measure()
            figures["seconds"] = round(time.perf_counter() - start, 1)
            results[name] = figures
            rows += to_rows(figures)
    results["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    Path(args.output).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    m = results["machine"]
    print(f"{m['cpu']}, {m['nproc']} CPUs, Python {m['python']}; load average {m['load_average']}"
          f"{' (quick run)' if args.quick else ''}")
    print(table(rows))
    print(f"figures written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
