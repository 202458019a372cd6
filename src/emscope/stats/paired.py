"""Paired comparisons of two conditions on the same items: a request-level test and a paired bootstrap interval.

The compliance gap asks every request in both conditions, so the two rates are not independent. The
independent unit is the request: repeated samples of one request share it, so the test is a sign-flip
permutation test over per-request gaps (McNemar's exact test when each request has one pair) and the
interval resamples requests, not answers (bootstrap), which keeps repeated samples of one request together.
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
    p_value: float  # sign-flip permutation test over items (requests)
    only_a: int
    only_b: int
    pairs: int
    items: int = 0


def paired_gap(pairs_by_item: Mapping[str, Sequence[tuple[bool, bool]]], reps: int = 2000, seed: int = 0) -> PairedGap:
    """Gap, 95% interval and p-value from (A, B) outcome pairs grouped by item; items are the unit throughout."""
    from emscope.stats.permutation import sign_flip_test

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
    per_item = [sum(a - b for a, b in pairs) / len(pairs) for pairs in items]
    p_value = sign_flip_test(per_item, seed=seed)
    return PairedGap((only_a - only_b) / len(flat), ci, p_value, only_a, only_b, len(flat), len(items))
