"""The HTTP side of an xAPI 1.0.3 learning-record store: POST a batch, PUT one statement.

Only the standard library: nothing to install, nothing that reaches the network
unless `atelier sync` is run. Credentials go in the Authorization header only;
the address shown to people never carries them.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import quote, urlsplit, urlunsplit

Outcome = Literal["ok", "conflict", "retry", "refused", "unauthorised"]
XAPI_VERSION = "1.0.3"


@dataclass(frozen=True)
class Reply:
    """What the store answered, sorted into what the sender must do next."""

    outcome: Outcome
    status: int
    """HTTP status, 0 when no answer came (connection refused, cut, timed out)."""
    detail: str = ""


def shown_address(url: str) -> str:
    """`url` without user name or password, for messages and logs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def statements_url(endpoint: str) -> str:
    return endpoint.rstrip("/") + "/statements"


def classify(status: int) -> Outcome:
    if 200 <= status < 300:
        return "ok"
    if status == 409:
        return "conflict"
    if status in (401, 403):
        return "unauthorised"
    if status in (408, 425, 429) or status >= 500:
        return "retry"
    return "refused"


class LrsClient:
    """Sends statements to one LRS endpoint (the address that ends before `/statements`)."""

    def __init__(
        self, endpoint: str, user: str | None = None, password: str | None = None, timeout: float = 30.0
    ) -> None:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("not an http(s) address")
        user = user if user is not None else (parts.username or None)
        password = password if password is not None else (parts.password or None)
        self.endpoint = shown_address(endpoint)
        self.timeout = timeout
        self._headers = {"X-Experience-API-Version": XAPI_VERSION, "Content-Type": "application/json"}
        if user is not None:
            token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
            self._headers["Authorization"] = "Basic " + token

    def _send(self, method: str, url: str, body: Any) -> Reply:
        data = json.dumps(body, ensure_ascii=True).encode("ascii")
        request = urllib.request.Request(url, data=data, method=method, headers=self._headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
                return Reply(classify(response.status), response.status)
        except urllib.error.HTTPError as error:
            detail = error.read(2000).decode("utf-8", "replace")
            return Reply(classify(error.code), error.code, detail)
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
            return Reply("retry", 0, type(error).__name__)

    def post(self, statements: list[dict[str, Any]]) -> Reply:
        """POST a batch: every statement is stored, or none (409 if one id holds other content)."""
        return self._send("POST", statements_url(self.endpoint), statements)

    def put(self, statement: dict[str, Any]) -> Reply:
        """PUT one statement under its id: 204 stored (or already the same), 409 differing."""
        url = statements_url(self.endpoint) + "?statementId=" + quote(str(statement["id"]), safe="")
        return self._send("PUT", url, statement)
