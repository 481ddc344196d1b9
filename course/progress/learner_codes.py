"""Each learner's personal code, for the « mode atelier » (a shared computer, `atelier serve`).

A new learner gets a short code (four digits, or one they choose) to resume in another tab
or on another day; reopening their profile, resetting or deleting it asks for it (or the
trainer code). The code is kept as a salted hash in `<data>/access/learners.json`, by
learner id; wrong codes back off per learner and per data dir. The trainer can give a new
code to someone who forgot theirs. No Textual here.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from course.progress.access_file import AccessFile, Backoff, Clock, Verdict, hash_code, matches, normalise

MIN_LENGTH = 4
MAX_LENGTH = 20


def new_code() -> str:
    """Four digits: short enough to note on paper, read aloud, type on a phone."""
    return f"{secrets.randbelow(10_000):04d}"


def acceptable(code: str) -> bool:
    return MIN_LENGTH <= len(normalise(code)) <= MAX_LENGTH


class LearnerCodes:
    """The personal codes of one data dir."""

    def __init__(self, data_dir: Path, clock: Clock | None = None) -> None:
        self.file = AccessFile(data_dir, "learners")
        self.backoff = Backoff(data_dir, clock) if clock else Backoff(data_dir)

    def has_code(self, learner_id: str) -> bool:
        return learner_id in self.file.read()

    def claim(self, learner_id: str, code: str) -> bool:
        """Give `code` to a learner who has none yet; False if someone was quicker (two tabs)."""
        with self.file.editing() as codes:
            if learner_id in codes:
                return False
            codes[learner_id] = hash_code(code)
        return True

    def replace(self, learner_id: str, code: str) -> None:
        """A new code for this learner (they chose another one, or the trainer gave one)."""
        with self.file.editing() as codes:
            codes[learner_id] = hash_code(code)
        self.backoff.clear(learner_id)

    def check(self, learner_id: str, code: str) -> Verdict:
        stored = self.file.read().get(learner_id)
        return self.backoff.check(learner_id, lambda: matches(code, stored))

    def wait_s(self, learner_id: str) -> float:
        return self.backoff.wait_s(learner_id)

    def forget(self, learner_id: str) -> None:
        """The learner was deleted: their code goes too."""
        with self.file.editing() as codes:
            codes.pop(learner_id, None)
        self.backoff.clear(learner_id)
