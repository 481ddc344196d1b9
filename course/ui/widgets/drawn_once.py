"""A Rich renderable drawn by Rich once per width, however often it is measured and drawn."""

from __future__ import annotations

from rich.console import RenderableType
from rich.segment import Segment
from textual._context import active_app
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, RichVisual
from textual.widget import Widget


class DrawnOnce(RichVisual):
    """A Rich renderable drawn once per width: a layout asks its height and a frame its lines (the
    results screen is laid out several times as it replaces the quiz; the quiz's verdict is
    measured, then drawn, in the frame of an answer), and the text does not change meanwhile.
    Its lines are kept unstyled, the widget's style laid over them when drawn (what Textual's
    own wrapping of the renderable does)."""

    def __init__(self, widget: Widget, renderable: RenderableType) -> None:
        super().__init__(widget, renderable)
        self._lines: dict[int, list[list[Segment]]] = {}
        self._strips: dict[tuple[int, int | None, Style], list[Strip]] = {}

    def _lines_at(self, width: int) -> list[list[Segment]]:
        lines = self._lines.get(width)
        if lines is None:
            app = active_app.get()
            options = app.console_options.update(highlight=False, width=width)
            segments = app.console.render(self._renderable, options)
            lines = self._lines[width] = list(
                Segment.split_and_crop_lines(segments, width, include_new_lines=False, pad=False)
            )
        return lines

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._lines_at(width))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        key = (width, height, style)
        strips = self._strips.get(key)
        if strips is None:
            rich_style = style.rich_style
            strips = self._strips[key] = [
                Strip(Segment.apply_style(line, rich_style)) for line in self._lines_at(width)[:height]
            ]
        return strips
