"""How deep a YAML text nests, found before composing it (libyaml recurses in C).

Decided by the parser's events and by this module's own scan, never by the
wording of a YAML error: some libyaml builds refuse deep nesting themselves,
others (and the pure-Python parser) do not, and their messages change.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml
from yaml.error import Mark
from yaml.events import CollectionEndEvent, CollectionStartEvent

# libyaml's composer recurses in C: some 30,000 nested lists (60 KB of `[[[…`) overflow the
# stack and kill the interpreter. A course file nests about 7 levels.
MAX_DEPTH = 200
Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_OTHER_BREAKS = "\r\x85\u2028\u2029"
_AS_NEWLINE = str.maketrans(_OTHER_BREAKS, "\n" * len(_OTHER_BREAKS))


@functools.cache
def _line_starting_at(column: int) -> re.Pattern[str]:
    """A line whose indentation and `- ` / `? ` / `: ` indicators reach `column`."""
    return re.compile(r"\n[ \t?:-]{" + str(column) + "}")


def _may_nest_deeper(text: str, limit: int) -> bool:
    """False when a glance at `text` (no parsing) shows it cannot nest deeper than `limit`.

    A flow collection opens with `[` or `{` (and `[a: b]` holds a mapping: two
    levels); a block collection starts at the column that its line's indentation
    and indicators reach, and at most every second level shares its parent's
    column (a list under a key): depth <= 2 * brackets + 2 * column + 2.
    """
    room = limit - 2 * (text.count("[") + text.count("{")) - 2
    if room < 0:
        return True
    if any(mark in text for mark in _OTHER_BREAKS):  # YAML also breaks lines there
        text = text.translate(_AS_NEWLINE)
    return _line_starting_at(room // 2 + 1).search("\n" + text) is not None


def _flow_depth_exceeded(text: str, end: int, limit: int) -> int | None:
    """Index in `text[:end]` where `[`/`{` outside quotes and comments nest deeper than `limit`.

    A plain scalar of block context may hold a bracket (`Leçon [2]`): counting it
    can only make the figure larger, and this scan is consulted only once the
    parser has already refused the file.
    """
    depth, quote, index = 0, "", 0
    while index < end:
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t\n"):
            newline = text.find("\n", index)
            index = end if newline < 0 else newline
            continue
        elif char in "[{":
            depth += 1
            if depth > limit:
                return index
        elif char in "]}":
            depth = max(depth - 1, 0)
        index += 1
    return None


def _mark_at(text: str, index: int) -> Mark:
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1)
    return Mark("<unicode string>", index, line, column, None, None)  # type: ignore[arg-type]


def too_deep(text: str, limit: int = MAX_DEPTH, loader: Any = None) -> Mark | None:
    """Where collections in `text` nest deeper than `limit`, or None (checked before composing).

    Decided by the parser's events and by this module's own scan, never by the
    wording of a YAML error: some libyaml builds refuse deep nesting themselves,
    others (and the pure-Python parser) do not, and their messages change.
    """
    if not _may_nest_deeper(text, limit):
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader or Loader):  # libyaml's parser keeps its own stack
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > limit:
                    mark: Mark = event.start_mark  # type: ignore[assignment]
                    return mark
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        # The scanner reads flow collections ahead of the events: a refusal there may
        # come from nesting that no event has shown yet.
        mark = error.problem_mark or error.context_mark  # type: ignore[assignment]
        end = len(text) if mark is None else min(mark.index + 1, len(text))
        index = _flow_depth_exceeded(text, end, limit)
        if index is not None:
            return _mark_at(text, index)
        raise
    return None
