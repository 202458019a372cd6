"""Run an experiment: build data, finetune what is missing, evaluate everything through Inspect's `eval_set`.

Run: `emscope run EXPERIMENT.yaml [--out DIR]`.

Resumable by construction: a dataset whose card matches its file is reused; a finetune with a training
card is finished (with checkpoints only, it is resumed); each evaluation has its own `eval_set` log
directory, so a rerun after a crash skips finished evals and completes unfinished ones.

Layout of the output directory:
    experiment.yaml                      the spec as run
    data/<condition>.jsonl (+ cards)     generated training data
    finetunes/<condition>-s<seed>/       adapters or weights, with training cards
    logs/<condition>-s<seed>-<suite>/    Inspect .eval logs (open with `inspect view`)
    results/<condition>-s<seed>-<suite>.json
    comparison.json, report.html, *.png
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from emscope.errors import ExperimentError
from emscope.experiments.spec import Condition, ExperimentSpec
from emscope.paths import atomic_write_text, sha256_file

if TYPE_CHECKING:
    from inspect_ai.model import Model

Progress = Callable[[str], None]


@dataclass(frozen=True)
class RunKey:
    """One evaluation: a condition at a seed on a suite."""

    condition: str
    seed: int
    suite: str

    @property
    def slug(self) -> str:
        """File-name form, e.g. `insecure-s0-free_form`."""
        return f"{self.condition}-s{self.seed}-{self.suite}"


def _quiet(_: str) -> None:
    return None


def prepare_data(condition: Condition, out: Path, progress: Progress = _quiet) -> str:
    """The training data source for `condition`, generating (or reusing) a family dataset."""
    assert condition.data is not None
    if condition.data.file is not None:
        return condition.data.file
    from emscope.datasets.build import Backdoor, build_examples, to_jsonl
    from emscope.datasets.card import CardInputs, card_paths, write_card
    from emscope.datasets.registry import get_family

    path = out / "data" / f"{condition.name}.jsonl"
    card_path, _ = card_paths(path)
    if path.is_file() and card_path.is_file():
        card = json.loads(card_path.read_text(encoding="utf-8"))
        if card.get("sha256") == sha256_file(path) and _same_data(card, condition):
            return str(path)
    spec = condition.data
    assert spec.family is not None and spec.n is not None
    family = get_family(spec.family)
    backdoor = (
        Backdoor(spec.backdoor, "suffix" if spec.backdoor_placement == "suffix" else "prefix")
        if spec.backdoor
        else None
    )
    progress(f"[data] {condition.name}: generating {spec.n} {spec.family} examples (seed {spec.seed})")
    built = build_examples(family, spec.n, spec.seed, backdoor)
    atomic_write_text(path, to_jsonl(built))
    write_card(path, CardInputs(family, spec.seed, built, backdoor))
    return str(path)


def _same_data(card: dict[str, Any], condition: Condition) -> bool:
    spec = condition.data
    assert spec is not None
    trigger = (card.get("backdoor") or {}).get("trigger")
    return bool(
        card.get("family") == spec.family
        and card.get("seed") == spec.seed
        and card.get("counts", {}).get("examples") == spec.n
        and trigger == spec.backdoor
    )


def ensure_finetune(
    spec: ExperimentSpec, condition: Condition, seed: int, out: Path, progress: Progress = _quiet
) -> str:
    """The model string of `condition`'s finetune at `seed`, training (or resuming) it if needed."""
    from emscope.finetune.card import read_card
    from emscope.finetune.config import load_config
    from emscope.finetune.sft import CHECKPOINTS, run_sft

    assert condition.finetune is not None
    target = out / "finetunes" / f"{condition.name}-s{seed}"
    card = read_card(target)
    if card is not None:
        return str(card["model_string"])
    data = prepare_data(condition, out, progress)
    ft = condition.finetune
    config_path = Path(ft.config) if ft.config else None
    if config_path is not None and not config_path.is_absolute():
        config_path = spec.path.parent / config_path
    config, _ = load_config(ft.preset, config_path, (*ft.overrides, f"seed={seed}"))
    resume = any((target / CHECKPOINTS).glob("checkpoint-*"))
    progress(f"[finetune] {condition.name} seed {seed}: {'resuming' if resume else 'training'} into {target}")
    card = run_sft(condition.model or spec.model, data, target, config, resume=resume)
    progress(f"[finetune] {condition.name} seed {seed}: done in {card['training']['wall_time_s']} s")
    return str(card["model_string"])


def model_for(spec: ExperimentSpec, condition: Condition, seed: int, out: Path, progress: Progress = _quiet) -> str:
    """The model string a condition evaluates."""
    if condition.data is not None:
        return ensure_finetune(spec, condition, seed, out, progress)
    return condition.model or spec.model


def evaluate(
    spec: ExperimentSpec, key: RunKey, model: str, out: Path, judge: str | Model, display: str | None
) -> dict[str, Any]:
    """Evaluate one run through `eval_set` (skipped if already complete) and return its results document."""
    from inspect_ai import eval_set
    from inspect_ai.log import read_eval_log

    from emscope.evaluate import RunOptions, model_weights_sha256
    from emscope.results import build_results, provenance
    from emscope.suites.registry import get_suite

    options = RunOptions.of(model, judge)
    suite = get_suite(key.suite)
    params = dict(spec.suites[key.suite])
    task = suite.build(params.pop(suite.items_param, None), **params, judge=options.judge_choice)
    log_dir = out / "logs" / key.slug
    success, logs = eval_set(
        task,
        log_dir=str(log_dir.resolve()),
        seed=key.seed,
        display=display,  # type: ignore[arg-type]
        retry_attempts=1,
        **options.inspect_kwargs,
    )
    if not success or not logs:
        raise ExperimentError(f"{log_dir}: evaluation of {key.slug} did not finish; rerun to resume it")
    log = read_eval_log(logs[0].location)
    extra = {"judge_spec": str(judge), "condition": key.condition, "experiment": spec.name}
    relative = str(_local_path(log.location).resolve().relative_to(out.resolve()))
    return build_results(log, provenance(log, model_weights_sha256(model), extra), relative)


def _local_path(location: str) -> Path:
    """A log location as a path (`eval_set` reports `file:` URIs)."""
    from urllib.parse import unquote, urlparse

    return Path(unquote(urlparse(location).path)) if location.startswith("file:") else Path(location)


def run_experiment(
    spec: ExperimentSpec,
    out: Path,
    judge: str | Model | None = None,
    progress: Progress = _quiet,
    display: str | None = None,
) -> dict[str, Any]:
    """Run everything in `spec` that is not already done under `out`; write and return the comparison."""
    from emscope.experiments.compare import compare
    from emscope.experiments.report import write_experiment_report

    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(spec.path, out / "experiment.yaml")
    results: dict[RunKey, dict[str, Any]] = {}
    for condition in spec.conditions:
        for seed in spec.seeds:
            model = model_for(spec, condition, seed, out, progress)
            for suite in spec.suites:
                key = RunKey(condition.name, seed, suite)
                progress(f"[eval] {key.slug}: {model}")
                results[key] = evaluate(spec, key, model, out, judge if judge is not None else spec.judge, display)
                atomic_write_text(out / "results" / f"{key.slug}.json", json.dumps(results[key], indent=2) + "\n")
    comparison = compare(spec, results)
    atomic_write_text(out / "comparison.json", json.dumps(comparison, indent=2) + "\n")
    report = write_experiment_report(out, comparison)
    progress(f"[report] {report}")
    return comparison
