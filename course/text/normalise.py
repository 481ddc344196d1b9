"""Compare typed answers the way a kind French teacher would.

Case, accents, punctuation and extra spaces never matter; in a word of eight
letters or more, a single slip (one letter wrong, missing, extra or two swapped)
is accepted, and the learner is shown the right spelling.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_PUNCT = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
LONG_WORD = 8


def normalise_answer(text: str) -> str:
    """Lower case, no accents, ligatures opened, punctuation as spaces, single spaces."""
    text = text.casefold().replace("œ", "oe").replace("æ", "ae").replace("’", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PUNCT.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _one_slip(typed: str, right: str) -> bool:
    """True if `typed` is `right` with one substitution, insertion, deletion or swap."""
    if typed == right:
        return False
    if len(typed) == len(right):
        diffs = [i for i, (a, b) in enumerate(zip(typed, right)) if a != b]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and typed[diffs[0]] == right[diffs[1]]
            and typed[diffs[1]] == right[diffs[0]]
        )
    if abs(len(typed) - len(right)) != 1:
        return False
    short, long_ = sorted((typed, right), key=len)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


@dataclass(frozen=True, slots=True)
class ShortMatch:
    correct: bool
    exact: bool
    expected: str  # the accepted answer it was compared with, as the trainer wrote it


def match_short(typed: str, accept: list[str]) -> ShortMatch:
    """Whether `typed` matches one of the accepted answers, exactly or with one slip per long word."""
    given = normalise_answer(typed)
    if not given:
        return ShortMatch(False, False, accept[0] if accept else "")
    for answer in accept:
        if normalise_answer(answer) == given:
            return ShortMatch(True, True, answer)
    for answer in accept:
        want = normalise_answer(answer).split(" ")
        got = given.split(" ")
        if len(want) != len(got):
            continue
        slips = [w for w, g in zip(want, got) if w != g]
        if slips and all(len(w) >= LONG_WORD and _one_slip(g, w) for w, g in zip(want, got) if w != g):
            return ShortMatch(True, False, answer)
    return ShortMatch(False, False, accept[0] if accept else "")
