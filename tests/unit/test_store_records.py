"""Profiles and answers: names made safe, records validated, paths never from names."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import platformdirs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course.i18n import set_language
from course.progress import AnswerRecord, InvalidNameError, Learner, RecordError, clean_name
from course.progress.paths import ENV_DATA, StorePaths, resolve_data_dir
from course.progress.records import NAME_MAX, name_key, timestamp_key

LEARNER = "0123456789abcdef0123456789abcdef"


@pytest.fixture(autouse=True)
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "env-data"))
    set_language("fr")


def answer(**changes: object) -> AnswerRecord:
    values: dict[str, object] = dict(
        id="",
        learner=LEARNER,
        lesson="l",
        quiz="q",
        question="q1",
        qtype="single",
        response=["a"],
        response_text="a",
        correct=True,
        score=1.0,
        hints_used=0,
        duration_s=1.5,
        timestamp="",
        attempt=1,
        session=None,
    )
    values.update(changes)
    return AnswerRecord(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Léa   Martin ", "Léa Martin"),
        ("\x1b[31mLéa\x1b[0m", "Léa"),
        ("\x1b]8;;https://evil.example\x07Léa\x1b]8;;\x07", "Léa"),
        ("\x1b]0;titre\x1b\\Léa", "Léa"),
        ("\x9b2JLéa", "Léa"),
        ("Lé\x00a\x7f\x85", "Léa"),
        ("Léa\nMarie\tDupont", "Léa Marie Dupont"),
        ("\u202eaéL", "aéL"),
        ('=HYPERLINK("http://evil";"clic")', 'HYPERLINK("http://evil";"clic")'),
        ("+33 6", "33 6"),
        ("-@=Zoé", "Zoé"),
        ("../../etc/passwd", "../../etc/passwd"),
        ("Le\u0301a", "Léa"),
    ],
)
def test_clean_name_removes_what_could_harm(raw: str, expected: str) -> None:
    assert clean_name(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", "\t\n", "\x1b[2J\x1b[H", "=", "\u200b\u200d"])
def test_empty_names_are_refused_in_french(raw: str) -> None:
    with pytest.raises(InvalidNameError, match="vide"):
        clean_name(raw)


def test_too_long_names_are_refused_in_french() -> None:
    assert clean_name("a" * NAME_MAX) == "a" * NAME_MAX
    with pytest.raises(InvalidNameError, match="trop long"):
        clean_name("é" * 500)


@given(st.text(max_size=80))
@settings(max_examples=300, database=None)
def test_any_text_is_cleaned_or_refused(raw: str) -> None:
    try:
        name = clean_name(raw)
    except InvalidNameError:
        return
    assert 1 <= len(name) <= NAME_MAX
    assert name == name.strip() and "  " not in name
    assert name[0] not in "=+-@"
    assert not any(unicodedata.category(c).startswith("C") for c in name)
    assert clean_name(name) == name


def test_name_key_ignores_case_accents_and_spaces() -> None:
    assert name_key("Léa") == name_key("LEA") == name_key("lea")
    assert name_key("Zoé  Martin") == name_key("zoe martin")
    assert name_key("Léa") != name_key("Léo")


def test_learner_round_trip_and_validation() -> None:
    learner = Learner.new("  Zoé ")
    assert learner.name == "Zoé" and len(learner.id) == 32
    assert learner.created.endswith("Z")
    assert Learner.from_dict(learner.to_dict()) == learner
    for bad in (
        {"id": "../../etc", "name": "x", "created": learner.created},
        {"id": learner.id, "name": "\x1b[31mx", "created": learner.created},
        {"id": learner.id, "name": "x", "created": "hier"},
        {"id": learner.id, "name": "x"},
        ["not", "a", "dict"],
    ):
        with pytest.raises(RecordError):
            Learner.from_dict(bad)


def test_answer_round_trip_ignores_unknown_keys() -> None:
    record = answer(
        id="abc",
        timestamp="2025-03-01T10:00:00.000001Z",
        response={"k": [1, True]},
        session="mardi",
        confidence=2,
    )
    data = record.to_dict() | {"added_by_a_future_version": 1}
    assert AnswerRecord.from_dict(data) == record
    assert record.mode == "quiz"


@pytest.mark.parametrize(
    "changes",
    [
        {"learner": "../../etc"},
        {"learner": "ABCDEF0123456789ABCDEF0123456789"},
        {"score": 1.5},
        {"score": float("nan")},
        {"score": True},
        {"hints_used": -1},
        {"hints_used": True},
        {"attempt": 0},
        {"duration_s": -1.0},
        {"correct": 1},
        {"response": {1, 2}},
        {"response": object()},
        {"response": {"k": float("inf")}},
        {"timestamp": "mardi"},
        {"session": 3},
        {"confidence": "x"},
        {"mode": "exam"},
    ],
)
def test_bad_answers_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(RecordError):
        answer(**changes)


def test_stored_answers_need_id_and_timestamp() -> None:
    with pytest.raises(RecordError):
        AnswerRecord.from_dict(answer().to_dict())
    with pytest.raises(RecordError):
        AnswerRecord.from_dict({"id": "x"})


def test_timestamps_sort_by_instant_not_by_text() -> None:
    stamps = ["2025-01-01T10:00:00.5Z", "2025-01-01T10:00:00Z", "2025-01-01T11:00:00+02:00"]
    assert sorted(stamps, key=timestamp_key) == [stamps[2], stamps[1], stamps[0]]


def test_data_dir_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"
    assert resolve_data_dir(None) == tmp_path / "env-data"
    monkeypatch.delenv(ENV_DATA)
    assert resolve_data_dir(None) == Path(platformdirs.user_data_dir("atelier-numerique"))


@pytest.mark.parametrize(
    "bad", ["../../etc", "", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcde/", "Léa"]
)
def test_folders_are_named_by_ids_only(bad: str, tmp_path: Path) -> None:
    paths = StorePaths(tmp_path)
    assert paths.learner_dir(LEARNER) == tmp_path / "learners" / LEARNER
    with pytest.raises(ValueError):
        paths.learner_dir(bad)
