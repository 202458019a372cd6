"""Significance tests for comparing conditions: Fisher's exact test on rates, Holm's step-down correction.

Experiments compare many (condition, suite, question) pairs; without a family-wise correction a few
"significant" differences are expected by chance alone, so every reported p-value has a Holm-adjusted twin.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


def fisher_exact(k1: int, n1: int, k2: int, n2: int) -> float:
    """Two-sided Fisher exact p-value for k1/n1 vs k2/n2 (1.0 when either group is empty)."""
    if n1 == 0 or n2 == 0:
        return 1.0
    from scipy.stats import fisher_exact as scipy_fisher

    _, p = scipy_fisher([[k1, n1 - k1], [k2, n2 - k2]], alternative="two-sided")
    return float(p)


def holm(pvalues: Sequence[float]) -> list[float]:
    """Holm-Bonferroni adjusted p-values, in the input order (monotone, capped at 1)."""
    m = len(pvalues)
    order = sorted(range(m), key=lambda i: pvalues[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (m - rank) * pvalues[index]))
        adjusted[index] = running
    return adjusted


@dataclass(frozen=True)
class Spread:
    """Mean and sample standard deviation of per-seed rates (sd is None with fewer than two seeds)."""

    mean: float | None
    sd: float | None
    seeds: int


def across_seeds(rates: Sequence[float | None]) -> Spread:
    """Mean ± sd over the seeds that produced a rate."""
    values = [r for r in rates if r is not None]
    if not values:
        return Spread(None, None, 0)
    sd = statistics.stdev(values) if len(values) > 1 else None
    return Spread(statistics.fmean(values), sd, len(values))


def welch_seeds(a: Sequence[float], b: Sequence[float]) -> float | None:
    """Welch's t-test p-value over per-seed rates; None unless both sides have two or more seeds.

    Why beside the question-level test: with finetuned conditions each seed is an independent training
    run, so seed-to-seed variation is evidence the question-level test (seeds pooled) cannot see.
    Identical constant rates on both sides give p = 1; different constant rates leave the test undefined.
    """
    if len(a) < 2 or len(b) < 2:
        return None
    a, b = [round(x, 12) for x in a], [round(x, 12) for x in b]  # float noise is not seed-to-seed variation
    if len(set(a)) == 1 and len(set(b)) == 1:
        return 1.0 if a[0] == b[0] else None
    from scipy.stats import t as student_t

    va, vb = statistics.variance(a) / len(a), statistics.variance(b) / len(b)
    se = math.sqrt(va + vb)
    t = (statistics.fmean(a) - statistics.fmean(b)) / se
    df = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))  # Welch-Satterthwaite
    return float(2 * student_t.sf(abs(t), df))
