"""Text laid out for reading on screen: French typography kept together (no line break before
: ; ? ! % or inside « »), and lines that wrap under their own first word after a bullet or a number."""

from __future__ import annotations

import re

import rich._wrap
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, OverflowMethod, RenderResult
from rich.measure import Measurement
from rich.text import Text

from course.i18n import get_language

NBSP = "\u00a0"
_BEFORE = re.compile(r"[ \u202f](?=[:;?!%»])")
_AFTER = re.compile(r"(?<=«)[ \u202f]")


def french_spacing(text: str) -> str:
    """`text` with the space before : ; ? ! % » and after « made non-breaking (French only).

    Where lines are wrapped by Rich (Markdown, and `Text` once `hold_no_break_spaces` has run),
    « mot », 80 % and « Tout recommencer ? » then never split across two lines.
    """
    if get_language() != "fr":
        return text
    return _AFTER.sub(NBSP, _BEFORE.sub(NBSP, text))


class Hanging:
    """`marker` (a bullet, a number and its mark) then `text`, whose wrapped lines start under
    its own first character rather than under the marker, at any width: what a two-column grid
    draws, for a fraction of its cost. `overflow`: what becomes of a word longer than the row."""

    def __init__(self, marker: Text, text: Text, overflow: OverflowMethod = "fold") -> None:
        self.marker = marker
        self.text = text
        self.overflow: OverflowMethod = overflow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = self.marker.cell_len
        lines = self.text.wrap(
            console, max(options.max_width - indent, 1), justify="default", overflow=self.overflow
        )
        pad = Text(" " * indent)
        rows = Text("\n").join(
            Text.assemble(self.marker if n == 0 else pad, line) for n, line in enumerate(lines)
        )
        yield from rows.render(console, end="\n")  # the last row too: Textual counts rows by new lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        indent = self.marker.cell_len
        inner = Measurement.get(console, options.update_width(max(options.max_width - indent, 1)), self.text)
        return Measurement(inner.minimum + indent, inner.maximum + indent)


def hanging(marker: Text, text: Text) -> Hanging:
    """`marker` then `text`, whose wrapped lines start under its own first character."""
    return Hanging(marker, text)


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


_GLUE = "\u00a0\u202f"
_WORD_HOLDING_NO_BREAK_SPACES = re.compile(rf"[^\S{_GLUE}]*(?:\S|[{_GLUE}])+[^\S{_GLUE}]*")


def hold_no_break_spaces() -> None:
    """Make Rich's line wrapping (used by Textual's Markdown) keep no-break spaces unbroken.

    Rich splits words at any whitespace, the no-break space included, so « 28 % » could still
    wrap as « 28 » / « % ». Its word pattern is swapped for one where the no-break spaces glue
    the words they join, as Unicode line breaking wants. Safe to call more than once.
    """
    rich._wrap.re_word = _WORD_HOLDING_NO_BREAK_SPACES


hold_no_break_spaces()  # every text our screens let Rich wrap: the app's, the preview's, the tests'


_CODE = re.compile(r"(^```.*?^```[^\n]*$|`[^`\n]+`)", re.MULTILINE | re.DOTALL)


def french_markdown(markdown: str) -> str:
    """`markdown` with `french_spacing` applied to its prose; code (fenced or `inline`) left as written.

    Only spaces change, never line starts, so headings, lists, quotes and tables keep their marks.
    """
    pieces = _CODE.split(markdown)  # prose at even indexes, code at odd ones
    return "".join(piece if n % 2 else french_spacing(piece) for n, piece in enumerate(pieces))
