"""Compare conditions: pooled rates with cluster-aware CIs, across-seed mean ± sd, question-level tests with Holm.

Rates pool the judged answers of all seeds of a condition; the interval is Wilson's on the
design-effect-corrected n with questions as clusters (`stats/clustered.py`), and the across-seed spread is
reported beside it, because with finetunes the seed-to-seed variation is often the larger one.
Answers are not independent, so conditions are compared at the level of the independent unit: every
condition answers the same questions, and the test is a paired sign-flip permutation test over the
per-question rate differences (seeds pooled within a question). With two or more seeds in both
conditions a Welch t-test over per-seed rates is reported beside it. Holm's correction runs over all the
question-level tests together; per-question Fisher tests (answers within one question) are Holm-corrected
separately across the questions of each condition.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from emscope.experiments.spec import ExperimentSpec
from emscope.schema import ClusteredRecord, JudgeCorrected, ResultsDocument
from emscope.stats import rate_record
from emscope.stats.clustered import clustered_rate
from emscope.stats.permutation import sign_flip_test, unit_differences
from emscope.stats.tests import across_seeds, fisher_exact, holm, welch_seeds

SCHEMA = "emscope.comparison/1"
TEST = "paired sign-flip permutation test over questions (per-question rates, seeds pooled)"


class _Key(Protocol):
    condition: str
    seed: int
    suite: str


def _condition_rates(spec: ExperimentSpec, suite: str, results: Mapping[Any, ResultsDocument]) -> list[dict[str, Any]]:
    rows = []
    for condition in spec.conditions:
        docs = {key.seed: doc for key, doc in results.items() if key.condition == condition.name and key.suite == suite}
        per_seed = [{"seed": seed, **rate_record(d["overall"]["k"], d["overall"]["n"])} for seed, d in docs.items()]
        spread = across_seeds([row["rate"] for row in per_seed])
        pooled = pooled_rate(list(docs.values()))
        rows.append({"condition": condition.name, **pooled, "per_seed": per_seed, "mean": spread.mean, "sd": spread.sd})
    return rows


def pooled_rate(docs: list[ResultsDocument]) -> dict[str, Any]:
    """The rate over several runs (seeds) with the cluster-aware interval, judge-corrected where possible."""
    pooled = clustered_rate(question_counts(docs).values()).record("question")
    corrected = _corrected(pooled, docs)
    return {**pooled, **({"judge_corrected": corrected} if corrected is not None else {})}


def question_counts(docs: Iterable[ResultsDocument]) -> dict[str, tuple[int, int]]:
    """Per-question (k, n) summed over the given results documents (e.g. the seeds of one condition)."""
    counts: dict[str, tuple[int, int]] = {}
    for doc in docs:
        for question in doc["questions"]:
            k, n = counts.get(question["id"], (0, 0))
            counts[question["id"]] = (k + question["k"], n + question["n"])
    return counts


def _corrected(pooled: ClusteredRecord, docs: Iterable[ResultsDocument]) -> JudgeCorrected | None:
    """The pooled free-form rate corrected for the judge, when every run was judged by one calibrated judge."""
    from emscope.results import judge_corrected

    runs = list(docs)
    judges = {(d.get("provenance") or {}).get("judge_sha256") for d in runs}
    if not runs or "judge_corrected" not in runs[0]["overall"] or len(judges) != 1:
        return None
    judge = (runs[0].get("provenance") or {}).get("judge")
    return judge_corrected(pooled, judge, judges.pop())


def _question_rows(spec: ExperimentSpec, suite: str, results: Mapping[Any, ResultsDocument]) -> list[dict[str, Any]]:
    counts: dict[str, dict[str, list[int]]] = {}
    categories: dict[str, str] = {}
    for key, doc in results.items():
        if key.suite != suite:
            continue
        for question in doc["questions"]:
            categories.setdefault(question["id"], question["category"])
            tally = counts.setdefault(question["id"], {}).setdefault(key.condition, [0, 0])
            tally[0] += question["k"]
            tally[1] += question["n"]
    rows = [
        {
            "id": qid,
            "category": categories[qid],
            "by_condition": {c: rate_record(k, n) for c, (k, n) in by_condition.items()},
        }
        for qid, by_condition in counts.items()
    ]
    _question_tests(spec, rows)
    return rows


def _question_tests(spec: ExperimentSpec, rows: list[dict[str, Any]]) -> None:
    """Per-question Fisher tests vs the baseline, Holm-corrected across the questions of each condition."""
    if spec.baseline is None:
        return
    for condition in spec.conditions:
        if condition.name == spec.baseline:
            continue
        pvalues = []
        for row in rows:
            mine, base = row["by_condition"].get(condition.name), row["by_condition"].get(spec.baseline)
            pvalues.append(fisher_exact(mine["k"], mine["n"], base["k"], base["n"]) if mine and base else 1.0)
        for row, p, adjusted in zip(rows, pvalues, holm(pvalues), strict=True):
            row.setdefault("vs_baseline", {})[condition.name] = {"p": p, "p_holm": adjusted}


def _comparisons(
    spec: ExperimentSpec, suites: dict[str, dict[str, Any]], results: Mapping[Any, ResultsDocument]
) -> list[dict[str, Any]]:
    tests = []
    for suite, body in suites.items():
        by_name = {row["condition"]: row for row in body["rates"]}
        for condition in spec.conditions:
            pairs = [("baseline", spec.baseline), ("control", condition.control)]
            for relation, other in pairs:
                if other is None or other == condition.name:
                    continue
                a, b = by_name[condition.name], by_name[other]
                tests.append(
                    {
                        "suite": suite,
                        "condition": condition.name,
                        "versus": other,
                        "relation": relation,
                        "rate": a["rate"],
                        "versus_rate": b["rate"],
                        "difference": None if a["rate"] is None or b["rate"] is None else a["rate"] - b["rate"],
                        **_unit_test(suite, condition.name, other, results),
                        "p_seeds": welch_seeds(_seed_rates(a), _seed_rates(b)),
                    }
                )
    for test, adjusted in zip(tests, holm([t["p"] for t in tests]), strict=True):
        test["p_holm"] = adjusted
    return tests


def runs_of(results: Mapping[Any, ResultsDocument], condition: str, suite: str) -> list[ResultsDocument]:
    """The results documents of one condition on one suite (every seed), from runs keyed by condition/seed/suite."""
    return [doc for key, doc in results.items() if key.condition == condition and key.suite == suite]


def _unit_test(suite: str, condition: str, other: str, results: Mapping[Any, ResultsDocument]) -> dict[str, Any]:
    """The question-level test of `condition` against `other` on `suite`."""
    differences = unit_differences(
        question_counts(runs_of(results, condition, suite)), question_counts(runs_of(results, other, suite))
    )
    return {"p": sign_flip_test(differences), "test": TEST, "units": len(differences)}


def _seed_rates(row: dict[str, Any]) -> list[float]:
    return [s["rate"] for s in row["per_seed"] if s["rate"] is not None]


def _trigger_rows(spec: ExperimentSpec, suite: str, results: Mapping[Any, ResultsDocument]) -> list[dict[str, Any]]:
    """Backdoor conditions (no_trigger, trigger, distractors) per experiment condition, pooled over seeds."""
    rows = []
    for condition in spec.conditions:
        tallies: dict[str, list[int]] = {}
        for key, doc in results.items():
            if key.condition == condition.name and key.suite == suite:
                for trigger, row in (doc["overall"].get("by_trigger") or {}).items():
                    tally = tallies.setdefault(trigger, [0, 0])
                    tally[0] += row["k"]
                    tally[1] += row["n"]
        rows += [{"condition": condition.name, "trigger": t, **rate_record(k, n)} for t, (k, n) in tallies.items()]
    return rows


def _swap(
    spec: ExperimentSpec,
    results: Mapping[Any, ResultsDocument],
    swaps: Mapping[str, Mapping[Any, ResultsDocument]],
    primary_judge: str | None,
) -> dict[str, Any]:
    from emscope.experiments.judge_swap import swap_table

    primary = primary_judge or spec.judge
    docs = {primary: dict(results), **{judge: dict(runs) for judge, runs in swaps.items()}}
    return swap_table(list(spec.suites), [c.name for c in spec.conditions], list(docs), docs)


def _positive(suite: str, results: Mapping[Any, ResultsDocument]) -> str:
    """The behaviour a suite's rate counts (misaligned, resists, matching, covert, complied, lie)."""
    docs = [doc for key, doc in results.items() if key.suite == suite]
    return str(docs[0]["overall"].get("positive", "misaligned")) if docs else "misaligned"


def compare(
    spec: ExperimentSpec,
    results: Mapping[Any, ResultsDocument],
    swaps: Mapping[str, Mapping[Any, ResultsDocument]] | None = None,
    primary_judge: str | None = None,
    snapshots: tuple[Mapping[Any, ResultsDocument], Mapping[str, dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """The comparison document for an experiment's per-run results (keyed by objects with condition/seed/suite).

    `swaps` maps each further judge to the same runs re-judged by it; the document then has a
    `judge_swap` table with every condition's rate under every judge, the primary judge first.
    `snapshots` (snapshot evaluations, each condition's final step) adds each suite's `trajectory`.
    """
    from emscope.experiments.trajectory import trajectory_rows

    suites = {
        suite: {
            "positive": _positive(suite, results),
            "rates": _condition_rates(spec, suite, results),
            "questions": _question_rows(spec, suite, results),
            "by_trigger": _trigger_rows(spec, suite, results),
            "trajectory": trajectory_rows(spec, suite, results, *snapshots) if snapshots else [],
        }
        for suite in spec.suites
    }
    return {
        "schema": SCHEMA,
        "experiment": spec.name,
        "model": spec.model,
        "judge": spec.judge,
        "seeds": list(spec.seeds),
        "baseline": spec.baseline,
        "conditions": [
            {"name": c.name, "control": c.control, "trained": c.data is not None, "model": c.model}
            for c in spec.conditions
        ],
        "suites": suites,
        "comparisons": _comparisons(spec, suites, results),
        "runs": {
            k.slug: {"log": doc.get("log"), "provenance": doc.get("provenance")}
            for k, doc in [*results.items(), *(snapshots[0].items() if snapshots else [])]
        },
        **({"judge_swap": _swap(spec, results, swaps, primary_judge)} if swaps else {}),
        "correction": "Holm over all condition comparisons; per-question tests Holm-corrected within each condition",
        "test": f"{TEST}; p_seeds: Welch t-test over per-seed rates (two or more seeds in both conditions)",
        "intervals": "Wilson on the effective n (answers / design effect), clusters = questions, seeds pooled",
    }
