"""French typography kept together on screen: no line break before : ; ? ! % or inside « »."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text

from course.i18n import get_language

NBSP = "\u00a0"
_BEFORE = re.compile(r"[ \u202f](?=[:;?!%»])")
_AFTER = re.compile(r"(?<=«)[ \u202f]")


def french_spacing(text: str) -> str:
    """`text` with the space before : ; ? ! % » and after « made non-breaking (French only).

    Both Rich and Textual wrap lines at ordinary spaces only, so « mot », 80 % and
    « Tout recommencer ? » never split across two lines.
    """
    if get_language() != "fr":
        return text
    return _AFTER.sub(NBSP, _BEFORE.sub(NBSP, text))


def wrap_hanging(text: Text, width: int, indent: int) -> Text:
    """`text` broken into lines of at most `width` cells at ordinary spaces only, each line after
    the first starting `indent` cells in (under the words, not under the mark before them).

    Rich and Textual both break lines at no-break spaces too, so the map breaks its own lines.
    """
    plain = text.plain
    pieces: list[tuple[int, int]] = []
    start, room = 0, max(width, indent + 10)
    while cell_len(plain[start:]) > room:
        limit = start + room
        cut = plain.rfind(" ", start + 1, limit + 1)
        if cut <= start:
            cut = limit
        pieces.append((start, cut))
        start = cut + 1 if plain[cut : cut + 1] == " " else cut
        room = max(width - indent, 10)
    pieces.append((start, len(plain)))
    lines = Text()
    for number, (begin, end) in enumerate(pieces):
        if number:
            lines.append("\n" + " " * indent)
        lines.append_text(text[begin:end])
    return lines
