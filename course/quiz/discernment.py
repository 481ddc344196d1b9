"""Score the message inspector: clues flagged, verdicts given, and discernment.

Signal-detection style: a *hit* is a suspicious clue flagged, a *false alarm*
a reassuring one flagged. Flagging everything or nothing gives a discernment
near 0; only telling the two apart raises it towards 1. No words here: the
labels are the UI's job.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from course.content.model import InspectItem


@dataclass(frozen=True, slots=True)
class ItemScore:
    """How one message was judged."""

    item: str
    hits: frozenset[str]
    """Suspicious clues flagged."""
    false_alarms: frozenset[str]
    """Reassuring clues flagged."""
    misses: frozenset[str]
    """Suspicious clues left unflagged."""
    correct_rejections: frozenset[str]
    """Reassuring clues left unflagged."""
    reliable: bool
    """The truth: was the message reliable?"""
    verdict_reliable: bool
    """What the learner said."""
    score: float
    """0..1: half the share of clues judged right, half the verdict."""

    @property
    def verdict_right(self) -> bool:
        return self.reliable == self.verdict_reliable

    @property
    def suspicious(self) -> int:
        return len(self.hits) + len(self.misses)

    @property
    def reassuring(self) -> int:
        return len(self.false_alarms) + len(self.correct_rejections)


def score_item(item: InspectItem, flagged: set[str], verdict_reliable: bool) -> ItemScore:
    """Compare the clue ids `flagged` and the verdict with what `item` says is true."""
    suspicious = {c.id for c in item.clues if c.suspicious}
    reassuring = {c.id for c in item.clues} - suspicious
    flagged = flagged & (suspicious | reassuring)
    hits, false_alarms = flagged & suspicious, flagged & reassuring
    judged_right = len(hits) + len(reassuring - flagged)
    clue_share = judged_right / len(item.clues) if item.clues else 1.0
    verdict_right = item.reliable == verdict_reliable
    return ItemScore(
        item.id,
        frozenset(hits),
        frozenset(false_alarms),
        frozenset(suspicious - flagged),
        frozenset(reassuring - flagged),
        item.reliable,
        verdict_reliable,
        round((clue_share + verdict_right) / 2, 4),
    )


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class Discernment:
    """Totals over several messages; a rate is None when nothing could be counted."""

    messages: int
    hits: int
    false_alarms: int
    suspicious: int
    """Suspicious clues shown."""
    reassuring: int
    """Reassuring clues shown."""
    reliable_right: int
    """Reliable messages trusted."""
    reliable_total: int
    misleading_right: int
    """Misleading messages doubted."""
    misleading_total: int
    score: float
    """Mean of the item scores."""

    @property
    def hit_rate(self) -> float | None:
        return _rate(self.hits, self.suspicious)

    @property
    def false_alarm_rate(self) -> float | None:
        return _rate(self.false_alarms, self.reassuring)

    @property
    def index(self) -> float | None:
        """Hit rate − false-alarm rate, −1..1; None unless both kinds of clues were shown."""
        if self.hit_rate is None or self.false_alarm_rate is None:
            return None
        return round(self.hit_rate - self.false_alarm_rate, 4)

    @property
    def reliable_accuracy(self) -> float | None:
        """Share of reliable messages the learner trusted."""
        return _rate(self.reliable_right, self.reliable_total)

    @property
    def misleading_accuracy(self) -> float | None:
        """Share of misleading messages the learner doubted."""
        return _rate(self.misleading_right, self.misleading_total)


def index_band(index: float) -> Literal["high", "mid", "zero", "negative"]:
    """Where a discernment index falls: telling the two apart, partly, not at all, or the wrong way round."""
    if index >= 0.7:
        return "high"
    if index >= 0.2:
        return "mid"
    return "zero" if index > -0.2 else "negative"


def discernment(scores: Iterable[ItemScore]) -> Discernment:
    """Add up several judged messages."""
    scores = list(scores)
    reliable = [s for s in scores if s.reliable]
    misleading = [s for s in scores if not s.reliable]
    return Discernment(
        messages=len(scores),
        hits=sum(len(s.hits) for s in scores),
        false_alarms=sum(len(s.false_alarms) for s in scores),
        suspicious=sum(s.suspicious for s in scores),
        reassuring=sum(s.reassuring for s in scores),
        reliable_right=sum(s.verdict_right for s in reliable),
        reliable_total=len(reliable),
        misleading_right=sum(s.verdict_right for s in misleading),
        misleading_total=len(misleading),
        score=round(sum(s.score for s in scores) / len(scores), 4) if scores else 0.0,
    )
