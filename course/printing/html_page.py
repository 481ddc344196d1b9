"""A printed document as one self-contained HTML page: inline CSS for A4, no script, no external address.

Trainer Markdown goes through markdown-it with raw HTML off; links and images
keep their words only (and the address, without its scheme, in brackets), so
the page opens offline and prints the same everywhere.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape as _escape
from typing import Any

from markdown_it import MarkdownIt

from course.i18n import t
from course.printing.blocks import Block, Document, Heading, Items, Line, Prose, Write, bare

_FRENCH_SPACE = re.compile(r" (?=[:;?!%»])|(?<=«) ")
"""Spaces that must not break a line in French typography (before : ; ? ! % », after «)."""


def keep_together(html: str) -> str:
    """`html` with French spaces made non-breaking, so « and % never start or end a printed line alone."""
    return _FRENCH_SPACE.sub("\u00a0", html)


def escape(text: str) -> str:
    """`text` safe inside an element (apostrophes and quotes kept as they are: no attribute holds text)."""
    return keep_together(_escape(text, quote=False))


CSS = """
@page { size: A4; margin: 18mm 16mm 20mm; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt;
       line-height: 1.45; color: #000; background: #fff; }
html.large { font-size: 16pt; line-height: 1.6; }
body { max-width: 178mm; margin: 0 auto; padding: 10mm 0; }
header { border-bottom: 3px solid #000; margin-bottom: 1.2em; }
h1 { font-size: 1.9em; margin: 0; }
.subtitle { font-size: 1.3em; margin: .2em 0 .6em; }
h2 { font-size: 1.5em; border-bottom: 2px solid #000; padding-bottom: .1em; margin: 1.4em 0 .5em; }
h2.new-page { break-before: page; page-break-before: always; }
h3 { font-size: 1.15em; margin: 1.1em 0 .3em; }
h2, h3, p.strong { break-after: avoid; page-break-after: avoid; }
p { margin: .35em 0; }
p.muted { font-style: italic; }
p.strong { font-weight: bold; margin-top: .8em; }
.callout { border-left: 5px solid #000; padding: .1em .9em; margin: .6em 0; }
.callout-label { font-weight: bold; }
.question { break-inside: avoid; page-break-inside: avoid; margin: 0 0 1.1em; }
.question .how { font-style: italic; font-size: .92em; }
ul.tick, ul.rank { list-style: none; padding-left: .3em; }
ul.tick li, ul.rank li { margin: .3em 0; }
ul.tick li::before { content: ""; display: inline-block; width: .85em; height: .85em; border: 1.5px solid #000;
                     margin-right: .6em; vertical-align: -.08em; }
ul.rank li::before { content: ""; display: inline-block; width: 2em; height: 1.3em; border: 1.5px solid #000;
                     margin-right: .6em; vertical-align: -.35em; }
ul.inline li { display: inline-block; margin-right: 2.5em; }
.write { border-bottom: 1px solid #000; height: 2.1em; }
@media print { body { padding: 0; max-width: none; } }
"""


def _link_open(*_: Any) -> str:
    return ""


def _link_close(renderer: Any, tokens: list[Any], idx: int, options: Any, env: Any) -> str:
    opening = next(tok for tok in reversed(tokens[:idx]) if tok.type == "link_open")
    href = bare(str(opening.attrs.get("href", "")))
    return f" ({escape(href)})" if href else ""


def _image(renderer: Any, tokens: list[Any], idx: int, options: Any, env: Any) -> str:
    return escape(tokens[idx].content)


@cache
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("link_close", _link_close)
    md.add_render_rule("image", _image)
    return md


def prose_html(markdown: str) -> str:
    """Trainer Markdown as HTML: raw HTML escaped, links as words, no address with a scheme."""
    return keep_together(bare(_markdown().render(markdown or "")))


def _items(block: Items) -> str:
    tag = "ol" if block.kind in ("number", "letter") else "ul"
    classes = {"tick": "tick", "rank": "rank", "letter": "", "number": "", "bullet": ""}[block.kind]
    if block.inline:
        classes += " inline"
    kind = ' type="A"' if block.kind == "letter" else ""
    cls = f' class="{classes.strip()}"' if classes.strip() else ""
    rows = "".join(f"<li>{escape(bare(entry))}</li>" for entry in block.entries)
    return f"<{tag}{cls}{kind}>{rows}</{tag}>"


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        cls = ' class="new-page"' if block.new_page else ""
        return f"<h{block.level}{cls}>{escape(bare(block.text))}</h{block.level}>"
    if isinstance(block, Prose):
        body = prose_html(block.markdown)
        if block.label:
            return f'<div class="callout"><p class="callout-label">{escape(block.label)}</p>{body}</div>'
        return f'<div class="prose">{body}</div>'
    if isinstance(block, Line):
        cls = "" if block.style == "plain" else f' class="{block.style}"'
        return f"<p{cls}>{escape(bare(block.text))}</p>"
    if isinstance(block, Items):
        return _items(block)
    if isinstance(block, Write):
        return '<div class="write"></div>' * block.lines
    inner = "".join(_block(b) for b in block.blocks)
    return (
        f'<div class="question"><p><strong>{block.number}.</strong> {escape(bare(block.prompt))}</p>'
        f'<p class="how">{escape(block.how)}</p>{inner}</div>'
    )


def html_page(doc: Document, large: bool = False) -> str:
    """The whole document as one HTML page, ready to print on A4 (`large`: large print)."""
    body = "\n".join(_block(block) for block in doc.blocks)
    html_class = ' class="large"' if large else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(doc.language)}"{html_class}>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(doc.title)} : {escape(doc.subtitle)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header><h1>{escape(doc.title)}</h1><p class="subtitle">{escape(doc.subtitle)}</p>'
        f'<p class="muted">{escape(t("print.footer"))}</p></header>\n'
        f"{body}\n</body>\n</html>\n"
    )
