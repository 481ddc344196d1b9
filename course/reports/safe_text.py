"""Sanitising untrusted text (learner names, answers, lesson texts) on its way out.

Two exits need care. The terminal: control characters (ESC sequences, C1 codes,
bidirectional overrides) must never reach it, and Rich markup in a name must
print literally. Spreadsheets: a cell that starts like a formula must never run
(OWASP "CSV injection"). And a learner's name leaves an export only when the
trainer asks: otherwise a stable pseudonym stands for it.
"""

from __future__ import annotations

import hashlib
import re

from rich.text import Text

# C0 and C1 controls, DEL, and the bidi embeddings/overrides/isolates that can
# make a name display as something else ("Trojan Source").
_TERMINAL_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
# In a CSV cell, newlines and tabs are legitimate; other controls are not.
_CELL_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)
_SPACES = re.compile(r"\s+")

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

    Newlines and tabs become spaces and runs of white space collapse, so a name
    can never break a table's layout. A shortened text ends with "…".
    """
    cleaned = _TERMINAL_UNSAFE.sub(" ", str(text))
    cleaned = _SPACES.sub(" ", cleaned).strip()
    if max_length is not None and len(cleaned) > max_length:
        cleaned = cleaned[: max(max_length - 1, 0)].rstrip() + "…"
    return cleaned


def safe_text(text: object, max_cells: int | None = None, style: str = "") -> Text:
    """A Rich `Text` holding `text` literally: cleaned, never parsed as markup.

    `max_cells` shortens it to that many terminal cells (wide characters count two).
    """
    rich_text = Text(clean_terminal(text), style=style)
    if max_cells is not None:
        rich_text.truncate(max_cells, overflow="ellipsis")
    return rich_text


def neutralise_cell(text: str) -> str:
    """`text` made inert for a spreadsheet: formula-like cells get a leading `'`.

    A cell is guarded when it starts with a tab or carriage return, or when its
    first character after any leading white space is `=`, `+`, `-` or `@`.
    Other control characters are dropped and over-long texts shortened.
    """
    cell = text if text.isprintable() else _CELL_UNSAFE.sub("", text)
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
    digest = hashlib.sha256((salt + learner_id).encode("utf-8")).hexdigest()
    return PSEUDONYM_PREFIX + digest[:8]
