"""Loader checks of interactive sections: each rule has a broken fixture that must fail."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from course.content.loader import load_course

ACTIVITIES = Path(__file__).parents[1] / "fixtures" / "activites"
SCENARIO = "lessons/jeu/01-manipulateur.yaml"
FEED = "lessons/jeu/02-fil.yaml"
INSPECT = "lessons/jeu/03-inspecteur.yaml"


def _broken(tmp_path: Path, path: str, old: str, new: str):
    root = tmp_path / "c"
    shutil.copytree(ACTIVITIES, root)
    target = root / path
    text = target.read_text(encoding="utf-8")
    assert old in text, old
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_course(root)


def _codes(course, path: str) -> set[str]:
    return {p.code for p in course.problems if p.path == path}


def test_the_fixture_is_valid():
    assert load_course(ACTIVITIES).problems == []


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("start: debut", "start: depart", "scenario_unknown_step"),
        ("next: fin-virale", "next: fin-inconnue", "scenario_unknown_step"),
        ("{gauge: abonnes, delta: 90}", "{gauge: vues, delta: 90}", "scenario_unknown_gauge"),
        (
            "        - id: fin-calme\n          ending: true\n",
            "        - id: fin-calme\n",
            "scenario_dead_end",
        ),
        (
            "          ending: true\n          text: La rumeur",
            "          ending: true\n          choices: [{text: Encore, next: debut}]\n          text: La rumeur",
            "scenario_ending_with_choices",
        ),
        ("        - id: fin-calme", "        - id: fin-virale", "duplicate_id"),
    ],
)
def test_scenario_rules(tmp_path, old, new, code):
    course = _broken(tmp_path, SCENARIO, old, new)
    assert code in _codes(course, SCENARIO)
    # the broken section is left out, the rest of the lesson still loads
    lesson = course.lessons["jeu-manipulateur"]
    assert [s.title for s in lesson.sections] == ["Avant de jouer"]


def test_a_scenario_with_no_reachable_ending_is_refused(tmp_path):
    _broken(tmp_path, SCENARIO, "next: fin-virale", "next: debut")
    root = tmp_path / "c"
    text = (root / SCENARIO).read_text(encoding="utf-8").replace("next: fin-calme", "next: debut")
    (root / SCENARIO).write_text(text, encoding="utf-8")
    assert "scenario_no_ending" in _codes(load_course(root), SCENARIO)


def test_an_unreachable_step_is_a_warning_only(tmp_path):
    course = _broken(tmp_path, SCENARIO, "next: fin-calme", "next: fin-virale")
    found = [p for p in course.problems if p.path == SCENARIO]
    assert [(p.code, p.severity) for p in found] == [("scenario_unreachable", "warning")]
    assert len(course.lessons["jeu-manipulateur"].sections) == 2


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("topic: sport, source: Club", "topic: foot, source: Club", "feed_unknown_topic"),
        ("feed_size: 3", "feed_size: 4", "feed_too_few_posts"),
        ("{id: b1, topic: sport", "{id: a1, topic: sport", "duplicate_id"),
        ("tone: peur", "tone: peurs", "bad_choice_hint"),
    ],
)
def test_feed_rules(tmp_path, old, new, code):
    course = _broken(tmp_path, FEED, old, new)
    assert code in _codes(course, FEED)


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("{id: somme,", "{id: lien,", "duplicate_id"),
        ("format: sms", "format: fax", "bad_choice"),
        ("suspicious: false", "suspicious: non", "expected_bool"),
    ],
)
def test_inspect_rules(tmp_path, old, new, code):
    course = _broken(tmp_path, INSPECT, old, new)
    assert code in _codes(course, INSPECT)


def test_a_section_with_two_blocks_or_none_is_refused(tmp_path):
    course = _broken(
        tmp_path,
        SCENARIO,
        "  - title: Avant de jouer\n    text: Vous allez tenir un faux compte.\n",
        "  - title: Avant de jouer\n",
    )
    assert "section_needs_text" in _codes(course, SCENARIO)


def test_module_tests_must_exist(tmp_path):
    course = _broken(tmp_path, "lessons/jeu/module.yaml", "pretest: jeu-depart", "pretest: jeu-depar")
    found = [p for p in course.problems if p.path == "lessons/jeu/module.yaml"]
    assert [p.code for p in found] == ["unknown_ref_hint"]


def test_discernment_items_must_be_questions_of_the_quiz(tmp_path):
    course = _broken(tmp_path, "quizzes/jeu/00-depart.yaml", "misleading: [d2]", "misleading: [d9]")
    assert "unknown_ref" in _codes(course, "quizzes/jeu/00-depart.yaml")
