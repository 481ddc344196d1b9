"""The trainer code that opens the trainer space, and the « mode atelier » switch.

The code is either given for this run (`--pin`, ATELIER_PIN, or the one `atelier serve`
prints) or chosen by the trainer on first use and kept as a salted hash in
`<data>/access/trainer.json`. A code given for the run wins over the stored one. Wrong
codes back off per data dir (`access_file.Backoff`), whichever window or tab they come from.

The « mode atelier » (a shared computer, or every browser tab of `atelier serve`) hides
the list of learners: each person resumes with their first name and personal code.
No Textual here.
"""

from __future__ import annotations

import hmac
from pathlib import Path

from course.progress.access_file import (
    AccessFile,
    Backoff,
    Clock,
    Verdict,
    hash_code,
    matches,
    normalise,
)

MIN_LENGTH = 4
MAX_LENGTH = 40
TRIES_KEY = "trainer"


class TrainerCode:
    """Whether a trainer code exists, checking one, choosing one; the mode atelier flag."""

    def __init__(self, data_dir: Path, given: str | None = None, clock: Clock | None = None) -> None:
        self.file = AccessFile(data_dir, "trainer")
        self.given = given.strip() if given and given.strip() else None
        self.backoff = Backoff(data_dir, clock) if clock else Backoff(data_dir)

    @property
    def is_set(self) -> bool:
        return self.given is not None or "code" in self.file.read()

    def wait_s(self) -> float:
        """Seconds before the next code may be tried (0: now)."""
        return self.backoff.wait_s(TRIES_KEY)

    def check(self, code: str) -> Verdict:
        """Right or wrong, with the backoff shared by every window on the data dir."""

        def is_right() -> bool:
            if self.given is not None:
                return hmac.compare_digest(normalise(code).encode(), normalise(self.given).encode())
            return matches(code, self.file.read().get("code"))

        return self.backoff.check(TRIES_KEY, is_right)

    def choose(self, code: str) -> None:
        """Keep `code` (salted, hashed) as the trainer code of this data dir."""
        if not acceptable(code):
            raise ValueError("trainer code too short or too long")
        with self.file.editing() as data:
            data["code"] = hash_code(code)
        self.backoff.clear(TRIES_KEY)

    @property
    def workshop_mode(self) -> bool:
        return self.file.read().get("workshop") is True

    def set_workshop_mode(self, on: bool) -> None:
        with self.file.editing() as data:
            data["workshop"] = bool(on)


def acceptable(code: str) -> bool:
    """A code people can type and remember, long enough not to be guessed at once."""
    return MIN_LENGTH <= len(normalise(code)) <= MAX_LENGTH
