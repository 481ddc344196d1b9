"""A printed document as Markdown: for an editor, a word processor or a converter of the trainer's choice."""

from __future__ import annotations

import re

from course.i18n import t
from course.printing.blocks import Block, Document, Heading, Items, Line, Prose, Write, bare

_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")


def prose_markdown(markdown: str) -> str:
    """The trainer's Markdown with links as words and bare addresses (« guide (exemple.org) »)."""

    def words(match: re.Match[str]) -> str:
        if match.group(0).startswith("!"):
            return match.group(1)
        return f"{match.group(1)} ({match.group(2)})" if match.group(2) else match.group(1)

    return bare(_LINK.sub(words, markdown or "")).strip()


def _items(block: Items) -> str:
    if block.inline:
        return "   ".join(f"[ ] {bare(e)}" for e in block.entries)
    return "\n".join(f"{_mark(block.kind, n)} {bare(entry)}" for n, entry in enumerate(block.entries, 1))


def _mark(kind: str, n: int) -> str:
    """What starts the `n`th line of a list of `kind`: a dash, a number, a letter, a box or a blank."""
    return {"bullet": "-", "number": f"{n}.", "letter": f"{chr(64 + n)}.", "tick": "- [ ]", "rank": "- ____"}[
        kind
    ]


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return ("\n---\n\n" if block.new_page else "") + "#" * block.level + " " + bare(block.text)
    if isinstance(block, Prose):
        text = prose_markdown(block.markdown)
        if block.label:
            return "\n".join(
                f"> {line}" if line else ">" for line in [f"**{block.label}**", "", *text.split("\n")]
            )
        return text
    if isinstance(block, Line):
        text = bare(block.text)
        return {"plain": text, "muted": f"*{text}*", "strong": f"**{text}**"}[block.style]
    if isinstance(block, Items):
        return _items(block)
    if isinstance(block, Write):
        return "\n\n".join("______________________________________________" for _ in range(block.lines))
    parts = [f"**{block.number}.** {bare(block.prompt)}", f"*{block.how}*"] + [
        _block(b) for b in block.blocks
    ]
    return "\n\n".join(parts)


def markdown_page(doc: Document) -> str:
    """The whole document as Markdown; « --- » marks where a new page starts on paper."""
    head = f"# {doc.title}\n\n## {doc.subtitle}\n\n*{t('print.footer')}*"
    return "\n\n".join([head] + [_block(block) for block in doc.blocks]) + "\n"
