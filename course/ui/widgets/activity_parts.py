"""Parts of the activities (feed simulator, scenario, inspector) laid out in one pass on arrival.

An activity is built when the learner turns to its section. Textual lays the screen out, then
every new widget whose size was set in that pass asks for a second layout (and a second frame),
and so does a list when it first measures its options' lines while being drawn. These parts
skip the second pass when the first already placed everything.
"""

from __future__ import annotations

from typing import Any

from textual.widget import Widget
from textual.widgets import Static

from course.ui.widgets.choice_list import ChoiceList
from course.ui.widgets.section_text import SectionText, SizedInOnePass


class BroughtIntoView(Widget):
    """A part shown at a step of an activity, then scrolled into view.

    A callback after the next refresh may run before the layout that places the part (its
    children tell the screen of their new sizes in turn), and scroll to where the part was the
    last time; the scroll waits one more refresh, by which the layout is done.
    """

    def bring_into_view(self, top: bool = False) -> None:
        """Scroll the part into view (its top at the top of the view with `top`) once laid out."""
        self.call_after_refresh(self.call_after_refresh, self.scroll_visible, top=top, animate=False)


class Line(SizedInOnePass, Static):
    """A static text of an activity (a counter, a prompt, a hint)."""


class Box(SizedInOnePass, BroughtIntoView, Static):
    """A text shown at a step of an activity (a feedback, a summary), then scrolled into view."""


class StepText(BroughtIntoView, SectionText):
    """Markdown shown at a step of an activity (a review), then scrolled into view."""


class ListInOnePass(SizedInOnePass, ChoiceList):
    """A list of choices whose first measure of its lines asks for no second layout nor frame.

    The layout pass already sized the list from the same lines, and the frame that measures them
    draws them; only a scroll bar that comes or goes with them (a list longer than its room) needs
    the screen laid out again, and still gets it. A resize that leaves its width keeps its lines
    (`WidthKeptLines`, through `ChoiceList`).
    """

    _measuring = False

    def _update_lines(self) -> None:
        bars = (self.show_vertical_scrollbar, self.show_horizontal_scrollbar)
        self._measuring = True
        try:
            super()._update_lines()
        finally:
            self._measuring = False
        if (self.show_vertical_scrollbar, self.show_horizontal_scrollbar) != bars:
            self.refresh(layout=True)

    def refresh(
        self, *regions: Any, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Any:
        if self._measuring:  # measured to be laid out or drawn: that pass draws it
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
