"""The trainer's report, CSV export and F9 computation against merely reading the answer files.

    python bench/bench_reports.py [--quick] [--sizes 10 100 1000] [--rounds 3] [--cold]

A data dir of N learners × 300 answers (the bundled course's lesson quizzes, pre-tests,
post-tests and activities; several sittings; three sessions) is written straight in the
store's file format. Each case then runs in a fresh interpreter, rounds taking turns:

- baseline: read and parse every answer file (`json.loads` of each segment), nothing else;
- store read: the store's read behind every report (`read_for_report`: answers and state);
- report: `atelier report` as it computes (one pass of `compute_reports`, Rich to a string);
- csv: `atelier export --format csv -o FILE` (every answer, then the per-person summary);
- F9: what the trainer screen's worker computes (all sessions and each one, in one pass).

Each of report, csv and F9 runs in three states of the report cache (`course.reports.cache`):
"cold" (an empty cache folder: every learner read, and her figures written to the cache),
"warm" (the cache as the previous run left it, nothing changed since), and "10 %" (one
learner in ten got 30 new answers in a new segment since the warm cache was written; the
cache folder is restored to that state before each run). The "10 %" cases are compared with
a bare read of the data dir as it is then. The answer files are dated an hour back, as
files written in an earlier workshop are (a file changed in the last 2 s is not trusted).

Time is the work's wall and CPU time inside the process (imports and course loading are
paid by every case and excluded); memory is the peak resident set's growth during the work
(VmHWM before and after, Linux), compared with the answer files' size on disk.
DESIGN §7: within 2× the baseline's time, peak memory within 3× the files' size.
`--cold` runs only the baseline and the cold cases (no warm cache is built, no answers added).
`run(quick)` returns the figures for bench/run.py.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ANSWERS_PER_LEARNER = 300
SESSIONS = ("Médiathèque 24/11", "Centre social 01/12", "Médiathèque 08/12")

_CASE = r"""
import io, json, os, resource, sys, time
from pathlib import Path
case, data = sys.argv[1], Path(sys.argv[2])

def hwm():
    with open(f"/proc/{os.getpid()}/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024

if case != "baseline":
    from course.content.bundled import bundled_course_dir
    from course.content.loader import load_course
    from course.progress import ProgressStore
    from course.reports.cache import ReportCache, cached_store_source
    from course.reports.compute import compute_reports
    from course.reports.course_index import build_index
    from course.reports.csv_export import answers_csv_passing, summary_csv
    from course.terminal.report_view import render_report
    index = build_index(load_course(bundled_course_dir()))
before, wall, cpu = hwm(), time.perf_counter(), time.process_time()
if case == "baseline":
    count = 0
    for folder in sorted((data / "learners").iterdir()):
        for segment in sorted(folder.glob("answers-*.json")):
            count += len(json.loads(segment.read_bytes())["answers"])
elif case == "store":
    store = ProgressStore(data)
    count = sum(len(store.read_for_report(x.id)[0]) for x in store.list_learners())
elif case == "report":
    store = ProgressStore(data)
    report = compute_reports(cached_store_source(store, ReportCache(data, index))[1], index)[None]
    render_report(report, io.StringIO())
    count = report.answers
elif case == "csv":
    store = ProgressStore(data)
    counted = [0]
    with open(os.devnull, "w", encoding="utf-8-sig", newline="") as out:
        source = cached_store_source(store, ReportCache(data, index))[1]
        report = compute_reports(answers_csv_passing(out, source, index, counted=counted), index)[None]
        summary_csv(out, report, index)
    count = counted[0]
elif case == "F9":
    store = ProgressStore(data)
    reports = compute_reports(cached_store_source(store, ReportCache(data, index))[1], index, scopes=None)
    count = reports[None].answers
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(json.dumps({"wall_s": wall, "cpu_s": cpu, "peak_growth_mb": hwm() - before, "answers": count}))
"""


def _doc(table: str, docs: list[dict[str, Any]]) -> bytes:
    return json.dumps(
        {table: {str(i): d for i, d in enumerate(docs, 1)}}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def generate(root: Path, learners: int, seed: int = 7) -> int:
    """A data dir of `learners` × 300 answers in the store's layout; the answer files' bytes."""
    from course.content.bundled import bundled_course_dir
    from course.content.loader import load_course

    course = load_course(bundled_course_dir())
    quizzes = [(q.id, q.lesson, [x.id for x in q.questions]) for q in course.quizzes.values()]
    rng = random.Random(seed)
    (root / "learners").mkdir(parents=True)
    (root / "locks").mkdir()
    people, size = [], 0
    for n in range(learners):
        learner = {
            "id": uuid.UUID(int=rng.getrandbits(128)).hex,
            "name": f"Personne {n:04d}",
            "created": "2026-11-24T09:00:00.000000Z",
        }
        people.append(learner)
        folder = root / "learners" / learner["id"]
        folder.mkdir()
        (folder / "profile.json").write_bytes(_doc("profile", [learner]))
        answers: list[dict[str, Any]] = []
        minute = 0
        while len(answers) < ANSWERS_PER_LEARNER:
            quiz, lesson, questions = rng.choice(quizzes)
            sitting, attempt = uuid.UUID(int=rng.getrandbits(128)).hex, rng.randint(1, 3)
            session = SESSIONS[min(len(answers) * len(SESSIONS) // ANSWERS_PER_LEARNER, len(SESSIONS) - 1)]
            for question in questions[: ANSWERS_PER_LEARNER - len(answers)]:
                minute += 1
                right = rng.random() < 0.65
                answers.append(
                    {
                        "id": uuid.UUID(int=rng.getrandbits(128)).hex,
                        "learner": learner["id"],
                        "lesson": lesson,
                        "quiz": quiz,
                        "question": question,
                        "qtype": "single",
                        "response": rng.randint(0, 3),
                        "response_text": f"Réponse {rng.randint(1, 4)}",
                        "correct": right,
                        "score": 1.0 if right else 0.0,
                        "hints_used": rng.randint(0, 1),
                        "duration_s": round(rng.uniform(5, 60), 3),
                        "timestamp": f"2026-11-{24 + minute // 1440:02d}T{minute // 60 % 24:02d}:{minute % 60:02d}:00.000000Z",
                        "attempt": attempt,
                        "session": session,
                        "confidence": None,
                        "mode": "quiz",
                        "sitting": sitting,
                    }
                )
        for number in range(0, len(answers), 100):
            payload = _doc("answers", answers[number : number + 100])
            (folder / f"answers-{number // 100 + 1:06d}.json").write_bytes(payload)
            size += len(payload)
        state = {
            "lessons": {answers[0]["lesson"]: {"section": 1, "read": True}},
            "visits": {
                SESSIONS[0]: {
                    "first": "2026-11-24T08:55:00.000000Z",
                    "last": "2026-11-24T12:00:00.000000Z",
                    "sections": 12,
                }
            },
        }
        (folder / "state.json").write_bytes(_doc("state", [state]))
    (root / "learners.json").write_bytes(_doc("learners", people))
    return size


def add_answers(root: Path, every: int = 10, count: int = 30) -> int:
    """One learner in `every` gets `count` new answers in a new segment (a new sitting of a
    quiz she answered); the bytes added."""
    added = 0
    for n, folder in enumerate(sorted((root / "learners").iterdir())):
        if n % every:
            continue
        last = sorted(folder.glob("answers-*.json"))[-1]
        earlier = list(json.loads(last.read_bytes())["answers"].values())
        sitting = uuid.uuid4().hex
        fresh = [
            {
                **answer,
                "id": uuid.uuid4().hex,
                "sitting": sitting,
                "timestamp": f"2026-12-08T10:{m:02d}:00.000000Z",
            }
            for m, answer in enumerate(earlier[:count])
        ]
        number = int(last.stem.split("-")[1]) + 1
        payload = _doc("answers", fresh)
        (folder / f"answers-{number:06d}.json").write_bytes(payload)
        added += len(payload)
    return added


def age(root: Path, seconds: float = 3600) -> None:
    """Date every file `seconds` back, as files written in an earlier workshop."""
    moment = time.time() - seconds
    for folder, _, names in os.walk(root):
        for name in names:
            os.utime(os.path.join(folder, name), (moment, moment))


def run_case(case: str, data: Path, cache: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ATELIER_CACHE": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", _CASE, case, str(data)], capture_output=True, text=True, env=env, check=True
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


WORK = ("report", "csv", "F9")
BEFORE = ("baseline", "store read", *WORK, *(f"{case} warm" for case in WORK))
AFTER = ("baseline after", *(f"{case} 10 %" for case in WORK))
CASES = (*BEFORE, *AFTER[1:])
"""Every case but the second baseline; "report", "csv" and "F9" are the cold runs."""


def _timed(case: str, data: Path, folder: Path, warm: Path) -> dict[str, float]:
    """One run of `case` with the cache folder its state asks for."""
    name = {"baseline after": "baseline", "store read": "store"}.get(case, case.split(" ")[0])
    state = case[len(name) :].strip() if case not in ("baseline after", "store read") else ""
    cache = folder / "cache-run"
    shutil.rmtree(cache, ignore_errors=True)
    if state == "warm":
        cache = warm
    elif state == "10 %":
        shutil.copytree(warm, cache)
    figures = run_case(name, data, cache)
    shutil.rmtree(folder / "cache-run", ignore_errors=True)
    return figures


def measure(learners: int, rounds: int, cold: bool = False) -> dict[str, Any]:
    before, after = (("baseline", *WORK), ()) if cold else (BEFORE, AFTER)
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as name:
        folder = Path(name)
        data = folder / "data"
        size = generate(data, learners)
        age(data)
        warm = folder / "cache-warm"
        added = 0
        if not cold:
            for case in ("csv", "F9"):  # the figures and the CSV rows, as an earlier run left them
                run_case(case, data, warm)
        runs: dict[str, list[dict[str, float]]] = {case: [] for case in (*before, *after)}
        for _ in range(rounds):
            for case in before:
                runs[case].append(_timed(case, data, folder, warm))
        if after:
            added = add_answers(data)
            snapshot = folder / "cache-snapshot"
            shutil.copytree(warm, snapshot)
            for _ in range(rounds):
                for case in after:
                    runs[case].append(_timed(case, data, folder, snapshot))
    figures: dict[str, Any] = {
        "learners": learners,
        "answers": learners * ANSWERS_PER_LEARNER,
        "files_mb": size / 2**20,
        "files_after_mb": (size + added) / 2**20,
    }
    for case in (*before, *after):
        base_case = "baseline after" if case in AFTER else "baseline"
        base = statistics.median(r["wall_s"] for r in runs[base_case])
        base_cpu = statistics.median(r["cpu_s"] for r in runs[base_case])
        files = figures["files_after_mb" if case in AFTER else "files_mb"]
        wall = statistics.median(r["wall_s"] for r in runs[case])
        cpu = statistics.median(r["cpu_s"] for r in runs[case])
        peak = max(r["peak_growth_mb"] for r in runs[case])
        figures[case] = {
            "wall_s": wall,
            "cpu_s": cpu,
            "peak_growth_mb": peak,
            "time_ratio": wall / base if base else 0.0,
            "cpu_ratio": cpu / base_cpu if base_cpu else 0.0,
            "memory_ratio": peak / files,
            "answers": statistics.median(r["answers"] for r in runs[case]),
        }
    return figures


def run(
    quick: bool = False, sizes: tuple[int, ...] | None = None, rounds: int | None = None, cold: bool = False
) -> dict[str, Any]:
    chosen = sizes or ((10, 100) if quick else (10, 100, 1000))
    return {str(n): measure(n, rounds or (2 if quick else 3), cold) for n in chosen}


def table(results: dict[str, Any]) -> str:
    lines = [
        "| learners × 300 answers | case | wall (CPU) | baseline wall (CPU) | ratio wall (CPU) | peak growth "
        "| files | memory ratio |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for figures in results.values():
        for case in CASES[1:]:
            if case not in figures:
                continue
            f = figures[case]
            after = case.endswith("10 %")
            base = figures["baseline after" if after else "baseline"]
            target = "" if case == "store read" else " ok" if f["cpu_ratio"] <= 2 else " MISSED"
            shown = f"{case} cold" if case in WORK else case
            lines.append(
                f"| {figures['learners']:,} | {shown} | {f['wall_s']:.2f} s ({f['cpu_s']:.2f}) | "
                f"{base['wall_s']:.2f} s ({base['cpu_s']:.2f}) | {f['time_ratio']:.2f}× ({f['cpu_ratio']:.2f}×){target} | "
                f"{f['peak_growth_mb']:.1f} MB | {figures['files_after_mb' if after else 'files_mb']:.1f} MB | "
                f"{f['memory_ratio']:.2f}× {'ok' if f['memory_ratio'] <= 3 else 'MISSED'} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="10 and 100 learners, two rounds")
    parser.add_argument("--sizes", type=int, nargs="+", help="numbers of learners")
    parser.add_argument("--rounds", type=int, help="rounds per case (medians are kept)")
    parser.add_argument("--cold", action="store_true", help="only the baseline and the cold cases")
    args = parser.parse_args(argv)
    results = run(args.quick, tuple(args.sizes) if args.sizes else None, args.rounds, args.cold)
    sys.stdout.write(table(results) + "\n")
    (Path(__file__).parent / "results-reports.json").write_text(
        json.dumps(results, indent=1), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
