"""Build an answer by picking items one after another: an order, or pairs to match."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from course.i18n import t
from course.ui.widgets.choice_list import HangingChoice
from course.ui.widgets.section_text import SizedInOnePass
from course.ui.widgets.typography import french_spacing
from course.ui.widgets.width_kept_lines import WidthKeptLines


class _Line(SizedInOnePass, Static):
    """A line of the builder, whose new height needs no second layout of the screen."""


class _Pool(WidthKeptLines):
    """The items left to pick, as tall as they are (height: auto): its lines, counted when first
    drawn, give it no size the layout that placed it did not already give, so they ask for no
    second layout of the screen, nor a second drawing (they are counted while it is drawn); and
    the resize that layout sends keeps them (another height, the same width), where an option
    list drops and draws them all again in a frame of their own."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)


class SequenceBuilder(SizedInOnePass, Vertical):
    """Pick from a pool; each pick fills the next slot; `undo` takes the last one back.

    For an `order` question the slots are positions 1, 2, 3…; for a `match`
    question each slot is a left-hand item waiting for its right-hand partner.

    Shown in place of another kind of answer, it and its lines take their sizes in the layout
    that places them: no second layout (and frame) of the screen for it.
    """

    class Completed(Message):
        """Every slot is filled: the answer can be validated."""

    def __init__(self, pool: list[str], slots: list[str] | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pool = list(pool)
        self.slots = slots  # None: an ordering; else the left-hand items to match
        self.picked: list[str] = []

    def compose(self) -> ComposeResult:
        yield _Line(id="sequence-answer", markup=False)
        yield _Line(id="sequence-ask", classes="muted", markup=False)
        yield _Pool(id="sequence-pool")

    def on_mount(self) -> None:
        self._refresh()

    def reset(self, pool: list[str], slots: list[str] | None = None) -> None:
        """Another order or match in the same widgets, nothing picked, ready to answer."""
        self.pool = list(pool)
        self.slots = slots
        self.picked = []
        self.disabled = False
        self.query_one("#sequence-ask", Static).display = True
        self._refresh()

    @property
    def complete(self) -> bool:
        return len(self.picked) == len(self.pool)

    def _remaining(self) -> list[str]:
        left = list(self.pool)
        for item in self.picked:
            left.remove(item)
        return left

    def _refresh(self) -> None:
        answer = Text()
        if self.slots is None:
            answer.append(t("quiz.order.yours") + "\n", style="bold")
            for n, item in enumerate(self.picked, 1):
                answer.append(f"  {n}. {item}\n")
        else:
            answer.append(t("quiz.match.yours") + "\n", style="bold")
            for n, left in enumerate(self.slots):
                right = self.picked[n] if n < len(self.picked) else "…"
                answer.append(f"  {left}  →  {right}\n")
        self.query_one("#sequence-answer", Static).update(answer)
        ask = self.query_one("#sequence-ask", Static)
        if self.complete:
            ask.update(t("quiz.sequence.complete"))
        elif self.slots is None:
            ask.update(t("quiz.order.ask", n=len(self.picked) + 1))
        else:
            ask.update(t("quiz.match.ask", left=self.slots[len(self.picked)]))
        pool = self.query_one("#sequence-pool", OptionList)
        pool.clear_options()
        pool.add_options(
            [
                Option(HangingChoice(Text(f"{n}  "), Text(french_spacing(item))), id=f"p{n}")
                for n, item in enumerate(self._remaining(), 1)
            ]
        )
        pool.display = not self.complete
        if not self.complete:
            pool.highlighted = 0

    def pick(self, position: int) -> None:
        remaining = self._remaining()
        if self.disabled or not 0 <= position < len(remaining):
            return
        self.picked.append(remaining[position])
        self._refresh()
        if self.complete:
            self.post_message(self.Completed())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.pick(event.option_index)

    def undo(self) -> bool:
        """Take back the last pick; False when there was none to take back."""
        if self.picked and not self.disabled:
            self.picked.pop()
            self._refresh()
            return True
        return False

    def freeze(self) -> None:
        """Answered: nothing more to pick, and no more « press Enter to submit »."""
        self.disabled = True
        self.query_one("#sequence-ask", Static).display = False
