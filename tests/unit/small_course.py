"""A small valid course written into a temporary folder, for tests that break one file of it."""

from __future__ import annotations

from pathlib import Path

from course.content.loader import load_course

OK_LESSON = """\
id: ok
title: Leçon valide
summary: Elle se charge malgré les fichiers cassés.
duration_min: 5
objectives: [Comprendre]
sections:
  - title: Section
    text: Du texte.
glossary: [terme]
quiz: ok
"""
OK_QUIZ = """\
id: ok
lesson: ok
questions:
  - id: q1
    type: true_false
    statement: Ce quiz se charge.
    answer: true
    explanation: Il est valide.
"""
BASE = {
    "lessons/course.yaml": "title: Cours de test\n",
    "lessons/glossary.yaml": "terms:\n  - id: terme\n    term: Terme\n    definition: Une définition.\n",
    "lessons/m/module.yaml": "title: Module\norder: 1\n",
    "lessons/m/01-ok.yaml": OK_LESSON,
    "quizzes/m/01-ok.yaml": OK_QUIZ,
}
BAD = "lessons/m/02-casse.yaml"  # sorts after 01-ok.yaml
QUIZ = "quizzes/m/01-ok.yaml"


def write(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """BASE with `files` added or replaced (None removes one), written under `root`."""
    for rel, content in {**BASE, **files}.items():
        path = root / rel
        if content is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return root


def load(tmp_path: Path, files: dict[str, str | bytes | None]):
    return load_course(write(tmp_path / "cours", files))


def found(course) -> list[tuple[str, int, int, str, str]]:
    return [(p.path, p.line, p.col, p.severity, p.code) for p in course.problems]


def assert_rest_loads(course) -> None:
    """The valid lesson and its quiz are there whatever else went wrong."""
    assert "ok" in course.lessons
    assert course.quizzes["ok"].questions[0].id == "q1"
    assert course.lessons_of(course.modules[0])[0].id == "ok"
