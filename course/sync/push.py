"""Plan what an LRS still needs, then send it in batches, with retries, resuming where it stopped.

A statement whose derived id the store already holds with the same content is not
sent again (re-syncing is a no-op). One whose content changed since it was sent (an
attempt's result after a late answer, a merge) is corrected the xAPI way: a
*voided* statement for the old one, then the new content under a new id. A 409 on
one statement is recorded as a conflict for that statement and never blocks the batch.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from course.sync.client import LrsClient, Reply
from course.sync.journal import Journal, digest

VOIDED = "http://adlnet.gov/expapi/verbs/voided"
#: Never change it: the ids of corrected statements derive from it.
NAMESPACE = uuid.UUID("0b6c3f5e-8f0a-5d55-9d0e-7e5a2d1c4b90")
DEFAULT_BATCH = 100
BACKOFF_S = (1.0, 2.0, 4.0, 8.0, 16.0)


@dataclass
class Plan:
    """What to send: each item a statement and the derived id it stands for."""

    items: list[dict[str, Any]] = field(default_factory=list)
    up_to_date: int = 0
    corrections: int = 0


@dataclass
class Summary:
    """The figures a trainer reads after a sync."""

    sent: int = 0
    up_to_date: int = 0
    corrections: int = 0
    conflicts: int = 0
    refused: int = 0
    remaining: int = 0
    stopped: str = ""
    """Empty when everything went; else "network" (no answer), "server" (an error status) or "unauthorised"."""
    status: int = 0
    """The HTTP status that stopped the sync, 0 when no answer came."""
    conflict_ids: list[str] = field(default_factory=list)


def _item(statement: dict[str, Any], derived: str) -> dict[str, Any]:
    return {"statement": statement, "derived": derived, "digest": digest(statement)}


def plan(statements: Iterable[dict[str, Any]], journal: Journal) -> Plan:
    """The statements this LRS still needs, corrections first, in export order."""
    result = Plan()
    for statement in statements:
        derived = str(statement["id"])
        content = digest(statement)
        known = journal.sent.get(derived)
        if known is not None and known.digest == content:
            result.up_to_date += 1
            continue
        if known is None:
            result.items.append(_item(statement, derived))
            continue
        # Same meaning, other content: void what the store holds, send the new one under a new id.
        void_id = str(uuid.uuid5(NAMESPACE, f"void\x1f{known.sent_id}"))
        if known.conflict:
            void = None  # the store never took ours: nothing of ours to void
        else:
            void = {
                "id": void_id,
                "version": statement.get("version", "1.0.3"),
                "actor": statement["actor"],
                "verb": {"id": VOIDED, "display": {"fr-FR": "a annulé", "en-US": "voided"}},
                "object": {"objectType": "StatementRef", "id": known.sent_id},
                "timestamp": statement.get("timestamp"),
            }
        renewed = dict(statement, id=str(uuid.uuid5(NAMESPACE, f"{derived}\x1f{content}")))
        if void is not None:
            result.items.append(_item(void, "void:" + known.sent_id))
        result.items.append(_item(renewed, derived))
        result.corrections += 1
    return result


class Pusher:
    """Sends a plan to one LRS through its journal; `sleep` and `progress` are injectable."""

    def __init__(
        self,
        client: LrsClient,
        journal: Journal,
        *,
        batch_size: int = DEFAULT_BATCH,
        sleep: Callable[[float], None] = time.sleep,
        progress: Callable[[int, int], None] | None = None,
        backoff: tuple[float, ...] = BACKOFF_S,
    ) -> None:
        self.client, self.journal = client, journal
        self.batch_size = max(1, batch_size)
        self.sleep, self.progress, self.backoff = sleep, progress, backoff

    def _with_retries(self, send: Callable[[], Reply]) -> Reply:
        reply = send()
        for pause in self.backoff:
            if reply.outcome != "retry":
                break
            self.sleep(pause)
            reply = send()
        return reply

    def _one_by_one(self, batch: list[dict[str, Any]], summary: Summary) -> Reply | None:
        """PUT each statement of a refused batch: the good ones go, the others are set apart."""
        entries: list[tuple[str, str, str, bool]] = []
        for item in batch:
            statement: dict[str, Any] = item["statement"]

            def put(one: dict[str, Any] = statement) -> Reply:
                return self.client.put(one)

            reply = self._with_retries(put)
            if reply.outcome in ("retry", "unauthorised"):
                self.journal.record(entries)
                return reply
            bad = reply.outcome != "ok"
            if reply.outcome == "conflict":
                summary.conflicts += 1
                summary.conflict_ids.append(str(statement["id"]))
            elif bad:
                summary.refused += 1
            else:
                summary.sent += 1
            entries.append((str(statement["id"]), item["derived"], item["digest"], bad))
        self.journal.record(entries)
        return None

    def _send_batch(self, batch: list[dict[str, Any]], summary: Summary) -> Reply | None:
        """None when the batch is settled (acknowledged or set apart); else the reply that stopped it."""
        self.journal.write_outbox(batch)
        reply = self._with_retries(lambda: self.client.post([item["statement"] for item in batch]))
        if reply.outcome == "ok":
            self.journal.record(
                [(str(i["statement"]["id"]), i["derived"], i["digest"], False) for i in batch]
            )
            summary.sent += len(batch)
        elif reply.outcome in ("conflict", "refused"):
            stopped = self._one_by_one(batch, summary)
            if stopped is not None:
                return stopped
        else:
            return reply
        self.journal.clear_outbox()
        return None

    def push(self, items: list[dict[str, Any]], summary: Summary) -> Summary:
        """Send `items` (after whatever batch a previous run left in the outbox)."""
        left_over = self.journal.read_outbox()
        pending = [
            i
            for i in left_over
            if self.journal.sent.get(i["derived"], None) is None
            or self.journal.sent[i["derived"]].digest != i["digest"]
        ]
        seen = {str(i["statement"]["id"]) for i in pending}
        queue = pending + [i for i in items if str(i["statement"]["id"]) not in seen]
        total, done = len(queue), 0
        for start in range(0, total, self.batch_size):
            batch = queue[start : start + self.batch_size]
            stopped = self._send_batch(batch, summary)
            if stopped is not None:
                summary.stopped = (
                    "unauthorised"
                    if stopped.outcome == "unauthorised"
                    else "server"
                    if stopped.status
                    else "network"
                )
                summary.status = stopped.status
                summary.remaining = total - done
                return summary
            done += len(batch)
            if self.progress is not None:
                self.progress(done, total)
        if not queue:
            self.journal.clear_outbox()
        return summary
