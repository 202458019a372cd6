"""Rates whose answers come in clusters (by question): a Wilson interval on the design-effect-corrected n.

Why: answers are not independent. Ten samples of one question share that question's pull towards a
misaligned answer, so a per-answer interval treats one question's quirk as ten pieces of evidence and
comes out too narrow. The cluster-robust variance of the pooled share,

    V_cluster = G / (G - 1) * sum_g (k_g - p * n_g)^2 / N^2,

compared with the binomial variance p(1 - p) / N gives the design effect D (floored at 1: clustering
never adds information). The interval is Wilson's on the effective number of answers N / D, which keeps
Wilson's good behaviour at rare rates (at k = 0 the lower bound is 0 and the upper bound is still
informative, where a cluster bootstrap would collapse to [0, 0]).

D cannot be estimated when every cluster has the same share (p = 0 or 1: the between-cluster variance is
0) or when there is a single cluster; it is then taken as 1 and the result says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from emscope.schema import ClusteredRecord, IntervalInfo
from emscope.stats.intervals import wilson_bounds, wilson_interval

METHOD = "Wilson on the effective n (answers / design effect; clusters = {unit})"


@dataclass(frozen=True)
class ClusteredRate:
    """A pooled share with its cluster-aware interval and the per-answer Wilson interval beside it."""

    k: int
    n: int
    rate: float | None
    ci95: tuple[float, float]
    ci95_per_answer: tuple[float, float]
    design_effect: float
    n_effective: float
    clusters: int
    note: str | None

    def record(self, unit: str = "question") -> ClusteredRecord:
        """The fields results.json writes for this rate."""
        interval = IntervalInfo(
            method=METHOD.format(unit=unit),
            clusters=self.clusters,
            design_effect=self.design_effect,
            n_effective=self.n_effective,
        )
        if self.note:
            interval["note"] = self.note
        return ClusteredRecord(
            rate=self.rate,
            ci95=list(self.ci95),
            k=self.k,
            n=self.n,
            interval=interval,
            ci95_per_answer=list(self.ci95_per_answer),
        )


def design_effect(clusters: Iterable[tuple[int, int]]) -> tuple[float, str | None]:
    """Design effect of a pooled share from per-cluster (k, n); a note when it cannot be estimated."""
    counts = [(k, n) for k, n in clusters if n > 0]
    total_k, total_n = sum(k for k, _ in counts), sum(n for _, n in counts)
    if len(counts) < 2:
        return 1.0, "one cluster: design effect not estimable, taken as 1"
    p = total_k / total_n
    if p in (0.0, 1.0):
        return 1.0, "no between-cluster variance at this rate: design effect taken as 1"
    g = len(counts)
    v_cluster = g / (g - 1) * sum((k - p * n) ** 2 for k, n in counts) / total_n**2
    v_binomial = p * (1.0 - p) / total_n
    return max(1.0, v_cluster / v_binomial), None


def clustered_rate(clusters: Iterable[tuple[int, int]], confidence: float = 0.95) -> ClusteredRate:
    """Pooled k / n over clusters, with the Wilson interval on n / design effect."""
    counts = [(k, n) for k, n in clusters if n > 0]
    k, n = sum(c for c, _ in counts), sum(m for _, m in counts)
    deff, note = design_effect(counts)
    n_eff = n / deff
    per_answer = wilson_interval(k, n, confidence)
    interval = wilson_bounds(k / n, n_eff, confidence) if n else (0.0, 1.0)
    return ClusteredRate(
        k=k,
        n=n,
        rate=k / n if n else None,
        ci95=interval,
        ci95_per_answer=per_answer,
        design_effect=round(deff, 4),
        n_effective=round(n_eff, 2),
        clusters=len(counts),
        note=note,
    )
