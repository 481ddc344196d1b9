"""`atelier sync` into a real Ralph LRS (5.1.0) started on 127.0.0.1 for the test.

Ralph is not one of the project's dependencies (it pins its own web stack): CI installs
it in a virtualenv of its own (`pip install "ralph-malph[cli,lrs]==5.1.0" requests`) and
names its `ralph` program in ATELIER_RALPH. Its file backend takes a single POST per store
in 5.1.0 (the second one finds its file already there), so each test starts a fresh store
and sends the whole workshop as one batch.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from base64 import b64encode
from collections.abc import Iterator
from pathlib import Path

import pytest

from course.cli import main
from tests.unit import reports_data

RALPH = os.environ.get("ATELIER_RALPH") or shutil.which("ralph")
pytestmark = pytest.mark.skipif(
    RALPH is None,
    reason="Ralph LRS n'est pas installé ici (ATELIER_RALPH ou « ralph » dans le PATH) : "
    "pip install 'ralph-malph[cli,lrs]==5.1.0' requests dans un environnement à part",
)
USER, PASSWORD = "asso", "mot-de-passe-de-test"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def ralph(tmp_path: Path) -> Iterator[str]:
    env = {
        **os.environ,
        "RALPH_APP_DIR": str(tmp_path / "ralph-app"),
        "RALPH_AUTH_FILE": str(tmp_path / "auth.json"),
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(tmp_path / "ralph-store"),
    }
    (tmp_path / "ralph-store").mkdir()
    subprocess.run(
        [RALPH, "auth", "-u", USER, "-p", PASSWORD, "-s", "all", "-M", "mailto:asso@atelier.example", "-w"],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    port = _free_port()
    server = subprocess.Popen(
        [
            RALPH,
            "runserver",
            "-b",
            "fs",
            "--fs-default-directory-path",
            str(tmp_path / "ralph-store"),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(url + "/__heartbeat__", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "Ralph did not start within 90 s"
            time.sleep(0.3)
        yield url + "/xAPI"
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def _stored(endpoint: str) -> list[dict]:
    request = urllib.request.Request(
        endpoint + "/statements?limit=1000",
        headers={
            "X-Experience-API-Version": "1.0.3",
            "Authorization": "Basic " + b64encode(f"{USER}:{PASSWORD}".encode()).decode(),
        },
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        return list(json.load(reply)["statements"])


def test_a_workshop_reaches_ralph_and_a_second_sync_sends_nothing(ralph, tmp_path, capsys):
    root = tmp_path / "cours"
    reports_data.course(root)
    reports_data.build(tmp_path / "data").close()
    data = tmp_path / "data" / "ici"
    args = [
        "sync",
        "--lrs",
        ralph,
        "--user",
        USER,
        "--password",
        PASSWORD,
        "--course",
        str(root),
        "--data",
        str(data),
        "--batch",
        "1000",
    ]
    assert main(args) == 0
    first = capsys.readouterr()
    stored = _stored(ralph)
    assert len(stored) > 20 and f"{len(stored)} déclarations envoyées" in first.out
    assert {s["verb"]["id"].rsplit("/", 1)[1] for s in stored} >= {
        "answered",
        "completed",
        "passed",
        "failed",
    }
    assert main(args) == 0  # nothing to send: Ralph's file backend would refuse a second POST
    assert f"0 déclaration envoyée, {len(stored)} déjà reçues" in capsys.readouterr().out
    assert PASSWORD not in first.out + first.err
