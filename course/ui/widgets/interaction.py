"""The message an interactive section sends each time the learner makes a choice."""

from __future__ import annotations

from typing import Any

from textual.message import Message


class Interaction(Message):
    """A choice made in a scenario, a feed simulator or a message inspector.

    The lesson screen stores it like a quiz answer (mode "activity"): `block`
    is the section's id, `step` what was answered (a scenario step, a feed
    round, an inspected message).
    """

    def __init__(
        self, block: str, step: str, kind: str, response: Any, response_text: str, correct: bool, score: float
    ) -> None:
        super().__init__()
        self.block = block
        self.step = step
        self.kind = kind
        self.response = response
        self.response_text = response_text
        self.correct = correct
        self.score = min(max(score, 0.0), 1.0)
