"""A screen laid out once per size, and not drawn while a screen change holds the frames.

Textual lays a new screen out when it resumes, then again on the resize it sends itself right
after, and at that resize lays out every screen under it too: two layouts of whole screens for
a size that did not change. A screen that something asked to lay out again since (a widget's
new size, a new style) is still laid out at that resize, as Textual does.

While a screen change holds the frames (`screen_change.drawn_at_once`), Textual still draws the
whole screen after each layout, and throws the drawing away; the change draws the screen whole
once it has settled. A screen whose drawing changes nothing of its layout skips those drawings
(`DRAWN_ONLY_SHOWN`); one with an option list does not, since the list measures its lines as it
draws them and asks for a layout then, which the change must settle before the screen is shown.
"""

from __future__ import annotations

from typing import ClassVar

from textual.geometry import Size
from textual.screen import Screen

from course.ui.screen_change import frames_held


class LaidOutOnce(Screen[None]):
    DRAWN_ONLY_SHOWN: ClassVar[bool] = False
    """Not drawn while a screen change holds the frames (its drawing changes nothing of its layout)."""

    _laid_out_at: Size | None = None
    """The size of this screen's last whole layout."""

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        whole = not (scroll and not self._layout_widgets)  # Textual's own test: a whole layout
        super()._refresh_layout(size, scroll)
        if whole:
            self._laid_out_at = self.outer_size if size is None else size

    def _compositor_refresh(self) -> None:
        if self.DRAWN_ONLY_SHOWN and frames_held(
            self.app
        ):  # not shown: the screen change draws the whole screen once settled
            self._dirty_widgets.clear()
            self._compositor._dirty_regions.clear()
            return
        super()._compositor_refresh()

    def _screen_resized(self, size: Size) -> None:
        if size == self._laid_out_at and not self._layout_required:
            return  # laid out at this size already, and nothing asked since
        super()._screen_resized(size)
