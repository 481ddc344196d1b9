"""A change of screen drawn once, whole, instead of over several frames.

Textual lays a new screen out when it resumes, again on the resize it sends itself, and once
more when the old screen is removed, drawing the whole screen each time. `drawn_at_once`
holds the frames meanwhile. It leans on Textual's internals (the app's batch count, a
screen's pending layout and callbacks): Textual is pinned in the lock files, and
tests/ui/test_quiz_frames.py fails if an upgrade changes what is drawn.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Coroutine
from typing import Any

from textual.app import App
from textual.await_complete import AwaitComplete
from textual.screen import Screen

_SETTLING: set[asyncio.Task[None]] = set()
"""The screen changes being waited for (a task nobody holds could be collected before its end)."""


_HOLDING: weakref.WeakKeyDictionary[App[Any], int] = weakref.WeakKeyDictionary()
"""The apps whose frames a screen change holds, and how many changes hold them."""


def frames_held(app: App[Any]) -> bool:
    """Whether a screen change holds `app`'s frames: what a screen would draw meanwhile is not
    shown, and the change draws the whole screen once it has settled (`LaidOutOnce` skips it)."""
    return _HOLDING.get(app, 0) > 0


_LAYOUTS = 3
"""At most this many layouts of the new screen made before it is drawn."""
_QUIET_TURNS = 200
"""At most this many turns of the event loop waited for a new screen's widgets to be done."""


def _quiet(screen: Screen[Any]) -> bool:
    """Nothing left to handle by the screen or its widgets: no message, no callback after refresh."""
    if screen._callbacks or not screen._message_queue.empty():
        return False
    return all(node._message_queue.empty() for node in screen.walk_children(with_self=False))


async def _quieted(screen: Screen[Any]) -> None:
    for _ in range(_QUIET_TURNS):
        if _quiet(screen):
            return
        await asyncio.sleep(0)


def drawn_at_once(app: App[Any], change: AwaitComplete) -> None:
    """Draw the screen `change` brings (a switch or a pop just asked of `app`) once it has settled.

    Textual lays a new screen out when it resumes, again on the resize it sends
    itself, and once more when the old screen is removed, each time drawing the
    whole screen: four frames or more for one key. Here the frames are held
    from the request until the old screen is gone and the new one idle, then the
    new screen is drawn whole: one or two frames.
    """
    app._begin_batch()
    _HOLDING[app] = _HOLDING.get(app, 0) + 1

    async def settle(change: AwaitComplete | None, rounds: int) -> None:
        try:
            if change is not None:
                await change
            for _ in range(_LAYOUTS):
                await _quieted(app.screen)  # what the new screen does on resuming (a footer rebuilt...)
                screen = app.screen
                if not screen._layout_required:
                    break
                screen._layout_required = False
                screen._refresh_layout()  # laid out undrawn, so that what follows a layout is done too
        finally:
            screen = app.screen

            def release() -> None:
                _HOLDING[app] -= 1
                app._end_batch()

            def draw() -> None:
                if rounds > 1 and screen._layout_required and screen is app.screen:
                    # Asked since it settled: Textual ends the old screen's removal twice, the
                    # second time a few turns after the change. Settled again, still undrawn.
                    _start(settle(None, rounds - 1))
                    return
                release()
                screen.refresh()

            if screen.is_attached:
                screen.call_after_refresh(draw)  # after its own layouts, which the batch keeps undrawn
            else:
                release()

    _start(settle(change, _LAYOUTS))


def _start(settling: Coroutine[Any, Any, None]) -> None:
    task = asyncio.create_task(settling)
    _SETTLING.add(task)
    task.add_done_callback(_SETTLING.discard)
