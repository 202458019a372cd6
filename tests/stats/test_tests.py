from math import comb

import pytest

from emscope.stats.tests import across_seeds, fisher_exact, holm


def test_fisher_exact_matches_hand_computed_values() -> None:
    # Lady tasting tea: [[3, 1], [1, 3]] has two-sided p = 34/70.
    assert fisher_exact(3, 4, 1, 4) == pytest.approx(34 / 70)
    # 10/100 vs 0/100: the two tables at least as extreme are a=10 and a=0, each C(100,10)/C(200,10).
    assert fisher_exact(10, 100, 0, 100) == pytest.approx(2 * comb(100, 10) / comb(200, 10))
    assert fisher_exact(10, 100, 0, 100) == pytest.approx(0.0015421, abs=1e-7)
    assert fisher_exact(0, 0, 3, 10) == 1.0


def test_holm_adjusts_in_step_down_order_and_stays_monotone() -> None:
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert holm([0.5, 0.9]) == pytest.approx([1.0, 1.0])
    assert holm([]) == []


def test_across_seeds_mean_and_sd() -> None:
    spread = across_seeds([0.1, 0.2, None, 0.3])
    assert (spread.mean, spread.seeds) == (pytest.approx(0.2), 3)
    assert spread.sd == pytest.approx(0.1)
    assert across_seeds([0.4]).sd is None
    assert across_seeds([None]).mean is None


def test_welch_over_seeds_needs_two_seeds_a_side() -> None:
    from emscope.stats.tests import welch_seeds

    assert welch_seeds([0.1], [0.2, 0.3]) is None
    assert welch_seeds([0.1, 0.1], [0.1, 0.1]) == 1.0
    assert welch_seeds([0.1, 0.1], [0.3, 0.3]) is None  # zero variance both sides: undefined, not p = 0
    assert 0.0 < welch_seeds([0.1, 0.12, 0.09], [0.3, 0.33, 0.28]) < 0.01  # type: ignore[operator]


def test_welch_matches_scipy_and_handles_one_constant_side() -> None:
    from scipy.stats import ttest_ind

    from emscope.stats.tests import welch_seeds

    a, b = [0.1, 0.15, 0.12], [0.3, 0.2, 0.35, 0.31]
    assert welch_seeds(a, b) == pytest.approx(ttest_ind(a, b, equal_var=False).pvalue)
    # one side without spread: the test rests on the other side's variance alone (df = n - 1)
    from scipy.stats import t

    p = welch_seeds([0.5, 0.5], [0.3, 0.4, 0.2])
    assert p == pytest.approx(2 * t.sf(abs(0.5 - 0.3) / (0.1 / 3**0.5), 2))
