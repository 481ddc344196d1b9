"""Lesson text as Markdown whose no-break spaces hold: « 28 % » never wraps as « 28 » / « % »."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from textual.await_complete import AwaitComplete
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
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


class SizedInOnePass:
    """Mixed into a widget: a change of its size or content size asks for no second layout pass.

    Textual sets a widget's sizes during a layout pass and then, when they changed, lays the whole
    screen out again (and draws a second frame) although the first pass already placed everything
    after them. A scrollable widget still updates its scroll bars (and lays out again when one
    comes or goes).
    """

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        updated: bool = super()._size_updated(size, virtual_size, container_size, layout=False)  # type: ignore[misc]
        return updated


class LessonPage(SizedInOnePass, Widget):
    """The blocks of one text, built once and kept: shown again without being parsed or mounted."""

    DEFAULT_CSS = """
    LessonPage {
        layout: vertical;
        width: 1fr;
        height: auto;
    }
    LessonPage > MarkdownParagraph {
        margin: 0 0 1 0;
    }
    """
    """Laid out as Markdown lays out its blocks (its paragraphs keep their bottom margin)."""


class LessonMarkdown(SizedInOnePass, Markdown):
    """Markdown whose blocks keep no-break spaces, and whose lines never break at one.

    Each text it is given is drawn once, in a page of its own that stays mounted: `update`
    with a text already seen shows its page again and hides the others (no parse, no mount,
    no restyle of new blocks), so turning back and forth between sections costs a layout.
    """

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        hold_no_break_spaces()
        self._pages: dict[str, LessonPage] = {}
        self._shown: LessonPage | None = None

    def get_block_class(self, block_name: str) -> type[MarkdownBlock]:
        return _keeping(super().get_block_class(block_name))

    def update(self, markdown: str) -> AwaitComplete:
        """Show `markdown`, drawn now if it is new (parsed here: no hop through a thread)."""
        return AwaitComplete(self._show_page(markdown))

    async def _show_page(self, markdown: str) -> None:
        self._theme = self.app.theme
        self._markdown = markdown
        self._table_of_contents = None
        if not markdown.strip():  # nothing to draw (the empty text Markdown starts with): no page
            if self._shown is not None:
                self._shown.display = False
                self._shown = None
            return
        page = self._pages.get(markdown)
        if page is None:
            parser = MarkdownIt("gfm-like") if self._parser_factory is None else self._parser_factory()
            page = LessonPage(*self._parse_markdown(parser.parse(markdown)))
            self._pages[markdown] = page
            if self._shown is not None:
                self._shown.display = False
            self._shown = page
            await self.mount(page)
            return
        if page is not self._shown:  # shown again as it was drawn
            if self._shown is not None:
                self._shown.display = False
            page.display = True
            self._shown = page
