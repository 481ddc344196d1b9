"""What one learning-record store has acknowledged, and the batch on its way to it.

    <data>/lrs/<endpoint key>/journal.log   one line per acknowledged statement, appended and fsynced
    <data>/lrs/<endpoint key>/outbox.json   the batch being sent, replaced atomically

A journal line is `ack <sent id> <derived id> <digest>` or `conflict <sent id> <derived id> <digest>`:
the derived id is the one the export gives a statement (what defines it), the sent id the
one the store holds (different once a changed result has been voided and sent again).
A line torn by a kill is ignored: its batch is still in the outbox and is sent again,
which an LRS accepts as a repeat because the content is the same.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course.progress.storage import atomic_write_bytes, read_regular

MAX_OUTBOX_BYTES = 64 * 1024 * 1024
MAX_JOURNAL_BYTES = 512 * 1024 * 1024


def endpoint_key(endpoint: str) -> str:
    """A folder name for one LRS: its address without credentials, hashed."""
    return hashlib.sha256(endpoint.rstrip("/").encode("utf-8")).hexdigest()[:16]


def digest(statement: dict[str, Any]) -> str:
    """The content of a statement, apart from its id, as a short hash."""
    content = {key: value for key, value in statement.items() if key != "id"}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass
class Sent:
    """The statement an LRS holds for one derived id."""

    sent_id: str
    digest: str
    conflict: bool = False


@dataclass
class Journal:
    """The acknowledgements of one LRS, read from and appended to its journal file."""

    folder: Path
    sent: dict[str, Sent] = field(default_factory=dict)
    """By derived id: what the store holds."""

    @classmethod
    def open(cls, data_dir: Path, endpoint: str) -> Journal:
        journal = cls(data_dir / "lrs" / endpoint_key(endpoint))
        journal.folder.mkdir(parents=True, exist_ok=True)
        try:
            text = read_regular(journal.path, MAX_JOURNAL_BYTES).decode("utf-8", "replace")
        except FileNotFoundError:
            return journal
        for line in text.splitlines():
            parts = line.split(" ")
            if len(parts) == 4 and parts[0] in ("ack", "conflict") and all(parts[1:]):
                journal.sent[parts[2]] = Sent(parts[1], parts[3], parts[0] == "conflict")
        return journal

    @property
    def path(self) -> Path:
        return self.folder / "journal.log"

    @property
    def outbox_path(self) -> Path:
        return self.folder / "outbox.json"

    def record(self, entries: list[tuple[str, str, str, bool]]) -> None:
        """Append (sent id, derived id, digest, conflict) lines, durable on return."""
        if not entries:
            return
        lines = "".join(
            f"{'conflict' if bad else 'ack'} {sent} {derived} {dig}\n" for sent, derived, dig, bad in entries
        )
        with open(self.path, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(lines)
            handle.flush()
            os.fsync(handle.fileno())
        for sent, derived, dig, bad in entries:
            self.sent[derived] = Sent(sent, dig, bad)

    def read_outbox(self) -> list[dict[str, Any]]:
        """The batch a previous run was sending when it stopped, or []."""
        try:
            data = json.loads(read_regular(self.outbox_path, MAX_OUTBOX_BYTES))
        except FileNotFoundError:
            return []
        except (OSError, ValueError, RecursionError):
            return []  # a damaged outbox is rebuilt from the answers: nothing in it is lost
        if not isinstance(data, list):
            return []
        return [item for item in data if isinstance(item, dict) and isinstance(item.get("statement"), dict)]

    def write_outbox(self, batch: list[dict[str, Any]]) -> None:
        atomic_write_bytes(self.outbox_path, json.dumps(batch, ensure_ascii=True).encode("ascii"))

    def clear_outbox(self) -> None:
        try:
            os.unlink(self.outbox_path)
        except FileNotFoundError:
            pass
