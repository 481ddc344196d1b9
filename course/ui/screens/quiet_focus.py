"""A screen whose focus moves repaint only the widgets they restyle.

Textual repaints the whole screen when the focus moves; on the lesson and quiz screens,
where a key often moves the focus, that doubled the work of a key. Inside `focus_moves()`
a plain repaint of the whole screen is skipped; the widgets whose style changes with the
focus still redraw themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Self

from textual.geometry import Region
from textual.widget import Widget

from course.ui.screens.laid_out_once import LaidOutOnce


class QuietFocusScreen(LaidOutOnce):
    _moving_focus = False

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        if self._moving_focus and repaint and not (regions or layout or recompose):
            return self  # a focus move repaints the widgets it restyles, not the whole screen
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    @contextmanager
    def focus_moves(self) -> Iterator[None]:
        """Focus moves made inside draw what they change, not the whole screen."""
        self._moving_focus = True
        try:
            yield
        finally:
            self._moving_focus = False

    def focus_quietly(self, widget: Widget) -> None:
        """Focus `widget` now, without scrolling to it, drawing only what changes."""
        with self.focus_moves():
            self.set_focus(widget, scroll_visible=False)
