"""How many wrong workshop codes `atelier serve` accepts, and how many tabs it opens.

Three limits on wrong codes, each for its own threat:

- per browser (a cookie): a person mistyping gets a few tries, then waits a few minutes;
- per address: a whole room behind one router (NAT) shares an address; its allowance is far
  above what a room's typos reach, and it stops one machine from trying codes in a loop;
- for the whole server: however many addresses a guesser rotates through, wrong codes are
  refilled at one every `GLOBAL_REFILL_S` seconds. With the default six-digit code, trying
  them all takes weeks (a four-digit `--code` still takes hours): longer than a workshop.

The number of tabs is capped too: each is an app process of about 30 MB.
No web library here: the server asks, these classes answer.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field

DEVICE_TRIES, DEVICE_WINDOW_S = 5, 300.0
ADDRESS_TRIES, ADDRESS_WINDOW_S = 120, 300.0
GLOBAL_BURST, GLOBAL_REFILL_S = 150, 2.0
TAB_MB = 30
MAX_TABS = 400


@dataclass
class Bucket:
    """A token bucket: `capacity` wrong tries at once, one more every `refill_s` seconds."""

    capacity: int
    refill_s: float
    tokens: float = -1.0
    stamp: float = 0.0

    def _fill(self, now: float) -> None:
        if self.tokens < 0:
            self.tokens, self.stamp = float(self.capacity), now
        self.tokens = min(float(self.capacity), self.tokens + (now - self.stamp) / self.refill_s)
        self.stamp = now

    def empty(self, now: float) -> bool:
        self._fill(now)
        return self.tokens < 1.0

    def take(self, now: float) -> None:
        self._fill(now)
        self.tokens = max(0.0, self.tokens - 1.0)


@dataclass
class TryLimits:
    """Wrong workshop codes, by browser, by address and for the whole server."""

    clock: Callable[[], float] = time.monotonic
    devices: dict[str, list[float]] = field(default_factory=dict)
    addresses: dict[str, list[float]] = field(default_factory=dict)
    server: Bucket = field(default_factory=lambda: Bucket(GLOBAL_BURST, GLOBAL_REFILL_S))

    def blocked(self, device: str, address: str) -> str | None:
        """None if a code may be tried now; else who is blocked: "device", "address" or "server"."""
        now = self.clock()
        if len(self._recent(self.devices, device, DEVICE_WINDOW_S, now)) >= DEVICE_TRIES:
            return "device"
        if len(self._recent(self.addresses, address, ADDRESS_WINDOW_S, now)) >= ADDRESS_TRIES:
            return "address"
        if self.server.empty(now):
            return "server"
        return None

    def wrong(self, device: str, address: str) -> int:
        """Count a wrong code; returns how many this browser has made in its window."""
        now = self.clock()
        self.server.take(now)
        self._recent(self.addresses, address, ADDRESS_WINDOW_S, now).append(now)
        tries = self._recent(self.devices, device, DEVICE_WINDOW_S, now)
        tries.append(now)
        return len(tries)

    def right(self, device: str) -> None:
        self.devices.pop(device, None)

    @staticmethod
    def _recent(table: dict[str, list[float]], key: str, window: float, now: float) -> list[float]:
        kept = [when for when in table.get(key, ()) if now - when < window]
        table[key] = kept
        if len(table) > 10_000:  # a flood of made-up cookies cannot grow memory without end
            for stale in [k for k, v in table.items() if not v][:5_000]:
                table.pop(stale, None)
        return kept


def available_mb(meminfo: str = "/proc/meminfo") -> int | None:
    """Memory the system can still give (MemAvailable), in MB; None when unknown."""
    try:
        with open(meminfo, encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_AVPHYS_PAGES") // 2**20
    except (ValueError, OSError, AttributeError):
        return None


def default_max_tabs(memory_mb: int | None = None) -> int:
    """As many tabs as free memory holds at about `TAB_MB` each (between 2 and `MAX_TABS`)."""
    memory = available_mb() if memory_mb is None else memory_mb
    if memory is None:
        return 30
    return max(2, min(MAX_TABS, memory // TAB_MB))
