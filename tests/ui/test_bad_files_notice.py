"""The learner is told how many course files are broken: only those with their own error.

A broken glossary makes every lesson that names one of its terms carry a consequence
(« conséquence de l'erreur ci-dessus »); those lessons are not broken themselves and must
not be counted in the map's notice or listed by the plain mode.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from course.content.loader import load_course
from tests.ui.walk import screen_lines
from tests.unit.small_course import OK_LESSON, write

ROOT = Path(__file__).parents[2]
BROKEN = ("lessons/glossary.yaml", "lessons/m/09-casse.yaml")


def broken_course(root: Path) -> Path:
    """Two files broken; four lessons that only name a term of the broken glossary."""
    files: dict[str, str | bytes | None] = {
        "lessons/glossary.yaml": "terms:\n  - id: terme\n    term: Terme\n\tdefinition: x\n",
        "lessons/m/09-casse.yaml": "id: casse\ntitle: [pas fermé\n",
    }
    for number in (2, 3, 4):
        text = OK_LESSON.replace("id: ok", f"id: l{number}").replace("quiz: ok\n", "")
        files[f"lessons/m/0{number}-l{number}.yaml"] = text
    return write(root / "cours", files)


def test_consequences_are_not_counted_as_broken_files(tmp_path: Path) -> None:
    course = load_course(broken_course(tmp_path))
    assert sum(1 for p in course.errors if p.cause is not None) == 4  # kept for atelier validate
    assert course.files_with_errors() == sorted(BROKEN)


async def test_the_map_counts_only_the_broken_files(make_app, tmp_path: Path) -> None:
    app = make_app(course=load_course(broken_course(tmp_path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = " ".join(line.strip() for line in screen_lines(app))
    assert "2 fichiers du parcours n'ont pas pu être lus" in shown
    assert "6 fichiers" not in shown


def test_the_plain_mode_lists_only_the_broken_files(tmp_path: Path) -> None:
    course = broken_course(tmp_path)
    env = {**os.environ, "TERM": "dumb", "COLUMNS": "80", "ATELIER_LANG": "fr"}
    env.pop("TEXTUAL_DRIVER", None)
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "app.py"),
            "--plain",
            "--data",
            str(tmp_path / "d"),
            "--course",
            str(course),
        ],
        input="Léa\nq\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    notice = " ".join(line for line in run.stdout.splitlines() if "pas pu être lu" in line or ".yaml" in line)
    assert "2 fichiers du parcours n'ont pas pu être lus" in notice
    assert "lessons/glossary.yaml, lessons/m/09-casse.yaml" in notice
    assert "01-ok.yaml" not in notice and "02-l2.yaml" not in notice


async def test_a_damaged_progress_file_is_said_whole_on_the_map_at_80x24(
    make_app, private_data: Path
) -> None:
    """The notice of a damaged progress file (its saved name is long) is read to its last word,
    and the lesson list still starts under it."""
    from course.progress import ProgressStore
    from course.ui.screens.course_map import CourseMapScreen

    store = ProgressStore(private_data)
    learner = store.create_learner("Léa")
    store.update_state(learner.id, lambda state: state.update(placed=True))
    store.close()
    state = next((private_data / "learners" / learner.id).glob("state.json"))
    state.write_text('{"state": {"1": {"lessons": ', encoding="utf-8")  # cut off mid-write
    app = make_app(learner="Léa")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        shown = " ".join(" ".join(screen_lines(app)).split())
        assert "était abîmé" in shown
        assert "seule la position dans le parcours est à retrouver." in shown
        notice, lessons = (app.screen.query_one(x).region for x in ("#notices", "#lessons"))
        assert lessons.y >= notice.bottom and lessons.height > 5  # the list under it, still in view
