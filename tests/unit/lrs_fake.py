"""A small xAPI learning-record store on 127.0.0.1 for the sync tests (no tests in here).

It keeps statements by id like an LRS does: the same content again is accepted, other
content under a known id is a 409, and a POSTed batch is stored whole or not at all.
`fail` holds what the next requests meet: an HTTP status, or "cut" (the connection is
closed without an answer).
"""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


def _content(statement: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in statement.items() if k != "id"}, sort_keys=True)


class FakeLrs:
    def __init__(self, user: str | None = None, password: str | None = None) -> None:
        self.statements: dict[str, dict[str, Any]] = {}
        self.received: list[str] = []
        """Every statement id in every request, in order (repeats included)."""
        self.requests = 0
        self.fail: list[int | str] = []
        self.auth = (
            None if user is None else "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        )
        self.headers_seen: list[dict[str, str]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self, status: int, body: Any = None) -> None:
                data = b"" if body is None else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _handle(self, method: str) -> None:
                fake.requests += 1
                fake.headers_seen.append({k.lower(): v for k, v in self.headers.items()})
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"null")
                if fake.fail:
                    what = fake.fail.pop(0)
                    if what == "cut":
                        self.close_connection = True
                        self.connection.shutdown(2)
                        return
                    self._answer(int(what), {"error": "injected"})
                    return
                if fake.auth is not None and self.headers.get("Authorization") != fake.auth:
                    self._answer(401, {"error": "unauthorised"})
                    return
                parts = urlsplit(self.path)
                if not parts.path.endswith("/statements"):
                    self._answer(404)
                    return
                batch = body if isinstance(body, list) else [body]
                if method == "PUT":
                    batch[0] = dict(batch[0], id=parse_qs(parts.query)["statementId"][0])
                fake.received += [s["id"] for s in batch]
                for statement in batch:
                    known = fake.statements.get(statement["id"])
                    if known is not None and _content(known) != _content(statement):
                        self._answer(409, {"error": "Differing statements already exist with the same ID"})
                        return
                for statement in batch:
                    fake.statements[statement["id"]] = statement
                if method == "PUT":
                    self._answer(204)
                else:
                    self._answer(200, [s["id"] for s in batch])

            def do_POST(self) -> None:
                self._handle("POST")

            def do_PUT(self) -> None:
                self._handle("PUT")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/xapi"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeLrs:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def voided(self) -> set[str]:
        return {s["object"]["id"] for s in self.statements.values() if s["verb"]["id"].endswith("/voided")}
