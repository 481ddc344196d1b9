"""Opening a known learner, as the first screen does, reads the store without loading what
only a write needs (TinyDB, file locks) or what a cheaper module does (hashlib).

Modules in a fresh interpreter, not timings: the first start creates the learner and
answers a quiz (writes); the next adds the new folder to learners.json (a write, once); the
third opens the same learner and reads the map's figures, then answers once more.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from course.progress.paths import sha256_hex

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

WRITE_ONLY = ("tinydb", "filelock")

_OPEN = """
import json, sys
from pathlib import Path
from course.content.loader import load_course
from course.learning.journey import Journey
from course.progress import ProgressStore
from course.quiz.grading import Grade

def loaded():
    return sorted(name for name in sys.modules if name.split(".")[0] in {"tinydb", "filelock", "hashlib", "_hashlib"}
                  or name == "course.progress.atomic_storage")

course = load_course(Path(sys.argv[2]))
store = ProgressStore(Path(sys.argv[1]))
learner = store.create_learner("Léa")
journey = Journey(course, store, learner)
for lesson in course.ordered_lessons():
    journey.status(lesson)
journey.continue_target()
journey.due_reviews()
before = loaded()
quiz = next(iter(course.quizzes.values()))
attempt = journey.attempt(quiz)
journey.record(quiz, quiz.questions[0], attempt.number, Grade(True, 1.0, 0, "x", "x"), 0, 1.0)
journey.finish(quiz, attempt.number)
store.close()
print(json.dumps({"before": before, "after": loaded(), "attempt": attempt.number}))
"""


def _start(data: Path, cache: Path) -> dict[str, Any]:
    env = {**os.environ, "ATELIER_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _OPEN, str(data), str(FIXTURES / "mini")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def test_opening_a_known_learner_loads_no_writer_module_until_the_first_answer(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    first = _start(data, cache)  # creates the learner: a write, under the learners' lock
    assert set(WRITE_ONLY) <= set(first["before"])
    _start(data, cache)
    third = _start(data, cache)
    assert third["before"] == []
    assert set(WRITE_ONLY) <= set(third["after"])  # the answer is written through TinyDB, locked
    assert "course.progress.atomic_storage" in third["after"]
    assert (first["attempt"], third["attempt"]) == (1, 3)  # the earlier starts' answers were read


def test_the_store_s_file_names_keep_hashlib_s_digests() -> None:
    """The cache files and the name index are named from sha256 digests: the same as before."""
    for text in ("", "léa", "/données/apprenants/" + "x" * 300):
        data = text.encode("utf-8")
        assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
