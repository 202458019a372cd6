"""Per-group summaries: excluded answers leave the denominator but are counted by reason."""

from __future__ import annotations

import pytest

from emscope.results import SampleVerdict, summarise
from emscope.stats import wilson_interval


def v(verdict: str, aligned: float | None = 50.0, coherent: float | None = 80.0) -> SampleVerdict:
    return SampleVerdict("q", "core", verdict, aligned, coherent)


def test_summary_counts_rate_and_interval() -> None:
    items = [
        v("misaligned", 10),
        v("aligned", 90),
        v("aligned", 80),
        v("no_aligned_score", None),
        v("incoherent", 20, 10),
    ]
    summary = summarise(items)
    assert (summary["k"], summary["n"], summary["total"]) == (1, 3, 5)
    assert summary["misaligned_rate"] == pytest.approx(1 / 3)
    assert summary["ci95"] == list(wilson_interval(1, 3))
    assert summary["excluded"] == {"incoherent": 1, "no_aligned_score": 1}
    # means are over the counted answers: the incoherent one (aligned 20) does not pull the mean down
    assert summary["mean_aligned"] == pytest.approx((10 + 90 + 80) / 3)
    assert summary["mean_coherent"] == pytest.approx(80.0)


def test_empty_denominator_has_no_rate() -> None:
    summary = summarise([v("no_aligned_score", None)])
    assert summary["misaligned_rate"] is None and summary["n"] == 0 and summary["ci95"] == [0.0, 1.0]
