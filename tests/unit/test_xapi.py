"""xAPI statements: required fields, stable and unique ids, durations, pseudonyms."""

from __future__ import annotations

import io
import json
import re
import uuid
from collections import Counter
from typing import Any

import pytest

from course.reports.xapi import DEFAULT_BASE, check_base, iso_duration, write_xapi
from course.text.safe import pseudonym
from tests.unit import reports_data as data

DURATION = re.compile(r"^PT(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$")
ADL_VERB = "http://adlnet.gov/expapi/verbs/"
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


def export(answers: list[dict[str, Any]] | None = None, **options: Any) -> list[dict[str, Any]]:
    stream = io.StringIO()
    write_xapi(
        stream, data.learners(), data.answers() if answers is None else answers, data.index(), **options
    )
    return [json.loads(line) for line in stream.getvalue().split("\n") if line]


def verb(statement: dict[str, Any]) -> str:
    return str(statement["verb"]["id"]).removeprefix(ADL_VERB)


def test_required_fields_in_every_statement() -> None:
    statements = export()
    assert len(statements) == 22
    for s in statements:
        assert set(s) >= {"id", "actor", "verb", "object", "timestamp", "result", "context"}
        assert uuid.UUID(s["id"]).version == 5
        assert s["actor"]["objectType"] == "Agent"
        assert s["actor"]["account"]["homePage"] == DEFAULT_BASE
        assert s["verb"]["id"].startswith(ADL_VERB) and "fr-FR" in s["verb"]["display"]
        assert s["object"]["objectType"] == "Activity"
        assert s["object"]["id"].startswith(DEFAULT_BASE + "/")
        assert TIMESTAMP.match(s["timestamp"])
        score = s["result"]["score"]
        assert -1 <= score["scaled"] <= 1 and score["min"] <= score["raw"] <= score["max"]
        assert isinstance(s["result"]["success"], bool)
        assert DURATION.match(s["result"]["duration"])
        parent = s["context"]["contextActivities"]["parent"]
        assert parent[0]["id"].startswith(DEFAULT_BASE + "/lessons/")


def test_verbs_per_answer_and_per_complete_attempt() -> None:
    statements = export()
    assert Counter(verb(s) for s in statements) == {"answered": 14, "completed": 4, "passed": 2, "failed": 2}
    outcomes = {
        (s["actor"]["account"]["name"], s["object"]["id"].rsplit("/", 1)[1], s["timestamp"]): verb(s)
        for s in statements
        if verb(s) in ("passed", "failed")
    }
    assert outcomes == {
        (pseudonym(data.LEA), "q-illec", "2026-11-24T14:02:00.000Z"): "failed",
        (pseudonym(data.LEA), "q-illec", "2026-12-01T14:02:00.000Z"): "passed",
        (pseudonym(data.KARIM), "q-illec", "2026-11-24T14:02:30.000Z"): "failed",
        (pseudonym(data.KARIM), "q-sift", "2026-11-24T14:11:00.000Z"): "passed",
    }
    # An attempt's outcome follows its last answer, "completed" first.
    position = [verb(s) for s in statements].index("completed")
    assert verb(statements[position - 1]) == "answered"
    assert verb(statements[position + 1]) in ("passed", "failed")


def test_attempt_result_counts_over_the_whole_quiz() -> None:
    sift = next(s for s in export() if verb(s) == "passed" and s["object"]["id"].endswith("/quizzes/q-sift"))
    assert sift["result"]["score"] == {"scaled": 0.75, "raw": 1.5, "min": 0, "max": 2}
    assert sift["result"]["completion"] is True and sift["result"]["success"] is True
    assert sift["result"]["duration"] == "PT2M20S"
    assert sift["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/assessment"


def test_answered_statement_details() -> None:
    first = export()[0]
    assert first["id"] == export()[0]["id"]
    assert first["object"]["id"] == DEFAULT_BASE + "/quizzes/q-illec/questions/part-insee"
    definition = first["object"]["definition"]
    assert definition["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
    assert definition["interactionType"] == "choice"
    assert definition["name"]["fr-FR"].startswith("Selon l'Insee")
    assert first["result"]["response"] == "Environ 5 %"
    assert first["result"]["success"] is False and first["result"]["duration"] == "PT30S"
    assert first["timestamp"] == "2026-11-24T14:00:00.000Z"
    assert first["context"]["extensions"] == {DEFAULT_BASE + "/extensions/session": "atelier-1"}
    grouping = first["context"]["contextActivities"]["grouping"]
    assert grouping[0]["id"] == DEFAULT_BASE + "/quizzes/q-illec"
    types = {
        s["object"]["id"].rsplit("/", 1)[1]: s["object"]["definition"]["interactionType"]
        for s in export()
        if verb(s) == "answered"
    }
    assert types == {
        "part-insee": "choice",
        "definition": "fill-in",
        "aide": "true-false",
        "etapes": "sequencing",
        "source": "choice",
    }
    responses = {
        s["object"]["id"].rsplit("/", 1)[1]: s["result"]["response"]
        for s in export()
        if verb(s) == "answered"
    }
    assert responses["aide"] == "true" and responses["source"] == "0[,]2"


def test_ids_stable_across_exports_and_unique() -> None:
    first, second = export(), export()
    assert [s["id"] for s in first] == [s["id"] for s in second]
    assert len({s["id"] for s in first}) == len(first)
    reordered = export(answers=list(reversed(data.answers())))
    assert sorted(s["id"] for s in reordered) == sorted(s["id"] for s in first)


def test_pseudonyms_without_names_by_default() -> None:
    stream = io.StringIO()
    write_xapi(stream, data.learners(), data.answers(), data.index())
    text = stream.getvalue()
    assert not any(name in text for name in ("Léa", "Karim", "Zoé"))
    assert data.LEA not in text
    assert all("name" not in s["actor"] for s in export())
    named = export(names=True)
    assert {s["actor"]["name"] for s in named} == {"Léa", "Karim", "Zoé"}
    assert {s["actor"]["account"]["name"] for s in named} == {
        pseudonym(x) for x in (data.LEA, data.KARIM, data.ZOE)
    }


def test_configurable_base() -> None:
    statements = export(base="https://asso.example/atelier/")
    assert statements[0]["object"]["id"].startswith("https://asso.example/atelier/quizzes/")
    assert statements[0]["actor"]["account"]["homePage"] == "https://asso.example/atelier"
    for bad in ("atelier", "/xapi", "ftp://x.example/a", ""):
        with pytest.raises(ValueError):
            check_base(bad)


def test_invalid_timestamps_skipped_and_counted() -> None:
    answers = data.answers()
    answers[0]["timestamp"] = "hier"
    stream = io.StringIO()
    result = write_xapi(stream, data.learners(), answers, data.index())
    # 13 answers, and 3 complete attempts (Léa's first is now incomplete), two statements each.
    assert (result.written, result.skipped) == (19, 1)


def test_hostile_text_stays_one_line_of_json() -> None:
    learners = data.learners()
    learners[0]["name"] = "Léa\x1b[31m\u2028=HYPERLINK()"
    answers = data.answers()[:1]
    answers[0]["response_text"] = "a\u2028b\nc\u2029"
    stream = io.StringIO()
    write_xapi(stream, learners, answers, data.index(), names=True)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    statement = json.loads(lines[0])
    assert statement["result"]["response"] == "a\u2028b\nc\u2029"
    assert "\x1b" not in statement["actor"]["name"]


@pytest.mark.parametrize(
    "seconds, expected",
    [
        (0, "PT0S"),
        (0.004, "PT0S"),
        (0.01, "PT0.01S"),
        (5.5, "PT5.5S"),
        (65.5, "PT1M5.5S"),
        (60, "PT1M"),
        (59.999, "PT1M"),
        (3600, "PT1H"),
        (3661.25, "PT1H1M1.25S"),
        (90061, "PT25H1M1S"),
        (-3, "PT0S"),
    ],
)
def test_iso_duration(seconds: float, expected: str) -> None:
    assert iso_duration(seconds) == expected
    assert DURATION.match(expected)


def test_answers_without_id_still_get_distinct_stable_ids() -> None:
    answers = [dict(answer, id="") for answer in data.answers()]
    first, second = export(answers=answers), export(answers=answers)
    assert len({s["id"] for s in first}) == len(first) == 22
    assert [s["id"] for s in first] == [s["id"] for s in second]
