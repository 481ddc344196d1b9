"""A Textual visual that wraps its text once per width and draws those lines as they are."""

from __future__ import annotations

from dataclasses import replace

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

_AS_WRAPPED: RulesMap = {"text_wrap": "nowrap", "text_overflow": "fold"}
"""Rules for drawing lines already wrapped at the width."""


class WrappedVisual(Visual):
    """Lines wrapped by `wrap(width)`, kept for that width; drawn without wrapping them again,
    and the drawn strips kept while the width and the styles they were drawn with stay."""

    _lines: tuple[int, list[Content]] | None = None
    _strips: tuple[tuple[object, ...], list[Strip]] | None = None

    def wrap(self, width: int) -> list[Content]:
        """The lines at `width` (each at most `width` cells)."""
        raise NotImplementedError

    def strips_key(self, width: int, style: Style, options: RenderOptions) -> tuple[object, ...]:
        """What the drawn strips depend on besides the lines: the width and the base style."""
        return (width, style)

    def lines(self, width: int) -> list[Content]:
        if self._lines is None or self._lines[0] != width:
            self._lines = (width, self.wrap(width))
        return self._lines[1]

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if not width:
            return []
        key = self.strips_key(width, style, options)
        if self._strips is not None and self._strips[0] == key and options.selection is None:
            strips = self._strips[1]
        else:
            lines = Content("\n").join(self.lines(width))
            strips = lines.render_strips(width, None, style, replace(options, rules=_AS_WRAPPED))
            if options.selection is None:
                self._strips = (key, strips)
        return strips if height is None else strips[:height]

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))
