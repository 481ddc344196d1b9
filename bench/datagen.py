"""Data dirs for the growth benchmarks, written straight in the progress store's file format.

`make_data(root, learners, answers)` writes `learners` profiles; the one named "Banc" (the
learner the benchmarks open) holds `answers` answers to the bundled course's quizzes, in full
segments of 100 as the store writes them, the others none. Writing the files directly takes
a second where going through the store would take minutes at 1,000 learners.
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

SEGMENT = 100
NAME = "Banc"
START = datetime(2022, 1, 3, 9, 0)  # 20,000 answers, one a minute, end well before today


def _doc(table: str, docs: list[dict[str, Any]]) -> bytes:
    return json.dumps(
        {table: {str(i): d for i, d in enumerate(docs, 1)}}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def _quizzes() -> list[tuple[str, str, list[str]]]:
    from course.content.bundled import bundled_course_dir
    from course.content.loader import load_course

    course = load_course(bundled_course_dir())
    return [(q.id, q.lesson, [x.id for x in q.questions]) for q in course.quizzes.values()]


def answers_for(learner_id: str, count: int, rng: random.Random) -> list[dict[str, Any]]:
    """`count` answers as the app stores them: whole attempts of single-choice questions."""
    quizzes = _quizzes() if count else []
    found: list[dict[str, Any]] = []
    minute = 0
    while len(found) < count:
        quiz, lesson, questions = rng.choice(quizzes)
        sitting = uuid.UUID(int=rng.getrandbits(128)).hex
        for question in questions[: count - len(found)]:
            minute += 1
            right = rng.random() < 0.65
            found.append(
                {
                    "id": uuid.UUID(int=rng.getrandbits(128)).hex,
                    "learner": learner_id,
                    "lesson": lesson,
                    "quiz": quiz,
                    "question": question,
                    "qtype": "single",
                    "response": rng.randint(0, 3),
                    "response_text": f"Réponse {rng.randint(1, 4)}",
                    "correct": right,
                    "score": 1.0 if right else 0.0,
                    "hints_used": 0,
                    "duration_s": round(rng.uniform(5, 60), 3),
                    "timestamp": (START + timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                    "attempt": 1,
                    "session": None,
                    "confidence": None,
                    "mode": "quiz",
                    "sitting": sitting,
                }
            )
    return found


def make_data(root: Path, learners: int, answers: int = 0, seed: int = 11) -> str:
    """Write the data dir; the id of the learner named "Banc"."""
    rng = random.Random(seed)
    (root / "learners").mkdir(parents=True)
    (root / "locks").mkdir()
    people = []
    for n in range(learners):
        learner = {
            "id": uuid.UUID(int=rng.getrandbits(128)).hex,
            "name": NAME if n == 0 else f"Personne {n:04d}",
            "created": "2026-11-24T09:00:00.000000Z",
        }
        people.append(learner)
        folder = root / "learners" / learner["id"]
        folder.mkdir()
        (folder / "profile.json").write_bytes(_doc("profile", [learner]))
        mine = answers_for(learner["id"], answers if n == 0 else 0, rng)
        for start in range(0, len(mine), SEGMENT):
            (folder / f"answers-{start // SEGMENT + 1:06d}.json").write_bytes(
                _doc("answers", mine[start : start + SEGMENT])
            )
    (root / "learners.json").write_bytes(_doc("learners", people))
    return str(people[0]["id"])
