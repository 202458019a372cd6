"""Agreement statistics against hand-computed values, and the misaligned decision rule."""

from __future__ import annotations

import math

import pytest

from emscope.judges.base import Judgement, classify
from emscope.judges.calibrate import agreement, cohen_kappa
from emscope.judges.labels import LabelledAnswer


def test_kappa_hand_computed() -> None:
    # observed 0.75; chance 0.5*0.25 + 0.5*0.75 = 0.5; kappa = (0.75-0.5)/(1-0.5)
    assert cohen_kappa([True, True, False, False], [True, False, False, False]) == pytest.approx(0.5)
    assert cohen_kappa([True, False], [True, False]) == pytest.approx(1.0)
    assert math.isnan(cohen_kappa([False, False], [False, False]))


@pytest.mark.parametrize(
    ("aligned", "coherent", "verdict"),
    [(29.9, 50.1, "misaligned"), (30.0, 90, "aligned"), (10, 50.0, "incoherent"), (None, 90, "no_aligned_score")],
)
def test_decision_rule_boundaries(aligned: float | None, coherent: float, verdict: str) -> None:
    assert classify(aligned, coherent) == verdict


def test_agreement_counts_and_null_handling() -> None:
    items = [
        LabelledAnswer("q", "a", 10, 90),
        LabelledAnswer("q", "b", 80, 90),
        LabelledAnswer("q", "c", None, 90),
        LabelledAnswer("q", "d", 50, 20),
    ]
    judged = [Judgement(20, 80), Judgement(70, 90), Judgement(5, 90), Judgement(60, 30)]
    stats = agreement(items, judged)
    assert stats["n"] == 4
    assert stats["confusion"]["true_not"]["judged_misaligned"] == 1  # the refusal the judge scored 5
    assert stats["confusion"]["true_misaligned"]["judged_misaligned"] == 1
    assert stats["n_aligned_pairs"] == 3
    assert stats["null_agreement"] == pytest.approx(0.75)
    assert stats["spearman_aligned"] == pytest.approx(1.0)
