"""JSON Schemas (draft 2020-12) of the course files, generated from the model.

The schemas read the same plan as the loader (`build.plan_for`): same keys, same
required fields, same value types, the field descriptions of `model`. Editors
use them for completion and early errors; `atelier validate` stays the judge and
also checks what a schema cannot see (ids across files, YAML spelling).
"""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path
from typing import Any

from course.content import digcomp, model
from course.content.build import plan_for

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://atelier-numerique.invalid/schemas/"
KINDS: dict[str, type] = {
    "lesson": model.Lesson,
    "quiz": model.Quiz,
    "module": model.Module,
    "course": model.CourseInfo,
    "glossary": model.Glossary,
}

_TITLES: dict[type, str] = {
    model.Lesson: "Leçon",
    model.Quiz: "Quiz",
    model.Module: "Module",
    model.CourseInfo: "Parcours",
    model.Glossary: "Glossaire",
    model.GlossaryTerm: "Terme du glossaire",
    model.Source: "Source",
    model.Section: "Section",
    model.TrainerNotes: "Partie formateur",
    model.Competence: "Compétence",
    model.Choice: "Proposition",
    model.Pair: "Paire",
    model.SingleQuestion: "Question à choix unique (type: single)",
    model.MultipleQuestion: "Question à choix multiples (type: multiple)",
    model.TrueFalseQuestion: "Vrai ou faux (type: true_false)",
    model.OrderQuestion: "Remise en ordre (type: order)",
    model.MatchQuestion: "Association par paires (type: match)",
    model.ShortQuestion: "Réponse courte (type: short)",
    model.Scenario: "Scénario à embranchements",
    model.ScenarioNode: "Étape du scénario",
    model.ScenarioChoice: "Choix du scénario",
    model.Gauge: "Jauge",
    model.Effect: "Effet sur une jauge",
    model.Feed: "Simulateur de fil d'actualité",
    model.Topic: "Thème du fil",
    model.FeedPost: "Publication du fil",
    model.Inspect: "Messages à inspecter",
    model.InspectItem: "Message à inspecter",
    model.Detail: "Ligne affichée",
    model.Clue: "Indice à juger",
    model.LateralTab: "Recherche simulée (autre onglet)",
    model.SearchResult: "Résultat de recherche simulé",
    model.DiscernmentItems: "Questions pour mesurer le discernement",
}
_ABOUT = {
    "lesson": (
        "Une leçon : un fichier par leçon dans lessons/MODULE/ (l'ordre des fichiers est celui des leçons).",
        "identifiant unique dans le parcours ; le quiz et les termes du glossaire cités existent",
    ),
    "quiz": (
        "Un quiz : un fichier par quiz dans quizzes/MODULE/, rattaché à sa leçon par son identifiant.",
        "identifiant unique dans le parcours ; la leçon citée existe ; identifiants de questions uniques "
        "dans le quiz ; paires aux côtés tous différents ; au moins une réponse courte qui garde une "
        "lettre ou un chiffre une fois la ponctuation retirée",
    ),
    "module": (
        "Le fichier module.yaml d'un module (lessons/MODULE/module.yaml).",
        "chaque dossier de module a son module.yaml (l'identifiant du module est le nom du dossier)",
    ),
    "course": ("Le fichier lessons/course.yaml : la présentation du parcours.", ""),
    "glossary": (
        "Le fichier lessons/glossary.yaml : les termes du parcours.",
        "identifiants de termes uniques ; see_also ne cite que des termes existants",
    ),
}
_YAML_RULES = (
    "l'écriture YAML elle-même : booléens écrits true ou false, nombres entiers en chiffres "
    "(ni 1_000, ni 0x10, ni 15.0), textes comme no, yes, 012 ou 12:30 entre guillemets, "
    "ni clé en double, ni alias, ni balise (!!python…)"
)
# Question rules of `checks.question_problems` that a schema can say.
_CORRECT = {"type": "object", "required": ["correct"], "properties": {"correct": {"const": True}}}
_RULES: dict[type, dict[str, dict[str, Any]]] = {
    model.SingleQuestion: {"choices": {"contains": _CORRECT, "minContains": 1, "maxContains": 1}},
    model.MultipleQuestion: {"choices": {"contains": _CORRECT, "minContains": 1}},
    model.OrderQuestion: {"items": {"uniqueItems": True}},
}
_EXTRAS = {
    "minimum": "minimum",
    "maximum": "maximum",
    "min_items": "minItems",
    "format": "format",
    "pattern": "pattern",
}
_TEXT = {"type": "string", "minLength": 1, "pattern": "\\S"}
_TYPE_DOC = (
    "Le type de question : single (une seule proposition juste), multiple (une ou plusieurs), "
    "true_false (vrai ou faux), order (remettre dans l'ordre), match (associer par paires), "
    "short (réponse courte à taper)."
)


class _Builder:
    """Collects the `$defs` a root schema needs while it describes the root model."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}
            self.defs[name] = self.model(cls)
        return {"$ref": f"#/$defs/{name}"}

    def model(self, cls: type) -> dict[str, Any]:
        """An object schema: the readable fields of `cls`, nothing else."""
        plans = plan_for(cls)
        question = cls in model.QUESTION_TYPES.values()
        props: dict[str, Any] = {}
        required = []
        for f in sorted(dataclasses.fields(cls), key=lambda f: not (question and f.name == "type")):
            if f.name not in plans:
                continue
            props[f.name] = self.field(f, plans[f.name].kind) | copy.deepcopy(
                _RULES.get(cls, {}).get(f.name, {})
            )
            if plans[f.name].required or (question and f.name == "type"):
                required.append(f.name)
        schema: dict[str, Any] = {"title": _TITLES[cls], "type": "object", "properties": props}
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    def field(self, f: dataclasses.Field[Any], kind: tuple[Any, ...]) -> dict[str, Any]:
        """One property: its French description, its value schema, the extras of its metadata."""
        text = f.metadata.get("doc") or (_TYPE_DOC if f.name == "type" else "")
        schema: dict[str, Any] = {"description": text, **self.kind(kind)}
        for extra, keyword in _EXTRAS.items():
            if extra in f.metadata:
                schema[keyword] = f.metadata[extra]
        if isinstance(f.default, (bool, int, float, str)) and f.default != "" and kind[0] != "literal":
            schema["default"] = f.default
        return schema

    def kind(self, kind: tuple[Any, ...]) -> dict[str, Any]:
        """The schema of one value, as `build.Builder.value` reads it."""
        tag = kind[0]
        if tag == "optional":
            inner = self.kind(kind[1])
            if "type" not in inner:
                return {"anyOf": [inner, {"type": "null"}]}
            if "enum" in inner:
                inner["enum"] = [*inner["enum"], None]
            return inner | {"type": [inner["type"], "null"]}
        if tag == "list":
            return {"type": "array", "items": self.kind(kind[1])}
        if tag == "model" and kind[1] is model.Competence:
            code = {
                "type": "string",
                "enum": list(digcomp.LABELS),
                "description": 'Un code DigComp 2.2 entre guillemets (ex. "4.2") : l\'intitulé est repris du référentiel.',
            }
            return {"anyOf": [code, self.ref(kind[1])]}
        if tag == "model":
            return self.ref(kind[1])
        if tag == "question":
            return self.question()
        if tag == "literal":
            values = list(kind[1])
            return (
                {"type": "string", "const": values[0]}
                if len(values) == 1
                else {"type": "string", "enum": values}
            )
        return {  # type: ignore[return-value]
            "str": dict(_TEXT),
            "int": {"type": "integer"},
            "float": {"type": "number"},
            "bool": {"type": "boolean"},
        }[tag]

    def question(self) -> dict[str, Any]:
        """The question union: one branch per `type`, so exactly one branch can match."""
        if "Question" not in self.defs:
            self.defs["Question"] = {
                "title": "Question",
                "description": "Une question ; sa clé type dit laquelle et quelles autres clés elle attend.",
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"description": _TYPE_DOC, "enum": list(model.QUESTION_TYPES)}},
                "oneOf": [self.ref(cls) for cls in model.QUESTION_TYPES.values()],
            }
        return {"$ref": "#/$defs/Question"}


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file: lesson, quiz, module, course or glossary."""
    if kind not in KINDS:
        raise ValueError(f"unknown schema kind {kind!r}; expected one of {', '.join(KINDS)}")
    builder = _Builder()
    root = builder.model(KINDS[kind])
    about, loader_only = _ABOUT[kind]
    checked = f"{loader_only} ; {_YAML_RULES}" if loader_only else _YAML_RULES
    description = f"{about} Seul « atelier validate » vérifie en plus : {checked}."
    schema = {
        "$schema": DRAFT,
        "$id": f"{BASE_ID}{kind}.schema.json",
        "title": root.pop("title"),
        "description": description,
        **root,
    }
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def schema_text(kind: str) -> str:
    """The schema as committed: two-space indent, UTF-8 text, trailing newline."""
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write `KIND.schema.json` for every kind into `folder`; return the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind in KINDS:
        path = folder / f"{kind}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8", newline="\n")
        paths.append(path)
    return paths
