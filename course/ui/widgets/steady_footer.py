"""A footer that changes its keys in place instead of rebuilding itself at each change of focus."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.screen import Screen

_Ident = tuple[str, str]
"""A key of the footer as the learner reads it: its description and its action."""


class _Entry(NamedTuple):
    """A key to show: which, the key pressed and as drawn, enabled or greyed, its tooltip."""

    ident: _Ident
    key: str
    key_display: str
    enabled: bool = True
    tooltip: str = ""


class SteadyFooter(Footer):
    """Textual's Footer, minus the rebuild each time the bindings change.

    Textual's Footer removes and mounts all its keys after each focus move or
    `refresh_bindings()`, and each rebuild restyles every key: tens of ms per
    key press. This one composes every key the screen could show (those not
    wanted now hidden) and then shows, hides, greys or renames them in place, at
    once, so the change is drawn in the same frame as the rest of the screen.
    Only a key it has never had makes it rebuild (keeping the others, hidden).
    The keys shown are those of the moment `refresh_bindings()` (or a focus
    move) is called: a screen whose `check_action` answers change calls it once
    its state has changed.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._known: list[_Entry] = []
        """Every key had so far, in the footer's order."""
        self._rebuilding = False

    def compose(self) -> ComposeResult:
        # Composed with its keys at once, where Textual's Footer waits for the first focus and
        # then rebuilds: the focus chosen later shows or hides keys in place.
        wanted = self._wanted()
        if wanted is None:
            self._known = []
            yield from super().compose()
            return
        self._rebuilding = False
        self._bindings_ready = True
        self._known = _merged(_merged(self._known, self._possible()), wanted)
        shown = {entry.ident: entry for entry in wanted}
        for entry in self._known:
            entry = shown.get(entry.ident, entry)
            key = FooterKey(
                entry.key,
                entry.key_display,
                entry.ident[0],
                entry.ident[1],
                disabled=not entry.enabled,
                tooltip=entry.tooltip,
                classes="-compact" if self.compact else "",
            )
            # Born with the footer's compactness, where a FooterKey is born compact and restyled
            # twice on mounting (compact, then not), twice a key at each screen built.
            key.set_reactive(FooterKey.compact, self.compact)
            key.data_bind(compact=Footer.compact)
            key.display = entry.ident in shown
            yield key

    def _entry(self, binding: Binding, enabled: bool = True, tooltip: str = "") -> _Entry:
        return _Entry(
            (binding.description, binding.action),
            binding.key,
            self.app.get_key_display(binding),
            enabled,
            tooltip,
        )

    def _wanted(self) -> list[_Entry] | None:
        """The keys to show, as Textual's Footer would compose them; None when it groups keys."""
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            return None
        seen: dict[str, _Entry] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if not binding.show:
                continue
            if binding.group is not None:
                return None
            if binding.action not in seen:  # Textual shows the first key bound to an action
                seen[binding.action] = self._entry(binding, enabled, tooltip)
        return list(seen.values())

    def _possible(self) -> list[_Entry]:
        """Every key the focused widget, the screen and the app could show, whatever `check_action` says now."""
        found: dict[str, _Entry] = {}
        for _node, bindings in self.screen._modal_binding_chain:
            for _key, binding in bindings:
                if binding.show and binding.group is None and binding.action not in found:
                    found[binding.action] = self._entry(binding)
        return list(found.values())

    def _in_place(self) -> bool:
        """Show the wanted keys with the ones mounted; False when a wanted key is not among them."""
        wanted = self._wanted()
        keys = list(self.query_children(FooterKey))
        if wanted is None or not keys or len(keys) != len(self.children):
            return False
        shown: dict[int, _Entry] = {}
        at = 0
        for entry in wanted:
            while at < len(keys) and (keys[at].description, keys[at].action) != entry.ident:
                at += 1
            if at == len(keys):
                return False
            shown[at] = entry
            at += 1
        for n, key in enumerate(keys):
            found = shown.get(n)
            if found is None:
                if key.display:
                    key.display = False
                continue
            if not key.display:
                key.display = True
            if (key.key, key.key_display) != (
                found.key,
                found.key_display,
            ):  # « ? » in a list, F1 in a text field
                key.key, key.key_display = found.key, found.key_display
                key.refresh(layout=True)
            if key._disabled == found.enabled:
                key._disabled = not found.enabled
                key.set_class(not found.enabled, "-disabled")
            if (found.tooltip or None) != (key.tooltip or None):
                key.tooltip = found.tooltip or None
        return True

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._in_place() and not self._rebuilding:
            self._rebuilding = True
            self.call_after_refresh(self.recompose)


def _merged(known: list[_Entry], wanted: list[_Entry]) -> list[_Entry]:
    """The keys known so far plus the new wanted ones, each placed after the wanted key before it.

    When the wanted keys come in another order than the known ones, the wanted order wins.
    """
    merged = list(known)
    idents = [entry.ident for entry in merged]
    at = 0
    for entry in wanted:
        if entry.ident in idents:
            found = idents.index(entry.ident)
            if found < at:
                return list(wanted)
            at = found + 1
        else:
            merged.insert(at, entry)
            idents.insert(at, entry.ident)
            at += 1
    return merged
