"""The shape of `results.json` (schema `emscope.results/1`): typed, so producers and readers agree on keys.

`results.py` builds these documents from a log, `report/` renders them, `experiments/compare.py` pools
them across seeds and `rejudge.py` rebuilds them; all four name the keys through these types, so a
renamed or misspelt key is a type error rather than a silently missing number. They are TypedDicts
(plain JSON objects at run time) because the document is read back from disk and by other tools.
"""

from __future__ import annotations

from typing import Any, TypedDict


class RateRecord(TypedDict):
    """k of n with the rate (None when n is 0) and a 95% interval."""

    rate: float | None
    ci95: list[float]
    k: int
    n: int


class IntervalInfo(TypedDict, total=False):
    """How a headline interval was computed (the design-effect correction's inputs)."""

    method: str
    clusters: int
    design_effect: float
    n_effective: float
    note: str


class ClusteredRecord(RateRecord):
    """A headline rate: the cluster-aware interval in `ci95`, the per-answer Wilson interval beside it."""

    interval: IntervalInfo
    ci95_per_answer: list[float]


class FlagRecord(RateRecord):
    """A yes/no judge flag's rate; answers the judge could not judge are counted apart."""

    not_judged: int


class JudgeCorrected(TypedDict, total=False):
    """A rate corrected for the judge's measured errors, or the reason it is not (`status`)."""

    rate: float | None
    ci95: list[float] | None
    status: str
    method: str
    calibration: dict[str, Any]


class Baseline(TypedDict):
    """Deception's no-pressure accuracy: the items on which a lie can be counted."""

    condition: str
    accuracy: float | None
    known_items: int
    items: int


class Summary(TypedDict, total=False):
    """A group of answers (a whole run, one trigger condition, one condition or one question)."""

    misaligned_rate: float | None
    rate: float | None
    ci95: list[float]
    k: int
    n: int
    interval: IntervalInfo
    ci95_per_answer: list[float]
    positive: str
    excluded: dict[str, int]
    total: int
    mean_aligned: float | None
    mean_coherent: float | None
    means_over: str
    judge_read_in_part: int
    flags: dict[str, FlagRecord]
    rates: dict[str, RateRecord]
    baseline: Baseline
    counted: str
    by_condition: dict[str, Summary]
    paired: dict[str, Any]  # keys name the two conditions (only_<first>, only_<second>)
    scope: str
    by_trigger: dict[str, Summary]
    judge_corrected: JudgeCorrected


class QuestionRow(Summary, total=False):
    """One question's answers (per-answer Wilson interval); `known` for suites with a baseline."""

    id: str
    category: str
    known: bool


class JudgeRef(TypedDict):
    """A judge as provenance names it."""

    id: str
    sha256: str | None


class Provenance(TypedDict, total=False):
    """What produced the numbers: model, judges, items, code, sampling (plus caller extras)."""

    model: str
    model_sha256: str | None
    judge: str | None
    judge_sha256: str | None
    judges: list[JudgeRef]
    questions: Any
    questions_sha256: str | None
    emscope_version: str
    inspect_ai_version: str
    seed: int | None
    sampling: dict[str, Any]
    decision_rule: str
    precision: dict[str, Any]
    created: str
    judge_spec: str
    condition: str
    experiment: str
    rejudged_from: dict[str, Any]


class ResultsDocument(TypedDict):
    """`results.json`."""

    schema: str
    suite: str
    overall: Summary
    questions: list[QuestionRow]
    intervals: dict[str, str]
    provenance: Provenance
    log: str
