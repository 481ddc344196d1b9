"""Explain a YAML syntax error in a trainer's words, at the line where the mistake was made.

The parser stops where it notices a problem, often lines after the mistake (an
unclosed quote is noticed where the next quote happens to be). So the error is
classified by its exception type, its marks and this module's own scan of the
lines up to the mark, never by the wording of PyYAML's or libyaml's messages,
which differ between builds and are in English.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

import yaml

from course.content import model

# Characters that start a YAML token and cannot start a plain text.
_INDICATORS = "*&@%`!"
_CURLY = "“”„"
_NBSP = "\u00a0\u2007\u202f"
_BLOCK_START = re.compile(r"(?:^|[:\-]\s+)[|>][-+0-9]*\s*(?:#.*)?$")
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)[ ]*:(?=[ ]|$)")
_GLUED_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?=[^\s/:])")
_DASH_GLUED = re.compile(r"-(?=[^\s\-])")


@functools.cache
def known_keys() -> frozenset[str]:
    """Every key a course file may use (the fields of the model)."""
    return frozenset(
        f.name
        for cls in vars(model).values()
        if dataclasses.is_dataclass(cls)
        for f in dataclasses.fields(cls)
        if not f.metadata.get("internal") and f.name != "pos"
    )


@dataclass(frozen=True, slots=True)
class Hint:
    """One likely mistake: 1-based line and column, a problem code and its message's parameters."""

    line: int
    col: int
    code: str
    params: dict[str, object] = dataclasses.field(default_factory=dict)
    at: int = -1  # for an opening quote: its index in the text


@dataclass(frozen=True, slots=True)
class _Value:
    """Where a value starts on a line, after its key (if any) and list dashes."""

    key: str
    col: int  # 0-based
    text: str


_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def lines_of(text: str) -> list[tuple[int, str]]:
    """Each line of `text` with the index where it starts, broken where YAML breaks lines."""
    found, start = [], 0
    for match in _BREAK.finditer(text):
        found.append((start, text[start : match.start()]))
        start = match.end()
    found.append((start, text[start:]))
    return found


def _line(text: str, index: int) -> str:
    lines = lines_of(text)
    return lines[index][1] if 0 <= index < len(lines) else ""


def quoted(text: str) -> str:
    """`text` as a YAML double-quoted value, ready to be copied into the file."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _strip_comment(text: str) -> str:
    cut = re.search(r"\s#", text)
    return (text[: cut.start()] if cut else text).rstrip()


def _value_of(line: str) -> _Value | None:
    """The value written on `line` (`key: value` or `- value`), or None for other lines."""
    col = len(line) - len(line.lstrip(" "))
    dashed = False
    while line.startswith("- ", col) or line[col:] == "-":
        dashed = True
        col += 1
        while col < len(line) and line[col] == " ":
            col += 1
    key = ""
    match = _KEY.match(line, col)
    if match:
        key = match.group(1)
        col = match.end()
        while col < len(line) and line[col] == " ":
            col += 1
    elif not dashed:
        return None
    return _Value(key, col, line[col:])


def _closing_quote(text: str, start: int) -> int:
    """Index of the quote closing the one at `start` in `text`, or -1 (may run over lines)."""
    quote = text[start]
    index = start + 1
    while index < len(text):
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and text.startswith("''", index):
                index += 2
                continue
            return index
        index += 1
    return -1


def _closing_bracket(text: str) -> int:
    depth, index = 0, 0
    while index < len(text):
        char = text[index]
        if char in "\"'":
            end = _closing_quote(text, index)
            if end < 0:
                return -1
            index = end
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return -1


def _fix(value: _Value, text: str) -> str:
    return f"{value.key}: {quoted(text)}" if value.key else f"- {quoted(text)}"


def _scan_value(number: int, value: _Value, text: str, offset: int) -> Hint | None:
    """A mistake at the start of one value (`offset`: where its line starts in `text`)."""
    body = value.text
    first = body[:1]
    col = value.col + 1
    if first and first in "\"'":
        close = _closing_quote(body, 0)
        if close < 0:
            return Hint(
                number, col, "yaml_unclosed_quote", {"line": number, "quote": first}, at=offset + value.col
            )
        rest = _strip_comment(body[close + 1 :])
        if rest and rest[0] not in ",]}:":
            whole = _strip_comment(body)
            if first == "'" and (rest[0].isalnum() or rest[0] in "'’"):
                inner = whole[1:-1] if whole.endswith("'") else whole[1:]
                return Hint(
                    number,
                    value.col + close + 1,
                    "yaml_apostrophe",
                    {"fix": _fix(value, inner.replace("''", "'"))},
                )
            after = close + 1 + len(body[close + 1 :]) - len(body[close + 1 :].lstrip())
            fix = f"{value.key}: '{whole}'" if "'" not in whole else _fix(value, whole)
            return Hint(number, value.col + after + 1, "yaml_text_after_quote", {"fix": fix})
        return None
    if first and first in "[{":
        close = _closing_bracket(body)
        rest = _strip_comment(body[close + 1 :]) if close >= 0 else ""
        if rest and rest[0] not in ",]}":
            return Hint(
                number, col, "yaml_quote_start", {"char": first, "fix": _fix(value, _strip_comment(body))}
            )
        return None
    if first and first in _INDICATORS and not body.startswith("!!"):
        run = re.match(re.escape(first) + "+", body)
        char = run.group() if run else first
        return Hint(number, col, "yaml_quote_start", {"char": char, "fix": _fix(value, _strip_comment(body))})
    if first and first in _CURLY:
        return Hint(
            number, col, "yaml_curly_quotes", {"fix": _fix(value, _strip_comment(body).strip(_CURLY))}
        )
    return None


def _scan_line(number: int, line: str, text: str, offset: int) -> Hint | None:
    """The mistake visible on one line, if any (tabs, odd spaces, glued `:` or `-`, odd value starts)."""
    lead = re.match(r"[ \-?:\t" + _NBSP + "]*", line)
    indent = lead.group() if lead else ""
    if "\t" in indent:
        return Hint(number, indent.index("\t") + 1, "yaml_tab")
    for char in _NBSP:
        if char in indent:
            return Hint(number, indent.index(char) + 1, "yaml_nbsp")
    col = len(line) - len(line.lstrip(" "))
    glued = _DASH_GLUED.match(line, col)
    if glued and not line.startswith("---", col):
        return Hint(number, col + 1, "yaml_dash_space", {"fix": "- " + line[col + 1 :].rstrip()})
    value = _value_of(line)
    start = value.col if value else col
    glued_key = _GLUED_KEY.match(line, start)
    if glued_key and glued_key.group(1) in known_keys():
        key = glued_key.group(1)
        return Hint(
            number,
            glued_key.end() + 1,
            "yaml_colon_space",
            {"fix": f"{key}: {line[glued_key.end() :].strip()}"},
        )
    if value is None:
        return None
    return _scan_value(number, value, text, offset)


def scan(text: str, last_line: int) -> list[Hint]:
    """Likely mistakes on lines 1..`last_line`, skipping the text of `|` and `>` blocks."""
    hints: list[Hint] = []
    block_indent: int | None = None
    for number, (start, line) in enumerate(lines_of(text), start=1):
        if number > last_line:
            break
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = None
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        hint = _scan_line(number, line, text, start)
        if hint is not None:
            hints.append(hint)
        if _BLOCK_START.search(_strip_comment(line) if "#" in line else line):
            block_indent = indent
    return hints


def leading_nbsp(text: str) -> Hint | None:
    """A no-break space in a line's indentation: the file may parse, but not as meant."""
    if not any(char in text for char in _NBSP):
        return None
    return next((hint for hint in scan(text, len(lines_of(text))) if hint.code == "yaml_nbsp"), None)


def _char(text: str, mark: yaml.Mark | None) -> str:
    return text[mark.index : mark.index + 1] if mark is not None else ""


def _quote_explains(text: str, hint: Hint, problem_line: int) -> bool:
    """Whether an unclosed quote runs to (or past) the line where the parser stopped."""
    close = _closing_quote(text, hint.at)
    return close < 0 or len(lines_of(text[:close])) >= problem_line - 1


def _missing_dash(text: str, problem: yaml.Mark, context: yaml.Mark | None) -> bool:
    """A `key: value` line at the column of the list's dashes: the item lost its `-`."""
    if context is None or _char(text, context) != "-" or problem.column != context.column:
        return False
    line = _line(text, problem.line)
    return _KEY.match(line, problem.column) is not None


def _colon_fix(text: str, line: int) -> str:
    """The line of an unquoted colon, with its value quoted."""
    written = _line(text, line)
    value = _value_of(written)
    if value is None or not value.key:
        return quoted(_strip_comment(written.strip()))
    return _fix(value, _strip_comment(value.text))


def explain(text: str, error: yaml.MarkedYAMLError) -> Hint:
    """The trainer's mistake behind a YAML error: its place, code and message parameters."""
    problem = error.problem_mark or error.context_mark
    context = error.context_mark
    if problem is None:
        return Hint(1, 1, "yaml_syntax")
    line = problem.line + 1
    hints = scan(text, line)
    near = [hint for hint in hints if hint.line >= line - 2 and hint.code != "yaml_unclosed_quote"]
    quotes = [
        hint for hint in hints if hint.code == "yaml_unclosed_quote" and _quote_explains(text, hint, line)
    ]
    if near and not (quotes and quotes[0].line < near[-1].line and near[-1].code == "yaml_text_after_quote"):
        return near[-1]
    if quotes:
        return quotes[0]
    at = Hint(line, problem.column + 1, "")
    char = _char(text, problem)
    if isinstance(error, yaml.composer.ComposerError):
        if text.startswith(("---", "..."), problem.index):
            return dataclasses.replace(at, code="yaml_many_documents")
        return dataclasses.replace(at, code="alias" if char == "*" else "yaml_syntax")
    if isinstance(error, yaml.scanner.ScannerError):
        if _char(text, context) == '"':
            slash = text.rfind("\\", context.index, problem.index + 1)  # type: ignore[union-attr]
            if slash >= 0 and problem.index < len(text):
                return Hint(line, len(lines_of(text[:slash])[-1][1]) + 1, "yaml_escape")
        if char == ":":
            return dataclasses.replace(at, code="yaml_colon", params={"fix": _colon_fix(text, problem.line)})
        if problem.index >= len(text.rstrip()):
            return dataclasses.replace(at, code="yaml_unclosed")
        if context is not None and _char(text, context) not in ("", '"', "'", "[", "{"):
            key = re.match(r"[^\s:]+", text[context.index :])
            return Hint(
                context.line + 1,
                context.column + 1,
                "yaml_missing_colon",
                {"key": key.group() if key else ""},
            )
        return dataclasses.replace(at, code="yaml_syntax")
    if _char(text, context) in ("[", "{"):
        return Hint(
            context.line + 1,  # type: ignore[union-attr]
            context.column + 1,  # type: ignore[union-attr]
            "yaml_unclosed_bracket",
            {"line": context.line + 1, "bracket": _char(text, context)},  # type: ignore[union-attr]
        )
    if _missing_dash(text, problem, context):
        return dataclasses.replace(at, code="yaml_missing_dash")
    return dataclasses.replace(at, code="yaml_indent")
