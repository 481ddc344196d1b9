"""JSON Schemas: the committed files never drift, the bundled course validates, schema and loader agree."""

from __future__ import annotations

import copy
import functools
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from course.cli import main
from course.cli_schema import run_schema
from course.content.loader import load_course
from course.content.schema import KINDS, schema_for, schema_text, write_schemas

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = sorted((ROOT / "lessons").rglob("*.yaml")) + sorted((ROOT / "quizzes").rglob("*.yaml"))
MARKER = "# yaml-language-server: $schema="


def kind_of(path: Path) -> str:
    """lessons/*/module.yaml → module, lessons/{course,glossary}.yaml, other lessons → lesson, quizzes → quiz."""
    rel = path.relative_to(ROOT)
    if rel.parts[0] == "quizzes":
        return "quiz"
    if len(rel.parts) == 2 and rel.stem in ("course", "glossary"):
        return rel.stem
    return "module" if rel.name == "module.yaml" else "lesson"


@functools.cache
def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema_for(kind))


def schema_accepts(kind: str, text: str) -> bool:
    return validator(kind).is_valid(yaml.safe_load(text))


# --- (1) the committed schemas are what the model generates now -------------------------------


@pytest.mark.parametrize("kind", list(KINDS))
def test_committed_schema_is_up_to_date(kind: str) -> None:
    committed = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), "schemas/ is stale: run `atelier schema` at the project root"
    Draft202012Validator.check_schema(schema_for(kind))


def _properties(node: Any) -> list[tuple[str, dict[str, Any]]]:
    if isinstance(node, list):
        return [p for item in node for p in _properties(item)]
    if not isinstance(node, dict):
        return []
    found = list(node.get("properties", {}).items())  # `contains` rules only restate a property
    return found + [p for key, value in node.items() if key != "contains" for p in _properties(value)]


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_property_is_described_in_french(kind: str) -> None:
    schema = schema_for(kind)
    assert schema["$id"] == f"https://atelier-numerique.invalid/schemas/{kind}.schema.json"
    assert schema["description"] and schema["title"]
    assert all(spec.get("description") for _, spec in _properties(schema)), kind
    assert "pos" not in {name for name, _ in _properties(schema)}


# --- (2) every bundled file validates, and its first line names the right schema --------------


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_bundled_file_validates(path: Path) -> None:
    kind = kind_of(path)
    text = path.read_text(encoding="utf-8")
    errors = [f"{e.json_path}: {e.message}" for e in validator(kind).iter_errors(yaml.safe_load(text))]
    assert not errors, errors
    first = text.splitlines()[0]
    if first.startswith(MARKER):
        target = (path.parent / first[len(MARKER) :].strip()).resolve()
        assert target == ROOT / "schemas" / f"{kind}.schema.json"


# --- (3) schema and loader agree, file by file -----------------------------------------------

CHOICES = [{"text": "Oui", "correct": True}, {"text": "Non", "feedback": "Eh non."}]
BASE: dict[str, dict[str, Any]] = {
    "course": {"title": "Parcours", "language": "fr", "version": "1.0", "authors": ["Moi"]},
    "glossary": {"terms": [{"id": "terme", "term": "Terme", "definition": "Sens.", "see_also": []}]},
    "module": {"title": "Module", "order": 1, "competences": [{"code": "1.2", "label": "Évaluer"}]},
    "lesson": {
        "id": "l",
        "title": "Titre",
        "summary": "Résumé.",
        "duration_min": 10,
        "objectives": ["Savoir"],
        "sections": [{"title": "S", "text": "Texte.", "callout": "tip"}],
        "glossary": ["terme"],
        "sources": [{"ref": "Réf.", "url": "https://example.org"}],
        "quiz": "q",
        "trainer": {"notes": "Notes."},
    },
    "quiz": {
        "id": "q",
        "lesson": "l",
        "pass_ratio": 0.5,
        "shuffle": False,
        "questions": [
            {
                "id": "a",
                "type": "single",
                "prompt": "P ?",
                "choices": CHOICES,
                "explanation": "E.",
                "hints": ["h"],
            },
            {"id": "b", "type": "multiple", "prompt": "P ?", "choices": CHOICES},
            {"id": "c", "type": "true_false", "statement": "Vrai.", "answer": True},
            {"id": "d", "type": "order", "prompt": "P ?", "items": ["un", "deux"]},
            {
                "id": "e",
                "type": "match",
                "prompt": "P ?",
                "pairs": [{"left": "a", "right": "1"}, {"left": "b", "right": "2"}],
            },
            {"id": "f", "type": "short", "prompt": "P ?", "accept": ["réponse"]},
        ],
    },
}
FILES = {
    "course": "lessons/course.yaml",
    "glossary": "lessons/glossary.yaml",
    "module": "lessons/m/module.yaml",
    "lesson": "lessons/m/01-l.yaml",
    "quiz": "quizzes/m/01-q.yaml",
}
DROP = object()


def changed(kind: str, where: str, value: Any) -> str:
    """The base document of `kind` as YAML, with the value at dotted `where` set (or dropped)."""
    doc = copy.deepcopy(BASE[kind])
    *parents, last = where.split(".")
    target: Any = doc
    for part in parents:
        target = target[int(part) if isinstance(target, list) else part]
    key = int(last) if isinstance(target, list) else last
    if value is DROP:
        del target[key]
    else:
        target[key] = value
    return dump(doc)


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(doc: Any) -> str:
    return yaml.dump(doc, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)


def loader_accepts(tmp_path: Path, kind: str, text: str) -> bool:
    """Load a whole small course where the file of `kind` holds `text`; no error in that file?"""
    for name, rel in FILES.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text if name == kind else dump(BASE[name]), encoding="utf-8")
    return not [p for p in load_course(tmp_path).errors if p.path == FILES[kind]]


AGREE = [  # (case, kind, text, valid)
    *[(f"base-{kind}", kind, dump(BASE[kind]), True) for kind in BASE],
    ("null-optionals", "lesson", changed("lesson", "quiz", None), True),
    ("int-as-ratio", "quiz", changed("quiz", "pass_ratio", 1), True),
    ("unknown-key", "lesson", changed("lesson", "sumary", "Résumé."), False),
    ("missing-required", "lesson", changed("lesson", "title", DROP), False),
    ("int-as-string", "lesson", changed("lesson", "duration_min", "15"), False),
    ("float-for-int", "lesson", changed("lesson", "duration_min", 12.5), False),
    ("duration-zero", "lesson", changed("lesson", "duration_min", 0), False),
    ("bad-callout", "lesson", changed("lesson", "sections.0.callout", "astuce"), False),
    ("blank-text", "lesson", changed("lesson", "sections.0.text", "  "), False),
    ("null-text", "lesson", changed("lesson", "trainer.notes", None), False),
    ("string-for-list", "lesson", changed("lesson", "objectives", "Savoir"), False),
    ("no-objectives", "lesson", changed("lesson", "objectives", []), False),
    ("no-sections", "lesson", changed("lesson", "sections", []), False),
    ("no-questions", "quiz", changed("quiz", "questions", []), False),
    ("bool-as-string", "quiz", changed("quiz", "shuffle", "true"), False),
    ("ratio-above-one", "quiz", changed("quiz", "pass_ratio", 1.5), False),
    ("bad-question-type", "quiz", changed("quiz", "questions.0.type", "singel"), False),
    ("question-without-type", "quiz", changed("quiz", "questions.0.type", DROP), False),
    ("question-not-mapping", "quiz", changed("quiz", "questions.0", "Question ?"), False),
    ("key-of-another-type", "quiz", changed("quiz", "questions.0.items", ["un", "deux"]), False),
    ("true-false-no-answer", "quiz", changed("quiz", "questions.2.answer", DROP), False),
    ("answer-as-word", "quiz", changed("quiz", "questions.2.answer", "vrai"), False),
    ("single-two-correct", "quiz", changed("quiz", "questions.0.choices.1.correct", True), False),
    ("single-one-choice", "quiz", changed("quiz", "questions.0.choices", CHOICES[:1]), False),
    ("multiple-none-correct", "quiz", changed("quiz", "questions.1.choices.0.correct", False), False),
    ("order-one-item", "quiz", changed("quiz", "questions.3.items", ["un"]), False),
    ("order-same-items", "quiz", changed("quiz", "questions.3.items", ["un", "un"]), False),
    ("match-one-pair", "quiz", changed("quiz", "questions.4.pairs", [{"left": "a", "right": "1"}]), False),
    ("short-no-answer", "quiz", changed("quiz", "questions.5.accept", []), False),
    ("order-as-string", "module", changed("module", "order", "1"), False),
    ("competence-no-label", "module", changed("module", "competences.0.label", DROP), True),
    ("competence-plain-code", "module", changed("module", "competences", ["4.1", "4.2"]), True),
    ("competence-unknown-plain-code", "module", changed("module", "competences", ["9.9"]), False),
    ("competence-with-its-own-label", "module", changed("module", "competences.0.code", "9.9"), True),
    ("competence-number", "module", "title: Module\norder: 1\ncompetences: [4.1]\n", False),
    ("authors-not-list", "course", changed("course", "authors", "Moi"), False),
    ("term-unknown-key", "glossary", changed("glossary", "terms.0.sens", "x"), False),
    ("not-a-mapping", "lesson", dump(["id", "l"]), False),
]


@pytest.mark.parametrize("kind, text, valid", [c[1:] for c in AGREE], ids=[c[0] for c in AGREE])
def test_schema_and_loader_agree(tmp_path: Path, kind: str, text: str, valid: bool) -> None:
    assert (schema_accepts(kind, text), loader_accepts(tmp_path, kind, text)) == (valid, valid)


def _text(kind: str, old: str, new: str) -> str:
    base = dump(BASE[kind])
    assert old in base
    return base.replace(old, new)


# Known differences, kept here so they stay true (and documented in the schemas' descriptions).
# If the loader learns one of the schema-only rules, move the case to AGREE.
DIFFER = [  # (case, kind, text, schema accepts, loader accepts)
    ("yaml-1.1-bool", "quiz", _text("quiz", "shuffle: false", "shuffle: yes"), True, False),
    ("integral-float", "lesson", _text("lesson", "duration_min: 10", "duration_min: 10.0"), True, False),
    ("hex-int", "lesson", _text("lesson", "duration_min: 10", "duration_min: 0x10"), True, False),
    ("nan-ratio", "quiz", _text("quiz", "pass_ratio: 0.5", "pass_ratio: .nan"), True, False),
    ("duplicate-question-id", "quiz", changed("quiz", "questions.1.id", "a"), True, False),
    ("match-same-left", "quiz", changed("quiz", "questions.4.pairs.1.left", "a"), True, False),
    ("short-only-punctuation", "quiz", changed("quiz", "questions.5.accept", ["?"]), True, False),
    ("unknown-glossary-ref", "lesson", changed("lesson", "glossary", ["inconnu"]), True, False),
    ("duration-above-max", "lesson", changed("lesson", "duration_min", 300), False, True),
    ("negative-order", "module", changed("module", "order", -1), False, True),
    ("language-pattern", "course", changed("course", "language", "fra"), False, True),
    # A code the built-in DigComp 2.2 table does not know, with no label to show.
    ("competence-unknown-code", "module", changed("module", "competences", [{"code": "9.9"}]), True, False),
    # This test reads YAML 1.1 (a text); editors read YAML 1.2 (a number), as the loader says: quote it.
    ("phone-like-number", "lesson", _text("lesson", "summary: Résumé.", "summary: 0612345678"), True, False),
]


@pytest.mark.parametrize(
    "kind, text, schema_ok, loader_ok", [c[1:] for c in DIFFER], ids=[c[0] for c in DIFFER]
)
def test_documented_differences(
    tmp_path: Path, kind: str, text: str, schema_ok: bool, loader_ok: bool
) -> None:
    assert (schema_accepts(kind, text), loader_accepts(tmp_path, kind, text)) == (schema_ok, loader_ok)


# --- the command ------------------------------------------------------------------------------


def test_run_schema_writes_all_files(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_schema(None, str(tmp_path / "s"), out) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == 5 and all(line.startswith("Schéma écrit : ") for line in lines)
    for kind in KINDS:
        assert (tmp_path / "s" / f"{kind}.schema.json").read_text(encoding="utf-8") == schema_text(kind)
    assert [p.name for p in write_schemas(tmp_path / "t")] == [f"{k}.schema.json" for k in KINDS]


def test_run_schema_default_folder_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_schema(None, None, io.StringIO()) == 0
    assert (tmp_path / "schemas" / "quiz.schema.json").is_file()
    out = io.StringIO()
    assert run_schema("exercice", None, out) == 2 and "exercice" in out.getvalue()
    (tmp_path / "file").write_text("x")
    out = io.StringIO()
    assert run_schema(None, str(tmp_path / "file"), out) == 2 and "Impossible" in out.getvalue()


def test_cli_prints_one_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--print", "glossary"]) == 0
    assert capsys.readouterr().out == schema_text("glossary")


def test_schema_module_does_not_import_textual() -> None:
    code = "import sys, course.cli_schema; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
