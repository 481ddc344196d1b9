"""What a printed document is made of, whatever its format: headings, prose, lists, spaces to write in.

The builders (`module_doc`, `booklet_doc`) say *what* is printed; the
renderers (`html_page`, `markdown_page`) say *how*. Web addresses lose their
« https:// » on paper: they stay readable and the file names no external URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

_SCHEME = re.compile(r"\bhttps?://", re.IGNORECASE)


def bare(text: str) -> str:
    """`text` with web addresses written without their scheme (« exemple.org/page »)."""
    return _SCHEME.sub("", text)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    new_page: bool = False


@dataclass(frozen=True)
class Prose:
    """The trainer's Markdown, rendered as Markdown (never as raw HTML)."""

    markdown: str
    label: str | None = None
    """A callout's label (« Le saviez-vous ? »), printed above it."""


@dataclass(frozen=True)
class Line:
    """One plain sentence (never read as Markdown)."""

    text: str
    style: Literal["plain", "muted", "strong"] = "plain"


@dataclass(frozen=True)
class Items:
    """A list: bullets, numbers, letters, boxes to tick, or blanks to number."""

    entries: list[str]
    kind: Literal["bullet", "number", "letter", "tick", "rank"] = "bullet"
    inline: bool = False
    """Ticks on one line (« Vrai / Faux »)."""


@dataclass(frozen=True)
class Write:
    """Room to write an answer by hand: `lines` ruled lines."""

    lines: int = 1


@dataclass(frozen=True)
class Question:
    """A numbered worksheet question: its prompt, then its blocks."""

    number: int
    prompt: str
    how: str
    blocks: list[Block] = field(default_factory=list)


Block = Heading | Prose | Line | Items | Write | Question


@dataclass
class Document:
    title: str
    subtitle: str
    language: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)
