"""Small statistics for the report: means, a paired confidence interval, a correlation.

Pure functions on floats (no numpy: a workshop's figures are a few hundred numbers).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import repeat
from operator import mul, sub

# Student's t, two-sided 95 %, by degrees of freedom (1..30); beyond, the normal 1.96 is
# within 2 % of it.
_T95 = (
    12.706,
    4.303,
    3.182,
    2.776,
    2.571,
    2.447,
    2.365,
    2.306,
    2.262,
    2.228,
    2.201,
    2.179,
    2.160,
    2.145,
    2.131,
    2.120,
    2.110,
    2.101,
    2.093,
    2.086,
    2.080,
    2.074,
    2.069,
    2.064,
    2.060,
    2.056,
    2.052,
    2.048,
    2.045,
    2.042,
)


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def t_quantile_95(df: int) -> float:
    """The two-sided 95 % quantile of Student's t with `df` degrees of freedom."""
    if df < 1:
        raise ValueError("at least one degree of freedom")
    return _T95[df - 1] if df <= len(_T95) else 1.96


def paired_interval(gains: Sequence[float]) -> tuple[float, float] | None:
    """95 % confidence interval of the mean of paired differences (post − pre); None under 2."""
    n = len(gains)
    if n < 2:
        return None
    centre = sum(gains) / n
    variance = sum((g - centre) ** 2 for g in gains) / (n - 1)
    half = t_quantile_95(n - 1) * math.sqrt(variance / n)
    return centre - half, centre + half


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, or None when either side does not vary (or under three pairs)."""
    n = len(xs)
    if n < 3 or n != len(ys):
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    dx = list(map(sub, xs, repeat(mx)))  # element by element, as `x - mx for x in xs`
    dy = list(map(sub, ys, repeat(my)))
    sxy: float = sum(map(mul, dx, dy))
    sxx: float = sum(map(pow, dx, repeat(2)))
    syy: float = sum(map(pow, dy, repeat(2)))
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return sxy / math.sqrt(sxx * syy)


def discernment_index(
    marks: dict[str, bool], reliable: Sequence[str], misleading: Sequence[str]
) -> float | None:
    """Hit rate on misleading items minus false-alarm rate on reliable ones (−1 to 1).

    A learner who doubts everything, or trusts everything, scores about 0: discernment is
    telling the two apart, not suspicion. `marks` is question id → answered right.
    """
    hits = [marks[q] for q in misleading if q in marks]
    kept = [marks[q] for q in reliable if q in marks]
    if not hits or not kept:
        return None
    return sum(hits) / len(hits) - (1 - sum(kept) / len(kept))
