"""Benchmark of the progress store: recording one answer must not slow down as data grows.

    python bench/bench_store.py [--quick] [--sweep]

Prints p50/p95 of `record_answer` on an empty store, with 100 learners x 500 answers
(plus 0..segment-1 each, so every fill level of a last segment is sampled), and for
one learner with 5,000 answers, each as a ratio to a bare TinyDB insert into an empty
file (default JSONStorage, which also fsyncs) measured in the same run.
DESIGN §7 asks for p95 < 10 ms in the two loaded cases. The journey's own record (the
answer, then the learner's summary brought up to date and saved) is measured for a learner
with no answer and one with 20,000 (5,000 with `--quick`). `--sweep` measures one full
segment's life for several segment sizes: how DEFAULT_SEGMENT_SIZE was chosen.
`run(quick)` returns the figures for bench/run.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tinydb import TinyDB  # noqa: E402

from course.progress import AnswerRecord, ProgressStore  # noqa: E402
from course.progress.records import new_id, utc_now  # noqa: E402
from course.progress.store import DEFAULT_SEGMENT_SIZE  # noqa: E402

BASELINE = "baseline (bare TinyDB insert)"


def answer(learner: str, n: int, stamped: bool = False) -> AnswerRecord:
    """A realistic answer (a multiple-choice question with its response text)."""
    return AnswerRecord(
        new_id() if stamped else "",
        learner,
        "bulles-de-filtre",
        "bulles-de-filtre-quiz",
        f"question-{n % 12}",
        "multiple",
        ["Environ 15 %", "Environ 40 %"],
        "Environ 15 % ; Environ 40 %",
        n % 3 == 0,
        0.5,
        n % 2,
        12.75,
        utc_now() if stamped else "",
        1 + n % 3,
        "atelier-mardi",
    )


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "p50_ms": statistics.median(ordered) * 1e3,
        "p95_ms": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1e3,
    }


def timed(action: Callable[[], object], times: int) -> list[float]:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def bare_insert(folder: Path, n: int) -> float:
    """One bare TinyDB insert into a new, empty file (default storage)."""
    db = TinyDB(folder / f"bare-{n}.json")
    document = answer("0" * 32, n, stamped=True).to_dict()
    start = time.perf_counter()
    db.insert(document)
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def record_once(store: ProgressStore, learner_id: str, n: int) -> float:
    start = time.perf_counter()
    store.record_answer(answer(learner_id, n))
    return time.perf_counter() - start


def populated(
    folder: Path, learners: int, answers_each: int, spread: bool = False
) -> tuple[ProgressStore, list[str]]:
    """A store with that many answers each; `spread` adds 0..segment-1 more to each
    learner, so their last segments are at every fill level (the cost of an append)."""
    store = ProgressStore(folder)
    ids = [store.create_learner(f"Personne {n}").id for n in range(learners)]
    for i, learner_id in enumerate(ids):
        count = answers_each + (i * DEFAULT_SEGMENT_SIZE // learners if spread else 0)
        store.record_answers([answer(learner_id, n, stamped=True) for n in range(count)])
    return store, ids


class JourneyAnswers:
    """A learner answering quiz after quiz through the journey, as the quiz screen does:
    each `once()` times one `Journey.record` (the attempt opened and scored untimed)."""

    def __init__(self, folder: Path, answers: int) -> None:
        from course.content.bundled import bundled_course_dir
        from course.content.loader import load_course
        from course.learning.journey import Journey

        self.course = load_course(bundled_course_dir())
        store, [learner_id] = populated(folder, 1, answers)
        learner = store.get_learner(learner_id)
        assert learner is not None
        Journey(self.course, store, learner)  # the summary, as a first start leaves it
        self.journey = Journey(self.course, ProgressStore(folder), learner)
        self.quizzes = list(self.course.quizzes.values())
        self.n = 0
        self.attempt: Any = None

    def once(self) -> float:
        from course.quiz.grading import Grade

        quiz = self.quizzes[self.n // 4 % len(self.quizzes)]
        if self.attempt is None:
            self.attempt = self.journey.attempt(quiz)
        question = quiz.questions[self.n % len(quiz.questions)]
        grade = Grade(self.n % 3 != 0, float(self.n % 3 != 0), 0, "x", "x")
        start = time.perf_counter()
        self.journey.record(quiz, question, self.attempt.number, grade, 0, 1.0)
        elapsed = time.perf_counter() - start
        self.n += 1
        if self.n % 4 == 0:
            self.journey.finish(quiz, self.attempt.number)
            self.attempt = None
        return elapsed


def run(quick: bool = False) -> dict[str, Any]:
    """Measure every case; figures in ms, ratios against the bare TinyDB insert.

    The cases take turns, one sample each per round, so that a noisy neighbour on
    the machine slows them all alike and the ratios stay meaningful.
    """
    rounds = 40 if quick else 2 * DEFAULT_SEGMENT_SIZE  # full: two whole segments' lives
    big = (20, 500) if quick else (100, 500)
    many_name = f"{big[0]} learners x {big[1]}+ answers"
    with tempfile.TemporaryDirectory(prefix="bench-store-") as temp:
        root = Path(temp)
        (root / "bare").mkdir()
        empty = ProgressStore(root / "empty")
        nobody = empty.create_learner("Léa").id
        many, ids = populated(root / "many", *big, spread=True)
        one, [lea] = populated(root / "one", 1, 5000)
        past = 5_000 if quick else 20_000
        journeys = {
            "journey, no answer before": JourneyAnswers(root / "journey-0", 0),
            f"journey, {past:,} answers before": JourneyAnswers(root / "journey-past", past),
        }
        samples: dict[str, list[float]] = {
            name: [] for name in (BASELINE, "empty store", many_name, "1 learner x 5,000 answers", *journeys)
        }
        for n in range(rounds):
            samples[BASELINE].append(bare_insert(root / "bare", n))
            samples["empty store"].append(record_once(empty, nobody, n))
            samples[many_name].append(record_once(many, ids[n % len(ids)], n))
            samples["1 learner x 5,000 answers"].append(record_once(one, lea, n))
            for name, journey in journeys.items():
                samples[name].append(journey.once())
        opening = timed(lambda: ProgressStore(root / "many"), 5)
        reading = timed(lambda: one.answers(lea), 5)

    figures: dict[str, Any] = {"segment_size": DEFAULT_SEGMENT_SIZE, "quick": quick}
    bare = percentiles(samples[BASELINE])
    for name, found in samples.items():
        stats = percentiles(found)
        stats["p50_ratio"] = stats["p50_ms"] / bare["p50_ms"]
        stats["p95_ratio"] = stats["p95_ms"] / bare["p95_ms"]
        figures[name] = stats
    figures[f"open the {big[0]} x {big[1]}+ store (ms)"] = statistics.median(opening) * 1e3
    figures["answers() of 5,000 (ms)"] = statistics.median(reading) * 1e3
    return figures


def sweep(sizes: tuple[int, ...] = (50, 100, 200, 300, 500)) -> dict[int, dict[str, float]]:
    """p50/p95 of recording over one whole segment's life, for each segment size."""
    found = {}
    with tempfile.TemporaryDirectory(prefix="bench-sweep-") as temp:
        for size in sizes:
            store = ProgressStore(Path(temp) / str(size), segment_size=size)
            learner_id = store.create_learner("Léa").id
            found[size] = percentiles([record_once(store, learner_id, n) for n in range(size)])
    return found


def table(figures: dict[str, Any]) -> str:
    rows = [f"{'case':34} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'p50 x':>7} {'p95 x':>7}"]
    for name, value in figures.items():
        if isinstance(value, dict):
            ratios = f"{value['p50_ratio']:7.1f} {value['p95_ratio']:7.1f}"
            rows.append(f"{name:34} {value['n']:4d} {value['p50_ms']:8.2f} {value['p95_ms']:8.2f} {ratios}")
        elif isinstance(value, float):
            rows.append(f"{name:34} {value:8.1f}")
    rows.append(f"segment size: {figures['segment_size']} answers per file")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run (smaller data)")
    parser.add_argument("--sweep", action="store_true", help="also compare segment sizes")
    args = parser.parse_args(argv)
    out = sys.stdout
    out.write(table(run(args.quick)) + "\n")
    if args.sweep:
        out.write("\nsegment size   p50 ms   p95 ms   (one whole segment's life)\n")
        for size, stats in sweep().items():
            out.write(f"{size:12d} {stats['p50_ms']:8.2f} {stats['p95_ms']:8.2f}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
