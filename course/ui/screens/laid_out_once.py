"""A screen laid out once per size, not again for a resize to the size it already has.

Textual lays a new screen out when it resumes, then again on the resize it sends itself right
after, and at that resize lays out every screen under it too: two layouts of whole screens
for a size that did not change. A screen that something asked to lay out again since (a
widget's new size, a new style) is laid out at that resize, as Textual does.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.screen import Screen


class LaidOutOnce(Screen[None]):
    _laid_out_at: Size | None = None
    """The size of this screen's last whole layout."""

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        whole = not (scroll and not self._layout_widgets)  # Textual's own test: a whole layout
        super()._refresh_layout(size, scroll)
        if whole:
            self._laid_out_at = self.outer_size if size is None else size

    def _screen_resized(self, size: Size) -> None:
        if size == self._laid_out_at and not self._layout_required:
            return  # laid out at this size already, and nothing asked since
        super()._screen_resized(size)
