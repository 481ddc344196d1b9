"""The one sanitiser for untrusted text on its way out: terminal, JSON, spreadsheet, log.

Untrusted text is anything a person or another machine wrote: YAML titles, keys and
file names, learner names, answers, session labels, imported files. On its way out:
- to a terminal (screens, `atelier validate`, `preview`, `report`, logs) no control
  character may pass: an ESC or a one-byte CSI (U+009B) would let a file set the
  clipboard (OSC 52), retitle the window (OSC 0), clear it (CSI 2J) or make the
  terminal type into the app (CSI 6n); bidi overrides and isolates make a text
  display as something else ("Trojan Source");
- to a JSON consumer, the same characters are escaped (`json_dumps` writes ASCII);
- to a spreadsheet, a cell that starts like a formula must never run (OWASP).
And a learner's name leaves an export only when the trainer asks: otherwise a stable
pseudonym stands for it. This module imports nothing of the app, so every layer can use it.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

#: C0 and C1 controls (U+009B is a one-byte CSI), DEL, the Arabic letter mark, the
#: left-to-right / right-to-left marks, and the bidi embeddings, overrides and isolates.
_UNSAFE = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# In a CSV cell or a multi-line text, newlines and tabs are legitimate; other controls are not.
_BLOCK_UNSAFE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# On a terminal a carriage return rewrites the start of the line: only newlines and tabs stay.
_LINES_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# What `json.dumps` leaves raw inside strings although a terminal or a viewer would act on it.
_JSON_UNSAFE = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"

_TO_SPACE = dict.fromkeys(
    [
        *range(0x00, 0x20),
        *range(0x7F, 0xA0),
        0x61C,
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ],
    " ",
)
"""Each character of `_UNSAFE` turned into a space (`str.translate`)."""


@functools.cache
def _any_of(characters: str) -> re.Pattern[str]:
    """A pattern for one of `characters` (a class's inside), compiled when first used: a class
    reaching that far into Unicode takes a while to compile, and the app's first screen needs none."""
    return re.compile(f"[{characters}]")


#: First characters that make Excel or LibreOffice read a cell as a formula
#: (OWASP list, plus their full-width forms which some spreadsheets fold).
FORMULA_TRIGGERS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
#: Characters that trigger the guard even when they are the very first one.
LEADING_TRIGGERS = frozenset("\t\r")
#: Prefix of the stable pseudonyms; an identifier, so never translated.
PSEUDONYM_PREFIX = "apprenant-"
#: Longest text a spreadsheet cell holds (Excel's limit is 32,767).
MAX_CELL = 32_000


def clean_terminal(text: object, max_length: int | None = None) -> str:
    """`text` on one line, without control or bidi characters, optionally shortened.

    Each unsafe character becomes a space (an escape sequence stays visible as inert
    text, so a trainer can see that a file holds one); newlines and tabs become spaces
    and runs of white space collapse, so a name can never break a table's layout.
    A shortened text ends with "…".
    """
    cleaned = " ".join(str(text).translate(_TO_SPACE).split())  # str.split's spaces are re's \s
    if max_length is not None and len(cleaned) > max_length:
        cleaned = cleaned[: max(max_length - 1, 0)].rstrip() + "…"
    return cleaned


def clean_block(text: object, replacement: str = " ") -> str:
    """`text` with its lines kept (newlines and tabs), every other unsafe character replaced."""
    return _any_of(_LINES_UNSAFE).sub(replacement, str(text))


def is_clean(text: str) -> bool:
    """True when `text` holds no character `clean_terminal` would remove."""
    return _any_of(_UNSAFE).search(text) is None


def json_dumps(value: Any, **options: Any) -> str:
    """JSON for a consumer that may show it raw: no control or bidi character left as is.

    `json` already escapes C0 controls inside strings; DEL, the C1 controls (U+009B),
    the bidi marks and the line/paragraph separators are escaped here as `\\uXXXX`.
    They can only occur inside strings, so the data is kept exactly; accents stay readable.
    """
    return _any_of(_JSON_UNSAFE).sub(_escape, json.dumps(value, ensure_ascii=False, **options))


def json_dump(value: Any, stream: Any, **options: Any) -> None:
    """`json_dumps` written to `stream`."""
    stream.write(json_dumps(value, **options))


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def neutralise_cell(text: str) -> str:
    """`text` made inert for a spreadsheet: formula-like cells get a leading `'`.

    A cell is guarded when it starts with a tab or carriage return, or when its
    first character after any leading white space is `=`, `+`, `-` or `@`.
    Other control and bidi characters are dropped and over-long texts shortened.
    """
    cell = text if is_clean(text) else _any_of(_BLOCK_UNSAFE).sub("", text)
    if len(cell) > MAX_CELL:
        cell = cell[: MAX_CELL - 1] + "…"
    if is_formula_like(cell):
        return "'" + cell
    return cell


def is_formula_like(cell: str) -> bool:
    """Whether a spreadsheet could read `cell` as a formula."""
    if not cell:
        return False
    if cell[0] in LEADING_TRIGGERS:
        return True
    stripped = cell.lstrip()
    return bool(stripped) and stripped[0] in FORMULA_TRIGGERS


def pseudonym(learner_id: str, salt: str = "") -> str:
    """A stable pseudonym for exports: "apprenant-" and 8 hex digits of sha256(salt + id).

    A per-installation `salt` keeps pseudonyms from being recomputed from ids alone.
    """
    import hashlib  # exports only: the app's screens never load it

    digest = hashlib.sha256((salt + learner_id).encode("utf-8")).hexdigest()
    return PSEUDONYM_PREFIX + digest[:8]
