"""A footer that changes its keys in place instead of rebuilding itself at each change of focus."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.screen import Screen

_Ident = tuple[str, str, str, str]
"""A key of the footer: the key, as shown, its description and its action."""
_Entry = tuple[_Ident, bool, str]
"""A key to show: which, enabled or greyed, its tooltip."""


class SteadyFooter(Footer):
    """Textual's Footer, minus the rebuild each time the bindings change.

    Textual's Footer removes and mounts all its keys after each focus move or
    `refresh_bindings()`, and each rebuild restyles every key: tens of ms per
    key press. This one keeps every key it has shown so far, hidden when not
    wanted, and shows, hides or greys them in place, at once, so the change is
    drawn in the same frame as the rest of the screen. Only a key it has never
    shown makes it rebuild (keeping the others, hidden). The keys shown are
    those of the moment `refresh_bindings()` (or a focus move) is called: a
    screen whose `check_action` answers change calls it once its state has changed.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._known: list[_Ident] = []
        """Every key shown so far, in the footer's order."""

    def compose(self) -> ComposeResult:
        wanted = self._wanted() if self._bindings_ready else None
        if wanted is None:
            self._known = []
            yield from super().compose()
            return
        self._known = _merged(self._known, [ident for ident, _enabled, _tooltip in wanted])
        shown = {ident: (enabled, tooltip) for ident, enabled, tooltip in wanted}
        for ident in self._known:
            enabled, tooltip = shown.get(ident, (True, ""))
            key = FooterKey(*ident, disabled=not enabled, tooltip=tooltip).data_bind(compact=Footer.compact)
            key.display = ident in shown
            yield key

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
                ident = (binding.key, self.app.get_key_display(binding), binding.description, binding.action)
                seen[binding.action] = (ident, enabled, tooltip)
        return list(seen.values())

    def _in_place(self) -> bool:
        """Show the wanted keys with the ones mounted; False when a wanted key is not among them."""
        wanted = self._wanted()
        keys = list(self.query_children(FooterKey))
        if wanted is None or not keys or len(keys) != len(self.children):
            return False
        shown: dict[int, tuple[bool, str]] = {}
        at = 0
        for ident, enabled, tooltip in wanted:
            while at < len(keys) and _ident(keys[at]) != ident:
                at += 1
            if at == len(keys):
                return False
            shown[at] = (enabled, tooltip)
            at += 1
        for n, key in enumerate(keys):
            found = shown.get(n)
            if found is None:
                if key.display:
                    key.display = False
                continue
            enabled, tooltip = found
            if not key.display:
                key.display = True
            if key._disabled == enabled:
                key._disabled = not enabled
                key.set_class(not enabled, "-disabled")
            if (tooltip or None) != (key.tooltip or None):
                key.tooltip = tooltip or None
        return True

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._in_place():
            self.call_after_refresh(self.recompose)


def _ident(key: FooterKey) -> _Ident:
    return (key.key, key.key_display, key.description, key.action)


def _merged(known: list[_Ident], wanted: list[_Ident]) -> list[_Ident]:
    """The keys known so far plus the new wanted ones, each placed after the wanted key before it.

    When the wanted keys come in another order than the known ones, the wanted order wins.
    """
    merged = list(known)
    at = 0
    for ident in wanted:
        if ident in merged:
            found = merged.index(ident)
            if found < at:
                return list(wanted)
            at = found + 1
        else:
            merged.insert(at, ident)
            at += 1
    return merged
