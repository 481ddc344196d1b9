"""One browser tab of `atelier serve`: its app process and the messages its page sends.

`TabService` is textual-serve's AppService with a few variables added to the app's
environment (the trainer code, never written in a page). `relay` reads what the page sends
(keys, resizes, pings, focus) and passes on only well-formed messages: anything else (not
JSON, wrong shape, absurd sizes) is ignored quietly, with no traceback in the server's log.
"""

from __future__ import annotations

import asyncio
import json
from contextlib import suppress
from typing import Any

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService

MAX_SIDE = 1000  # columns or rows: no screen is larger
STOP_WAIT_S = 5.0  # an app told to quit has this long to exit before it is killed


class TabService(AppService):
    """textual-serve's app process, with `extra_env` added to its environment."""

    def __init__(self, *args: Any, extra_env: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.extra_env = dict(extra_env or {})

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.update(self.extra_env)
        return environment

    async def stop(self) -> None:
        """Quit the app, then wait for its process and close its input while the loop still runs.

        textual-serve leaves the pipe open; closed later by the garbage collector, after the
        server's loop has ended, it would print an "Event loop is closed" warning.
        """
        await super().stop()
        process = self._process
        if process is None:
            return
        if process.stdin is not None and not process.stdin.is_closing():
            process.stdin.close()
        try:
            await asyncio.wait_for(process.wait(), STOP_WAIT_S)
        except TimeoutError:
            with suppress(ProcessLookupError):
                process.kill()


def side(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_SIDE:
        return value
    return None


def parse(raw: str) -> tuple[str, Any] | None:
    """("stdin", text), ("resize", (w, h)), ("ping", data), ("blur"|"focus", None), or None."""
    try:
        envelope = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        return None
    kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
    if kind == "stdin" and isinstance(data, str):
        return kind, data
    if kind == "resize" and isinstance(data, dict):
        width, height = side(data.get("width")), side(data.get("height"))
        return (kind, (width, height)) if width and height else None
    if kind == "ping" and isinstance(data, (str, int, float)) and not isinstance(data, bool):
        return kind, data
    if kind in ("blur", "focus"):
        return kind, None
    return None


async def relay(websocket: web.WebSocketResponse, app: AppService) -> None:
    """Pass the page's messages to the app until the tab closes."""
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        parsed = parse(message.data)
        if parsed is None:
            continue
        kind, data = parsed
        if kind == "stdin":
            await app.send_bytes(data.encode("utf-8", "ignore"))
        elif kind == "resize":
            await app.set_terminal_size(*data)
        elif kind == "ping":
            await websocket.send_json(["pong", data])
        elif kind == "blur":
            await app.blur()
        else:
            await app.focus()
