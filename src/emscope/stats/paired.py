"""Paired comparisons of two conditions on the same items: McNemar's exact test and a paired bootstrap interval.

The compliance gap asks every request in both conditions, so the two rates are not independent; a
paired analysis uses only the requests whose outcome differs between conditions (McNemar) and
resamples requests, not answers, for the interval (bootstrap), which keeps repeated samples of one
request together.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


def mcnemar_exact(b: int, c: int) -> float:
    """Two-sided exact McNemar p-value from the discordant counts b (only in A) and c (only in B)."""
    n = b + c
    if n == 0:
        return 1.0
    from scipy.stats import binomtest

    return float(binomtest(min(b, c), n, 0.5, alternative="two-sided").pvalue)


@dataclass(frozen=True)
class PairedGap:
    """Rate in condition A minus rate in condition B over paired observations."""

    gap: float | None
    ci95: tuple[float, float] | None
    p_mcnemar: float
    only_a: int
    only_b: int
    pairs: int


def paired_gap(pairs_by_item: Mapping[str, Sequence[tuple[bool, bool]]], reps: int = 2000, seed: int = 0) -> PairedGap:
    """Gap and 95% interval from (A, B) outcome pairs grouped by item; the bootstrap resamples items."""
    flat = [pair for pairs in pairs_by_item.values() for pair in pairs]
    only_a = sum(1 for a, b in flat if a and not b)
    only_b = sum(1 for a, b in flat if b and not a)
    if not flat:
        return PairedGap(None, None, 1.0, 0, 0, 0)
    items = [list(p) for p in pairs_by_item.values() if p]
    rng = random.Random(seed)
    gaps = []
    for _ in range(reps):
        drawn = [pair for _ in items for pair in rng.choice(items)]
        gaps.append(sum(a - b for a, b in drawn) / len(drawn))
    gaps.sort()
    ci = (gaps[int(0.025 * reps)], gaps[min(reps - 1, int(0.975 * reps))])
    return PairedGap((only_a - only_b) / len(flat), ci, mcnemar_exact(only_a, only_b), only_a, only_b, len(flat))
