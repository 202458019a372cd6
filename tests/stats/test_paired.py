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
    assert gap.p_value == pytest.approx(2 / 64)  # one discordant pair per request: McNemar's exact p
    assert paired_gap({}).gap is None


def test_repeated_samples_of_one_request_are_not_independent_evidence() -> None:
    # Two requests, each asked 10 times, every time complied only in condition A. McNemar over pairs would
    # see 20 discordant pairs (p ~ 2e-6); the unit is the request, and two requests cannot give p < 0.5.
    pairs = {f"r{i}": [(True, False)] * 10 for i in range(2)}
    gap = paired_gap(pairs, reps=200)
    assert gap.pairs == 20 and gap.items == 2
    assert mcnemar_exact(20, 0) < 1e-5
    assert gap.p_value == pytest.approx(0.5)
