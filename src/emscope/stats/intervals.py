"""Binomial confidence intervals for misalignment rates.

Every rate emscope reports (overall and per question) is a proportion
``k / n`` of judged answers that were misaligned. This module turns such
counts into a point estimate with a Wilson score interval, which behaves
well at the small ``n`` and extreme rates (0 or 1) typical of these evals.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from scipy.stats import norm

from emscope.schema import RateRecord

__all__ = ["Rate", "rate", "rate_record", "wilson_bounds", "wilson_interval"]


class Rate(NamedTuple):
    """A proportion with its Wilson confidence interval.

    Attributes:
        k: Number of successes (e.g. misaligned answers).
        n: Number of trials (e.g. judged answers).
        rate: ``k / n``, or ``nan`` when ``n == 0``.
        lo: Lower bound of the confidence interval.
        hi: Upper bound of the confidence interval.
    """

    k: int
    n: int
    rate: float
    lo: float
    hi: float


def _check_counts(k: int, n: int) -> None:
    """Raise ``ValueError`` unless ``0 <= k <= n``."""
    if n < 0:
        raise ValueError(f"n must be >= 0, got n={n}")
    if not 0 <= k <= n:
        raise ValueError(f"k must satisfy 0 <= k <= n, got k={k}, n={n}")


def _z_score(confidence: float) -> float:
    """Return the two-sided standard normal quantile for ``confidence``."""
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be in (0, 1), got {confidence}")
    return float(norm.ppf(1.0 - (1.0 - confidence) / 2.0))


def _clamp(x: float) -> float:
    """Clamp ``x`` to the unit interval."""
    return min(1.0, max(0.0, x))


def wilson_interval(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Return the Wilson score interval for ``k`` successes in ``n`` trials.

    Args:
        k: Number of successes, ``0 <= k <= n``.
        n: Number of trials, ``n >= 0``.
        confidence: Two-sided confidence level in ``(0, 1)``.

    Returns:
        ``(lo, hi)`` clamped to ``[0, 1]``. With no trials (``n == 0``) nothing
        is known and ``(0.0, 1.0)`` is returned.

    Raises:
        ValueError: If the counts or the confidence level are out of range.
    """
    _check_counts(k, n)
    if n == 0:
        _z_score(confidence)  # still reject a bad confidence level
        return (0.0, 1.0)
    return wilson_bounds(k / n, float(n), confidence)


def wilson_bounds(p: float, n: float, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson interval for an observed share ``p`` over a possibly fractional number of trials ``n``.

    Why fractional: a design-effect correction divides the answer count by the design effect, so the
    effective number of independent answers is rarely a whole number. At ``p == 0`` the lower bound is
    exactly 0 and at ``p == 1`` the upper bound exactly 1.
    """
    z = _z_score(confidence)
    if n <= 0:
        return (0.0, 1.0)
    z2 = z * z
    denom = 1.0 + z2 / n
    centre = (p + z2 / (2.0 * n)) / denom
    half = (z / denom) * math.sqrt(max(p * (1.0 - p), 0.0) / n + z2 / (4.0 * n * n))
    lo = 0.0 if p <= 0.0 else _clamp(centre - half)
    hi = 1.0 if p >= 1.0 else _clamp(centre + half)
    return (lo, hi)


def rate(k: int, n: int, confidence: float = 0.95) -> Rate:
    """Return ``k / n`` with its Wilson interval.

    Args:
        k: Number of successes, ``0 <= k <= n``.
        n: Number of trials, ``n >= 0``.
        confidence: Two-sided confidence level in ``(0, 1)``.

    Returns:
        A :class:`Rate`; ``rate`` is ``nan`` and the interval ``(0, 1)`` when
        ``n == 0``.

    Raises:
        ValueError: If the counts or the confidence level are out of range.
    """
    lo, hi = wilson_interval(k, n, confidence)
    point = k / n if n else math.nan
    return Rate(k=k, n=n, rate=point, lo=lo, hi=hi)


def rate_record(k: int, n: int) -> RateRecord:
    """`k / n` with its 95% Wilson interval as results.json writes it (`rate` is None when `n == 0`)."""
    lo, hi = wilson_interval(k, n)
    return {"rate": k / n if n else None, "ci95": [lo, hi], "k": k, "n": n}
