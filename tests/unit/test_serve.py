"""`atelier serve`: the code form, the offline page, the spawned command, the LAN address.

Servers listen on 127.0.0.1 only, on a port the system picks, and are always stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.cookiejar
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import textual_serve  # noqa: F401  (a test dependency: missing, the suite fails instead of skipping)

from course.cli import main
from course.serve import build_command, is_loopback, lan_address, public_address, public_url, spaced
from course.serve.server import WorkshopServer, same_code

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
CODE = "4821"
SESSION = "Médiathèque 24/11"
URL = re.compile(r"""(?:https?|wss?)://[^\s"'<>)]+""")


@contextlib.contextmanager
def running(data: Path, code: str | None) -> Iterator[tuple[WorkshopServer, str]]:
    """A server on 127.0.0.1 (free port) in a thread; stopped and joined whatever happens."""
    command = build_command(MINI, data, "fr")
    server = WorkshopServer(command, "127.0.0.1", 0, "127.0.0.1", code, "Mini parcours")
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
        yield server, ready[0]
    finally:
        server.stop()
        thread.join(timeout=15)
        assert not thread.is_alive(), "server did not stop within 15 s"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[WorkshopServer, str, Path]]:
    data = (tmp_path_factory.mktemp("serve") / "data").resolve()
    with running(data, CODE) as (server, url):
        yield server, url, data


def opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def fetch(url: str, data: dict[str, str] | None = None, browser=None) -> tuple[int, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with (browser or opener()).open(url, data=body, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def foreign_urls(page: str, base: str) -> list[str]:
    own = urllib.parse.urlsplit(base).netloc
    return [url for url in URL.findall(page) if urllib.parse.urlsplit(url).netloc != own]


def assert_app_page(page: str, base: str) -> None:
    assert 'class="textual-terminal"' in page
    assert f'data-session-websocket-url="ws://{urllib.parse.urlsplit(base).netloc}/ws"' in page
    assert "/static/js/textual.js" in page and "/static/fonts/RobotoMono-VariableFont_wght.ttf" in page
    assert 'name="code"' not in page
    assert foreign_urls(page, base) == []


def test_without_the_code_the_form_is_shown(served) -> None:
    _, base, _ = served
    status, page = fetch(base + "/")
    assert status == 200
    assert '<form method="post">' in page and 'name="code"' in page
    assert "Tapez le code de l&#39;atelier" in page and 'lang="fr"' in page
    assert "textual-terminal" not in page
    assert foreign_urls(page, base) == []
    assert "googleapis" not in page


def test_the_app_itself_is_refused_without_the_code(served) -> None:
    _, base, _ = served
    assert fetch(base + "/ws")[0] == 403
    assert fetch(base + "/download/anything")[0] == 403


def test_a_wrong_code_shows_the_form_again(served) -> None:
    _, base, _ = served
    status, page = fetch(base + "/", {"code": "0000"})
    assert status == 403
    assert "Ce code n&#39;est pas le bon" in page and 'name="code"' in page
    assert "textual-terminal" not in fetch(base + "/?code=1111")[1]


def test_the_right_code_in_the_form_opens_the_app(served) -> None:
    _, base, _ = served
    browser = opener()
    status, page = fetch(base + "/", {"code": f" {CODE} "}, browser)  # spaces as people type them
    assert status == 200
    assert_app_page(page, base)
    status, again = fetch(base + "/", browser=browser)  # the cookie is kept: no second form
    assert status == 200 and 'class="textual-terminal"' in again


def test_the_right_code_in_the_address_opens_the_app(served) -> None:
    _, base, _ = served
    browser = opener()
    status, page = fetch(f"{base}/?code={CODE}&fontsize=20", browser=browser)
    assert status == 200
    assert_app_page(page, base)
    assert 'data-font-size="20"' in page  # other parameters survive the redirect


def test_what_the_page_loads_is_served_from_this_machine(served) -> None:
    _, base, _ = served
    for path in ("js/textual.js", "css/xterm.css", "fonts/RobotoMono-VariableFont_wght.ttf"):
        with urllib.request.urlopen(f"{base}/static/{path}", timeout=10) as response:
            assert response.status == 200 and response.read(1)


def test_without_a_code_the_app_page_comes_at_once(tmp_path: Path) -> None:
    with running(tmp_path / "data", None) as (_, base):
        status, page = fetch(base + "/")
        assert status == 200
        assert_app_page(page, base)


def test_codes_are_compared_as_people_type_them() -> None:
    assert same_code(" 4821 ", "4821") and same_code("４８２１", "4821")
    assert same_code("Pomme Verte", "pomme verte") and not same_code("4812", "4821")
    assert not same_code("", "4821") and not same_code("é", "4821")


def test_the_banner_groups_a_code_only_in_whole_threes() -> None:
    assert spaced("482193") == "482 193"
    assert spaced("4321") == "4321" and spaced("12345") == "12345"
    assert spaced("pomme") == "pomme"


def test_the_spawned_command_holds_the_absolute_data_dir_and_no_session(tmp_path: Path) -> None:
    """The session's label is shared through the data dir, never frozen into each tab's command."""
    data = (tmp_path / "my data").resolve()
    words = shlex.split(build_command(MINI, data, "en"))
    assert words[0] == sys.executable and words[1] == "-c"
    assert f"--data={data}" in words and f"--course={MINI}" in words
    assert not [word for word in words if word.startswith("--session")]
    assert words[-3:] == ["--lang", "en", "--atelier"]  # every tab is in the « mode atelier »
    assert "--learner" not in " ".join(words)  # every tab chooses its own profile
    assert "--course" not in build_command(None, data, "fr")


def test_the_spawned_command_parses_as_the_app_would(tmp_path: Path) -> None:
    """The words after `-c CODE` reach `course.cli.main` and mean the app, not a command."""
    from course.cli import _app_parser

    words = shlex.split(build_command(MINI, tmp_path, "fr"))
    args = _app_parser().parse_args(words[3:])
    assert (args.data, args.session, args.lang, args.atelier) == (str(tmp_path), None, "fr", True)


class FakeSocket:
    """Stands in for a UDP socket: records where it 'connects', answers a chosen address."""

    def __init__(self, answers: dict[str, object], *_: object) -> None:
        self.answers, self.target = answers, ""

    def __enter__(self) -> FakeSocket:
        return self

    def __exit__(self, *_: object) -> None:
        pass

    def connect(self, address: tuple[str, int]) -> None:
        self.target = address[0]
        answer = self.answers.get(self.target, OSError(101, "Network is unreachable"))
        if isinstance(answer, Exception):
            raise answer

    def getsockname(self) -> tuple[str, int]:
        return str(self.answers[self.target]), 40000


def fake(answers: dict[str, object]):
    return lambda *args: FakeSocket(answers, *args)


def test_the_lan_address_comes_from_the_routing_table() -> None:
    assert lan_address(fake({"10.254.254.254": "192.168.1.42"})) == "192.168.1.42"
    # no default route (a box with no Internet): the 192.168 range is still found
    assert lan_address(fake({"192.168.254.254": "192.168.0.12"})) == "192.168.0.12"
    assert (
        lan_address(
            fake({"10.254.254.254": "0.0.0.0", "172.31.254.254": "127.0.0.1", "192.168.254.254": "10.0.0.7"})
        )
        == "10.0.0.7"
    )


def test_no_network_gives_no_address_and_no_crash() -> None:
    assert lan_address(fake({})) is None
    assert public_address("0.0.0.0", lambda: None) is None


def test_the_public_url_of_a_lan_host() -> None:
    assert public_address("0.0.0.0", lambda: "192.168.1.42") == "192.168.1.42"
    assert public_address("::", lambda: "192.168.1.42") == "192.168.1.42"
    assert public_address("192.168.1.5", lambda: "10.0.0.1") == "192.168.1.5"
    assert public_address("127.0.0.1", lambda: "10.0.0.1") == "127.0.0.1"
    assert public_url("192.168.1.42", 8000) == "http://192.168.1.42:8000"
    assert public_url("fe80::1", 8000) == "http://[fe80::1]:8000"
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_the_real_probe_never_crashes() -> None:
    address = lan_address()
    assert address is None or not address.startswith("127.")


def test_no_code_on_the_lan_is_warned_about(monkeypatch, capsys, tmp_path: Path) -> None:
    from course.serve import server as server_module

    started = []

    async def no_serving(self, announce=None) -> None:
        started.append(self)
        announce(self.public_url)

    monkeypatch.setattr(server_module.WorkshopServer, "run", no_serving)
    monkeypatch.setattr("course.serve.lan_address", lambda: "192.168.1.42")
    assert (
        main(["serve", "--host", "0.0.0.0", "--no-code", "--course", str(MINI), "--data", str(tmp_path)]) == 0
    )
    out, err = capsys.readouterr()
    assert "sans code (--no-code)" in err
    assert "http://192.168.1.42:8000/" in out and "Aucun code" in out and "Ctrl+C" in out
    assert started[0].code is None and started[0].host == "0.0.0.0"


def test_without_textual_serve_it_says_how_to_install(monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.delitem(sys.modules, "textual_serve.server", raising=False)
    monkeypatch.delitem(sys.modules, "course.serve.server", raising=False)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "textual-serve" in err and 'pip install "atelier-numerique[serve]"' in err


def test_a_port_already_taken_is_a_clear_message(capsys, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port), "--course", str(MINI), "--data", str(tmp_path)]) == 2
    assert f"port {port}" in capsys.readouterr().err


def test_the_command_prints_address_and_code_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "app.py"),
            "serve",
            "--port",
            "0",
            "--course",
            str(MINI),
            "--data",
            str(tmp_path / "data"),
            "--session",
            SESSION,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        lines: list[str] = []
        timer = threading.Timer(20, process.kill)  # a blocked readline cannot outlive the test
        timer.start()
        for line in process.stdout:
            lines.append(line)
            if "Ctrl+C" in line:
                break
        timer.cancel()
        banner = "".join(lines)
        url = re.search(r"http://127\.0\.0\.1:(\d+)/", banner)
        code = re.search(r"Code de l'atelier à leur donner : +(\d{3} \d{3})\n", banner)
        pin = re.search(r"Code formateur \(F9\), à garder : +(\d{3} \d{3})\n", banner)
        assert pin and pin.group(1) != (code and code.group(1)), banner
        assert url and code, banner + process.stderr.read()
        assert SESSION in banner and str((tmp_path / "data").resolve()) in banner
        from course.progress.workshop_session import named_session

        assert named_session(tmp_path / "data") == (True, SESSION)  # every tab follows it
        assert 'name="code"' in fetch(url.group(0))[1]
        page = fetch(f"{url.group(0)}?code={code.group(1).replace(' ', '')}")[1]
        assert 'class="textual-terminal"' in page
        assert pin.group(1) not in page and pin.group(1).replace(" ", "") not in page
        process.send_signal(signal.SIGINT)
        out, _ = process.communicate(timeout=15)
        assert process.returncode == 0 and "Serveur arrêté." in out
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


async def _first_screen(base: str, name: str) -> str:
    """Open a tab's websocket, wait for the profile screen, type a first name and Enter."""
    import aiohttp

    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        async with session.get(f"{base}/?code={CODE}") as response:
            assert response.status == 200
        async with session.ws_connect(f"{base}/ws?width=80&height=24") as ws:
            await ws.send_json(["resize", {"width": 80, "height": 24}])
            stream = b""
            while b"Bienvenue" not in stream:
                message = await ws.receive()
                assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message
                if message.type == aiohttp.WSMsgType.BINARY:
                    stream += message.data
            await ws.send_json(["stdin", name])
            await asyncio.sleep(0.3)
            await ws.send_json(["stdin", "\r"])
            await asyncio.sleep(1.0)
    return stream.decode("utf-8", "replace")


async def test_each_tab_starts_its_own_app_writing_to_the_shared_data_dir(served) -> None:
    from course.progress import ProgressStore

    _, base, data = served
    try:
        screens = await asyncio.wait_for(
            asyncio.gather(_first_screen(base, "Zoé"), _first_screen(base, "Malik")), timeout=40
        )
    except TimeoutError:
        pytest.fail("the app processes did not show their first screen within 40 s")
    assert all("Bienvenue" in screen for screen in screens)
    names: set[str] = set()
    for _ in range(50):  # each process writes its new learner to the one data dir
        store = ProgressStore(data)
        names = {learner.name for learner in store.list_learners()}
        store.close()
        if {"Zoé", "Malik"} <= names:
            break
        await asyncio.sleep(0.1)
    assert {"Zoé", "Malik"} <= names
