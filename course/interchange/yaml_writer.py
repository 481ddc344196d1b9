"""Quiz dict → readable YAML a trainer can edit, that reloads to the same dict.

Block style, keys in the order of the format (DESIGN §4), multi-line text as
`|` blocks, and every string that some YAML reader could take for a boolean,
a number or a date quoted. Comments (notices, Moodle categories) can be put at
the top and above each question: PyYAML cannot emit them, so each question is
dumped on its own and the pieces are joined.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml  # type: ignore[import-untyped, unused-ignore]

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/quiz.schema.json"
QUIZ_KEYS = ("id", "lesson", "title", "pass_ratio", "shuffle", "questions")
QUESTION_KEYS = (
    "id",
    "type",
    "prompt",
    "statement",
    "choices",
    "answer",
    "items",
    "pairs",
    "accept",
    "explanation",
    "hints",
)
NESTED_KEYS = ("text", "correct", "feedback", "left", "right")
_AMBIGUOUS = re.compile(
    r"""^(?:
        [-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?   # numbers, 1e3, .5
      | [-+]?\.?(?:inf|Inf|INF|nan|NaN|NAN)                         # special floats
      | 0[xXoObB][0-9a-fA-F_]+                                     # hex, octal, binary
      | [0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?                 # 12:30 (sexagesimal)
      | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt\ ].*)?                 # dates and timestamps
      | (?i:y|n|yes|no|on|off|true|false|null|~)                   # booleans, null
    )$""",
    re.VERBOSE,
)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
"""Characters that only a double-quoted scalar carries safely (and no comment may hold)."""


def looks_like_other_type(text: str) -> bool:
    """True when a plain (unquoted) scalar would not be read back as this text everywhere."""
    return bool(_AMBIGUOUS.match(text)) and text != ""


class _Dumper(yaml.SafeDumper):  # type: ignore[misc, unused-ignore]
    """SafeDumper that indents lists under their key and quotes ambiguous strings."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def choose_scalar_style(self) -> str:
        """Double quotes rather than single ones around French apostrophes (`'c''est'`)."""
        style: str = super().choose_scalar_style()
        value = getattr(self.event, "value", "")
        return '"' if style == "'" and "'" in value else style


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style: str | None = None
    if _CONTROL.search(data):
        style = '"'
    elif "\n" in data:
        style = "|"
    elif looks_like_other_type(data):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def _ordered(value: Any, keys: tuple[str, ...] = NESTED_KEYS) -> Any:
    """Dicts with the format's keys first (in its order), the others after, recursively."""
    if isinstance(value, Mapping):
        first = [k for k in keys if k in value]
        rest = [k for k in value if k not in first]
        return {k: _ordered(value[k]) for k in [*first, *rest]}
    if isinstance(value, list):
        return [_ordered(item) for item in value]
    return value


def dump_yaml(value: Any) -> str:
    """`value` as YAML text that the loader reads back as the same strings (ambiguous ones quoted)."""
    return str(
        yaml.dump(
            value,
            Dumper=_Dumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=88,
            indent=2,
        )
    )


def comment(text: str, indent: str = "") -> str:
    """One YAML comment line per line of text, without control characters."""
    lines = _CONTROL.sub(" ", text).split("\n") or [""]
    return "".join(f"{indent}# {line}".rstrip() + "\n" for line in lines)


def dump_quiz(
    quiz: Mapping[str, Any],
    comments: Iterable[str] = (),
    question_comments: Mapping[int, Iterable[str]] | None = None,
) -> str:
    """The quiz as YAML text: schema line, `comments`, then the keys in the format's order.

    `question_comments` maps a question's index to lines put just above it.
    """
    out = [SCHEMA_LINE + "\n"] + [comment(line) for line in comments]
    ordered = _ordered(quiz, QUIZ_KEYS)
    questions = ordered.pop("questions", None)
    if ordered:
        out.append(dump_yaml(ordered))
    if not isinstance(questions, list) or not questions:
        if questions is not None:
            out.append(dump_yaml({"questions": questions}))
        return "".join(out)
    out.append("questions:\n")
    notes = question_comments or {}
    for index, question in enumerate(questions):
        out += [comment(line, "  ") for line in notes.get(index, ())]
        item = _ordered(question, QUESTION_KEYS) if isinstance(question, Mapping) else question
        # PyYAML may close a document with "..." (after a "|+" block, say): harmless alone,
        # fatal once indented under "questions:".
        lines = [line for line in dump_yaml([item]).split("\n") if line != "..."]
        out.append("\n".join(f"  {line}" if line.strip() else line for line in lines))
    return "".join(out)
