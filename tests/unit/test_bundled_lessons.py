"""What the bundled lessons promise a trainer: today's scams in the inspector, the 2026 lessons, a neutral voice."""

from __future__ import annotations

import pytest

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course

BUNDLED = load_course(bundled_course_dir())

NEW_LESSONS = (
    "illectronisme-ia-generative",
    "desinformation-elections-2024-2027",
    "droits-dsa-citoyen",
    "droits-cyberharcelement",
)


def _inspector_items():
    lesson = BUNDLED.lessons["illectronisme-reperer-arnaques"]
    inspect = next(s.inspect for s in lesson.sections if s.inspect is not None)
    return {item.id: item for item in inspect.items}


@pytest.mark.parametrize(
    "item_id, words",
    [
        ("sms-cpf", "Mon Compte Formation"),
        ("sms-ants", "ANTS"),
        ("sms-france-travail", "France Travail"),
        ("sms-peage", "péage"),
        ("appel-faux-conseiller", "conseiller"),
    ],
)
def test_the_inspector_shows_todays_scams(item_id, words):
    item = _inspector_items()[item_id]
    assert any(words in detail.value for detail in item.details)
    assert any(clue.suspicious for clue in item.clues) or item.reliable


def test_the_inspector_mixes_genuine_and_misleading_messages():
    items = _inspector_items().values()
    reliable = sum(item.reliable for item in items)
    assert 3 <= reliable <= len(items) - 3


def test_the_inspector_does_not_tell_learners_how_fake_addresses_end():
    lesson = BUNDLED.lessons["illectronisme-reperer-arnaques"]
    assert not any(".example" in section.text for section in lesson.sections if section.inspect is not None)


@pytest.mark.parametrize("lesson_id", NEW_LESSONS)
def test_each_new_lesson_has_a_quiz_sources_and_trainer_notes(lesson_id):
    lesson = BUNDLED.lessons[lesson_id]
    assert lesson.quiz in BUNDLED.quizzes
    assert len(BUNDLED.quizzes[lesson.quiz].questions) >= 5
    assert len(lesson.sources) >= 3
    assert lesson.trainer and lesson.trainer.notes and lesson.trainer.activity


@pytest.mark.parametrize("phrase", ["partisane, assumée", "n'est pas un hasard", "d'autres voix craignent"])
def test_the_course_voice_stays_neutral(phrase):
    for lesson in BUNDLED.lessons.values():
        for section in lesson.sections:
            assert phrase not in section.text.lower(), f"{lesson.id} : « {section.title} »"


def test_article_25_of_the_dsa_is_not_said_to_cover_every_shop():
    lesson = BUNDLED.lessons["attention-reprendre-la-main"]
    text = "\n".join(section.text for section in lesson.sections)
    assert "Code de la consommation" in text and "trois clics" in text
    glossary = BUNDLED.glossary["interface-trompeuse"].definition
    assert "RGPD" in glossary and "plateformes en ligne" in glossary
