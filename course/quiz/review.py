"""Spaced review with Leitner boxes, computed from the answer history alone.

A question enters review the first time it is answered wrong (box 1). Each
right answer in review moves it up a box, each wrong one back to box 1; a box's
number says how long to wait before it comes back. Past the last box the
question is learnt. Because the boxes are derived from stored answers, nothing
extra is written and two machines' histories merge without conflict.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

INTERVAL_DAYS = {1: 1, 2: 2, 3: 4, 4: 8, 5: 16}
LEARNT = max(INTERVAL_DAYS) + 1


class AnswerLike(Protocol):
    """What scheduling reads of a stored answer (read-only, as the store's records are)."""

    @property
    def quiz(self) -> str: ...

    @property
    def question(self) -> str: ...

    @property
    def correct(self) -> bool: ...

    @property
    def timestamp(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ReviewCard:
    quiz: str
    question: str
    box: int
    due: datetime

    @property
    def learnt(self) -> bool:
        return self.box >= LEARNT


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def review_cards(answers: Iterable[AnswerLike]) -> dict[tuple[str, str], ReviewCard]:
    """The Leitner card of every question ever answered wrong, from answers in time order."""
    cards: dict[tuple[str, str], ReviewCard] = {}
    for answer in sorted(answers, key=lambda a: a.timestamp):
        key = (answer.quiz, answer.question)
        card = next_card(cards.get(key), answer)
        if card is not None:
            cards[key] = card
    return cards


def next_card(card: ReviewCard | None, answer: AnswerLike) -> ReviewCard | None:
    """The card of the answer's question once `answer` counts, `card` being the one before
    (None: never answered wrong); answers must come in time order."""
    when = parse_time(answer.timestamp)
    if not answer.correct:
        return ReviewCard(answer.quiz, answer.question, 1, when + timedelta(days=INTERVAL_DAYS[1]))
    if card is not None and not card.learnt and when >= card.due:
        box = card.box + 1
        return ReviewCard(answer.quiz, answer.question, box, when + timedelta(days=INTERVAL_DAYS.get(box, 0)))
    return card


def due_cards(answers: Iterable[AnswerLike], now: datetime | None = None) -> list[ReviewCard]:
    """The cards to review now, the longest overdue first."""
    now = now or datetime.now(UTC)
    cards = [c for c in review_cards(answers).values() if not c.learnt and c.due <= now]
    return sorted(cards, key=lambda c: (c.due, c.box))


def next_due(answers: Iterable[AnswerLike]) -> datetime | None:
    """When the next card comes back, if any is waiting."""
    dates = [c.due for c in review_cards(answers).values() if not c.learnt]
    return min(dates) if dates else None
