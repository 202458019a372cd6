"""The paired sign-flip test over independent units."""

from __future__ import annotations

import pytest

from emscope.stats.paired import mcnemar_exact
from emscope.stats.permutation import sign_flip_test, unit_differences


def test_equals_mcnemar_for_one_binary_pair_per_unit() -> None:
    diffs = [1.0] * 8 + [-1.0] * 2 + [0.0] * 5
    assert sign_flip_test(diffs) == pytest.approx(mcnemar_exact(8, 2))


def test_hand_computed_small_case() -> None:
    # |sum| of (0.5, 0.25, -0.25) = 0.5; of the 8 sign patterns, sums are +-1.0, +-0.5 (x2), +-0.0: four reach 0.5
    # (1.0, -1.0, 0.5, -0.5) plus the other 0.5 pair -> 6 of 8
    assert sign_flip_test([0.5, 0.25, -0.25]) == pytest.approx(6 / 8)
    assert sign_flip_test([]) == 1.0 and sign_flip_test([0.0, 0.0]) == 1.0


def test_monte_carlo_above_the_exact_limit_is_reproducible_and_small_for_a_clear_effect() -> None:
    diffs = [0.2] * 30
    p = sign_flip_test(diffs, reps=5000)
    assert p == sign_flip_test(diffs, reps=5000)
    assert p < 0.001


def test_unit_differences_use_shared_units_only() -> None:
    a = {"q1": (2, 4), "q2": (0, 4), "q3": (1, 1)}
    b = {"q1": (1, 4), "q2": (0, 0), "q4": (1, 1)}
    assert unit_differences(a, b) == [0.25]
