"""A list of choices to mark with digits, arrows, space, Enter or the mouse."""

from __future__ import annotations

from rich.console import OverflowMethod
from rich.text import Text
from textual.binding import Binding
from textual.color import Color
from textual.content import Content
from textual.css.styles import RulesMap
from textual.message import Message
from textual.style import Style
from textual.widgets.option_list import Option

from course.ui.widgets.typography import Hanging, french_spacing
from course.ui.widgets.width_kept_lines import WidthKeptLines
from course.ui.widgets.wrapped_visual import WrappedVisual


class HangingChoice(WrappedVisual, Hanging):
    """A choice's number and mark, then its text, whose wrapped lines start under its own first
    word: what `typography.hanging` draws with Rich, as a Textual visual (the list draws and
    measures every choice each time one is marked: wrapped once per width, no Rich console
    involved). Rich can draw it too (the quiz's verdict puts its « » feedbacks in a Rich group).
    """

    def __init__(self, marker: Text, text: Text, overflow: OverflowMethod = "ellipsis") -> None:
        Hanging.__init__(self, marker, text, overflow)

    def wrap(self, width: int) -> list[Content]:
        """The rows at `width`: the marker then the text's first line, the others under it."""
        marker = Content.from_rich_text(self.marker)
        indent = marker.cell_length
        pad = Content(" " * indent)
        wrapped = Content.from_rich_text(self.text).wrap(
            max(width - indent, 1), overflow="fold" if self.overflow == "fold" else "ellipsis"
        )
        return [(marker if n == 0 else pad) + line for n, line in enumerate(wrapped or [Content("")])]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.marker.cell_len + self.text.cell_len


class ChoiceList(WidthKeptLines):
    """Choices shown in a given order; `multiple` lets several be marked.

    Space, a digit or a click marks a choice; Enter validates (for a single
    choice, Enter on an unmarked list marks the highlighted one first; with
    several and none marked, the screen says what is missing).
    Marks are drawn as text, `(•)` or `[x]`, never as colour alone.

    Once answered, `freeze` keeps the marks and the focus (no focus move, so no
    repaint of the whole screen): the list is drawn as a disabled one, its arrows,
    digits and space go up to the screen, and Enter still asks to go on. That look
    is given by inline styles and a part of the list's own (no class, so the style
    sheet is not applied to the list again at each answer and each question):
    faded, its border and its highlighted choice drawn as when it has not the focus.
    """

    DEFAULT_CSS = """
    ChoiceList > .choice-list--frozen-highlighted {
        color: $foreground;
        background: $block-cursor-blurred-background;
        text-style: $block-cursor-blurred-text-style;
    }
    """
    COMPONENT_CLASSES = {"choice-list--frozen-highlighted"}
    FROZEN_OPACITY = 0.7

    BINDINGS = [
        Binding("space", "toggle_mark", show=False),
        *[Binding(str(n), f"mark_number({n})", show=False) for n in range(1, 10)],
    ]

    class Submitted(Message):
        """The learner asked to validate their choice."""

    def __init__(self, texts: list[str], order: list[int], *, multiple: bool, id: str | None = None) -> None:
        self.texts = texts
        self.order = order
        self.multiple = multiple
        self.marked: set[int] = set()
        self.frozen = False
        super().__init__(*self._build_options(), id=id)

    def _prompt(self, position: int) -> HangingChoice:
        """The number and the mark, then the choice's text (wrapped under its first word)."""
        original = self.order[position]
        on = original in self.marked
        mark = ("[x]" if on else "[ ]") if self.multiple else ("(•)" if on else "( )")
        style = "bold" if on else ""
        return HangingChoice(
            Text(f"{position + 1}  {mark} ", style=style),
            Text(french_spacing(self.texts[original]), style=style),
        )

    def reset(self, texts: list[str], order: list[int], *, multiple: bool) -> None:
        """Other choices in the same list, none marked, ready to answer (no widget remounted)."""
        self.texts = texts
        self.order = order
        self.multiple = multiple
        self.marked = set()
        self._resetting = True
        try:
            self.set_options(self._build_options())
        finally:
            self._resetting = False
        self.disabled = False
        if self.frozen:
            self.frozen = False
            self._paint_frozen()

    _resetting = False

    def _refresh_scrollbars(self) -> None:
        """Whether a scroll bar is needed is left to the layout the new choices ask for: measured
        against the list's former height, it could come and go again, a second layout."""
        if not self._resetting:
            super()._refresh_scrollbars()

    def freeze(self) -> None:
        """Answered: the marks stay, drawn as disabled; only Enter still acts (it asks to go on)."""
        self.frozen = True
        self._paint_frozen()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._recolour)

    def _recolour(self, _theme: object) -> None:
        if self.frozen:  # the border's inline colour takes the new theme's, as a class's would
            self._paint_frozen()

    def _paint_frozen(self) -> None:
        """The frozen look on or off, as inline styles: the list alone is repainted."""
        styles = self.styles
        if self.frozen:
            styles.opacity = self.FROZEN_OPACITY
            styles.border = ("tall", Color.parse(self.app.theme_variables["border-blurred"]))
            styles.background_tint = Color(0, 0, 0, 0)
        else:
            for rule in (
                "opacity",
                "border_top",
                "border_right",
                "border_bottom",
                "border_left",
                "background_tint",
            ):
                styles.clear_rule(rule)
        self.notify_style_update()  # styles drawn from the cache of the last restyle are drawn again
        self.refresh()

    def get_visual_style(self, *component_classes: str, partial: bool = False) -> Style:
        if self.frozen and "option-list--option-highlighted" in component_classes:
            component_classes = tuple(
                "choice-list--frozen-highlighted" if name == "option-list--option-highlighted" else name
                for name in component_classes
            )
        return super().get_visual_style(*component_classes, partial=partial)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.frozen and action != "select":
            return False  # the key goes up to the screen (arrows scroll the question and its feedback)
        return super().check_action(action, parameters)

    def _build_options(self) -> list[Option]:
        return [Option(self._prompt(i), id=f"c{i}") for i in range(len(self.order))]

    def mark(self, position: int) -> None:
        """Mark (or, for several choices, toggle) the choice shown at `position`."""
        if self.disabled or self.frozen or not 0 <= position < len(self.order):
            return
        original = self.order[position]
        before = self.marked
        self.marked = before ^ {original} if self.multiple else {original}
        self.highlighted = position
        for shown, choice in enumerate(self.order):  # only the choices whose mark changed are redrawn
            if (choice in before) != (choice in self.marked):
                self.replace_option_prompt_at_index(shown, self._prompt(shown))

    def action_mark_number(self, number: int) -> None:
        self.mark(number - 1)

    def action_toggle_mark(self) -> None:
        if self.highlighted is not None:
            self.mark(self.highlighted)

    def action_select(self) -> None:
        """Enter: ask to validate; with nothing ticked the screen says what is missing."""
        if self.disabled:
            return
        if not self.marked and not self.multiple and self.highlighted is not None and not self.frozen:
            self.mark(self.highlighted)
        self.post_message(self.Submitted())

    async def _on_click(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.frozen:
            event.prevent_default()  # neither marked nor submitted again
            return
        clicked = event.style.meta.get("option")
        if clicked is not None:
            self.mark(int(clicked))

    def response(self) -> list[int]:
        return sorted(self.marked)
