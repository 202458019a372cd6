"""Cluster-aware intervals: answers to one question are not independent evidence."""

from __future__ import annotations

import pytest

from emscope.stats.clustered import clustered_rate, design_effect
from emscope.stats.intervals import wilson_bounds, wilson_interval


def test_no_clustering_gives_the_per_answer_interval() -> None:
    # every question has the same share: no between-question variance beyond binomial -> D = 1
    rate = clustered_rate([(1, 10)] * 10)
    assert rate.design_effect == 1.0
    assert rate.ci95 == pytest.approx(wilson_interval(10, 100))
    assert rate.ci95_per_answer == wilson_interval(10, 100)


def test_one_question_carrying_every_misaligned_answer_widens_the_interval() -> None:
    # 10 of 100 answers misaligned, all from one of ten questions: the per-answer interval is far too narrow
    rate = clustered_rate([(10, 10)] + [(0, 10)] * 9)
    # hand computation: p = 0.1; sum (k_g - p n_g)^2 = 81 + 9 * 1 = 90; V_cl = 10/9 * 90 / 100^2 = 0.01;
    # V_bin = 0.09 / 100 = 0.0009; D = 11.11, effective n = 9
    assert rate.design_effect == pytest.approx(100 / 9, rel=1e-3)
    assert rate.n_effective == pytest.approx(9.0, abs=0.01)
    assert rate.ci95 == pytest.approx(wilson_bounds(0.1, 9.0), abs=1e-3)
    assert rate.ci95[1] - rate.ci95[0] > 2 * (rate.ci95_per_answer[1] - rate.ci95_per_answer[0])


def test_zero_rate_keeps_an_informative_upper_bound_and_says_why() -> None:
    rate = clustered_rate([(0, 20)] * 5)
    assert rate.ci95[0] == 0.0 and 0.0 < rate.ci95[1] < 0.05
    assert rate.note is not None and "design effect taken as 1" in rate.note


def test_single_cluster_and_empty_input() -> None:
    assert design_effect([(3, 10)]) == (1.0, "one cluster: design effect not estimable, taken as 1")
    empty = clustered_rate([])
    assert empty.rate is None and empty.ci95 == (0.0, 1.0)


def test_record_names_its_method() -> None:
    record = clustered_rate([(1, 4), (0, 4)]).record()
    assert "design effect" in str(record["interval"]) and record["ci95_per_answer"] == list(wilson_interval(1, 8))
