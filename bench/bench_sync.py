"""`atelier sync` throughput against a local fake LRS, for several batch sizes.

    python bench/bench_sync.py [--quick]

Baseline, measured in the same run: the same statements POSTed to the same fake LRS
in the same batches by bare urllib calls (no planning, no journal, no outbox). The
ratio is what durability costs: the outbox written before each batch and the journal
fsynced after it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from course.sync.client import LrsClient  # noqa: E402
from course.sync.journal import Journal  # noqa: E402
from course.sync.push import Pusher, Summary, plan  # noqa: E402
from tests.unit.lrs_fake import FakeLrs  # noqa: E402


def statements(count: int) -> list[dict[str, Any]]:
    base = "https://atelier.example/xapi"
    return [
        {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench-{i}")),
            "version": "1.0.3",
            "actor": {
                "objectType": "Agent",
                "account": {"homePage": base, "name": f"apprenant-{i % 100:08x}"},
            },
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"fr-FR": "a répondu"}},
            "object": {"objectType": "Activity", "id": f"{base}/quizzes/q{i % 40}/questions/{i % 7}"},
            "result": {"success": i % 3 != 0, "response": "true", "duration": "PT12S"},
            "timestamp": "2026-11-24T09:00:00.000Z",
        }
        for i in range(count)
    ]


def bare(items: list[dict[str, Any]], batch: int, url: str) -> float:
    start = time.perf_counter()
    for first in range(0, len(items), batch):
        body = json.dumps(items[first : first + batch]).encode()
        request = urllib.request.Request(
            url + "/statements",
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", "X-Experience-API-Version": "1.0.3"},
        )
        with urllib.request.urlopen(request, timeout=30) as reply:
            reply.read()
    return time.perf_counter() - start


def synced(items: list[dict[str, Any]], batch: int, url: str, folder: Path) -> float:
    start = time.perf_counter()
    client = LrsClient(url)
    journal = Journal.open(folder, client.endpoint)
    todo = plan(items, journal)
    Pusher(client, journal, batch_size=batch).push(todo.items, Summary())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    count = 2_000 if args.quick else 10_000
    items = statements(count)
    print(f"{count} statements, fake LRS on 127.0.0.1")
    print(f"{'batch':>6} {'sync st/s':>10} {'bare st/s':>10} {'ratio':>6}")
    for batch in (10, 100, 500):
        with FakeLrs() as lrs, tempfile.TemporaryDirectory() as folder:
            base = bare(items, batch, lrs.url)
            lrs.statements.clear()
            lrs.received.clear()
            took = synced(items, batch, lrs.url, Path(folder))
            assert len(lrs.statements) == count
        print(f"{batch:>6} {count / took:>10.0f} {count / base:>10.0f} {took / base:>5.2f}x")


if __name__ == "__main__":
    main()
