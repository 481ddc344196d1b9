"""Generate a valid course of N lessons, each with a quiz of 10 questions of all six types.

    python bench/gen_course.py DIR [--lessons 1000] [--modules 20]

The output is deterministic (same arguments, same bytes), reads like a real
course (French sentences, Markdown paragraphs, glossary links, sources,
trainer notes) and validates with no problem at all: the benchmarks time
`atelier validate` and start-up on it, so it must exercise the whole loader.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

QUESTIONS_PER_QUIZ = 10
GLOSSARY_TERMS = 100
# Ten questions a quiz, every one of the six types at least once.
QUESTION_TYPES = (
    "single",
    "multiple",
    "true_false",
    "order",
    "match",
    "short",
    "single",
    "multiple",
    "true_false",
    "short",
)
WORDS = (
    "numérique",
    "association",
    "atelier",
    "citoyen",
    "formulaire",
    "courriel",
    "réseau",
    "données",
    "algorithme",
    "démarche",
    "information",
    "source",
    "vérifier",
    "partager",
    "protéger",
    "compte",
    "mot de passe",
    "navigateur",
    "téléphone",
    "message",
    "public",
    "médiathèque",
    "service",
    "droit",
    "accompagnement",
    "plateforme",
    "débat",
    "commun",
    "image",
    "vidéo",
    "article",
    "journal",
)


def sentence(rng: random.Random, words: int = 12) -> str:
    """A plausible French sentence (no character that YAML would need quoted)."""
    picked = [rng.choice(WORDS) for _ in range(words)]
    return (" ".join(picked)).capitalize() + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else "" for line in text.splitlines())


def lesson_yaml(rng: random.Random, lesson_id: str, number: int) -> str:
    terms = sorted({f"terme-{rng.randrange(GLOSSARY_TERMS):03d}" for _ in range(2)})
    sections = []
    for n, callout in enumerate((None, "fact", None, "tip")):
        body = "\n\n".join(
            [paragraph(rng), "- " + sentence(rng, 6) + "\n- " + sentence(rng, 6), paragraph(rng, 3)]
        )
        lines = [f"  - title: Section {n + 1} de la leçon {number}"]
        if callout:
            lines.append(f"    callout: {callout}")
        lines += ["    text: |", indent(body, 6)]
        sections.append("\n".join(lines))
    return "\n".join(
        [
            "# yaml-language-server: $schema=../../schemas/lesson.schema.json",
            f"id: {lesson_id}",
            f"title: Leçon {number} sur le {rng.choice(WORDS)}",
            f"summary: {sentence(rng)}",
            f"duration_min: {rng.randint(5, 30)}",
            "objectives:",
            *(f"  - {sentence(rng, 6)}" for _ in range(3)),
            "sections:",
            *sections,
            f"glossary: [{', '.join(terms)}]",
            "sources:",
            f'  - ref: "Carnets de l\'Observatoire, ch. {number % 7 + 1}"',
            f"    url: https://example.org/source/{number}",
            f"quiz: {lesson_id}",
            "trainer:",
            "  notes: |",
            indent(paragraph(rng, 2), 4),
            "  activity: |",
            indent(paragraph(rng, 2), 4),
            "",
        ]
    )


def question_yaml(rng: random.Random, kind: str, n: int) -> str:
    head = [f"  - id: q{n + 1:02d}", f"    type: {kind}"]
    if kind == "true_false":
        body = [f"    statement: {sentence(rng)}", f"    answer: {'true' if n % 2 else 'false'}"]
    else:
        body = [f"    prompt: {sentence(rng)[:-1]} ?"]
    if kind in ("single", "multiple"):
        right = {0} if kind == "single" else {0, 2}
        body.append("    choices:")
        for c in range(4):
            body.append(f"      - text: Proposition {c + 1}, {sentence(rng, 5)}")
            if c in right:
                body.append("        correct: true")
            elif c == 1:
                body.append(f"        feedback: {sentence(rng, 8)}")
    elif kind == "order":
        body.append("    items:")
        body += [f"      - Étape {i + 1}, {rng.choice(WORDS)}" for i in range(4)]
    elif kind == "match":
        body.append("    pairs:")
        body += [
            f"      - {{left: Terme {i + 1}, right: Définition {i + 1} du {rng.choice(WORDS)}}}"
            for i in range(3)
        ]
    elif kind == "short":
        body.append(f"    accept: [réponse{n}, réponse numéro {n}]")
    body.append(f"    explanation: {sentence(rng, 14)}")
    if n % 3 == 0:
        body.append(f"    hints: [{sentence(rng, 5)[:-1]}, {sentence(rng, 5)[:-1]}]")
    return "\n".join(head + body)


def quiz_yaml(rng: random.Random, lesson_id: str) -> str:
    questions = [question_yaml(rng, kind, n) for n, kind in enumerate(QUESTION_TYPES)]
    return "\n".join(
        [
            "# yaml-language-server: $schema=../../schemas/quiz.schema.json",
            f"id: {lesson_id}",
            f"lesson: {lesson_id}",
            "pass_ratio: 0.7",
            "questions:",
            *questions,
            "",
        ]
    )


def glossary_yaml(rng: random.Random) -> str:
    lines = ["terms:"]
    for n in range(GLOSSARY_TERMS):
        lines += [
            f"  - id: terme-{n:03d}",
            f"    term: Terme {n}",
            "    definition: |",
            indent(paragraph(rng, 2), 6),
            f"    see_also: [terme-{(n + 1) % GLOSSARY_TERMS:03d}]",
        ]
    return "\n".join(lines) + "\n"


def generate(folder: Path, lessons: int = 1000, modules: int = 20, seed: int = 2024) -> Path:
    """Write the course into `folder` (emptied first) and return it."""
    rng = random.Random(seed)
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "lessons").mkdir(parents=True)
    (folder / "lessons" / "course.yaml").write_text(
        f"title: Parcours généré de {lessons} leçons\ndescription: Pour les bancs d'essai.\nlanguage: fr\n"
        'version: "1.0"\nauthors: [Banc d\'essai]\nlicence: CC BY-SA 4.0\n',
        encoding="utf-8",
    )
    (folder / "lessons" / "glossary.yaml").write_text(glossary_yaml(rng), encoding="utf-8")
    per_module = -(-lessons // modules)
    for number in range(lessons):
        module = f"module-{number // per_module + 1:02d}"
        lesson_dir, quiz_dir = folder / "lessons" / module, folder / "quizzes" / module
        if number % per_module == 0:
            lesson_dir.mkdir(parents=True)
            quiz_dir.mkdir(parents=True)
            (lesson_dir / "module.yaml").write_text(
                f"title: Module {number // per_module + 1}\nsummary: {sentence(rng)}\n"
                f"order: {number // per_module + 1}\n"
                'competences:\n  - code: "1.2"\n    label: Évaluer des informations\n',
                encoding="utf-8",
            )
        lesson_id = f"lecon-{number + 1:04d}"
        name = f"{number % per_module + 1:03d}-{lesson_id}.yaml"
        (lesson_dir / name).write_text(lesson_yaml(rng, lesson_id, number + 1), encoding="utf-8")
        (quiz_dir / name).write_text(quiz_yaml(rng, lesson_id), encoding="utf-8")
    return folder


def yaml_files(folder: Path) -> list[Path]:
    """Every YAML file of a course, in a stable order."""
    return sorted(p for sub in ("lessons", "quizzes") for p in (Path(folder) / sub).rglob("*.yaml"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--lessons", type=int, default=1000)
    parser.add_argument("--modules", type=int, default=20)
    args = parser.parse_args(argv)
    folder = generate(Path(args.dir), args.lessons, args.modules)
    files = yaml_files(folder)
    size = sum(p.stat().st_size for p in files)
    print(
        f"{folder}: {args.lessons} lessons, {args.lessons * QUESTIONS_PER_QUIZ} questions, "
        f"{len(files)} files, {size / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
