"""At 80×24, every question of the bundled course shows its verdict without a keypress, every
interactive section opens on its first control, and every text section can be read to its last
line with PgDn alone. A trainer's course with long prompts and ten choices gets the same.

One app per module, so the modules spread over the test workers; the helpers in `walk.py`
read the compositor's visible region and the rows it draws, as the learner sees them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from tests.ui.walk import walk_lesson, walk_quiz

BUNDLED = load_course(bundled_course_dir())
SIZE = (80, 24)


def module_quizzes(course, module):  # type: ignore[no-untyped-def]
    """The module's pre-test, its lessons' quizzes, then its post-test."""
    ids = [module.pretest] + [lesson.quiz for lesson in course.lessons_of(module)] + [module.posttest]
    return [course.quizzes[i] for i in ids if i in course.quizzes]


async def walk_module(make_app, course, module) -> tuple[int, int, list[str]]:  # type: ignore[no-untyped-def]
    app = make_app(course=course, learner="Marcheur")
    questions = sections = 0
    problems: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for lesson in course.lessons_of(module):
            count, seen = await walk_lesson(pilot, lesson)
            sections += count
            problems += seen
        for quiz in module_quizzes(course, module):
            count, seen = await walk_quiz(pilot, quiz, course.quiz_title(quiz))
            questions += count
            problems += seen
    return questions, sections, problems


@pytest.mark.parametrize("module_id", [m.id for m in BUNDLED.modules])
async def test_every_verdict_control_and_last_line_of_a_module_is_in_view(make_app, module_id):
    module = next(m for m in BUNDLED.modules if m.id == module_id)
    questions, sections, problems = await walk_module(make_app, BUNDLED, module)
    assert questions and sections
    assert problems == []


# -- a trainer's course written to the limits ----------------------------------------

LONG = (
    "Une phrase longue comme en écrivent les formateurs pour être précis, avec des exemples, "
    "des précisions entre parenthèses (comme celle-ci) et des détails qui comptent"
)


def _trainer_course(root: Path) -> None:
    (root / "lessons" / "limites").mkdir(parents=True)
    (root / "quizzes" / "limites").mkdir(parents=True)
    (root / "lessons" / "course.yaml").write_text(
        'title: Parcours aux limites\ndescription: Des textes longs.\nlanguage: fr\nversion: "1"\n'
        "authors: [Formation]\nlicence: CC BY-SA 4.0\n",
        encoding="utf-8",
    )
    (root / "lessons" / "limites" / "module.yaml").write_text(
        'title: Module aux limites\nsummary: Tout est long.\norder: 1\ncompetences:\n  - code: "1.1"\n    label: Lire\n',
        encoding="utf-8",
    )
    paragraphs = "\n\n".join(f"      Paragraphe {n}. {LONG}." for n in range(1, 9))
    (root / "lessons" / "limites" / "01-long.yaml").write_text(
        "id: limites-long\ntitle: Une leçon aux textes longs\nsummary: Long.\nduration_min: 20\n"
        "objectives: [Lire jusqu'au bout]\nsections:\n"
        f"  - title: Un long texte\n    text: |\n{paragraphs}\n      Dernière ligne à atteindre.\n"
        "  - title: Un encadré\n    callout: warning\n    text: |\n"
        f"{paragraphs}\n      Fin de l'encadré.\n"
        "quiz: limites-long\n",
        encoding="utf-8",
    )
    choices = "".join(
        f'      - text: "Choix {n} : {LONG}"\n' + ("        correct: true\n" if n == 10 else "")
        for n in range(1, 11)
    )
    multiple = "".join(
        f'      - text: "Case {n} : {LONG}"\n' + ("        correct: true\n" if n % 3 == 0 else "")
        for n in range(1, 11)
    )
    pairs = "".join(
        f'      - {{left: "Gauche {n} {LONG[:40]}", right: "Droite {n} {LONG[:50]}"}}\n' for n in range(1, 7)
    )
    items = "".join(f'      - "Étape {n} : {LONG[:60]}"\n' for n in range(1, 9))
    explanation = f'    explanation: "{LONG}. {LONG}. {LONG}."\n'
    (root / "quizzes" / "limites" / "01-long.yaml").write_text(
        "id: limites-long\nlesson: limites-long\nconfidence: true\nshuffle: false\nquestions:\n"
        f'  - id: dix-choix\n    type: single\n    prompt: "{LONG} ? {LONG} ?"\n    choices:\n{choices}{explanation}'
        f'  - id: dix-cases\n    type: multiple\n    prompt: "{LONG} ?"\n    choices:\n{multiple}{explanation}'
        f'  - id: six-paires\n    type: match\n    prompt: "{LONG}."\n    pairs:\n{pairs}{explanation}'
        f'  - id: huit-etapes\n    type: order\n    prompt: "{LONG}."\n    items:\n{items}{explanation}'
        f'  - id: vrai-faux\n    type: true_false\n    statement: "{LONG}."\n    answer: true\n{explanation}'
        f'  - id: courte\n    type: short\n    prompt: "{LONG} ?"\n    accept: [illectronisme]\n{explanation}',
        encoding="utf-8",
    )


async def test_a_trainers_course_with_long_prompts_and_ten_choices_keeps_verdicts_in_view(tmp_path, make_app):
    _trainer_course(tmp_path / "cours")
    course = load_course(tmp_path / "cours")
    assert not course.errors, [p.format() for p in course.errors]
    questions, sections, problems = await walk_module(make_app, course, course.modules[0])
    assert (questions, sections) == (6, 2)
    assert problems == []
