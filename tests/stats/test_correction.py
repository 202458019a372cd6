"""Judge-corrected rates (Rogan-Gladen) and their simulated intervals."""

from __future__ import annotations

import pytest

from emscope.stats.correction import Confusion, corrected_rate, rogan_gladen


def test_rogan_gladen_removes_the_false_alarm_floor() -> None:
    # a judge with 6% false alarms reports ~6% on a clean model: corrected, that is 0
    assert rogan_gladen(0.06, sensitivity=0.9, specificity=0.94) == pytest.approx(0.0)
    # hand computation: (0.2 + 0.94 - 1) / (0.9 + 0.94 - 1) = 0.14 / 0.84
    assert rogan_gladen(0.2, 0.9, 0.94) == pytest.approx(0.14 / 0.84)
    assert rogan_gladen(0.5, 0.5, 0.5) is None  # a coin flip says nothing


def test_interval_carries_calibration_uncertainty() -> None:
    precise = Confusion(true_pos=900, false_neg=100, false_pos=60, true_neg=940)
    rough = Confusion(true_pos=9, false_neg=1, false_pos=1, true_neg=15)
    a = corrected_rate(20, 100, precise)
    b = corrected_rate(20, 100, rough)
    assert a.rate == pytest.approx(rogan_gladen(0.2, 0.9, 0.94))
    assert a.ci95 is not None and b.ci95 is not None
    assert a.ci95[0] <= a.rate <= a.ci95[1]
    assert (b.ci95[1] - b.ci95[0]) > (a.ci95[1] - a.ci95[0])
    assert corrected_rate(20, 100, precise) == a  # fixed seed: reproducible


def test_no_answers_or_useless_judge_gives_no_correction() -> None:
    assert corrected_rate(0, 0, Confusion(1, 1, 1, 1)).rate is None
    assert corrected_rate(5, 10, Confusion(1, 1, 1, 1)).ci95 is None
