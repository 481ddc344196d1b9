"""GIFT export: valid for Moodle's importer, escapes, order as matching, reported losses."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from course.i18n import set_language
from course.interchange.gift_reader import read_gift
from course.interchange.gift_writer import MOODLE_WEIGHTS, escape, write_gift

FIXTURES = Path(__file__).parents[1] / "fixtures" / "interchange"


@pytest.fixture(autouse=True)
def french() -> None:
    set_language("fr")


@pytest.fixture(scope="module")
def quiz() -> dict[str, Any]:
    return yaml.safe_load((FIXTURES / "quiz-all-types.yaml").read_text(encoding="utf-8"))


def test_escape() -> None:
    assert escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_single_choice_block(quiz: dict[str, Any]) -> None:
    text = write_gift(quiz).text
    block = text.split("\n\n")[0]
    assert block == "\n".join(
        [
            "// atelier-hint: Pensez au « S » de SIFT",
            "// atelier-hint: S \\= Stop",
            "::premiere-etape::[markdown]Une publication choquante \\: que faire d'abord ?{",
            "\t~La partager#Partager avant de vérifier amplifie la rumeur \\#viral.",
            "\t=S'arrêter \\{Stop\\}",
            "\t~[markdown]%50% des gens la commentent",
            "\t####SIFT \\: Stop, Investiguer, Trouver, Tracer.\\nVoir la **fiche**.",
            "}",
        ]
    )


def test_every_type_is_written(quiz: dict[str, Any]) -> None:
    result = write_gift(quiz)
    assert result.exported == 6 and result.skipped == 0
    text = result.text
    assert "\t~%50%Compte créé il y a 3 jours\n\t~%50%Nom proche" in text
    assert "\t~%-100%Photo de profil nette#Une photo nette ne prouve rien." in text
    assert (
        "::fil-chronologique::[markdown]Le fil d'actualité est classé par ordre chronologique.{\n\tFALSE\n"
    ) in text
    assert "// atelier-type: order\n::etapes-sift::" in text
    assert "\t=1 -> Stop\n\t=2 -> Investiguer la source\n" in text
    assert "\t=A → B -> une flèche\n" in text  # GIFT has no escape for "->": never "-\\>"
    assert "\\>" not in text
    assert "\t=bulle de filtres\n\t=bulle de filtre\n" in text


def test_notices_for_order_and_hints(quiz: dict[str, Any]) -> None:
    messages = [n.message() for n in write_gift(quiz).notices]
    assert messages == [
        "question « premiere-etape » : indices gardés en commentaires GIFT (Moodle les ignore).",
        "question « etapes-sift » : remise en ordre : pas d'équivalent en GIFT, exportée comme "
        "appariement position → élément.",
        "question « outils » : « -> » dans un élément de gauche : écrit « → », GIFT n'ayant pas d'échappement "
        "pour la flèche d'association.",
    ]


def _trimmed(value: Any) -> Any:
    """Texts without surrounding blanks: GIFT (and Moodle) trim every text."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [_trimmed(item) for item in value]
    if isinstance(value, dict):
        return {key: _trimmed(item) for key, item in value.items()}
    return value


def test_export_reads_back(quiz: dict[str, Any]) -> None:
    back = read_gift(write_gift(quiz).text)
    assert back.quiz["questions"] == arrowed(_trimmed(quiz["questions"]))
    assert back.notices == []


def test_lines_are_safe_for_moodle(quiz: dict[str, Any]) -> None:
    """No text line may look like a comment, a category or a blank line to Moodle's splitter."""
    quiz = dict(
        quiz,
        questions=[
            *quiz["questions"],
            {
                "id": "piege",
                "type": "single",
                "prompt": "// pas un commentaire\n\n$CATEGORY: non",
                "choices": [{"text": "// a", "correct": True}, {"text": "\n\nb"}],
                "explanation": "x",
            },
        ],
    )
    text = write_gift(quiz).text
    for block in text.rstrip("\n").split("\n\n"):
        lines = block.split("\n")
        assert all(line.strip() for line in lines)
        assert all(line.startswith(("// atelier-", "::", "\t", "}")) for line in lines)


def test_invalid_and_unknown_questions_are_reported() -> None:
    quiz = {
        "id": "q",
        "questions": [
            {
                "id": "a",
                "type": "single",
                "prompt": "?",
                "choices": [{"text": "x", "correct": True}, {"text": "y", "correct": True}],
            },
            {"id": "b", "type": "essay", "prompt": "?"},
            {
                "id": "c",
                "type": "match",
                "prompt": "?",
                "pairs": [{"left": "x", "right": "1"}, {"left": "x", "right": "2"}],
            },
            {"id": "d", "type": "short", "prompt": "", "accept": ["x"]},
            {"id": "e", "type": "true_false", "statement": "ok", "answer": "yes"},
            "pas une question",
        ],
    }
    result = write_gift(quiz)
    assert result.exported == 0 and result.skipped == 6
    reasons = [n.message() for n in result.notices]
    # The reasons are the loader's own sentences: each question rule exists once
    assert reasons[0] == (
        "question « a » : non exportée, comme « atelier validate » la refuserait : Une question "
        "« single » doit avoir exactement une proposition « correct: true » (ici : 2)."
    )
    assert "type « essay » inconnu" in reasons[1]
    assert "différents" in reasons[2] and "vide" in reasons[3] and "true ou false" in reasons[4]


@pytest.mark.parametrize("count", range(1, 11))
def test_multiple_weights_are_in_moodle_list(count: int) -> None:
    question = {
        "id": "m",
        "type": "multiple",
        "prompt": "?",
        "explanation": "x",
        "choices": [{"text": f"c{i}", "correct": True} for i in range(count)] + [{"text": "non"}],
    }
    result = write_gift({"questions": [question]})
    weights = re.findall(r"~%(-?[0-9.]+)%", result.text)
    assert set(weights[:-1]) <= set(MOODLE_WEIGHTS) and weights[-1] == "-100"
    assert abs(sum(float(w) for w in weights[:-1]) - 100) < 0.001
    assert result.notices == []


def test_weights_outside_moodle_list_are_reported() -> None:
    question = {
        "id": "m",
        "type": "multiple",
        "prompt": "?",
        "choices": [{"text": f"c{i}", "correct": True} for i in range(11)],
    }
    result = write_gift({"questions": [question]})
    assert result.exported == 1
    assert result.notices[0].message() == (
        "question « m » : 11 propositions justes : le poids de 9.09091 % "
        "n'est pas dans la liste de Moodle, qui peut refuser la question."
    )


def test_short_answer_arrow_and_wildcard_are_protected() -> None:
    question = {"id": "s", "type": "short", "prompt": "?", "accept": ["a->b", "c*d"], "explanation": "x"}
    result = write_gift({"questions": [question]})
    assert "\t=a→b\n\t=c\\*d\n" in result.text
    assert result.notices[0].key == "interchange.export.literal"
    assert read_gift(result.text).quiz["questions"] == [dict(question, accept=["a→b", "c*d"])]


def test_header_lines() -> None:
    result = write_gift({"questions": []}, header=["Quiz x", "sur\ndeux lignes"])
    assert result.text == "// Quiz x\n// sur deux lignes\n"


def arrowed(questions: Any) -> Any:
    """Questions as GIFT carries them: `->` in a left item or an accepted answer becomes `→`."""

    def item(question: dict[str, Any]) -> dict[str, Any]:
        question = dict(question)
        if "accept" in question:
            question["accept"] = [a.replace("->", "→") for a in question["accept"]]
        if "pairs" in question:
            question["pairs"] = [dict(p, left=p["left"].replace("->", "→")) for p in question["pairs"]]
        return question

    return [item(q) for q in questions]
