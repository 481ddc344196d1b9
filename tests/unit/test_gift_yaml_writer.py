"""yaml_writer: readable quiz YAML that reloads to the same dict (hypothesis), comments included."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from course.interchange.yaml_writer import SCHEMA_LINE, dump_quiz, looks_like_other_type

QUIZ = {
    "questions": [
        {
            "hints": ["un indice"],
            "explanation": "Ligne 1\nLigne 2\n",
            "choices": [{"feedback": "Non : c'est faux.", "correct": True, "text": "oui"}, {"text": "no"}],
            "prompt": "Quelle réponse ?",
            "type": "single",
            "id": "q1",
        }
    ],
    "shuffle": True,
    "pass_ratio": 0.7,
    "lesson": "lecon",
    "id": "quiz",
}


def test_layout_and_key_order() -> None:
    text = dump_quiz(QUIZ, ["Importé de x.gift"], {0: ["À vérifier : ceci"]})
    assert text == "\n".join(
        [
            SCHEMA_LINE,
            "# Importé de x.gift",
            "id: quiz",
            "lesson: lecon",
            "pass_ratio: 0.7",
            "shuffle: true",
            "questions:",
            "  # À vérifier : ceci",
            "  - id: q1",
            "    type: single",
            "    prompt: Quelle réponse ?",
            "    choices:",
            "      - text: oui",
            "        correct: true",
            '        feedback: "Non : c\'est faux."',
            '      - text: "no"',
            "    explanation: |",
            "      Ligne 1",
            "      Ligne 2",
            "    hints:",
            "      - un indice",
            "",
        ]
    )
    assert yaml.safe_load(text) == QUIZ


@pytest.mark.parametrize(
    "value",
    [
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "n",
        "true",
        "False",
        "null",
        "~",
        "012",
        "0x1F",
        "0o17",
        "1e3",
        "1_000",
        ".5",
        "-1",
        "+2.5",
        ".inf",
        "12:30",
        "1:02:03",
        "2019-01-01",
        "2019-01-01 10:00:00",
        "",
    ],
)
def test_ambiguous_strings_are_quoted(value: str) -> None:
    text = dump_quiz({"id": value, "questions": [{"id": "a", "accept": [value]}]})
    assert f'id: "{value}"' in text or f"id: '{value}'" in text
    assert yaml.safe_load(text) == {"id": value, "questions": [{"id": "a", "accept": [value]}]}


def test_plain_words_stay_plain() -> None:
    assert not looks_like_other_type("oui")
    assert not looks_like_other_type("Pix 2019")
    assert "- oui\n" in dump_quiz({"questions": [{"accept": ["oui"]}]})


def test_comments_are_single_lines_without_control_characters() -> None:
    text = dump_quiz({"id": "q", "questions": [{"id": "a"}]}, ["deux\nlignes\x1b[31m"], {0: ["x\ry"]})
    assert "# deux\n# lignes [31m\n" in text and "  # x y\n" in text
    assert "\x1b" not in text
    assert yaml.safe_load(text) == {"id": "q", "questions": [{"id": "a"}]}


def test_empty_questions_and_odd_shapes() -> None:
    for quiz in ({"id": "q", "questions": []}, {"id": "q"}, {"questions": ["texte", 3, None]}):
        assert yaml.safe_load(dump_quiz(quiz)) == quiz


scalars = st.one_of(st.text(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.none())
texts = st.text()
choice = st.fixed_dictionaries({"text": texts}, optional={"correct": st.booleans(), "feedback": texts})
question = st.fixed_dictionaries(
    {"id": texts, "type": st.sampled_from(["single", "multiple", "true_false", "order", "match", "short"])},
    optional={
        "prompt": texts,
        "statement": texts,
        "choices": st.lists(choice, max_size=3),
        "answer": st.booleans(),
        "items": st.lists(texts, max_size=3),
        "pairs": st.lists(st.fixed_dictionaries({"left": texts, "right": texts}), max_size=3),
        "accept": st.lists(texts, max_size=3),
        "explanation": texts,
        "hints": st.lists(texts, max_size=2),
        "extra": st.dictionaries(texts, scalars, max_size=2),
    },
)
quizzes = st.fixed_dictionaries(
    {
        "id": texts,
        "lesson": texts,
        "pass_ratio": st.floats(0, 1),
        "shuffle": st.booleans(),
        "questions": st.lists(question, max_size=4),
    },
    optional={"title": texts},
)


@settings(max_examples=300, deadline=None)
@given(quizzes, st.lists(texts, max_size=2), st.dictionaries(st.integers(0, 3), st.lists(texts, max_size=2)))
def test_dump_reloads_to_the_same_dict(
    quiz: dict[str, Any], comments: list[str], notes: dict[int, list[str]]
) -> None:
    text = dump_quiz(quiz, comments, notes)
    assert text.startswith(SCHEMA_LINE + "\n")
    assert yaml.safe_load(text) == quiz
    loaded = yaml.safe_load(text)
    assert list(loaded)[:4] == ["id", "lesson", "pass_ratio", "shuffle"] or "title" in loaded
    known = ("id", "type", "prompt", "statement", "choices", "explanation")
    for original in loaded["questions"]:
        assert [k for k in original if k in known] == [k for k in known if k in original]
