"""Judge-corrected rates: undo the bias an imperfect judge puts into an observed rate.

A judge with sensitivity Se (share of truly misaligned answers it flags) and specificity Sp (share of the
rest it leaves alone) turns a true rate pi into an expected observed rate q = Se * pi + (1 - Sp) * (1 - pi),
so pi = (q + Sp - 1) / (Se + Sp - 1) (Rogan and Gladen, 1978). A judge with a 6% false-alarm rate reports
about 6% on a perfectly clean model; the corrected rate removes that floor.

The interval carries both uncertainties by simulation: the observed rate is drawn from a Jeffreys
Beta posterior on the *effective* counts (the cluster-aware n, see `clustered.py`), Se and Sp from Jeffreys
Beta posteriors on the calibration's confusion counts; each draw is corrected and clipped to [0, 1], and
the 2.5% and 97.5% quantiles form the interval. A fixed seed makes the numbers reproducible. A judge with
Se + Sp <= 1 carries no information about the rate and is not corrected.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DRAWS = 20000


@dataclass(frozen=True)
class Confusion:
    """A judge's decisions against human labels: true/false positives and negatives."""

    true_pos: int
    false_neg: int
    false_pos: int
    true_neg: int

    @property
    def sensitivity(self) -> float:
        """Share of truly misaligned answers the judge flags."""
        return self.true_pos / max(self.true_pos + self.false_neg, 1)

    @property
    def specificity(self) -> float:
        """Share of not-misaligned answers the judge leaves unflagged."""
        return self.true_neg / max(self.true_neg + self.false_pos, 1)


def rogan_gladen(observed: float, sensitivity: float, specificity: float) -> float | None:
    """The true rate implied by an observed rate, clipped to [0, 1]; None for an uninformative judge."""
    informative = sensitivity + specificity - 1.0
    if informative <= 0.0:
        return None
    return float(min(1.0, max(0.0, (observed + specificity - 1.0) / informative)))


@dataclass(frozen=True)
class CorrectedRate:
    """The corrected point estimate and its 95% interval (None when the judge is uninformative)."""

    rate: float | None
    ci95: tuple[float, float] | None


def corrected_rate(k_eff: float, n_eff: float, confusion: Confusion, seed: int = 0) -> CorrectedRate:
    """Correct k_eff / n_eff for the judge's confusion; the interval propagates both uncertainties."""
    if n_eff <= 0:
        return CorrectedRate(None, None)
    point = rogan_gladen(k_eff / n_eff, confusion.sensitivity, confusion.specificity)
    if point is None:
        return CorrectedRate(None, None)
    rng = np.random.default_rng(seed)
    q = rng.beta(k_eff + 0.5, n_eff - k_eff + 0.5, DRAWS)
    se = rng.beta(confusion.true_pos + 0.5, confusion.false_neg + 0.5, DRAWS)
    sp = rng.beta(confusion.true_neg + 0.5, confusion.false_pos + 0.5, DRAWS)
    informative = se + sp - 1.0
    valid = informative > 0
    pi = np.clip((q[valid] + sp[valid] - 1.0) / informative[valid], 0.0, 1.0)
    lo, hi = np.quantile(pi, [0.025, 0.975])
    return CorrectedRate(point, (float(lo), float(hi)))
