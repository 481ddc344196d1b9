"""Readability of the lessons: the measure itself, the bundled course against its target, `validate --stats`."""

from __future__ import annotations

import json
import re

import pytest

from course.cli import main
from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.content.model import Lesson, Section, TrainerNotes
from course.content.readability import (
    TARGET_LONG_SHARE,
    TARGET_SENTENCE_WORDS,
    is_long,
    lesson_readability,
    measure,
    sentences,
)

BUNDLED = load_course(bundled_course_dir())


def test_full_stops_question_marks_and_line_breaks_end_sentences():
    found = sentences("Bonjour à vous. Ça va bien ? Oui !\nUne autre ligne sans point")
    assert [len(words) for words in found] == [3, 3, 1, 5]


def test_list_items_are_sentences_and_markdown_marks_are_not_words():
    found = sentences(
        "Trois gestes :\n\n- **lire** l'adresse ;\n- *vérifier* la [source](https://a.example) ;\n1. signaler"
    )
    assert found == [
        ["Trois", "gestes"],
        ["lire", "l", "adresse"],
        ["vérifier", "la", "source"],
        ["signaler"],
    ]


def test_a_long_word_has_seven_letters_or_more():
    assert is_long("numérique") and is_long("données") and is_long("vidéotox")
    assert not is_long("projet") and not is_long("2026") and not is_long("État")


def test_counts_add_up_over_several_texts():
    r = measure(["Un mot court. Des informations personnelles.", "Trois mots ici."])
    assert (r.sentences, r.words, r.long_words) == (3, 9, 2)
    assert r.sentence_words == 3.0
    assert r.long_share == pytest.approx(2 / 9)
    assert r.lix == pytest.approx(3 + 100 * 2 / 9)


def test_only_what_the_learner_reads_in_sections_is_measured():
    lesson = Lesson(
        id="l",
        title="Un titre très administratif",
        summary="Résumé.",
        duration_min=5,
        objectives=["Objectif"],
        sections=[Section(title="Titre", text="Deux mots.")],
        trainer=TrainerNotes(notes="Des notes interminables pour la formatrice expérimentée."),
    )
    r = lesson_readability(lesson)
    assert (r.sentences, r.words, r.long_words) == (1, 2, 0)


@pytest.mark.parametrize("lesson_id", sorted(BUNDLED.lessons))
def test_every_bundled_lesson_meets_the_readability_target(lesson_id):
    r = lesson_readability(BUNDLED.lessons[lesson_id])
    assert r.sentence_words <= TARGET_SENTENCE_WORDS, f"{lesson_id}: {r.sentence_words:.1f} mots par phrase"
    assert r.long_share <= TARGET_LONG_SHARE, f"{lesson_id}: {100 * r.long_share:.1f} % de mots longs"


@pytest.mark.parametrize("lesson_id", sorted(BUNDLED.lessons))
def test_every_bundled_lesson_opens_with_the_essentials_in_three_short_sentences(lesson_id):
    first = BUNDLED.lessons[lesson_id].sections[0]
    assert first.title == "L'essentiel"
    found = sentences(first.text)
    assert len(found) == 3
    assert all(len(words) <= 15 for words in found), found
    acronyms = re.findall(r"\b[A-Z]{2,}\b", first.text)
    assert acronyms == [], f"sigle non expliqué dans « L'essentiel » : {acronyms}"


def test_validate_stats_prints_a_line_per_lesson_and_the_target(capsys):
    code = main(["validate", str(bundled_course_dir()), "--stats"])
    out = capsys.readouterr().out
    assert code == 0
    for lesson_id in BUNDLED.lessons:
        line = next(line for line in out.splitlines() if line.strip().startswith(lesson_id + " "))
        assert re.search(r"\d+,\d +\d+,\d % +\d+ +ok$", line), line
    assert f"0 leçon sur {len(BUNDLED.lessons)} à simplifier." in out
    assert "Tout le parcours : " in out


def test_validate_without_stats_prints_no_readability(capsys):
    main(["validate", str(bundled_course_dir())])
    assert "Lisibilité" not in capsys.readouterr().out


def test_validate_stats_in_json_gives_the_figures_and_the_target(capsys):
    main(["validate", str(bundled_course_dir()), "--stats", "--format", "json"])
    data = json.loads(capsys.readouterr().out)["readability"]
    assert data["target"] == {
        "sentence_words": TARGET_SENTENCE_WORDS,
        "long_share": TARGET_LONG_SHARE,
        "long_word_letters": 7,
    }
    assert set(data["lessons"]) == set(BUNDLED.lessons)
    assert all(row["meets_target"] for row in data["lessons"].values())
    assert 0 < data["course"]["long_share"] < 1
