"""First screen against a minimal Textual app, and what grows with a learner's past or their number.

    python bench/bench_growth.py [--quick]

Two kinds of figures, both medians of runs that take turns (a busy neighbour slows every
case alike), both CPU time where the machine's load would blur wall time:

- first screen: each program starts in a real 80×24 pseudo-terminal; the clock stops when
  its first screen's text comes back ("Continuer" for atelier, "Bienvenue" for the minimal
  app: one Static and a Footer). The figure is the CPU time the process spent until then
  (every thread, from /proc/PID/task/*/schedstat, Linux), with the wall time beside it. One
  more run with `python -X importtime` counts the modules imported before that frame.
  Cases: warm course cache, cold cache, a learner with 500/5,000/20,000 answers, 100/1,000
  learners in the data dir (the opened learner has none);
- in-process, CPU: opening a learner (store, profile, journey, what the map shows) at
  0/500/5,000/20,000 answers and 10/100/1,000 learners, each right after a session that
  answered and scored a quiz (the summary must have followed); creating a learner at 10
  vs 1,000. The data dirs get their name index first, as the app's first creation makes it.

`run(quick)` returns the figures for bench/run.py; `--quick` keeps the extremes only.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import shutil
import statistics
import struct
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (str(BENCH), str(ROOT)):
    if folder not in sys.path:
        sys.path.insert(0, folder)

import datagen  # noqa: E402

MINIMAL = (
    "from textual.app import App\nfrom textual.widgets import Footer, Static\n"
    "class M(App):\n    BINDINGS = [('q', 'quit', 'Quitter')]\n"
    "    def compose(self):\n        yield Static('Bienvenue')\n        yield Footer()\nM().run()\n"
)
Sample = tuple[float, float, int]  # wall s, cpu s, modules imported (-1: not counted)


def cpu_of(pid: int) -> float:
    """Seconds on CPU of every thread of `pid` so far (Linux schedstat, nanoseconds)."""
    total = 0
    with os.scandir(f"/proc/{pid}/task") as tasks:
        for task in tasks:
            try:
                with open(f"{task.path}/schedstat", encoding="ascii") as stat:
                    total += int(stat.read().split()[0])
            except (OSError, ValueError, IndexError):
                continue
    return total / 1e9


def first_screen(
    argv: list[str], marker: bytes, env: dict[str, str], timeout: float = 60.0, linger: float = 0.0
) -> Sample:
    """Wall and CPU seconds from spawn until `marker` is on the pty; the process is killed `linger` s later."""
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
            ready, _, _ = select.select([fd], [], [], 0.02)
            if ready:
                try:
                    seen += os.read(fd, 1 << 16)
                except OSError:
                    break
                if marker in seen:
                    wall, cpu = time.perf_counter() - start, cpu_of(pid)
                    time.sleep(linger)
                    return wall, cpu, seen.count(b"import time:") - 1 if b"import time:" in seen else -1
        raise RuntimeError(f"{marker!r} never appeared: {seen[-400:]!r}")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def _summary(samples: list[Sample]) -> dict[str, float]:
    return {
        "wall_s": round(statistics.median(s[0] for s in samples), 3),
        "cpu_s": round(statistics.median(s[1] for s in samples), 3),
        "runs": len(samples),
    }


class DataDirs:
    """Data dirs made once per (learners, answers) plan and shared by the cases that read them."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self._made: dict[tuple[int, int], Path] = {}

    def get(self, learners: int, answers: int) -> Path:
        if (learners, answers) not in self._made:
            data = self.work / f"data-{learners}-{answers}"
            datagen.make_data(data, learners, answers)
            self._made[learners, answers] = data
        return self._made[learners, answers]


def plans(quick: bool) -> dict[str, tuple[int, int]]:
    """Case name -> (learners in the data dir, answers of the learner opened)."""
    answers = (20_000,) if quick else (500, 5_000, 20_000)
    learners = (1_000,) if quick else (100, 1_000)
    return {
        "0 answers, 10 learners": (10, 0),
        **{f"{n:,} answers": (10, n) for n in answers},
        **{f"{n:,} learners": (n, 0) for n in learners},
    }


def measure_screens(quick: bool, dirs: DataDirs) -> dict[str, Any]:
    rounds = 3 if quick else 7
    work = dirs.work
    script = work / "minimal.py"
    script.write_text(MINIMAL, encoding="utf-8")
    env = {**os.environ, "TERM": "xterm-256color", "ATELIER_LANG": "fr", "ATELIER_CACHE": f"{work}/cache"}
    cases: dict[str, tuple[list[str], bytes]] = {"minimal": ([sys.executable, str(script)], b"Bienvenue")}
    for name, plan in {"cold cache": (10, 0), **plans(quick)}.items():
        app = [
            sys.executable,
            str(ROOT / "app.py"),
            "--data",
            str(dirs.get(*plan)),
            "--learner",
            datagen.NAME,
        ]
        cases[name] = (app, b"Continuer")
    warm = cases["0 answers, 10 learners"][0]
    first_screen(warm, b"Continuer", env, linger=1.0)  # a first session fills the caches (course, styles)
    samples: dict[str, list[Sample]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, (argv, marker) in cases.items():
            case_env = env
            if name == "cold cache":
                shutil.rmtree(work / "cold-cache", ignore_errors=True)
                case_env = {**env, "ATELIER_CACHE": f"{work}/cold-cache"}
            samples[name].append(first_screen(argv, marker, case_env))
    figures: dict[str, Any] = {name: _summary(found) for name, found in samples.items()}
    imports = {}
    for name, (argv, marker) in (("minimal", cases["minimal"]), ("atelier", (warm, b"Continuer"))):
        imports[name] = first_screen([argv[0], "-X", "importtime", *argv[1:]], marker, env)[2]
    figures["modules imported"] = imports
    return figures


# ----- in-process: opening a learner, creating one ---------------------------------------


def _open_learner(course: Any, data: Path) -> Any:
    """What the app does from the store's opening to the map's figures; the journey."""
    from course.learning.journey import Journey
    from course.progress import ProgressStore

    store = ProgressStore(data)
    learner = store.create_learner(datagen.NAME)
    journey = Journey(course, store, learner)
    for lesson in course.ordered_lessons():
        journey.status(lesson)
    journey.continue_target()
    journey.due_reviews()
    return journey


def _session(course: Any, data: Path, round_: int) -> None:
    """A short session before the next open: one attempt of a quiz, answered and scored
    (what used to leave the summary stale, so that the next open read every answer)."""
    from course.quiz.grading import Grade

    journey = _open_learner(course, data)
    quiz = list(course.quizzes.values())[round_ % len(course.quizzes)]
    attempt = journey.attempt(quiz)
    for n, question in enumerate(quiz.questions[:3]):
        right = (round_ + n) % 2 == 0
        journey.record(quiz, question, attempt.number, Grade(right, float(right), 0, "x", "x"), 0, 1.0)
    journey.finish(quiz, attempt.number)


def _cpu(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def measure_in_process(quick: bool, dirs: DataDirs) -> dict[str, Any]:
    """Opening a learner right after a session that added answers, and creating a learner."""
    from course.content.bundled import bundled_course_dir
    from course.content.loader import load_course
    from course.progress import ProgressStore

    course = load_course(bundled_course_dir())
    rounds = 3 if quick else 7
    opened = {f"open a learner, {name}": dirs.get(*plan) for name, plan in plans(quick).items()}
    for data in opened.values():
        store = ProgressStore(data)  # as the app leaves a data dir: its name index built by a
        store.delete_learner(store.create_learner("Index").id)  # first creation
    time.sleep(2.1)  # a start comes later: folders changed within two seconds are listed again
    for data in opened.values():
        _open_learner(course, data)  # untimed: the first open may adopt or repair
    created = {}
    for size in (10, 1_000):
        created[f"create a learner among {size:,}"] = data = dirs.work / f"create-{size}"
        datagen.make_data(data, size)
    samples: dict[str, list[float]] = {name: [] for name in [*opened, *created]}
    for n in range(rounds):
        for name, data in opened.items():
            _session(course, data, n)  # untimed
            samples[name].append(_cpu(lambda: _open_learner(course, data)))  # noqa: B023
        for name, data in created.items():
            store = ProgressStore(data)
            samples[name].append(_cpu(lambda: store.create_learner(f"Nouvelle {n}")))  # noqa: B023
    return {name: round(statistics.median(found) * 1e3, 1) for name, found in samples.items()}


def run(quick: bool = False) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as folder:
        dirs = DataDirs(Path(folder))
        return {
            "first screen": measure_screens(quick, dirs),
            "in-process cpu ms": measure_in_process(quick, dirs),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    import compileall
    import json

    compileall.compile_dir(ROOT / "course", quiet=1)  # as installed: no module compiled at each start
    figures = run(args.quick)

    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
