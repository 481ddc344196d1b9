"""A lesson section's text: its callout's label and its Markdown drawn by one widget, with
no-break spaces that hold (« 28 % » never wraps as « 28 » / « % ») and list items that wrap
under their first word."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.visual import Visual
from textual.widget import Widget

from course.ui.widgets.markdown_text import STYLE_NAMES, MarkdownText, markdown_text


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


LABEL_OUTDENT = 2
"""Cells between the label, against the edge, and the text under it."""


class SectionText(SizedInOnePass, Widget):
    """The text of the section on screen, one widget whatever its paragraphs and lists, under the
    label of its callout (« Le saviez-vous ? ») if it has one.

    Each text is read once and kept with its lines wrapped at the last width: showing a text
    already seen again reads nothing. Links are underlined words (with their address when the
    words do not show it); nothing opens them.
    """

    DEFAULT_CSS = """
    SectionText {
        height: auto;
        padding: 0 2 0 0;
        color: $foreground;
    }
    SectionText > .section-text--label {
        text-style: bold;
        color: $secondary;
    }
    SectionText > .markdown--mark, SectionText > .markdown--heading {
        color: $text-primary;
    }
    SectionText:light > .markdown--mark, SectionText:light > .markdown--heading {
        color: $text-secondary;
    }
    SectionText:dark > .markdown--code {
        background: $warning 10%;
        color: $text-warning 95%;
    }
    SectionText:light > .markdown--code {
        background: $error 5%;
        color: $text-error 95%;
    }
    SectionText:ansi > .markdown--code {
        background: ansi_default;
    }
    SectionText > .markdown--rule {
        color: $secondary;
    }
    """
    COMPONENT_CLASSES = {*STYLE_NAMES, "section-text--label"}
    auto_links = Reactive(False)
    """No link to click (nothing opens them), so no pass over every line drawn to style them."""

    def __init__(
        self, *, id: str | None = None, indent: int = LABEL_OUTDENT, blank_after: bool = True
    ) -> None:
        super().__init__(id=id)
        self._indent = indent
        """Cells between the widget's edge and its text (the label stays against the edge)."""
        self._blank_after = blank_after
        """Whether a blank line ends the text (a section's does; the last paragraph of a card need not)."""
        self._shown: tuple[str, str | None] = ("", None)
        self._texts: dict[tuple[str, str | None], MarkdownText] = {self._shown: MarkdownText([])}
        self._text = self._texts[self._shown]

    @property
    def text(self) -> MarkdownText:
        """The text on screen, as blocks of styled words."""
        return self._text

    def update(self, markdown: str, label: str | None = None) -> None:
        """Show `markdown` under `label`, read now if it was never shown."""
        shown = (markdown, label)
        if shown == self._shown:
            return
        text = self._texts.get(shown)
        if text is None:
            title = None if label is None else Content.styled(label, ".section-text--label")
            text = self._texts[shown] = markdown_text(
                markdown, title, indent=self._indent, blank_after=self._blank_after
            )
        self._shown, self._text = shown, text
        self.refresh(layout=True)

    def render(self) -> Visual:
        return self._text
