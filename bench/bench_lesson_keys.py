"""Lesson keys to screen update, driven by the Textual pilot, against the minimal app of bench_keys.

    python bench/bench_lesson_keys.py [--quick] [--profile]

Cases, on the bundled course at 80x24: "right" and "left" (next and previous section),
"down" and "pagedown" (scroll the section) in a text lesson; "right" into the feed simulator
of a lesson and "left" out of it ("enter/leave activity", a fresh lesson screen each time, so
each entry is a first one). CPU medians, ratio to the minimal app's key measured in the same
run, the most frames one key drew. The baseline and the lesson runs alternate (`rounds`).
"pilot wait, no key" is the pilot's own wait with no key pressed: it posts a callback to every
widget of the screen, so part of each figure is the test harness, not the app (a terminal
has no such cost); it is printed so that it can be told apart.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_keys import BASELINE, SIZE, Sample, _plain, count_frames, summary, table, timed  # noqa: E402

KEYS = ("right", "left", "down", "pagedown")
ACTIVITY_LESSON = "attention-algorithmes-et-bulles"
"""Its last section is the feed simulator."""


async def idle_wait(pilot: Any) -> Sample:
    """The pilot's wait alone, no key pressed."""
    frames = getattr(pilot.app, "frames", 0)
    wall, cpu = time.perf_counter(), time.process_time()
    await pilot._wait_for_screen()
    await pilot.pause()
    return time.perf_counter() - wall, time.process_time() - cpu, getattr(pilot.app, "frames", 0) - frames


async def baseline_with_wait(samples: int) -> tuple[list[Sample], list[Sample]]:
    """The minimal app's key, and its pilot wait with no key."""
    from bench.bench_keys import MinimalApp

    app = MinimalApp()
    count_frames(app)
    keys, waits = [], []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for n in range(samples):
            keys.append(await timed(pilot, "right" if n % 2 else "enter"))
            waits.append(await idle_wait(pilot))
    return keys, waits


async def activity_keys(samples: int, data: Path) -> dict[str, list[Sample]]:
    """Into the feed simulator from the section before it, and out again, on a fresh screen each time."""
    from course.content.bundled import bundled_course_dir
    from course.content.loader import load_course
    from course.progress import ProgressStore
    from course.ui.course_app import Settings, build_app
    from course.ui.screens.lesson import LessonScreen

    course = load_course(bundled_course_dir())
    lesson = course.lessons[ACTIVITY_LESSON]
    last = len(lesson.sections) - 1
    assert lesson.sections[last].feed is not None
    store = ProgressStore(data)
    app = build_app(course, store, Settings(learner="Banc"))
    count_frames(app)
    found: dict[str, list[Sample]] = {"enter activity": [], "leave activity": []}
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for _ in range(samples):
                app.open_lesson(lesson.id, last - 1)
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, LessonScreen)
                await screen.section_ready.wait()
                await pilot.pause()
                found["enter activity"].append(await timed(pilot, "right"))
                await screen.section_ready.wait()
                found["leave activity"].append(await timed(pilot, "left"))
                await screen.section_ready.wait()
                await pilot.press("escape")
                await pilot.pause()
    finally:
        store.close()
    return found


async def lesson_keys(samples: int, data: Path, profile: cProfile.Profile | None) -> dict[str, list[Sample]]:
    from course.content.bundled import bundled_course_dir
    from course.content.loader import load_course
    from course.progress import ProgressStore
    from course.ui.course_app import Settings, build_app
    from course.ui.screens.lesson import LessonScreen

    course = load_course(bundled_course_dir())
    lesson = next(x for x in course.ordered_lessons() if _plain(x) and len(x.sections) >= 4)
    store = ProgressStore(data)
    app = build_app(course, store, Settings(learner="Banc"))
    count_frames(app)
    found: dict[str, list[Sample]] = {key: [] for key in (*KEYS, "pilot wait, no key")}
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.open_lesson(lesson.id, 0)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LessonScreen)
            last = len(lesson.sections) - 1
            forward = True
            while min(len(v) for v in found.values()) < samples:
                if profile:
                    profile.enable()
                found["down"].append(await timed(pilot, "down"))
                found["pagedown"].append(await timed(pilot, "pagedown"))
                if (forward and screen.index == last) or (not forward and screen.index == 0):
                    forward = not forward
                key = "right" if forward else "left"
                found[key].append(await timed(pilot, key))
                found["pilot wait, no key"].append(await idle_wait(pilot))
                if profile:
                    profile.disable()
    finally:
        store.close()
    return found


def run(quick: bool = False, profile: cProfile.Profile | None = None, rounds: int = 3) -> dict[str, Any]:
    """Baseline and lesson runs alternate, `rounds` times; medians over all the samples."""
    samples = 8 if quick else 10
    base: list[Sample] = []
    base_wait: list[Sample] = []
    ours: dict[str, list[Sample]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-lesson-keys-") as folder:
        for n in range(1 if quick else rounds):
            keys, waits = asyncio.run(baseline_with_wait(samples))
            base += keys
            base_wait += waits
            for found in (
                asyncio.run(lesson_keys(samples, Path(folder) / f"data{n}", profile)),
                asyncio.run(activity_keys(max(3, samples // 2), Path(folder) / f"act{n}")),
            ):
                for name, value in found.items():
                    ours.setdefault(name, []).extend(value)
    figures: dict[str, Any] = {BASELINE: summary(base, None)}
    figures["baseline: pilot wait, no key"] = summary(base_wait, figures[BASELINE])
    for name, value in ours.items():
        figures[f"lesson {name}"] = summary(value, figures[BASELINE])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--profile", action="store_true", help="print the 30 costliest calls (cumulative)")
    args = parser.parse_args(argv)
    profile = cProfile.Profile() if args.profile else None
    print(table(run(args.quick, profile)))
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
