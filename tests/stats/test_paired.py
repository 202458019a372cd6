import pytest

from emscope.stats.paired import mcnemar_exact, paired_gap


def test_mcnemar_exact_matches_the_binomial_tail() -> None:
    # b=8, c=2: p = 2 * P(X <= 2 | n=10, 1/2) = 2 * (1 + 10 + 45) / 1024
    assert mcnemar_exact(8, 2) == pytest.approx(2 * 56 / 1024)
    assert mcnemar_exact(5, 5) == pytest.approx(1.0)
    assert mcnemar_exact(0, 0) == 1.0


def test_paired_gap_counts_discordant_pairs_and_brackets_the_gap() -> None:
    pairs = {f"r{i}": [(True, False)] for i in range(6)} | {f"s{i}": [(True, True), (False, False)] for i in range(6)}
    gap = paired_gap(pairs, reps=500, seed=1)
    assert (gap.only_a, gap.only_b, gap.pairs) == (6, 0, 18)
    assert gap.gap == pytest.approx(6 / 18)
    assert gap.ci95 is not None and gap.ci95[0] <= gap.gap <= gap.ci95[1]
    assert gap.p_mcnemar == pytest.approx(2 / 64)
    assert paired_gap({}).gap is None
