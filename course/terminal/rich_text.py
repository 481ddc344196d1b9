"""Untrusted text as a Rich `Text` for the report views; the rules live in `course.text.safe`."""

from __future__ import annotations

from rich.text import Text

from course.text.safe import clean_terminal


def safe_text(text: object, max_cells: int | None = None, style: str = "") -> Text:
    """A Rich `Text` holding `text` literally: cleaned, never parsed as markup.

    `max_cells` shortens it to that many terminal cells (wide characters count two).
    """
    rich_text = Text(clean_terminal(text), style=style)
    if max_cells is not None:
        rich_text.truncate(max_cells, overflow="ellipsis")
    return rich_text
