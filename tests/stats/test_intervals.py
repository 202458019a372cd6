"""Tests for emscope.stats.intervals: Wilson intervals and rates."""

from __future__ import annotations

import math
from statistics import NormalDist

import pytest
from scipy.optimize import brentq

from emscope.stats import Rate, rate, wilson_interval

# Published 95% Wilson intervals (z = 1.96), to 4 decimals.
PUBLISHED = [
    (0, 10, (0.0, 0.2775)),
    (5, 10, (0.2366, 0.7634)),
    (81, 263, (0.2553, 0.3662)),
]


def _score_inversion(k: int, n: int, confidence: float) -> tuple[float, float]:
    """Wilson bounds found numerically: the p where the score statistic equals z.

    Independent of the closed form: z comes from the stdlib and the bounds are
    the roots of ``n (k/n - p)^2 - z^2 p (1 - p)`` on either side of ``k/n``.
    """
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    phat = k / n

    def f(p: float) -> float:
        return n * (phat - p) ** 2 - z * z * p * (1 - p)

    eps = 1e-12  # f(k/n) = 0 when k is 0 or n; step off it to bracket the other root
    lo = 0.0 if k == 0 else brentq(f, 0.0, min(phat, 1 - eps), xtol=1e-15)
    hi = 1.0 if k == n else brentq(f, max(phat, eps), 1.0, xtol=1e-15)
    return lo, hi


@pytest.mark.parametrize(("k", "n", "expected"), PUBLISHED)
def test_published_values(k: int, n: int, expected: tuple[float, float]) -> None:
    """Closed form matches published 95% intervals to 4 decimals."""
    lo, hi = wilson_interval(k, n)
    assert round(lo, 4) == expected[0]
    assert round(hi, 4) == expected[1]


@pytest.mark.parametrize(("k", "n", "expected"), PUBLISHED)
def test_published_values_are_right(k: int, n: int, expected: tuple[float, float]) -> None:
    """The published values themselves agree with an independent score-test inversion."""
    lo, hi = _score_inversion(k, n, 0.95)
    assert round(lo, 4) == expected[0]
    assert round(hi, 4) == expected[1]


@pytest.mark.parametrize("confidence", [0.5, 0.9, 0.95, 0.99])
@pytest.mark.parametrize(("k", "n"), [(0, 1), (1, 1), (1, 3), (7, 20), (81, 263), (999, 1000)])
def test_matches_score_inversion(k: int, n: int, confidence: float) -> None:
    """Closed form equals the numerically inverted score test at several levels."""
    got = wilson_interval(k, n, confidence)
    want = _score_inversion(k, n, confidence)
    assert got == pytest.approx(want, abs=1e-9)


def test_n_zero() -> None:
    """No trials gives the vacuous interval and a NaN rate."""
    assert wilson_interval(0, 0) == (0.0, 1.0)
    r = rate(0, 0)
    assert (r.k, r.n, r.lo, r.hi) == (0, 0, 0.0, 1.0)
    assert math.isnan(r.rate)


def test_rate_fields() -> None:
    """Rate carries the counts, the point estimate and the Wilson bounds."""
    r = rate(81, 263)
    assert isinstance(r, Rate)
    assert r.rate == pytest.approx(81 / 263)
    assert (r.lo, r.hi) == wilson_interval(81, 263)
    assert r.lo < r.rate < r.hi


def test_extremes_clamped_and_exact() -> None:
    """Bounds stay in [0, 1], hit 0 and 1 exactly at k = 0 and k = n, and contain k/n."""
    assert wilson_interval(0, 50)[0] == 0.0
    assert wilson_interval(50, 50)[1] == 1.0
    for k in range(0, 31):
        lo, hi = wilson_interval(k, 30)
        assert 0.0 <= lo <= k / 30 <= hi <= 1.0


def test_monotone_in_k() -> None:
    """Both bounds strictly increase with k at fixed n."""
    bounds = [wilson_interval(k, 40) for k in range(41)]
    for (lo1, hi1), (lo2, hi2) in zip(bounds, bounds[1:], strict=False):
        assert lo2 > lo1
        assert hi2 > hi1


def test_narrows_with_n_and_widens_with_confidence() -> None:
    """More data narrows the interval; more confidence widens it."""
    widths = [hi - lo for lo, hi in (wilson_interval(3 * m, 10 * m) for m in (1, 2, 5, 10, 100))]
    assert widths == sorted(widths, reverse=True)
    levels = [wilson_interval(3, 10, c) for c in (0.5, 0.8, 0.9, 0.95, 0.99)]
    for (lo1, hi1), (lo2, hi2) in zip(levels, levels[1:], strict=False):
        assert lo2 < lo1 and hi2 > hi1


def test_symmetry() -> None:
    """Swapping successes and failures mirrors the interval about 1/2."""
    lo, hi = wilson_interval(3, 17)
    lo_c, hi_c = wilson_interval(14, 17)
    assert lo == pytest.approx(1 - hi_c)
    assert hi == pytest.approx(1 - lo_c)


@pytest.mark.parametrize(("k", "n"), [(-1, 5), (6, 5), (0, -1)])
def test_bad_counts(k: int, n: int) -> None:
    """Impossible counts are rejected."""
    with pytest.raises(ValueError):
        wilson_interval(k, n)


@pytest.mark.parametrize("confidence", [0.0, 1.0, -0.1, 1.5])
def test_bad_confidence(confidence: float) -> None:
    """Confidence levels outside (0, 1) are rejected."""
    with pytest.raises(ValueError):
        wilson_interval(1, 2, confidence)
