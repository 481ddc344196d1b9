"""Key press to screen update, driven by the Textual pilot, against a minimal app.

    python bench/bench_keys.py [--quick]

Cases, on the bundled course at 80x24 (headless: the screen is laid out and
rendered, only the terminal write is skipped):
- "right" in a lesson: the next section (Markdown re-rendered, place stored);
- "enter" after an answer: the next quiz question (drawn in the widgets already there);
- "1" on a list of choices: the first choice marked;
- "enter" on a marked choice: graded, stored (fsync) and the feedback shown;
- "enter" on the last question's feedback: the quiz replaced by its results;
- "escape" on the results: back to the map (refreshed).
The baseline is a minimal app whose key binding switches a Static's text.
Each sample is `await pilot.press(key)` + `await pilot.pause()`. The pilot waits
for the CPU to go idle in 20 ms slices, so wall times have a floor of a few
slices; the CPU time spent in the same span is the work itself. Ratios are of
medians. `run(quick)` returns the figures for bench/run.py.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402
from textual.binding import Binding  # noqa: E402
from textual.widgets import Static  # noqa: E402

SIZE = (80, 24)
BASELINE = "baseline: Static text switched"
Sample = tuple[float, float, int]  # wall, cpu (seconds), frames drawn


class MinimalApp(App[None]):
    """One Static whose text changes on "right" or "enter"."""

    BINDINGS = [Binding("right,enter", "switch", "Suivant")]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Static("Section 0", id="text")

    def action_switch(self) -> None:
        self.count += 1
        self.query_one("#text", Static).update(f"Section {self.count}\n" + "Du texte. " * 40)


def count_frames(app: App[Any]) -> None:
    """Count the frames the app sends to its (headless) terminal in `app.frames`."""
    draw = app._display
    app.frames = 0  # type: ignore[attr-defined]

    def counted(screen: Any, renderable: Any) -> None:
        if renderable is not None and not app._batch_count:
            app.frames += 1  # type: ignore[attr-defined]
        draw(screen, renderable)

    app._display = counted  # type: ignore[method-assign]


async def timed(pilot: Any, key: str) -> Sample:
    frames = getattr(pilot.app, "frames", 0)
    wall, cpu = time.perf_counter(), time.process_time()
    await pilot.press(key)
    await pilot.pause()
    while pilot.app._batch_count:  # a screen change held undrawn until it has settled
        await pilot.pause()
    return time.perf_counter() - wall, time.process_time() - cpu, getattr(pilot.app, "frames", 0) - frames


async def baseline(samples: int) -> list[Sample]:
    app = MinimalApp()
    count_frames(app)
    found = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for n in range(samples):
            found.append(await timed(pilot, "right" if n % 2 else "enter"))
        assert app.count == samples
    return found


def _plain(lesson: Any) -> bool:
    """A lesson whose sections are all read (no scenario, feed or inspector to play)."""
    return all(
        getattr(s, kind, None) is None for s in lesson.sections for kind in ("scenario", "feed", "inspect")
    )


async def atelier(samples: int, data: Path) -> dict[str, list[Sample]]:
    from course.content.bundled import bundled_course_dir
    from course.content.loader import load_course
    from course.progress import ProgressStore
    from course.ui.course_app import Settings, build_app
    from course.ui.screens.lesson import LessonScreen
    from course.ui.screens.quiz import QuizScreen
    from tests.ui.helpers import answer_current

    course = load_course(bundled_course_dir())
    lesson = next(
        x for x in course.ordered_lessons() if _plain(x) and len(x.sections) >= 4 and course.quiz_for(x)
    )
    quiz = course.quiz_for(lesson)
    store = ProgressStore(data)
    app = build_app(course, store, Settings(learner="Banc"))
    count_frames(app)
    found: dict[str, list[Sample]] = {
        "right: next lesson section": [],
        "enter: next quiz question": [],
        "1: mark a choice": [],
        "enter: submit an answer": [],
        "enter: quiz to its results": [],
        "escape: results to the map": [],
    }
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.open_lesson(lesson.id, 0)
            await pilot.pause()
            while len(found["right: next lesson section"]) < samples:
                screen = app.screen
                assert isinstance(screen, LessonScreen)
                if screen.index == len(lesson.sections) - 1:
                    for _ in range(screen.index):  # back to the start, untimed
                        await pilot.press("left")
                    await pilot.pause()
                found["right: next lesson section"].append(await timed(pilot, "right"))
            await pilot.press("escape")
            await pilot.pause()
            await _quiz_samples(app, pilot, quiz, samples, found, answer_current, QuizScreen)
    finally:
        store.close()
    return found


async def _quiz_samples(
    app: Any,
    pilot: Any,
    quiz: Any,
    samples: int,
    found: dict[str, list[Sample]],
    answer_current: Callable[..., Awaitable[None]],
    quiz_screen: type,
) -> None:
    """Answer questions (timing the submit when it is a choice), then time the move to the next one."""
    app.start_quiz(quiz)
    await pilot.pause()
    changes = max(3, samples // 5)  # each one a whole quiz answered
    while (
        len(found["enter: next quiz question"]) < samples
        or len(found["escape: results to the map"]) < changes
    ):
        screen = app.screen
        if not isinstance(screen, quiz_screen):  # the results screen: back to the map, another attempt
            found["escape: results to the map"].append(await timed(pilot, "escape"))
            app.start_quiz(quiz)
            await pilot.pause()
            continue
        question = screen.item.question
        if (
            question.type in ("single", "multiple", "true_false")
            and len(found["enter: submit an answer"]) < samples
        ):
            found["1: mark a choice"].append(await timed(pilot, "1"))  # the first choice, right or wrong
            found["enter: submit an answer"].append(await timed(pilot, "enter"))
        else:
            await answer_current(pilot, right=True)
        if screen.index + 1 < len(screen.items):
            found["enter: next quiz question"].append(await timed(pilot, "enter"))
        else:
            found["enter: quiz to its results"].append(await timed(pilot, "enter"))


def summary(samples: list[Sample], base: dict[str, float] | None) -> dict[str, float]:
    walls = sorted(s[0] * 1e3 for s in samples)
    cpus = [s[1] * 1e3 for s in samples]
    found = {
        "n": len(samples),
        "wall_p50_ms": round(statistics.median(walls), 1),
        "wall_p95_ms": round(walls[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))], 1),
        "cpu_p50_ms": round(statistics.median(cpus), 1),
        "frames_max": max(s[2] for s in samples),
    }
    if base:
        found["wall_ratio"] = round(found["wall_p50_ms"] / base["wall_p50_ms"], 2)
        found["cpu_ratio"] = round(found["cpu_p50_ms"] / base["cpu_p50_ms"], 2)
    return found


def run(quick: bool = False) -> dict[str, Any]:
    samples = 8 if quick else 30
    with tempfile.TemporaryDirectory(prefix="bench-keys-") as folder:
        base = asyncio.run(baseline(samples))
        ours = asyncio.run(atelier(samples, Path(folder) / "data"))
    figures: dict[str, Any] = {BASELINE: summary(base, None)}
    for name, found in ours.items():
        figures[name] = summary(found, figures[BASELINE])
    return figures


def table(figures: dict[str, Any]) -> str:
    rows = [
        f"{'key press to screen update':30} {'n':>3} {'wall p50':>9} {'wall p95':>9} {'cpu p50':>8} "
        f"{'wall x':>7} {'cpu x':>6} {'frames':>6}"
    ]
    for name, value in figures.items():
        ratios = f"{value.get('wall_ratio', 1.0):7.2f} {value.get('cpu_ratio', 1.0):6.2f}"
        rows.append(
            f"{name:30} {value['n']:3d} {value['wall_p50_ms']:9.1f} {value['wall_p95_ms']:9.1f} "
            f"{value['cpu_p50_ms']:8.1f} {ratios} {value['frames_max']:6d}"
        )
    return (
        "\n".join(rows)
        + "\n(ms; the pilot's idle wait puts a floor under wall times; frames: the most one key drew)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    print(table(run(parser.parse_args(argv).quick)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
