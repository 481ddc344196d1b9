"""A choice of the list is drawn as a two-column Rich table drew it (what `typography.hanging`
was): the same rows, the same bold words, for every choice of the bundled course, marked or not,
whether Rich draws it (in the quiz's verdict) or Textual (in the list, as a visual). And
`typography.hanging` draws those rows too, except that a word longer than the row is folded
onto the next rows, whole, where the table cut it with « … »."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions

from course.content.bundled import bundled_course_dir
from course.content.loader import load_course
from course.ui.widgets.choice_list import HangingChoice
from course.ui.widgets.typography import hanging, hold_no_break_spaces

RULES: RulesMap = {}

LONG = "Une phrase longue comme en écrivent les formateurs, avec des précisions (comme celle-ci) " * 3


def _choices() -> list[str]:
    course = load_course(bundled_course_dir())
    texts = [
        choice.text
        for quiz in course.quizzes.values()
        for question in quiz.questions
        for choice in getattr(question, "choices", ())
    ]
    return [*texts, LONG, "x" * 150, "« 80 % » : oui ?"]


def _table(marker: Text, text: Text) -> Table:
    """The two-column grid `typography.hanging` used to be: the marker, then the text."""
    grid = Table.grid()
    grid.add_column(width=marker.cell_len, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(marker, text)
    return grid


def _rows(lines: list[list[Segment]]) -> list[list[tuple[str, bool]]]:
    """Each row as its visible characters, each with whether it is bold."""
    return [
        [(char, bool(seg.style and seg.style.bold)) for seg in line for char in seg.text if char.strip()]
        for line in lines
    ]


@pytest.mark.parametrize("width", [30, 60, 72, 76])
def test_a_choice_draws_the_rows_the_table_drew(width: int) -> None:
    hold_no_break_spaces()
    console = Console(width=200, color_system="truecolor")
    options = console.options.update_width(width)
    texts = _choices()
    assert len(texts) > 100
    differ = []
    for text in texts:
        for marked in (False, True):
            style = "bold" if marked else ""
            marker = Text("3  (•) " if marked else "3  ( ) ", style=style)
            table = console.render_lines(_table(marker.copy(), Text(text, style=style)), options, pad=True)
            drawn = console.render_lines(
                HangingChoice(marker.copy(), Text(text, style=style)), options, pad=True
            )
            choice = HangingChoice(marker.copy(), Text(text, style=style))
            visual = [
                list(strip)
                for strip in choice.render_strips(width, None, Style(), RenderOptions(_style, RULES))
            ]
            rows = ["".join(seg.text for seg in line).rstrip() for line in table]
            for found in (drawn, visual):
                plain = ["".join(seg.text for seg in line).rstrip() for line in found]
                if plain != rows or _rows(found) != _rows(table):
                    differ.append((text, plain))
            assert choice.get_height(RULES, width) == len(visual)
            folded = console.render_lines(hanging(marker.copy(), Text(text, style=style)), options, pad=True)
            plain = ["".join(seg.text for seg in line).rstrip() for line in folded]
            if max(map(len, text.split())) <= width - marker.cell_len:  # every word fits a row
                if plain != rows or _rows(folded) != _rows(table):
                    differ.append((text, plain))
            elif "".join(plain).replace(" ", "") != (marker.plain + text).replace(" ", ""):
                differ.append((text, plain))  # a word longer than the row: every character shown
    assert differ == []


def _style(name: str | Style) -> Style:
    """As a widget reads a style named in a text (« bold »)."""
    return name if isinstance(name, Style) else Style.parse(name)


def test_a_choice_drawn_twice_at_a_width_is_wrapped_once() -> None:
    choice = HangingChoice(Text("1  ( ) "), Text(LONG))
    first = choice.render_strips(40, None, Style(), RenderOptions(_style, RULES))
    again = choice.render_strips(40, None, Style(), RenderOptions(_style, RULES))
    assert again is first and all(isinstance(strip, Strip) for strip in first)
    assert choice.get_height(RULES, 40) == len(first) > 3
