"""Whether a quiz question can be exported: the loader's own rules, so each rule exists once.

The question (a dict read from the quiz file) is built into the typed model by the
loader's builder and checked by `checks.question_problems`, exactly as
`atelier validate` does; the first problem found is the reason it is not exported.
"""

from __future__ import annotations

from typing import Any

import yaml

from course.content.build import Builder
from course.content.checks import question_problems
from course.i18n import t
from course.interchange.yaml_writer import dump_yaml


def problem(question: dict[str, Any]) -> str | None:
    """Why `question` is not a valid question (the loader's own sentence), or None when it is."""
    question = {"id": "q", **question}  # an exported question needs no id of its own
    try:
        node = yaml.compose(dump_yaml(question), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, ValueError, TypeError):
        return t("content.yaml_syntax")
    builder = Builder("")
    built = builder.question(node)  # type: ignore[arg-type]
    found = [p for p in builder.problems if p.severity == "error"]
    if built is not None:
        found += question_problems(built)
    return found[0].message if found else None
