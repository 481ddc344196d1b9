"""Lesson text as Markdown whose no-break spaces hold: « 28 % » never wraps as « 28 » / « % »."""

from __future__ import annotations

from functools import cache

from markdown_it.token import Token
from textual.content import Content
from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock

from course.ui.widgets.typography import NBSP, hold_no_break_spaces

_KEPT = "\ue000"
"""Stands for a no-break space while Textual folds every run of whitespace into one plain space."""


class _NoBreakSpacesKept:
    """Mixed into a block: its text keeps its no-break spaces (Textual would turn them into plain spaces)."""

    def _token_to_content(self, token: Token) -> Content:
        for child in token.children or []:
            if child.type == "text":
                child.content = child.content.replace(NBSP, _KEPT)
        content = super()._token_to_content(token)  # type: ignore[misc]
        return Content(content.plain.replace(_KEPT, NBSP), spans=list(content.spans))


@cache
def _keeping(block: type[MarkdownBlock]) -> type[MarkdownBlock]:
    return type(block.__name__, (_NoBreakSpacesKept, block), {"DEFAULT_CSS": ""})


class LessonMarkdown(Markdown):
    """Markdown whose blocks keep no-break spaces, and whose lines never break at one."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        hold_no_break_spaces()

    def get_block_class(self, block_name: str) -> type[MarkdownBlock]:
        return _keeping(super().get_block_class(block_name))
