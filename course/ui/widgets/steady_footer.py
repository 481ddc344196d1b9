"""The footer: the keys of the moment on one line, drawn by one widget and changed in place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.style import Style
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.screen import Screen


class _Entry(NamedTuple):
    """A key to show: the key pressed, as drawn, its description, enabled or greyed."""

    key: str
    key_display: str
    description: str
    enabled: bool = True


class SteadyFooter(Widget, can_focus=False):
    """The keys the screen answers now, as Textual's Footer shows them, in one widget.

    Textual's Footer mounts one widget per key and removes and mounts them all after each
    focus move or `refresh_bindings()`: each key is styled, laid out and drawn on its own,
    tens of ms per screen built and per key press. This footer draws the same line (each key
    highlighted, its description after it, a disabled key greyed) as one line of text, and a
    change of keys redraws that line in the frame of the change (a focus move's too), without
    a layout. A click on a key presses it, as on Textual's footer. The keys shown are those of
    the moment the focus moves or `refresh_bindings()` is called: a screen whose `check_action`
    answers change calls it once its state has changed.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--hover",
    }
    DEFAULT_CSS = """
    SteadyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        text-wrap: nowrap;
        text-overflow: clip;
        color: $footer-foreground;
        background: $footer-background;
        pointer: pointer;
        & > .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer-key--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: list[_Entry] | None = None
        """The keys drawn last (None: not yet drawn)."""
        self._spans: list[tuple[int, int, _Entry]] = []
        """Where each drawn key lies: first cell, cell after its last, the key."""
        self._hover: int | None = None
        """The index of the key under the mouse."""

    def on_mount(self) -> None:
        screen = self.screen
        screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        # Textual tells of new bindings after the frame of a focus move; the focus itself is
        # watched so that the keys it brings are drawn in that frame, not in the next.
        self.watch(screen, "focused", self._focus_moved, init=False)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _wanted(self) -> list[_Entry]:
        """The keys to show: the first key bound to each action shown, as Textual's Footer lists them."""
        seen: dict[str, _Entry] = {}
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen[binding.action] = self._entry(binding, enabled)
        return list(seen.values())

    def _entry(self, binding: Binding, enabled: bool = True) -> _Entry:
        return _Entry(binding.key, self.app.get_key_display(binding), binding.description, enabled)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """The keys may have changed: redraw the line if they did (same height, no layout)."""
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if self._shown is not None and self._wanted() != self._shown:
            self._shown = None
            self.refresh()

    def _focus_moved(self) -> None:
        self.bindings_changed(self.screen)

    def render(self) -> Content:
        if self._shown is None:
            self._shown = self._wanted()
        key_style = self.get_visual_style("footer-key--key")
        description_style = self.get_visual_style("footer-key--description")
        # under the mouse, a key takes the hover background over the footer's, as a FooterKey does
        hover_style = Style(background=self.get_visual_style("footer-key--hover").background)
        greyed = Style(dim=True)
        parts: list[tuple[str, Style]] = []
        spans: list[tuple[int, int, _Entry]] = []
        at = 0
        for index, entry in enumerate(self._shown):
            key = f" {entry.key_display} "
            description = f"{entry.description} " if entry.description else ""
            over = hover_style if index == self._hover else None
            for text, style in ((key, key_style), (description, description_style)):
                if text:
                    if over is not None:
                        style = style + over
                    if not entry.enabled:
                        style = style + greyed
                    parts.append((text, style))
            width = cell_len(key) + cell_len(description)
            spans.append((at, at + width, entry))
            at += width
        self._spans = spans
        return Content.assemble(*parts)

    def _at(self, x: int) -> int | None:
        for index, (start, end, _entry) in enumerate(self._spans):
            if start <= x < end:
                return index
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A key clicked is pressed, as on Textual's footer (a greyed one rings the bell)."""
        index = self._at(event.x)
        if index is None:
            return
        entry = self._spans[index][2]
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, index: int | None) -> None:
        if index != self._hover:
            self._hover = index
            self.refresh()
