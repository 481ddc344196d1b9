"""Markdown as one piece of styled text: paragraphs, lists, headings, quotes, code and links,
drawn by a single widget instead of one widget per block.

`markdown_text()` reads the Markdown once into blocks of Textual `Content`, each with what
starts its first line (a bullet, a number, a quote's bar) and what starts the lines it wraps
onto, so that they hang under its first word. `MarkdownText` is the Textual visual that wraps
them at the width it is given (lines kept per width) with no-break spaces holding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from textual.content import Content, Span
from textual.css.styles import RulesMap
from textual.style import Style
from textual.visual import RenderOptions

import course.ui.widgets.typography  # noqa: F401  (its import keeps no-break spaces in Rich's wrapping, used below)
from course.ui.widgets.wrapped_visual import WrappedVisual

MARK = ".markdown--mark"
"""The style of a list's bullets and numbers, and of a quote's bar (a component class of the widget)."""
CODE = ".markdown--code"
HEADING = ".markdown--heading"
RULE = ".markdown--rule"
STYLE_NAMES = tuple(name[1:] for name in (MARK, CODE, HEADING, RULE))
"""The component classes a widget drawing a `MarkdownText` defines."""

BOLD, ITALIC, UNDERLINE, STRIKE = (
    Style(bold=True),
    Style(italic=True),
    Style(underline=True),
    Style(strike=True),
)
BULLETS = ("• ", "◦ ", "▪ ")
"""A list's bullet, by depth."""
QUOTE_BAR = "▌ "
_SPACES = re.compile(r"[^\S\u00a0\u202f]+")
"""Runs of ordinary white space (no-break spaces are words' glue, never folded)."""
Gap = tuple[int, Content]
"""Blank lines before a block, and what starts them."""
NO_GAP: Gap = (0, Content(""))
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(//)?", re.IGNORECASE)


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("gfm-like")


@dataclass(frozen=True)
class Lead:
    """What starts the lines of a block: `first` its first line, `rest` the others (same width)."""

    first: Content = Content("")
    rest: Content = Content("")

    def then(self, first: str, rest: str, style: str = "") -> Lead:
        """This lead followed by `first` (then `rest` on the lines after)."""
        return Lead(
            self.first + Content.styled(first, style),
            self.rest + Content.styled(rest, style),
        )

    def used(self) -> Lead:
        """The lead of the blocks after the first one: a bullet is drawn once."""
        return replace(self, first=self.rest)


@dataclass(frozen=True)
class Block:
    content: Content
    lead: Lead
    gap: Gap = NO_GAP
    wrap: bool = True
    """False for code: its lines stay as written (folded only where too long)."""
    rule: bool = False
    """A horizontal rule: a line across the width."""


class MarkdownText(WrappedVisual):
    """Blocks of styled text, wrapped at the width of the widget that draws them."""

    def __init__(self, blocks: list[Block], spaced: bool = True) -> None:
        self.blocks = blocks
        self.spaced = spaced
        """Whether a blank line follows the last block (a text does; a label alone does not)."""
        self._themed = sorted(
            {
                span.style
                for block in blocks
                for part in (block.content, block.lead.first, block.lead.rest)
                for span in part.spans
                if isinstance(span.style, str)
            }
            | ({RULE} if any(block.rule for block in blocks) else set())
        )
        """The themed styles the text uses (bullets, code…), named after the widget's parts."""

    def wrap(self, width: int) -> list[Content]:
        """The lines drawn at `width`: every block wrapped, and a blank line after the last one."""
        lines: list[Content] = []
        for block in self.blocks:
            if lines:
                lines.extend([block.gap[1]] * block.gap[0])
            room = max(width - block.lead.rest.cell_length, 1)
            if block.rule:
                wrapped = [Content.styled("─" * room, RULE)]
            elif block.wrap:
                wrapped = block.content.wrap(room)
            else:
                wrapped = [part for line in block.content.split("\n") for part in line.fold(room)]
            for number, line in enumerate(wrapped):
                lines.append((block.lead.rest if number else block.lead.first) + line)
        if lines and self.spaced:
            lines.append(Content(""))
        return lines

    def strips_key(self, width: int, style: Style, options: RenderOptions) -> tuple[object, ...]:
        return (width, style, *(options.get_style(name) for name in self._themed))

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((b.lead.rest.cell_length + b.content.cell_length for b in self.blocks), default=0)

    @property
    def plain(self) -> str:
        """The words as written, one block a line (without bullets)."""
        return "\n".join(block.content.plain for block in self.blocks)


def markdown_text(
    markdown: str, label: Content | None = None, indent: int = 0, blank_after: bool = True
) -> MarkdownText:
    """`markdown` read into blocks of styled text (raw HTML is shown as written, never run),
    set `indent` cells in, under `label` (a line of its own, not set in) if there is one, with a
    blank line after the text unless `blank_after` is false."""
    blocks = [Block(label, Lead())] if label is not None else []
    margin = Content(" " * indent)
    _add(SyntaxTreeNode(_parser().parse(markdown)).children, Lead(margin, margin), 1, NO_GAP, 0, blocks)
    return MarkdownText(blocks, spaced=blank_after and len(blocks) > (label is not None))


def _add(nodes: list[SyntaxTreeNode], lead: Lead, gap: int, first: Gap, depth: int, out: list[Block]) -> None:
    """Append the blocks of `nodes` to `out`, `gap` blank lines between them (`first` before the first)."""
    for number, node in enumerate(nodes):
        before = first if number == 0 else (gap, lead.rest.rstrip())
        kind = node.type
        if kind in ("paragraph", "html_block"):
            out.append(Block(_paragraph(node), lead, before))
        elif kind == "heading":
            out.append(Block(_inline(node.children[0]).stylize(HEADING).stylize_before(BOLD), lead, before))
        elif kind in ("bullet_list", "ordered_list"):
            _list(node, lead, before, depth, out)
        elif kind == "blockquote":
            quoted = lead.then(QUOTE_BAR, QUOTE_BAR, MARK)
            _add(node.children, quoted, 1, before, depth, out)
        elif kind in ("fence", "code_block"):
            code = Content.styled(node.content.rstrip("\n"), CODE)
            out.append(Block(code, lead.then("  ", "  "), before, wrap=False))
        elif kind == "hr":
            out.append(Block(Content(""), lead, before, rule=True))
        elif kind == "table":
            rows = [row for part in node.children for row in part.children]
            for row_number, row in enumerate(rows):
                cells = Content(" │ ").join(
                    _inline(cell.children[0]) if cell.children else Content("") for cell in row.children
                )
                heading = row_number == 0
                out.append(
                    Block(
                        cells.stylize_before(BOLD) if heading else cells, lead, before if heading else NO_GAP
                    )
                )
        else:
            continue
        lead = lead.used()


def _list(node: SyntaxTreeNode, lead: Lead, before: Gap, depth: int, out: list[Block]) -> None:
    """A list's items, each under its bullet or number, one under the other (a blank line written
    between two items does not part them: a list reads as one block)."""
    items = node.children
    if node.type == "ordered_list":
        start = int(node.attrs.get("start", 1) or 1)
        width = max(len(f"{number}. ") for number in range(start, start + len(items))) + 1
        marks = [f"{number}. ".rjust(width) for number in range(start, start + len(items))]
    else:
        marks = [BULLETS[depth % len(BULLETS)]] * len(items)
    for number, (item, mark) in enumerate(zip(items, marks)):
        item_lead = lead.then(mark, " " * len(mark), MARK)
        if item.children:
            _add(item.children, item_lead, 0, before if number == 0 else NO_GAP, depth + 1, out)
        else:  # an empty item keeps its bullet
            out.append(Block(Content(""), item_lead, before if number == 0 else NO_GAP))
        lead = lead.used()


def _paragraph(node: SyntaxTreeNode) -> Content:
    if node.type == "html_block":
        return Content(_SPACES.sub(" ", node.content.strip()))
    return _inline(node.children[0]) if node.children else Content("")


def _inline(node: SyntaxTreeNode) -> Content:
    """An inline run as Content: bold, italics, struck and code as styles; a link's words
    underlined, followed by its address when the words do not already show it."""
    token = node.token
    children: list[Token] = (token.children if token is not None else None) or []
    text: list[str] = []
    spans: list[Span] = []
    opened: list[tuple[Style, int]] = []
    link: tuple[str, int] | None = None
    size = 0

    def add(words: str, style: Style | str | None = None) -> None:
        nonlocal size
        if style is not None and words:
            spans.append(Span(size, size + len(words), style))
        text.append(words)
        size += len(words)

    for child in children:
        kind = child.type
        if kind in ("text", "html_inline"):
            add(_SPACES.sub(" ", child.content))
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add("\n")
        elif kind == "code_inline":
            add(child.content, CODE)
        elif kind == "image":
            add(_SPACES.sub(" ", child.content))
        elif kind in ("strong_open", "em_open", "s_open", "link_open"):
            opened.append(
                ({"strong_open": BOLD, "em_open": ITALIC, "s_open": STRIKE}.get(kind, UNDERLINE), size)
            )
            if kind == "link_open":
                link = (str(child.attrs.get("href", "")), size)
        elif kind.endswith("_close") and opened:
            closed, start = opened.pop()
            if size > start:
                spans.append(Span(start, size, closed))
            if kind == "link_close" and link is not None:
                address = _SCHEME.sub("", link[0]).rstrip("/")
                if address and address not in "".join(text)[link[1] :]:
                    add(f" ({address})")
                link = None
    return Content("".join(text), spans)
