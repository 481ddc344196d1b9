"""The web side of `atelier serve`: textual-serve's server with an offline page and a workshop code.

textual-serve does the real work (one app process per browser websocket, the terminal in
the page); this subclass changes what a workshop needs:

- the page comes from our `templates/` (no Google Fonts, no external URL: the font, the
  script and the stylesheet are the ones textual-serve ships in its `static/` folder);
- the page's URLs follow the address the browser actually used (its Host header), so the
  websocket goes back to the same host whatever name or interface a learner typed;
- without the workshop cookie, `/` shows a small form asking for the code, and `/ws`
  (the app itself) and `/download` are refused; the cookie holds a random token, never the code;
- it runs on our own aiohttp runner, so the banner is printed only once the port is bound,
  a port already taken is a clear message, and Ctrl+C closes the tabs within seconds.
"""

from __future__ import annotations

import asyncio
import gc
import hmac
import os
import re
import secrets
import time
import unicodedata
from pathlib import Path
from typing import Any, Awaitable, Callable
from urllib.parse import urlencode

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

from course.i18n import get_language, t
from course.serve import public_url

TEMPLATES = Path(__file__).parent / "templates"
COOKIE = "atelier_pass"
MAX_TRIES = 10  # wrong codes accepted from one device...
TRY_WINDOW = 300.0  # ...within this many seconds, then it waits
SHUTDOWN_TIMEOUT = 2.0  # seconds open tabs get at Ctrl+C before their apps are told to quit
_HOST = re.compile(r"(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?")
_PAGE_KEYS = ("title", "heading", "prompt", "label", "submit", "loading", "start", "ended",
              "restart", "noscript")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class BindError(Exception):
    """The port could not be bound (taken, or not allowed)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def same_code(given: str, expected: str) -> bool:
    """Codes compared as people type them: case, spaces and full-width digits do not matter."""

    def norm(value: str) -> bytes:
        return "".join(unicodedata.normalize("NFKC", value).casefold().split()).encode()

    return hmac.compare_digest(norm(given), norm(expected))


def page_texts() -> dict[str, str]:
    return {key: t(f"serve.page.{key}") for key in _PAGE_KEYS}


class WorkshopServer(Server):
    """textual-serve's Server for a workshop: our page, a code, our runner."""

    def __init__(self, command: str, host: str, port: int, address: str, code: str | None,
                 title: str) -> None:
        super().__init__(command, host=host, port=port, title=title,
                         public_url=public_url(address, port), templates_path=TEMPLATES)
        self.address = address
        self.code = code
        self._token = secrets.token_urlsafe(24)
        self._failures: dict[str, list[float]] = {}
        self._stop = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        app.router.add_post("/", self.handle_code)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing here (textual-serve prints its logo): `run` announces once bound."""

    async def run(self, announce: Callable[[str], None] | None = None) -> None:
        """Serve until `stop()`; `announce(public_url)` is called once the port is bound."""
        self._loop = asyncio.get_running_loop()
        runner = web.AppRunner(await self._make_app(), handle_signals=False,
                               shutdown_timeout=SHUTDOWN_TIMEOUT)
        await runner.setup()
        try:
            try:
                await web.TCPSite(runner, self.host, self.port).start()
            except OSError as error:
                raise BindError(os.strerror(error.errno) if error.errno else str(error)) from error
            self.port = int(runner.addresses[0][1])
            self.public_url = public_url(self.address, self.port)
            if announce is not None:
                announce(self.public_url)
            await self._stop.wait()
        finally:
            await runner.cleanup()
            # textual-serve never closes its finished app processes' pipes: collect them now,
            # while this loop can still run their closing callbacks, not after it is closed.
            gc.collect()
            await asyncio.sleep(0.05)

    def stop(self) -> None:
        """Stop serving; safe from a signal handler or another thread."""
        loop = self._loop
        if loop is None or loop.is_closed():
            self._stop.set()
        else:
            loop.call_soon_threadsafe(self._stop.set)

    def _base_url(self, request: web.Request) -> str:
        host = request.headers.get("Host", "")
        return f"http://{host}" if _HOST.fullmatch(host) else self.public_url

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        base = self._base_url(request)
        return {
            "font_size": min(max(to_int(request.query.get("fontsize", "16"), 16), 8), 48),
            "app_websocket_url": "ws" + base.removeprefix("http") + "/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
            "lang": get_language(),
            "text": page_texts(),
        }

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if self.code is None or request.path.startswith("/static/"):
            return await handler(request)
        if request.method == "POST" and request.path == "/":
            return await handler(request)
        if hmac.compare_digest(request.cookies.get(COOKIE, "").encode(), self._token.encode()):
            return await handler(request)
        if request.path == "/" and "code" in request.query:
            return self._check(request, request.query["code"])
        if request.path == "/":
            return self._form(request)
        raise web.HTTPForbidden(text=t("serve.page.forbidden"))

    async def handle_code(self, request: web.Request) -> web.StreamResponse:
        if self.code is None:
            raise web.HTTPSeeOther("/")
        form = await request.post()
        return self._check(request, str(form.get("code", "")))

    def _check(self, request: web.Request, given: str) -> web.StreamResponse:
        assert self.code is not None
        device = request.remote or ""
        now = time.monotonic()
        tries = [when for when in self._failures.get(device, ()) if now - when < TRY_WINDOW]
        if len(tries) >= MAX_TRIES:
            return self._form(request, "too_many", 429)
        if not same_code(given, self.code):
            self._failures[device] = tries + [now]
            return self._form(request, "wrong", 403)
        self._failures.pop(device, None)
        query = urlencode([(k, v) for k, v in request.query.items() if k != "code"])
        response = web.Response(status=303, headers={"Location": "/" + (f"?{query}" if query else "")})
        response.set_cookie(COOKIE, self._token, httponly=True, samesite="Lax", path="/")
        return response

    def _form(self, request: web.Request, error: str | None = None, status: int = 200) -> web.Response:
        context = {"lang": get_language(), "text": page_texts(), "course_title": self.title,
                   "error": t(f"serve.page.{error}") if error else "",
                   "numeric": bool(self.code and self.code.isdigit())}
        response = aiohttp_jinja2.render_template("code.html", request, context, status=status)
        response.headers["Cache-Control"] = "no-store"
        return response
