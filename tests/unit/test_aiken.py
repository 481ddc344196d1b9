"""Aiken import and export: single choice only, everything else reported."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from course.i18n import set_language
from course.interchange import PLACEHOLDER_EXPLANATION
from course.interchange.aiken import read_aiken, write_aiken
from course.interchange.commands import aiken_export, aiken_import

FIXTURES = Path(__file__).parents[1] / "fixtures" / "interchange"


@pytest.fixture(autouse=True)
def french() -> None:
    set_language("fr")


def test_read_sample() -> None:
    result = read_aiken((FIXTURES / "atelier.aiken.txt").read_text(encoding="utf-8"), "sift")
    assert result.imported == 2 and result.skipped == 2
    first = result.quiz["questions"][0]
    assert first == {
        "id": "quelle-est-la-premiere-etape-de-la",
        "type": "single",
        "prompt": "Quelle est la première étape de la méthode SIFT ?",
        "choices": [
            {"text": "Partager rapidement"},
            {"text": "S'arrêter", "correct": True},
            {"text": "Commenter"},
            {"text": "Signaler"},
        ],
        "explanation": PLACEHOLDER_EXPLANATION,
    }
    skipped = [n.message() for n in result.notices if n.skipped]
    assert skipped == [
        "ligne 13, « Une question sans ligne de réponse » : pas de ligne « ANSWER: » après les "
        "propositions : non importée.",
        "ligne 17, « Une question dont la réponse n'existe pas » : « ANSWER: D » ne désigne aucune "
        "proposition : non importée.",
    ]
    assert sum(n.key == "interchange.aiken.placeholder" for n in result.notices) == 2


@pytest.mark.parametrize(
    "text, key",
    [
        ("A. seule\nB. proposition\nANSWER: A\n", "interchange.aiken.no_prompt"),
        ("Question ?\nA. une seule\nANSWER: A\n", "interchange.aiken.too_few"),
        ("Question ?\nA. un\nB. deux\n", "interchange.aiken.no_answer"),
        ("Question ?\nA. un\nA. deux\nANSWER: A\n", "interchange.aiken.bad_answer"),
    ],
)
def test_broken_questions_are_reported(text: str, key: str) -> None:
    result = read_aiken(text)
    assert result.imported == 0 and [n.key for n in result.notices] == [key]
    assert result.notices[0].skipped and result.notices[0].line == 1


def test_write_reports_other_types_and_losses() -> None:
    quiz = yaml.safe_load((FIXTURES / "quiz-all-types.yaml").read_text(encoding="utf-8"))
    quiz["questions"][0]["prompt"] = "Une publication choquante :\nque faire d'abord ?"
    result = write_aiken(quiz)
    assert result.exported == 2 and result.skipped == 4
    assert result.text.startswith(
        "Une publication choquante : que faire d'abord ?\n"
        "A. La partager\nB. S'arrêter {Stop}\nC. %50% des gens la commentent\n"
        "ANSWER: B\n\n"
    )
    # true/false as Moodle's own Aiken fixture writes it: two choices
    assert re.search(r"\nA\. Vrai\nB\. Faux\nANSWER: [AB]\n$", result.text)
    keys = [n.key for n in result.notices]
    assert keys.count("interchange.aiken.not_single") == 4
    assert "interchange.aiken.joined" in keys and keys[-1] == "interchange.aiken.lost"


def test_choices_written_without_a_space_after_the_bracket_are_read_as_moodle_does() -> None:
    result = read_aiken("Quelle couleur ?\nA)Rouge\nB)Vert\nANSWER: B\n")
    assert result.quiz["questions"][0]["choices"] == [{"text": "Rouge"}, {"text": "Vert", "correct": True}]


def test_prompt_that_looks_like_a_choice_is_not_exported() -> None:
    question = {
        "id": "a",
        "type": "single",
        "prompt": "A. Quelle lettre ?",
        "choices": [{"text": "A", "correct": True}, {"text": "B"}],
    }
    result = write_aiken({"questions": [question]})
    assert result.exported == 0 and result.notices[0].key == "interchange.aiken.ambiguous"


def test_commands(tmp_path: Path) -> None:
    stream = io.StringIO()
    out = tmp_path / "sift.yaml"
    assert aiken_import(FIXTURES / "atelier.aiken.txt", out, "sift", "lecon-sift", stream) == 1
    quiz = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert quiz["id"] == "sift" and quiz["lesson"] == "lecon-sift" and len(quiz["questions"]) == 2
    aiken, stream = tmp_path / "sift.txt", io.StringIO()
    assert aiken_export(out, aiken, stream) == 0
    assert read_aiken(aiken.read_text(encoding="utf-8"), "sift", "lecon-sift").quiz == quiz
    stream = io.StringIO()
    assert aiken_export(FIXTURES / "quiz-all-types.yaml", None, stream) == 1
    text = stream.getvalue()
    assert text.startswith("Une publication choquante : que faire d'abord ?\nA. La partager")
    assert "// Non convertie — question « faux-compte » : type « multiple »" in text
    assert read_aiken(text).imported == 2  # the trailing notices never make a question


line = (
    st.text("abcXYZ019 éèàç«»'\"!?.,;:-_/\\~=#{}%[]()*", min_size=1, max_size=30)
    .map(str.strip)
    .filter(lambda s: s and not s.startswith("ANSWER:"))
)


@st.composite
def single_questions(draw: Any) -> dict[str, Any]:
    prompt = draw(line.filter(lambda s: not re.match(r"[A-Z](\)|\.[ \t])", s)))
    count = draw(st.integers(2, 6))
    right = draw(st.integers(0, count - 1))
    choices = [{"text": draw(line)} for _ in range(count)]
    choices[right]["correct"] = True
    return {"type": "single", "prompt": prompt, "choices": choices}


@settings(max_examples=200, deadline=None)
@given(st.lists(single_questions(), min_size=1, max_size=5))
def test_aiken_round_trip(questions: list[dict[str, Any]]) -> None:
    exported = write_aiken({"questions": questions})
    assert exported.exported == len(questions)
    back = read_aiken(exported.text)
    assert back.skipped == 0
    assert [{k: q[k] for k in ("type", "prompt", "choices")} for q in back.quiz["questions"]] == questions
