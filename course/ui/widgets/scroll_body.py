"""A scrolling container whose vertical scroll bar is a class of its own."""

from __future__ import annotations

from typing import ClassVar

from textual.containers import VerticalScroll
from textual.scrollbar import ScrollBar


class OwnScrollBar(VerticalScroll):
    """Its vertical scroll bar is a `VERTICAL_BAR`, made on first use as Textual makes its own."""

    VERTICAL_BAR: ClassVar[type[ScrollBar]] = ScrollBar

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        if self._vertical_scrollbar is None:
            bar = self.VERTICAL_BAR(vertical=True, name="vertical", thickness=self.scrollbar_size_vertical)
            bar.display = False
            self._vertical_scrollbar = bar
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar
