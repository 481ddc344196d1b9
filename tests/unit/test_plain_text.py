"""The plain mode's lines: Markdown flattened, lines wrapped to the width, typed answers read."""

from __future__ import annotations

import io

from course.content.model import MatchQuestion, OrderQuestion, Pair
from course.plain.answers import read_answer, read_sequence, spoken_range
from course.plain.console import Console
from course.plain.flatten import markdown_lines


def test_markdown_is_flattened_to_readable_lines():
    text = (
        "## Titre\n\nUn **mot** et *un autre*, voir [le guide](https://exemple.org/guide).\n\n"
        "- premier\n- second\n  1. sous-point\n\n> Une citation.\n\n| Qui | Quoi |\n|---|---|\n| Ana | lit |\n\n---\n"
    )
    assert markdown_lines(text) == [
        "Titre",
        "",
        "Un mot et un autre, voir le guide (https://exemple.org/guide).",
        "",
        "- premier",
        "- second",
        "  1. sous-point",
        "",
        "Une citation.",
        "",
        "Qui ; Quoi",
        "Ana ; lit",
    ]


def test_console_wraps_to_the_width_keeps_french_spaces_and_drops_control_characters():
    out = io.StringIO()
    console = Console(io.StringIO(), out, width=30)
    console.say("Votre score est de 40 % : « bravo » pour ce parcours\x1b[31m rouge")
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 30 for line in lines)
    assert not any(line.startswith(("%", ":", "»")) or line.endswith("«") for line in lines)
    assert "\x1b" not in out.getvalue() and "[31m" in out.getvalue()
    console.say("x" * 75)
    assert [len(line) for line in out.getvalue().splitlines()[-3:]] == [30, 30, 15]


def test_sequences_are_typed_as_numbers_each_once():
    assert read_sequence("3 1 2", 3).response == [3, 1, 2]
    assert read_sequence("3,1,2", 3).response == [3, 1, 2]
    assert read_sequence("3 1", 3).hint and read_sequence("1 1 2", 3).hint and read_sequence("a b c", 3).hint
    assert read_sequence("4 1 2", 3).hint == "Il n'y a pas de numéro 4 : tapez 1, 2 ou 3."
    order = OrderQuestion(id="o", prompt="?", items=["a", "b", "c"])
    assert read_answer(order, "2 3 1", [], ["c", "a", "b"]).response == ["a", "b", "c"]
    match = MatchQuestion(id="m", prompt="?", pairs=[Pair("x", "1"), Pair("y", "2")])
    assert read_answer(match, "2 1", [], ["2", "1"]).response == {"x": "1", "y": "2"}


def test_every_prompt_names_the_numbers_to_type():
    assert (
        spoken_range(2) == "1 ou 2"
        and spoken_range(3) == "1, 2 ou 3"
        and spoken_range(7) == "un nombre de 1 à 7"
    )


def test_an_indented_line_keeps_its_indent_when_it_wraps():
    out = io.StringIO()
    console = Console(io.StringIO(), out, width=40)
    console.say("  Bonne réponse : Ne pas avoir utilisé Internet au cours des trois derniers mois")
    lines = out.getvalue().splitlines()
    assert len(lines) > 1
    assert all(line.startswith("  ") and not line.startswith("   ") for line in lines)
