"""Lesson keys to screen update, driven by the Textual pilot, against the minimal app of bench_keys.

    python bench/bench_lesson_keys.py [--quick] [--profile]

Cases, on the bundled course at 80x24: "right" and "left" (next and previous section),
"down" and "pagedown" (scroll the section). CPU medians, ratio to the minimal app's
key measured in the same run, the most frames one key drew.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_keys import SIZE, Sample, _plain, baseline, count_frames, summary, table, timed  # noqa: E402

KEYS = ("right", "left", "down", "pagedown")


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
    found: dict[str, list[Sample]] = {key: [] for key in KEYS}
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
                if profile:
                    profile.disable()
    finally:
        store.close()
    return found


def run(quick: bool = False, profile: cProfile.Profile | None = None) -> dict[str, Any]:
    samples = 8 if quick else 30
    with tempfile.TemporaryDirectory(prefix="bench-lesson-keys-") as folder:
        base = asyncio.run(baseline(samples))
        ours = asyncio.run(lesson_keys(samples, Path(folder) / "data", profile))
    figures: dict[str, Any] = {"baseline: Static text switched": summary(base, None)}
    for name, value in ours.items():
        figures[f"lesson {name}"] = summary(value, figures["baseline: Static text switched"])
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
