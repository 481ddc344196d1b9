"""Turn composed YAML nodes into model objects, reporting every problem with its place.

The builder is driven by the dataclasses of `model`: their type hints say what
each key must hold, so adding a field to the model is enough for the loader to
read and check it. YAML is composed (never constructed), so no tag can build a
Python object, and every node keeps its line and column.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from course.content import digcomp, leftovers, model
from course.content.problems import Problem, Severity

_TAG = "tag:yaml.org,2002:"
ALLOWED_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
_STR, _NULL, _BOOL, _INT_TAG, _FLOAT = (_TAG + name for name in ("str", "null", "bool", "int", "float"))
READ_AS = {_BOOL: "bool", _INT_TAG: "number", _FLOAT: "number", _TAG + "timestamp": "date", _NULL: "null"}
MAX_NODES = 200_000
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
# C0 and C1 controls (tab and newline allowed), DEL, and bidirectional overrides.
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MISSING: Any = object()
# Plain texts that YAML 1.2 (editors, JSON Schema tools) reads as numbers, unlike PyYAML.
NUMBER_FOR_EDITORS = re.compile(
    r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)
_NUMBER_STARTS = "-+.0123456789"  # what each of those numbers starts with
_BLANKS = (" ", "\t")  # what stands between a plain text and a comment after it
_ODD_SPACES = " \t\u00a0\u2007\u202f"
GLUED_DASH = re.compile(r"-[^\s\-]")
# `!` alone or before a capital or accented letter: the start of a sentence, not a tag (!include).
_READS_AS_TEXT = re.compile(r"!($|[A-ZÀ-Ý]|[^\x00-\x7f])")
# Question lists (choices, items, pairs, accept) have their own rules and messages in checks.
_RULES_IN_CHECKS = frozenset(model.QUESTION_TYPES.values())


def make_inert(text: str) -> str:
    """Replace control characters by visible symbols so they can never act on a terminal."""
    return UNSAFE_CHARS.sub(
        lambda m: chr(0x2400 + ord(m.group())) if ord(m.group()) < 0x20 else "\ufffd", text
    )


@dataclass(frozen=True, slots=True)
class FieldPlan:
    name: str
    kind: tuple[Any, ...]
    required: bool
    min_items: int = 0


def _kind(hint: Any) -> tuple[Any, ...]:
    if hint is model.Question:
        return ("question",)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Literal:
        return ("literal", args)
    if origin is list:
        return ("list", _kind(args[0]))
    if origin in (typing.Union, __import__("types").UnionType):
        inner = [a for a in args if a is not type(None)]
        return ("optional", _kind(inner[0]))
    if dataclasses.is_dataclass(hint):
        return ("model", hint)
    return (hint.__name__,)


@cache
def _hint(annotation: str) -> Any:
    """A model field's type from its annotation, as `typing.get_type_hints` reads it.

    The model's annotations are strings (`from __future__ import annotations`) that repeat
    (`str`, `str | None`, `Pos`...): each is evaluated once, in the model's namespace, where
    `get_type_hints` compiled each field's string again for every class."""
    return eval(annotation, vars(model))


@cache
def plan_for(cls: type) -> dict[str, FieldPlan]:
    """The readable fields of a model class, with what each must hold."""
    plans = {}
    for f in dataclasses.fields(cls):
        if f.metadata.get("internal") or f.name == "pos":
            continue
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        plans[f.name] = FieldPlan(
            f.name,
            _kind(_hint(f.type) if isinstance(f.type, str) else f.type),
            required,
            int(f.metadata.get("min_items", 0)),
        )
    return plans


@cache
def _has_places(cls: type) -> bool:
    return any(f.name == "places" for f in dataclasses.fields(cls))


def suggest(word: str, choices: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else ""


class Builder:
    """Builds the objects of one file, collecting problems instead of raising."""

    def __init__(self, path: str, text: str = "") -> None:
        self.path = path
        self.text = text  # the file's text, to look past a value (a comment that cut it)
        self._lists: list[SequenceNode] = []  # read so far: their mapping items were written as list items
        self._items: set[int] = set()  # those items, of the first `_noted` lists
        self._noted = 0
        self._lost_dash = False  # an item of the list being read lost its « - »
        self.problems: list[Problem] = []
        # Objects with an id that could not be built, with the first problem that stopped them:
        # a reference to one of them is a consequence of that problem.
        self.refused: dict[tuple[type, str], Problem] = {}
        self._seen: set[int] = set()
        # A node met twice is an alias, which needs an anchor (`&name`) in the file: a text
        # without « & » has none, and its nodes need not be remembered (most course files).
        self._aliases = not text or "&" in text
        self._count = 0

    def report(self, node: Node, code: str, severity: Severity = "error", **params: object) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem.make(self.path, mark.line + 1, mark.column + 1, code, severity, **params)
        )

    def pos(self, node: Node) -> model.Pos:
        return model.Pos(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def _quick_visit(self, node: Node) -> bool:
        """`_visit`, for a node it would let pass without a word, in fewer calls (most nodes)."""
        if self._aliases or self._count >= MAX_NODES or node.tag not in ALLOWED_TAGS:
            return self._visit(node)
        self._count += 1
        return True

    def _list_item(self, node: Node) -> bool:
        """Whether `node` was written as an item of a list read so far (asked only of a key written
        twice): the lists' items are noted when first asked, each list once."""
        for sequence in self._lists[self._noted :]:
            self._items.update(id(item) for item in sequence.value if isinstance(item, MappingNode))
        self._noted = len(self._lists)
        return id(node) in self._items

    def _visit(self, node: Node) -> bool:
        """Refuse reused nodes (aliases), foreign tags and oversized trees."""
        if self._aliases:
            if id(node) in self._seen:
                self.report(node, "alias")
                return False
            self._seen.add(id(node))
        self._count += 1
        if self._count > MAX_NODES:
            if self._count == MAX_NODES + 1:
                self.report(node, "too_many_nodes", limit=MAX_NODES)
            return False
        if node.tag not in ALLOWED_TAGS:
            written = self.text[node.start_mark.index : node.end_mark.index] if self.text else ""
            if isinstance(node, ScalarNode) and written.startswith("!") and _READS_AS_TEXT.match(node.tag):
                # `title: !Attention …`: a text starting with « ! », not a tag like !include to remove.
                fix = '"' + written.replace("\\", "\\\\").replace('"', '\\"') + '"'
                self.report(node, "yaml_quote_start", char="!", fix=fix)
            else:
                self.report(node, "tag", tag=node.tag.replace(_TAG, "!!"))
            return False
        return True

    def build(self, cls: type, node: Node, what: str = "") -> Any:
        """A `cls` from a mapping node, or None if a required field is missing or wrong."""
        if not self._quick_visit(node):
            return None
        if not isinstance(node, MappingNode):
            self.report(node, "expected_mapping", what=what or cls.__name__)
            return None
        plans = plan_for(cls)
        values: dict[str, Any] = {}
        keys: dict[str, Node] = {}
        ok = True
        first_problem = len(self.problems)
        hinted: set[str] = set()
        quick = not self._aliases  # then a key needs only counting and its tag looked at (`_visit`)
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if quick and key.__class__ is str and self._count < MAX_NODES and key_node.tag in ALLOWED_TAGS:
                self._count += 1
            elif not isinstance(key, str) or not self._visit(key_node):
                self.report(key_node, "bad_key")
                continue
            if key in keys:
                if keys and key == next(iter(keys)) and self._list_item(node):
                    # The first key again: a new item whose « - » was forgotten, not a key to delete.
                    self.report(key_node, "yaml_missing_dash")
                    self._lost_dash = True
                    ok = False
                    break
                self.report(key_node, "duplicate_key", key=key, line=keys[key].start_mark.line + 1)
                continue
            keys[key] = key_node
            plan = plans.get(key)
            if plan is None and key.strip(_ODD_SPACES) in plans and key.strip(_ODD_SPACES) not in keys:
                # `title\u00a0: …`, typed the French way: said, and read as the key it is meant to be.
                key = key.strip(_ODD_SPACES)
                self.report(key_node, "key_odd_space", key=key)
                keys[key], plan = key_node, plans[key]
            if plan is None:
                hint = suggest(key, plans)
                self.report(
                    key_node,
                    "unknown_key_hint" if hint else "unknown_key",
                    key=key,
                    hint=hint,
                    known=", ".join(plans),
                )
                hinted.add(hint)
                continue
            value = self.value(plan.kind, value_node, key)
            if plan.min_items and value == [] and cls not in _RULES_IN_CHECKS:
                # A list that must hold something is empty (say so), or every item in it was
                # refused (already said): a lesson is never built without sections.
                if isinstance(value_node, SequenceNode) and not value_node.value:
                    self.report(value_node, "empty_value", key=key)
                if cls is not model.Quiz:  # checks drops a quiz left empty, keeping its lesson's link
                    value = MISSING
            if value is MISSING:
                ok = ok and not plan.required
            else:
                values[key] = value
        for plan in plans.values():
            if plan.required and plan.name not in keys:
                if plan.name not in hinted:  # `titel:` already said « vouliez-vous dire title ? »
                    self.report(node, "missing_key", key=plan.name)
                ok = False
        if not ok:
            self._refused(cls, node, first_problem)
            return None
        if _has_places(cls):
            values["places"] = self._places(node)
        return cls(**values, pos=self.pos(node))

    def _refused(self, cls: type, node: MappingNode, first_problem: int) -> None:
        ident = next(
            (
                v.value
                for k, v in node.value
                if isinstance(k, ScalarNode) and k.value == "id" and isinstance(v, ScalarNode)
            ),
            None,
        )
        if ident and first_problem < len(self.problems):
            self.refused.setdefault((cls, str(ident)), self.problems[first_problem])

    def _places(self, node: MappingNode) -> dict[str, model.Pos]:
        """Where each value of a mapping, and each item of its lists, was written."""
        places = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            places[key] = self.pos(value_node)
            if isinstance(value_node, SequenceNode):
                for item in value_node.value:
                    if isinstance(item, ScalarNode):
                        places.setdefault(f"{key}={item.value}", self.pos(item))
        return places

    def value(self, kind: tuple[Any, ...], node: Node, key: str) -> Any:
        tag = kind[0]
        if tag == "str" and node.__class__ is ScalarNode:  # most values: a text, read in fewer calls
            return self._text(node, key) if self._quick_visit(node) else MISSING
        if tag == "optional":
            if isinstance(node, ScalarNode) and node.tag == _NULL:
                return None
            return self.value(kind[1], node, key)
        if isinstance(node, ScalarNode) and node.tag == _NULL and tag != "str":
            self.report(node, "empty_value", key=key)
            return MISSING
        if tag == "list":
            return self.sequence(kind[1], node, key)
        if tag == "model" and kind[1] is model.Competence:
            return self.competence(node, key)
        if tag == "model":
            return self.build(kind[1], node, key) or MISSING
        if tag == "question":
            return self.question(node) or MISSING
        if not self._quick_visit(node):
            return MISSING
        if not isinstance(node, ScalarNode):
            self.report(node, "expected_scalar", key=key)
            return MISSING
        return self.scalar(tag, kind, node, key)

    def sequence(self, inner: tuple[Any, ...], node: Node, key: str) -> Any:
        if not self._quick_visit(node):
            return MISSING
        if not isinstance(node, SequenceNode):
            if isinstance(node, ScalarNode) and not node.style and GLUED_DASH.match(node.value):
                first = node.value[1:].split(" - ")[0]
                self.report(node, "yaml_dash_space", fix=f"- {first}")
            else:
                self.report(node, "expected_list", key=key)
            return MISSING
        self._lists.append(node)
        lost_before, self._lost_dash = self._lost_dash, False
        items = [self.value(inner, item, key) for item in node.value]
        lost, self._lost_dash = self._lost_dash, lost_before
        if lost:  # two items run together: the list is not what was meant, keep none of it
            return MISSING
        return [item for item in items if item is not MISSING]

    def _text(self, node: ScalarNode, key: str) -> Any:
        """A `str` field's value (`scalar` with its tag "str", its checks in the same order)."""
        text = node.value
        if not node.style:  # plain: None from the Python composer, "" from libyaml
            if node.tag != _STR or (text[:1] in _NUMBER_STARTS and NUMBER_FOR_EDITORS.fullmatch(text)):
                self.report(node, "quote_it_" + READ_AS.get(node.tag, "number"), key=key, value=text)
                return MISSING
            if self.text.startswith(_BLANKS, node.end_mark.index):  # else no comment can follow
                self._comment_after(node, key)
        placeholder = leftovers.STARTS_RE.match(text)
        if placeholder:
            self.report(node, "leftover_text", "warning", key=key, start=placeholder.group(1))
        if not text.strip():
            self.report(node, "empty_text", key=key)
            return MISSING
        if UNSAFE_CHARS.search(text):
            self.report(node, "control_chars", "warning", key=key)
            text = make_inert(text)
        return text

    def scalar(self, tag: str, kind: tuple[Any, ...], node: ScalarNode, key: str) -> Any:
        text = node.value
        plain = not node.style  # None from the Python composer, "" from libyaml
        if tag in ("str", "literal"):
            if plain and (node.tag != _STR or NUMBER_FOR_EDITORS.fullmatch(text)):
                # Editors read YAML 1.2, where 0612345678 or 1e3 are numbers: say so here too.
                self.report(node, "quote_it_" + READ_AS.get(node.tag, "number"), key=key, value=text)
                return MISSING
            if plain and tag == "str":
                self._comment_after(node, key)
            if tag == "str" and leftovers.placeholder_start(text):
                self.report(
                    node, "leftover_text", "warning", key=key, start=leftovers.placeholder_start(text)
                )
            if not text.strip():
                self.report(node, "empty_text", key=key)
                return MISSING
            if UNSAFE_CHARS.search(text):
                self.report(node, "control_chars", "warning", key=key)
                text = make_inert(text)
            if tag == "literal" and text not in kind[1]:
                hint = suggest(text, kind[1])
                self.report(
                    node,
                    "bad_choice_hint" if hint else "bad_choice",
                    key=key,
                    value=text,
                    hint=hint,
                    allowed=", ".join(kind[1]),
                )
                return MISSING
            return text
        if tag == "bool":
            if node.tag == _BOOL and text in ("true", "false"):
                return text == "true"
            self.report(node, "expected_bool", key=key, value=text)
            return MISSING
        if tag == "int":
            if node.tag == _INT_TAG and _INT.fullmatch(text):
                return int(text)
            self.report(node, "expected_int", key=key, value=text)
            return MISSING
        if tag == "float":
            if node.tag in (_INT_TAG, _FLOAT):
                try:
                    number = float(text)
                except ValueError:
                    number = math.nan
                if math.isfinite(number):
                    return number
            self.report(node, "expected_number", key=key, value=text)
            return MISSING
        raise TypeError(f"unsupported field kind {kind!r}")

    def _comment_after(self, node: ScalarNode, key: str) -> None:
        """Warn when « # » after a space ended a text early (`title: Leçon #2` reads « Leçon »)."""
        end = node.end_mark.index
        line_end = self.text.find("\n", end)
        rest = self.text[end : line_end if line_end >= 0 else len(self.text)]
        comment = rest.lstrip(" \t")
        if comment.startswith("#") and comment != rest and node.start_mark.line == node.end_mark.line:
            whole = f"{node.value} {comment}".rstrip()
            self.problems.append(
                Problem.make(
                    self.path,
                    node.end_mark.line + 1,
                    end + len(rest) - len(comment) - self.text.rfind("\n", 0, end),
                    "text_cut_by_hash",
                    "warning",
                    value=node.value,
                    cut=comment.rstrip(),
                    fix=f"{key}: " + '"' + whole.replace("\\", "\\\\").replace('"', '\\"') + '"',
                )
            )

    def competence(self, node: Node, key: str) -> Any:
        """A competence written as its DigComp code alone ("4.2") or as code and label."""
        if isinstance(node, ScalarNode):
            code = self.value(("str",), node, key)
            competence = MISSING if code is MISSING else model.Competence(code=code, pos=self.pos(node))
        else:
            competence = self.build(model.Competence, node, key) or MISSING
        if competence is MISSING or competence.label:
            return competence
        label = digcomp.LABELS.get(competence.code) if competence.framework == digcomp.FRAMEWORK else None
        if label is None:
            self.report(node, "unknown_competence", value=competence.code, known=", ".join(digcomp.LABELS))
            return MISSING
        return dataclasses.replace(competence, label=label)

    def question(self, node: Node) -> Any:
        if not isinstance(node, MappingNode):
            self.report(node, "expected_mapping", what="question")
            return None
        type_node = next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == "type"), None)
        if type_node is None:
            self.report(node, "missing_type", allowed=", ".join(model.QUESTION_TYPES))
            return None
        name = type_node.value if isinstance(type_node, ScalarNode) else ""
        cls = model.QUESTION_TYPES.get(name)
        if cls is None:
            hint = suggest(str(name), model.QUESTION_TYPES)
            self.report(
                type_node,
                "bad_choice_hint" if hint else "bad_choice",
                key="type",
                value=name,
                hint=hint,
                allowed=", ".join(model.QUESTION_TYPES),
            )
            return None
        return self.build(cls, node, "question")
