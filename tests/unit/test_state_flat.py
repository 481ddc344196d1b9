"""A learner's state file does not grow with her attempts.

The state is parsed at every start and written again at every section read. It used to keep
each finished attempt's figures as well, a list that grew by one entry per attempt and that
nothing read (a quiz's results are derived from its answers). A state written by such a version
loses that list at the quiz's next attempt, and the results shown stay those of the answers.
"""

from __future__ import annotations

import json
from pathlib import Path

from course.learning.journey import Journey
from course.progress import ProgressStore
from course.progress.storage import STATE_FILE
from course.quiz.grading import Grade


def take(journey: Journey, right: bool) -> None:
    """One attempt of the first quiz, every question answered, then closed."""
    quiz = next(iter(journey.course.quizzes.values()))
    attempt = journey.attempt(quiz)
    for question in quiz.questions:
        journey.record(quiz, question, attempt.number, Grade(right, float(right), "x", "x", "x"), 0, 1.0)
    journey.finish(quiz, attempt.number)


def state_bytes(store: ProgressStore, learner_id: str) -> bytes:
    return (store.paths.learner_dir(learner_id) / STATE_FILE).read_bytes()


def test_the_state_file_stays_the_same_size_attempt_after_attempt(mini_course, tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "data")
    learner = store.create_learner("Léa")
    journey = Journey(mini_course, store, learner)
    for n in range(3):
        take(journey, right=n % 2 == 0)
    early = len(state_bytes(store, learner.id))
    for n in range(30):
        take(journey, right=n % 2 == 0)
    late = state_bytes(store, learner.id)
    assert len(late) - early < 16  # an attempt number one digit longer; not 30 entries more
    quiz_id = next(iter(mini_course.quizzes))
    assert len(journey.results(quiz_id)) == 33  # every attempt is still known, from its answers
    again = Journey(mini_course, ProgressStore(tmp_path / "data"), learner)
    assert [r.score for r in again.results(quiz_id)] == [1.0, 0.0, 1.0] + [1.0, 0.0] * 15


def test_a_state_holding_results_from_an_earlier_version_loses_them_at_the_next_attempt(
    mini_course, tmp_path: Path
) -> None:
    store = ProgressStore(tmp_path / "data")
    learner = store.create_learner("Léa")
    journey = Journey(mini_course, store, learner)
    take(journey, right=True)
    quiz_id = next(iter(mini_course.quizzes))
    path = store.paths.learner_dir(learner.id) / STATE_FILE
    doc = json.loads(path.read_bytes())
    (state,) = doc["state"].values()
    rows = [
        {"attempt": n, "score": 0.5, "passed": False, "when": "2026-01-01T00:00:00Z"} for n in range(1, 200)
    ]
    state["quizzes"][quiz_id]["results"] = rows
    path.write_text(json.dumps(doc), encoding="utf-8")
    store = ProgressStore(tmp_path / "data")
    journey = Journey(mini_course, store, learner)
    assert [r.score for r in journey.results(quiz_id)] == [1.0]  # the answers say, not the list
    take(journey, right=False)
    (state,) = json.loads(path.read_bytes())["state"].values()
    assert "results" not in state["quizzes"][quiz_id]
    assert [r.score for r in journey.results(quiz_id)] == [1.0, 0.0]
