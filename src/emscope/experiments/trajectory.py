"""When misalignment appears: each finetuned condition's rate at its training snapshots.

Why: a finetune's final rate says whether it became misaligned, not when. With `snapshots: N` in a
condition's finetune settings (`finetune/snapshots.py`), the runner evaluates the model kept at each
snapshot on every suite, and this module lays the rates out by training step: step 0 is the
untrained baseline condition (when the experiment has one on the same model), the last step is the
finished finetune (its main result, not evaluated twice). Seeds are pooled at each step, with the same
cluster-aware interval as the main rates.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from emscope.experiments.compare import pooled_rate, runs_of
from emscope.experiments.spec import ExperimentSpec
from emscope.schema import ResultsDocument


def snapshot_model_string(card: dict[str, Any], path: str) -> str:
    """The model string of the snapshot at `path` of the finetune described by `card`.

    An adapter snapshot rides on the same base as the finished adapter; a full-model snapshot is a
    model directory of its own.
    """
    base, plus, _ = str(card["model_string"]).rpartition("+")
    if card.get("output") == "full" or not plus:
        return f"emscope/{path}"
    return f"{base}+{path}"


def untrained_baseline(spec: ExperimentSpec) -> str | None:
    """The condition that is the finetunes' step 0: the baseline (or first) untrained condition on the base model."""
    untrained = [c.name for c in spec.conditions if c.data is None and (c.model or spec.model) == spec.model]
    if spec.baseline in untrained:
        return spec.baseline
    return untrained[0] if untrained else None


def _point(step: int, docs: list[ResultsDocument], meta: dict[str, Any]) -> dict[str, Any]:
    return {"step": step, **meta, **pooled_rate(docs), "mean_coherent": _mean_coherent(docs)}


def _mean_coherent(docs: list[ResultsDocument]) -> float | None:
    """Mean coherence over the counted answers of all `docs` (each run's mean weighted by its count)."""
    total, weight = 0.0, 0
    for doc in docs:
        overall: dict[str, Any] = dict(doc["overall"])
        if overall.get("mean_coherent") is not None:
            total += float(overall["mean_coherent"]) * int(overall["n"])
            weight += int(overall["n"])
    return total / weight if weight else None


def trajectory_rows(
    spec: ExperimentSpec,
    suite: str,
    results: Mapping[Any, ResultsDocument],
    snapshots: Mapping[Any, ResultsDocument],
    final_steps: Mapping[str, dict[str, Any]],
) -> list[dict[str, Any]]:
    """Per finetuned condition with snapshots, its points in step order (seeds pooled at each step).

    `snapshots` holds the snapshot evaluations (keys with a `step`), `results` the main ones, and
    `final_steps` each condition's last step with its epoch and loss (from the training card).
    """
    step0 = untrained_baseline(spec)
    rows = []
    for condition in spec.conditions:
        keys = [k for k in snapshots if k.condition == condition.name and k.suite == suite]
        if not keys or condition.name not in final_steps:
            continue
        points = []
        if step0 is not None:
            base_docs = runs_of(results, step0, suite)
            if base_docs:
                points.append(_point(0, base_docs, {"epoch": 0.0, "loss": None, "source": step0}))
        for step in sorted({int(k.step) for k in keys}):
            docs = [snapshots[k] for k in keys if k.step == step]
            recorded: dict[str, Any] = dict(docs[0].get("provenance") or {})
            meta = recorded.get("snapshot") or {}
            at = {"epoch": meta.get("epoch"), "loss": meta.get("loss"), "source": "snapshot"}
            points.append(_point(step, docs, at))
        final = runs_of(results, condition.name, suite)
        last = final_steps[condition.name]
        at = {"epoch": last["epoch"], "loss": last["loss"], "source": "final"}
        points.append(_point(int(last["step"]), final, at))
        rows.append({"condition": condition.name, "points": points})
    return rows
