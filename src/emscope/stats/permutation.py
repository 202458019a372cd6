"""A paired sign-flip permutation test over independent units (questions, requests).

Why this test: when two conditions are asked the same questions (or requests), the question is the
independent unit and repeated answers to one question are not. The per-unit differences in rate are
symmetric about 0 if the conditions do not differ, so flipping their signs at random gives the null
distribution of their sum. With one answer per unit and 0/1 outcomes this is exactly the two-sided sign
test, i.e. McNemar's exact test; with many answers per unit it does not count them as independent.
Exact enumeration up to `EXACT_UP_TO` non-zero differences, Monte Carlo (fixed seed) above that.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

EXACT_UP_TO = 16
TOLERANCE = 1e-12


def sign_flip_test(differences: Sequence[float], reps: int = 20000, seed: int = 0) -> float:
    """Two-sided p-value for H0: the per-unit differences are symmetric about 0."""
    nonzero = np.asarray([d for d in differences if d != 0.0], dtype=np.float64)
    if nonzero.size == 0:
        return 1.0
    observed = abs(float(nonzero.sum()))
    if nonzero.size <= EXACT_UP_TO:
        signs = np.asarray(list(itertools.product((1.0, -1.0), repeat=int(nonzero.size))))
        sums = np.abs(signs @ nonzero)
        return float(np.mean(sums >= observed - TOLERANCE))
    rng = np.random.default_rng(seed)
    signs = rng.choice(np.asarray([1.0, -1.0]), size=(reps, int(nonzero.size)))
    sums = np.abs(signs @ nonzero)
    return float((1 + np.sum(sums >= observed - TOLERANCE)) / (1 + reps))


def unit_differences(a: dict[str, tuple[int, int]], b: dict[str, tuple[int, int]]) -> list[float]:
    """Per-unit rate differences (a - b) over units with answers in both (unit -> (k, n))."""
    shared = [u for u in a if u in b and a[u][1] > 0 and b[u][1] > 0]
    return [a[u][0] / a[u][1] - b[u][0] / b[u][1] for u in shared]
