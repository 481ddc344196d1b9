"""`atelier serve` driven like a browser, over HTTP and the websocket, on 127.0.0.1 (a free port).

What a learner's tab receives never holds trainer data, the trainer code or another
learner's name; wrong codes are limited and logged without the code; the server is capped,
lists no folder and ignores malformed messages. Every wait has a timeout that fails.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
import textual_serve  # noqa: F401  (a test dependency: missing, the suite fails instead of skipping)

from course.progress import AnswerRecord, ProgressStore
from course.serve import build_command
from course.serve.server import WorkshopServer

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
CODE = "482193"
PIN = "913577"
OTHERS = ("Bérénice", "Gaspard")
F9 = "\x1b[20~"
LIMIT = aiohttp.ClientTimeout(total=30)  # any HTTP exchange; websocket reads have their own timeout


@contextlib.contextmanager
def serving(data: Path, **options) -> Iterator[tuple[WorkshopServer, str, list[str]]]:
    """A server on 127.0.0.1 (free port) in a thread, its log kept; stopped and joined whatever happens."""
    log: list[str] = []
    command = build_command(MINI, data, "fr")
    server = WorkshopServer(
        command,
        "127.0.0.1",
        0,
        "127.0.0.1",
        options.pop("code", CODE),
        "Mini parcours",
        report=log.append,
        **options,
    )
    ready: list[str] = []
    errors: list[BaseException] = []

    def serve() -> None:
        try:
            asyncio.run(server.run(ready.append))
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not ready and not errors and time.monotonic() < deadline:
            time.sleep(0.02)
        assert ready, errors or "server did not start within 10 s"
        yield server, ready[0], log
    finally:
        server.stop()
        thread.join(timeout=20)
        assert not thread.is_alive(), "server did not stop within 20 s"


def the_group(data: Path) -> None:
    """Two learners with answers: what a newcomer's tab must never show."""
    store = ProgressStore(data)
    for name in OTHERS:
        learner = store.create_learner(name)
        store.record_answer(
            AnswerRecord(
                id="",
                learner=learner.id,
                lesson="alpha-un",
                quiz="alpha-un",
                question="q-single",
                qtype="single",
                response=[0],
                response_text=f"réponse de {name}",
                correct=True,
                score=1.0,
                hints_used=0,
                duration_s=3.0,
                timestamp="",
                attempt=1,
                session="Séance secrète",
            )
        )
    store.close()


class Tab:
    """One browser tab: its websocket, and every byte the server sent it."""

    def __init__(self, ws) -> None:  # type: ignore[no-untyped-def]
        self.ws = ws
        self.received = b""

    async def until(self, text: str, timeout: float = 45) -> None:
        async def read() -> None:
            while text.encode() not in self.received:
                message = await self.ws.receive()
                if message.type == aiohttp.WSMsgType.BINARY:
                    self.received += message.data
                elif message.type == aiohttp.WSMsgType.TEXT:
                    self.received += message.data.encode()
                else:
                    raise AssertionError(f"tab closed while waiting for {text!r}")

        try:
            await asyncio.wait_for(read(), timeout)
        except TimeoutError:
            pytest.fail(f"{text!r} not shown within {timeout} s; last bytes: {self.received[-300:]!r}")

    async def keys(self, text: str) -> None:
        await self.ws.send_json(["stdin", text])


@contextlib.asynccontextmanager
async def tab(base: str, session):  # type: ignore[no-untyped-def]
    async with session.get(f"{base}/?code={CODE}") as response:
        assert response.status == 200
        page = await response.text()
    async with session.ws_connect(f"{base}/ws?width=80&height=24") as ws:
        await ws.send_json(["resize", {"width": 80, "height": 24}])
        yield Tab(ws), page


async def test_a_learner_tab_never_receives_trainer_data_or_other_names(tmp_path: Path) -> None:
    data = tmp_path / "data"
    the_group(data)
    with serving(data, trainer_pin=PIN) as (_, base, log):
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True), timeout=LIMIT) as session:
            async with tab(base, session) as (learner, page):
                await learner.until("Bienvenue")
                await learner.keys("Zoé")  # typed at once: the name field has the keyboard
                await learner.until("Zoé")
                await learner.keys("\r")
                await learner.until("Votre code personnel")
                await learner.keys("\r")
                await learner.until("Continuer")
                await learner.keys(F9)  # a curious learner
                await learner.until("Code formateur")
                await learner.keys("000000\r")
                await learner.until("Ce n'est pas le bon code")
                await learner.keys("\x1b")
                await asyncio.sleep(0.5)
    stream = learner.received.decode("utf-8", "replace")
    for secret in (
        *OTHERS,
        PIN,
        "913 577",
        "Espace formateur — le bilan du groupe",
        "Séance affichée",
        "Séance secrète",
    ):
        assert secret not in stream and secret not in page, secret
    assert CODE not in stream
    for line in log:
        assert PIN not in line and CODE not in line and "Zoé" not in line
    entered = [re.search(r"accepté \(appareil (\w+)", line) for line in log]
    opened = [re.search(r"Onglet ouvert \(appareil (\w+)", line) for line in log]
    devices = {m.group(1) for m in entered if m}
    assert devices and devices == {m.group(1) for m in opened if m}  # one pseudonym per browser
    store = ProgressStore(data)
    assert sorted(x.name for x in store.list_learners()) == sorted([*OTHERS, "Zoé"])
    store.close()


async def test_malformed_messages_are_ignored_quietly(tmp_path: Path, caplog) -> None:
    with serving(tmp_path / "data") as (_, base, log):
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True), timeout=LIMIT) as session:
            async with tab(base, session) as (learner, _):
                for junk in (
                    "not json",
                    "[]",
                    "{}",
                    '{"a": 1}',
                    "[1, 2]",
                    '["stdin", 5]',
                    '["resize", {"width": "x", "height": 24}]',
                    '["resize", {"width": 10**9}]',
                    '["resize", {"width": 99999, "height": 99999}]',
                    '["ping", {"a": 1}]',
                    "[" * 50_000,
                    '["stdin", "\\ud800"]',
                    '["nothing"]',
                ):
                    await learner.ws.send_str(junk)
                await learner.ws.send_bytes(b"\xff\x00binary")
                await learner.ws.send_json(["ping", "still-here"])
                await learner.until('"pong", "still-here"')
                await learner.until("Bienvenue")
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]
    assert all("Traceback" not in line for line in log)


def test_wrong_codes_are_logged_without_the_code_and_limited_per_browser(tmp_path: Path) -> None:
    import http.cookiejar
    import urllib.error
    import urllib.parse
    import urllib.request

    with serving(tmp_path / "data") as (_, base, log):
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        browser.open(base + "/", timeout=10).read()  # the form, as a browser first shows it
        statuses = []
        for guess in ("111111", "222222", "333333", "444444", "555555", "666666", CODE):
            try:
                with browser.open(
                    base + "/", data=urllib.parse.urlencode({"code": guess}).encode(), timeout=10
                ) as response:
                    statuses.append(response.status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
                body = error.read().decode()
        assert statuses == [403] * 5 + [429, 429]  # five wrong, then even the right code waits
        assert "Trop d&#39;essais depuis cet appareil" in body
        neighbour = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        with neighbour.open(f"{base}/?code={CODE}", timeout=10) as response:  # the next learner
            assert 'class="textual-terminal"' in response.read().decode()
    wrong = [line for line in log if "Code d'atelier erroné" in line]
    assert len(wrong) == 5
    for guess in ("111111", "222222", "555555", CODE):
        assert all(guess not in line for line in log)


async def test_guessing_from_rotating_addresses_meets_the_server_wide_limit(tmp_path: Path) -> None:
    from course.serve.limits import GLOBAL_BURST, TryLimits

    statuses = []
    with serving(tmp_path / "data") as (server, base, log):
        server.limits = TryLimits(clock=lambda: 1000.0)  # time stands still: no refill, whatever the load
        for n in range(GLOBAL_BURST + 5):
            connector = aiohttp.TCPConnector(local_addr=(f"127.0.{1 + n // 250}.{1 + n % 250}", 0))
            async with aiohttp.ClientSession(connector=connector, timeout=LIMIT) as session:
                async with session.post(base + "/", data={"code": f"{n:06d}"}) as response:
                    statuses.append(response.status)
        async with aiohttp.ClientSession(
            timeout=LIMIT
        ) as session:  # the right code, from yet another address
            async with session.post(base + "/", data={"code": CODE}, allow_redirects=False) as response:
                blocked_right = response.status
                assert "Trop de codes erronés sur ce réseau" in await response.text()
    assert statuses[:GLOBAL_BURST] == [403] * GLOBAL_BURST
    assert statuses[GLOBAL_BURST:] == [429] * 5 and blocked_right == 429
    assert any("tout le serveur" in line for line in log)


async def test_a_full_workshop_says_so_politely(tmp_path: Path) -> None:
    with serving(tmp_path / "data", max_tabs=1) as (server, base, _log):
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True), timeout=LIMIT) as session:
            async with tab(base, session) as (first, _):
                await first.until("Bienvenue")
                async with session.get(base + "/") as response:
                    assert response.status == 503
                    page = await response.text()
                assert (
                    "L'atelier est complet" in page.replace("&#39;", "'") and "(1 personne au plus)" in page
                )
                assert "Fermez un onglet" in page and "http" not in page.split("</style>")[1]
                async with session.get(base + "/ws") as refused:
                    assert refused.status == 503
            for _ in range(100):  # the tab closed: its place is free again
                if not server.full:
                    break
                await asyncio.sleep(0.1)
            async with session.get(base + "/") as response:
                assert response.status == 200 and "textual-terminal" in await response.text()


async def test_static_folders_are_not_listed(tmp_path: Path) -> None:
    with serving(tmp_path / "data") as (_, base, _):
        async with aiohttp.ClientSession(timeout=LIMIT) as session:
            for folder in ("/static/", "/static/js/", "/static/fonts"):
                async with session.get(base + folder) as response:
                    body = await response.text()
                    assert (
                        response.status in (403, 404) and "textual.js" not in body and "Index of" not in body
                    )
            async with session.get(base + "/static/js/textual.js") as response:
                assert response.status == 200


def _banner(monkeypatch, capsys, data: Path, *args: str) -> tuple[str, WorkshopServer]:
    from course.cli import main
    from course.serve import server as server_module

    started: list[WorkshopServer] = []

    async def no_serving(self, announce=None) -> None:  # type: ignore[no-untyped-def]
        started.append(self)
        announce(self.public_url)

    monkeypatch.setattr(server_module.WorkshopServer, "run", no_serving)
    assert main(["serve", "--course", str(MINI), "--data", str(data), *args]) == 0
    return capsys.readouterr().out, started[0]


def test_the_banner_prints_the_trainer_code_and_passes_it_to_the_tabs(
    monkeypatch, capsys, tmp_path: Path
) -> None:
    from course.progress.trainer_code import TrainerCode

    monkeypatch.delenv("ATELIER_PIN", raising=False)
    out, server = _banner(monkeypatch, capsys, tmp_path / "a", "--pin", "tournesol", "--max-learners", "12")
    assert "Code formateur (F9), à garder :       tournesol" in out and server.trainer_pin == "tournesol"
    assert "12 au plus" in out and server.max_tabs == 12
    monkeypatch.setenv("ATELIER_PIN", "rose des vents")
    out, server = _banner(monkeypatch, capsys, tmp_path / "b")
    assert "rose des vents" in out and server.trainer_pin == "rose des vents"
    monkeypatch.delenv("ATELIER_PIN")
    out, server = _banner(monkeypatch, capsys, tmp_path / "c")  # none given, none chosen: drawn for this run
    drawn = re.search(r"à garder : +(\d{3}) (\d{3})\n", out)
    assert drawn and server.trainer_pin == drawn.group(1) + drawn.group(2)
    assert not TrainerCode(tmp_path / "c").is_set  # nothing written: it lasts as long as the server
    TrainerCode(tmp_path / "d").choose("marguerite")
    out, server = _banner(monkeypatch, capsys, tmp_path / "d")
    assert "celui que vous avez choisi dans l'application" in out and server.trainer_pin is None
