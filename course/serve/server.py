"""The web side of `atelier serve`: textual-serve's server with an offline page and a workshop code.

textual-serve does the real work (one app process per browser websocket, the terminal in
the page); this subclass changes what a workshop needs:

- the page comes from our `templates/` (no Google Fonts, no external URL: the font, the
  script and the stylesheet are the ones textual-serve ships in its `static/` folder), and
  it puts the keyboard in the terminal as soon as it appears: the first keys typed land in
  the name field; `/static/` lists no folder;
- the page's URLs follow the address the browser actually used (its Host header), so the
  websocket goes back to the same host whatever name or interface a learner typed;
- without the workshop cookie, `/` shows a small form asking for the code, and `/ws`
  (the app itself) and `/download` are refused; the cookie holds a random token, never the
  code; wrong codes are limited per browser, per address and for the whole server
  (`limits.py`) and written to the server's log, without the code;
- every tab runs the app in the « mode atelier » (no list of learners, personal codes), with
  the trainer code in its environment, never in a page; the number of tabs is capped, and a
  polite page says so when the workshop is full; malformed websocket messages are ignored;
- it runs on our own aiohttp runner, so the banner is printed only once the port is bound,
  a port already taken is a clear message, and Ctrl+C closes the tabs and their apps at once.
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import hmac
import os
import re
import secrets
import time
import unicodedata
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlencode

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, web
from textual_serve.server import Server, log, to_int

from course.i18n import get_language, t
from course.serve import public_url
from course.serve.limits import TryLimits

TEMPLATES = Path(__file__).parent / "templates"
COOKIE = "atelier_pass"
DEVICE_COOKIE = "atelier_device"  # a random name for this browser, to count its wrong codes
MAX_MESSAGE = 64 * 1024  # a websocket message is a key press, a resize, a paste: never more
SHUTDOWN_TIMEOUT = 5.0  # at Ctrl+C, seconds each app gets to quit once its tab is closed
_HOST = re.compile(r"(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?")
_PAGE_KEYS = {
    "title": "serve.page.title",
    "heading": "serve.page.heading",
    "prompt": "serve.page.prompt",
    "label": "serve.page.label",
    "submit": "serve.page.submit",
    "loading": "serve.page.loading",
    "start": "serve.page.start",
    "ended": "serve.page.ended",
    "restart": "serve.page.restart",
    "noscript": "serve.page.noscript",
}
_FORM_ERRORS = {
    "wrong": "serve.page.wrong",
    "too_many": "serve.page.too_many",
    "busy": "serve.page.busy",
}
_BLOCKED_LOG = {
    "device": "serve.log.blocked_device",
    "address": "serve.log.blocked_address",
    "server": "serve.log.blocked_server",
}
_NOTICE_HEADINGS = {"full": "serve.page.full_heading"}
_NOTICE_TEXTS = {"full": "serve.page.full"}

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
    return {name: t(_PAGE_KEYS[name]) for name in _PAGE_KEYS}


def device_of(request: web.Request) -> str:
    """The browser's own random cookie, or its address when it has none yet."""
    return request.cookies.get(DEVICE_COOKIE) or f"address:{request.remote or ''}"


def pseudonym(device: str) -> str:
    """A short stable name for a browser in the server's log: never its cookie, never a code."""
    return hashlib.sha256(device.encode("utf-8", "ignore")).hexdigest()[:6]


class WorkshopServer(Server):
    """textual-serve's Server for a workshop: our page, a code, limits, our runner."""

    def __init__(
        self,
        command: str,
        host: str,
        port: int,
        address: str,
        code: str | None,
        title: str,
        *,
        trainer_pin: str | None = None,
        max_tabs: int = 30,
        report: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title=title,
            public_url=public_url(address, port),
            templates_path=TEMPLATES,
        )
        self.address = address
        self.code = code
        self.trainer_pin = trainer_pin
        self.max_tabs = max(1, max_tabs)
        self.report = report or (lambda line: log.info(line))
        self.limits = TryLimits()
        self._token = secrets.token_urlsafe(24)
        self._tabs: set[web.WebSocketResponse] = set()
        self._stopping: set[asyncio.Future[None]] = set()
        self._stop = asyncio.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._last_block = 0.0

    async def _make_app(self) -> web.Application:
        """textual-serve's routes, with the code guard and no listing of `/static/` folders."""
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.post("/", self.handle_code),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def run(self, announce: Callable[[str], None] | None = None) -> None:
        """Serve until `stop()`; `announce(public_url)` is called once the port is bound."""
        self._loop = asyncio.get_running_loop()
        runner = web.AppRunner(
            await self._make_app(), handle_signals=False, shutdown_timeout=SHUTDOWN_TIMEOUT
        )
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
            if self._stopping:
                await asyncio.wait(list(self._stopping), timeout=SHUTDOWN_TIMEOUT)
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

    @property
    def full(self) -> bool:
        return len(self._tabs) >= self.max_tabs

    def _base_url(self, request: web.Request) -> str:
        host = request.headers.get("Host", "")
        return f"http://{host}" if _HOST.fullmatch(host) else self.public_url

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self.full:
            return self._notice(request, "full", 503)
        base = self._base_url(request)
        context = {
            "font_size": min(max(to_int(request.query.get("fontsize", "16"), 16), 8), 48),
            "app_websocket_url": "ws" + base.removeprefix("http") + "/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
            "lang": get_language(),
            "text": page_texts(),
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        return response

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        allowed = (
            self.code is None
            or request.path.startswith("/static/")
            or (request.method == "POST" and request.path == "/")
            or hmac.compare_digest(request.cookies.get(COOKIE, "").encode(), self._token.encode())
        )
        if not allowed:
            if request.path != "/":
                raise web.HTTPForbidden(text=t("serve.page.forbidden"))
            if "code" in request.query:
                return self._check(request, request.query["code"])
            return self._form(request)
        return await handler(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser tab, one app process (in the « mode atelier »), while there is room.

        Each app is told to quit when its tab closes, and that quit is shielded: a shutdown
        (Ctrl+C) cannot abandon it halfway; `run` waits for the last ones before it returns.
        """
        if self.full:
            raise web.HTTPServiceUnavailable(text=t("serve.page.full", n=self.max_tabs))
        from course.serve.tabs import TabService, relay

        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE)
        await websocket.prepare(request)
        env = {"ATELIER_PIN": self.trainer_pin} if self.trainer_pin else {}
        app = TabService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            debug=self.debug,
            extra_env=env,
        )
        self._tabs.add(websocket)
        who = pseudonym(device_of(request))
        self.report(t("serve.log.tab_opened", device=who, n=len(self._tabs), max=self.max_tabs))
        try:
            await app.start(
                to_int(request.query.get("width", "80"), 80), to_int(request.query.get("height", "24"), 24)
            )
            await relay(websocket, app)
        except Exception:
            log.exception("app process failed")
        finally:
            self._tabs.discard(websocket)
            self.report(t("serve.log.tab_closed", device=who, n=len(self._tabs), max=self.max_tabs))
            stopping = asyncio.ensure_future(app.stop())
            self._stopping.add(stopping)
            stopping.add_done_callback(self._stopping.discard)
            await asyncio.shield(stopping)
            await websocket.close()
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every tab at once, so each app is told to quit now, not after a timeout."""
        for websocket in list(self._tabs):
            await websocket.close(code=WSCloseCode.GOING_AWAY)

    async def handle_code(self, request: web.Request) -> web.StreamResponse:
        if self.code is None:
            raise web.HTTPSeeOther("/")
        form = await request.post()
        return self._check(request, str(form.get("code", "")))

    def _check(self, request: web.Request, given: str) -> web.StreamResponse:
        assert self.code is not None
        address = request.remote or ""
        device = device_of(request)
        blocked = self.limits.blocked(device, address)
        if blocked:
            now = time.monotonic()
            if now - self._last_block > 60:  # once a minute is enough to tell the trainer
                self._last_block = now
                self.report(t(_BLOCKED_LOG[blocked], device=pseudonym(device), address=address))
            return self._form(request, "too_many" if blocked == "device" else "busy", 429)
        if not same_code(given, self.code):
            tries = self.limits.wrong(device, address)
            self.report(t("serve.log.wrong", device=pseudonym(device), address=address, n=tries))
            return self._form(request, "wrong", 403)
        self.limits.right(device)
        named = request.cookies.get(DEVICE_COOKIE) or secrets.token_urlsafe(12)
        self.report(t("serve.log.entered", device=pseudonym(named), address=address))
        query = urlencode([(k, v) for k, v in request.query.items() if k != "code"])
        response = web.Response(status=303, headers={"Location": "/" + (f"?{query}" if query else "")})
        response.set_cookie(COOKIE, self._token, httponly=True, samesite="Lax", path="/")
        if not request.cookies.get(DEVICE_COOKIE):  # the tab's log lines name the same device
            response.set_cookie(
                DEVICE_COOKIE, named, httponly=True, samesite="Lax", path="/", max_age=7 * 24 * 3600
            )
        return response

    def _form(self, request: web.Request, error: str | None = None, status: int = 200) -> web.Response:
        context = {
            "lang": get_language(),
            "text": page_texts(),
            "course_title": self.title,
            "error": t(_FORM_ERRORS[error]) if error else "",
            "numeric": bool(self.code and self.code.isdigit()),
        }
        response = aiohttp_jinja2.render_template("code.html", request, context, status=status)
        response.headers["Cache-Control"] = "no-store"
        if not request.cookies.get(DEVICE_COOKIE):
            response.set_cookie(
                DEVICE_COOKIE,
                secrets.token_urlsafe(12),
                httponly=True,
                samesite="Lax",
                path="/",
                max_age=7 * 24 * 3600,
            )
        return response

    def _notice(self, request: web.Request, key: str, status: int) -> web.Response:
        context = {
            "lang": get_language(),
            "title": t("serve.page.title"),
            "heading": t(_NOTICE_HEADINGS[key]),
            "message": t(_NOTICE_TEXTS[key], n=self.max_tabs),
            "course_title": self.title,
        }
        response = aiohttp_jinja2.render_template("notice.html", request, context, status=status)
        response.headers["Cache-Control"] = "no-store"
        response.headers["Retry-After"] = "30"
        return response
