"""What a learner's state.json may hold, checked type by type before the app trusts it.

A state file can be valid JSON and still wrong inside (`"attempt": "z"`, `"lessons": "x"`),
brought by a hand edit, a damaged disk or an imported file. The app reads these values
with `int()` and `.get()`: one wrong type would crash it each time the learner opens.
So the store checks the layout below on every parse and sets a failing file aside.

    {"lessons": {<lesson id>: {"section": int >= 0, "read": bool}},
     "quizzes": {<quiz id>: {"attempt": int >= 0, "seed": int, "open": bool, "reset": str,
                             "results": [{"attempt": int >= 1, "score": 0..1,
                                          "passed": bool, "when": str}]}},
     "last": {"kind": str, "id": str} or null}

"results" is written by earlier versions only (each attempt's figures, now derived from the
answers); it is checked when present and dropped at the quiz's next attempt.
Keys not listed are allowed (newer versions add some) if they are plain JSON; an open
attempt must say its number and its seed.
"""

from __future__ import annotations

import math
from typing import Any

from course.progress.records import is_json_object


class StateError(ValueError):
    """The state breaks the layout; the message says where (for logs, not for people)."""


def _is_int(value: object, low: int | None = None) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and (low is None or value >= low)


def _is_score(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(float(value))
        and 0.0 <= float(value) <= 1.0
    )


def _require(condition: bool, where: str) -> None:
    if not condition:
        raise StateError(where)


def _mapping(value: object, where: str) -> dict[str, Any]:
    _require(isinstance(value, dict), where)
    assert isinstance(value, dict)
    return value


def _check_lesson(entry: dict[str, Any], where: str) -> None:
    if "section" in entry:
        _require(_is_int(entry["section"], 0), f"{where}.section")
    if "read" in entry:
        _require(isinstance(entry["read"], bool), f"{where}.read")


def _check_quiz(entry: dict[str, Any], where: str) -> None:
    for key in ("attempt", "seed"):
        if key in entry:
            _require(_is_int(entry[key], 0), f"{where}.{key}")
    if "open" in entry:
        _require(isinstance(entry["open"], bool), f"{where}.open")
    if entry.get("open"):
        _require("attempt" in entry and "seed" in entry, f"{where}: open without attempt/seed")
    if "reset" in entry:
        _require(isinstance(entry["reset"], str), f"{where}.reset")
    results = entry.get("results", [])
    _require(isinstance(results, list), f"{where}.results")
    for i, result in enumerate(results):
        at = f"{where}.results[{i}]"
        result = _mapping(result, at)
        _require(_is_int(result.get("attempt"), 1), f"{at}.attempt")
        _require(_is_score(result.get("score")), f"{at}.score")
        _require(isinstance(result.get("passed"), bool), f"{at}.passed")
        _require(isinstance(result.get("when"), str), f"{at}.when")


def check_state(state: object) -> None:
    """Raise StateError unless `state` follows the layout above."""
    _require(is_json_object(state), "not a plain JSON object (or nested too deeply)")
    assert isinstance(state, dict)
    for lesson_id, entry in _mapping(state.get("lessons", {}), "lessons").items():
        _check_lesson(_mapping(entry, f"lessons[{lesson_id!r}]"), f"lessons[{lesson_id!r}]")
    for quiz_id, entry in _mapping(state.get("quizzes", {}), "quizzes").items():
        _check_quiz(_mapping(entry, f"quizzes[{quiz_id!r}]"), f"quizzes[{quiz_id!r}]")
    last = state.get("last")
    if last is not None:
        last = _mapping(last, "last")
        _require(all(isinstance(last.get(k), str) for k in ("kind", "id")), "last")
