"""Guards on what ships: the bundled course is clean and every message a person can read exists."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.i18n import _catalogue

ROOT = Path(__file__).resolve().parents[2]
CODE = sorted((ROOT / "course").rglob("*.py"))
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
FILE_ENDINGS = (
    ".yaml",
    ".yml",
    ".json",
    ".txt",
    ".tcss",
    ".html",
    ".md",
    ".py",
    ".svg",
    ".css",
    ".log",
    ".toml",
)


def test_the_bundled_course_validates_with_no_error_and_no_warning():
    course = load_course(bundled_course_dir())
    assert [p.format() for p in course.problems] == []
    assert len(course.lessons) >= 20 and course.question_count() >= 200


def _tables_of(tree: ast.Module) -> dict[str, list[str]]:
    """A module's own tables of keys (NAME = {...: "key"}) and those it imports from the project's
    modules (`from course.x import NAME`): a table is written out once, where it is defined."""
    tables: dict[str, list[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("course."):
            source = ROOT.joinpath(*node.module.split(".")).with_suffix(".py")
            if source.is_file():
                theirs = _tables_of(ast.parse(source.read_text(encoding="utf-8")))
                tables.update({a.asname or a.name: theirs[a.name] for a in node.names if a.name in theirs})
            continue
        target = (
            node.targets[0]
            if isinstance(node, ast.Assign) and len(node.targets) == 1
            else (node.target if isinstance(node, ast.AnnAssign) else None)
        )
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if (
            isinstance(target, ast.Name)
            and isinstance(value, ast.Dict)
            and value.values
            and all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in value.values)
        ):
            tables[target.id] = [v.value for v in value.values]  # type: ignore[union-attr]
    return tables


def _calls_of_t(path: Path) -> tuple[list[tuple[int, ast.expr | None]], dict[str, list[str]]]:
    """The calls of `t()` in a module, and the tables of keys it can look them up in."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    tables = _tables_of(tree)
    calls = [
        (node.lineno, node.args[0] if node.args else None)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"
    ]
    return calls, tables


def _literal_keys(expression: ast.expr | None, tables: dict[str, list[str]]) -> list[str] | None:
    """The keys an argument of `t()` can take, when each is written out; None otherwise.

    A key is written out as a string, as either branch of `a if c else b`, or as a value of
    a module-level table looked up by subscript (`_STATE_KEYS[state]`).
    """
    if isinstance(expression, ast.Constant) and isinstance(expression.value, str):
        return [expression.value]
    if isinstance(expression, ast.IfExp):
        body, orelse = _literal_keys(expression.body, tables), _literal_keys(expression.orelse, tables)
        return None if body is None or orelse is None else body + orelse
    if isinstance(expression, ast.Subscript) and isinstance(expression.value, ast.Name):
        return tables.get(expression.value.id)
    if (
        isinstance(expression, ast.Call)
        and isinstance(expression.func, ast.Attribute)
        and expression.func.attr == "get"
        and isinstance(expression.func.value, ast.Name)
        and expression.func.value.id in tables
        and len(expression.args) == 2
    ):
        default = _literal_keys(expression.args[1], tables)
        return None if default is None else tables[expression.func.value.id] + default
    return None


def _carried(expression: ast.expr | None) -> bool:
    """A key passed along in a variable or an attribute: it is written out where it was set."""
    return isinstance(expression, (ast.Name, ast.Attribute))


def test_every_key_given_to_t_is_written_out_and_exists_in_french_and_english():
    french, english = _catalogue("fr"), _catalogue("en")
    dynamic, missing = [], []
    for path in CODE:
        calls, tables = _calls_of_t(path)
        for line, argument in calls:
            keys = _literal_keys(argument, tables)
            where = f"{path.relative_to(ROOT)}:{line}"
            if keys is None:
                if not _carried(argument):
                    dynamic.append(f"{where}: t({ast.unparse(argument) if argument else ''})")
                continue
            missing += [f"{where}: {key}" for key in keys if key not in french or key not in english]
    assert dynamic == [], "a key built from pieces cannot be checked: write each one out (a table if need be)"
    assert missing == []


def test_every_string_that_looks_like_a_message_key_exists():
    """Keys carried in variables are written out where they are set: each must exist."""
    french, english = _catalogue("fr"), _catalogue("en")
    spaces = {key.split(".")[0] for key in french}
    unknown = []
    for path in CODE:
        if path.parent.name == "i18n":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            text = node.value
            if (
                KEY.fullmatch(text)
                and text.split(".")[0] in spaces
                and not text.endswith(FILE_ENDINGS)
                and (text not in french or text not in english)
            ):
                unknown.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text}")
    assert unknown == []


def test_french_and_english_hold_the_same_keys():
    french, english = _catalogue("fr"), _catalogue("en")
    assert sorted(set(french) - set(english)) == []
    assert sorted(set(english) - set(french)) == []


def _fields(text: str) -> set[str]:
    return {name.split("|")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_message_names_the_same_values_in_both_languages(language):
    french, other = _catalogue("fr"), _catalogue(language)
    differ = [key for key in french if key in other and _fields(french[key]) != _fields(other[key])]
    assert differ == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_plurals_are_real_forms_not_brackets(language):
    lazy = [key for key, text in _catalogue(language).items() if "(s)" in text.replace("http(s)", "")]
    assert lazy == [], "write {count|forme|formes} instead of forme(s)"
