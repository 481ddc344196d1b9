"""An option list that keeps the lines it drew while its width stays the same."""

from __future__ import annotations

from textual import events
from textual.strip import Strip
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class WidthKeptLines(OptionList):
    """Textual's OptionList drops every line it has measured and drawn at each resize, and
    draws them all again in a frame of its own. Its lines depend on its width alone: a resize
    that leaves the width as it was (another height, laid out in the pass that drew them)
    keeps them. What it draws is kept for one width: its drawn choices are dropped when its
    width changes without a resize (its own scroll bar coming or going)."""

    _lines_width: int | None = None
    """The width its lines were measured and drawn for."""

    def _update_lines(self) -> None:
        fresh = not self._line_cache.lines  # measured anew now (else only new options are added)
        super()._update_lines()
        if fresh and self._line_cache.lines:
            self._lines_width = self.scrollable_content_region.width

    _drawn_width: int | None = None
    """The width its cached drawings were made for."""

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        width = self.scrollable_content_region.width
        if width != self._drawn_width:
            self._option_render_cache.clear()
            self._drawn_width = width
        return super()._get_option_render(option, style)

    def _clear_caches(self) -> None:
        self._lines_width = None
        super()._clear_caches()

    def _on_resize(self, event: events.Resize | None = None) -> None:
        same_width = self._lines_width == self.scrollable_content_region.width
        if event is not None and self._lines_width is not None and same_width:
            event.prevent_default()  # the same width: the lines drawn are kept (OptionList drops them)
