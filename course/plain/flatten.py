"""Markdown flattened to lines a screen reader reads well: no stars, hashes or pipes read aloud.

Headings and paragraphs become lines, emphasis disappears (the words stay),
a link keeps its words and its address, list items start with « - » or their
number, table rows read cell by cell, and blank lines separate blocks.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _inline(token: Token) -> str:
    """The words of an inline token: text, code and links, without their marks."""
    parts: list[str] = []
    href = ""
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
        elif child.type == "link_close" and href:
            label = "".join(parts)
            if href not in label:
                parts.append(f" ({href})")
            href = ""
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts).strip()


def markdown_lines(text: str) -> list[str]:
    """`text` (Markdown) as plain lines, blocks separated by one empty line."""
    lines: list[str] = []
    prefixes: list[str] = []  # one per open list: "-" or the next number
    row: list[str] = []
    item_start = False
    in_cell = False

    def add(line: str) -> None:
        nonlocal item_start
        if item_start and prefixes:
            depth = "  " * (len(prefixes) - 1)
            marker = prefixes[-1]
            if marker != "-":
                prefixes[-1] = str(int(marker) + 1)
                marker += "."
            lines.append(f"{depth}{marker} {line}")
            item_start = False
        elif prefixes:
            lines.append("  " * len(prefixes) + line)
        else:
            lines.append(line)

    def gap() -> None:
        if lines and lines[-1] != "" and not prefixes:
            lines.append("")

    for token in _parser().parse(text or ""):
        kind = token.type
        if kind == "bullet_list_open":
            prefixes.append("-")
        elif kind == "ordered_list_open":
            prefixes.append(str(token.attrs.get("start", 1) or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            prefixes.pop()
            gap()
        elif kind == "list_item_open":
            item_start = True
        elif kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind == "inline" and in_cell:
            row.append(_inline(token))
        elif kind == "inline":
            add(_inline(token))
        elif kind in ("paragraph_close", "heading_close", "blockquote_close"):
            gap()
        elif kind in ("fence", "code_block"):
            for code in token.content.rstrip("\n").split("\n"):
                add(code)
            gap()
        elif kind == "hr":
            gap()
        elif kind == "tr_close":
            add(" ; ".join(cell for cell in row if cell))
            row = []
        elif kind == "table_close":
            gap()
    while lines and lines[-1] == "":
        lines.pop()
    return lines
