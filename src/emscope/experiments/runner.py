"""Run an experiment: build data, finetune what is missing, evaluate everything through Inspect's `eval_set`.

Run: `emscope run EXPERIMENT.yaml [--out DIR]`.

Resumable, and never stale: a generated dataset is reused only while its card matches the spec (family, n,
seed, backdoor trigger and placement) and its file; a finetune is reused (finished) or resumed (checkpoints)
only while its recorded identity -- base model, data SHA-256, fully resolved config, backdoor -- equals the
spec's; each evaluation's `eval_set` log directory is named by a hash of the model's weights, the suite's
parameters, the judge and the seed, so a rerun skips finished evals and completes unfinished ones, while a
change starts a new directory. Nothing out of date is deleted: it is moved aside with a `.stale-` name.

Layout of the output directory:
    experiment.yaml                           the spec as run
    data/<condition>.jsonl (+ cards)          generated training data
    data/<condition>.stale-<sha>.jsonl        data a changed spec replaced (moved aside, with its cards)
    finetunes/<condition>-s<seed>/            adapters or weights, training card, finetune_identity.json
    finetunes/<condition>-s<seed>.stale-<id>/ a finetune whose identity no longer matches the spec
    logs/<condition>-s<seed>-<suite>-<hash>/  Inspect .eval logs (open with `inspect view`)
    results/<condition>-s<seed>-<suite>.json  results of the current logs
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
from emscope.experiments.spec import Condition, DataSpec, ExperimentSpec
from emscope.paths import atomic_write_text, sha256_bytes, sha256_file

if TYPE_CHECKING:
    from inspect_ai.model import Model

    from emscope.datasets.build import Backdoor
    from emscope.finetune.config import FinetuneConfig
    from emscope.schema import ResultsDocument

Progress = Callable[[str], None]


@dataclass(frozen=True)
class RunKey:
    """One evaluation: a condition at a seed on a suite (at a training snapshot's step, if `step` is set)."""

    condition: str
    seed: int
    suite: str
    step: int | None = None

    @property
    def slug(self) -> str:
        """File-name form, e.g. `insecure-s0-free_form`, or `insecure-s0-step20-free_form` for a snapshot."""
        at = f"-step{self.step}" if self.step is not None else ""
        return f"{self.condition}-s{self.seed}{at}-{self.suite}"


def _quiet(_: str) -> None:
    return None


def prepare_data(condition: Condition, out: Path, progress: Progress = _quiet) -> str:
    """The training data source for `condition`, generating a family dataset unless its card matches the spec.

    A generated file that no longer matches (its card, the spec, or its own hash) is moved aside rather
    than overwritten, so the data a stale finetune saw stays on disk.
    """
    assert condition.data is not None
    if condition.data.file is not None:
        return condition.data.file
    from emscope.datasets.build import build_examples, to_jsonl
    from emscope.datasets.card import CardInputs, write_card
    from emscope.datasets.registry import get_family

    path = out / "data" / f"{condition.name}.jsonl"
    if path.is_file() and _matching_card(path, condition):
        return str(path)
    if path.is_file():
        moved = _move_data_aside(path)
        progress(f"[data] {condition.name}: {path.name} does not match the spec; moved it to {moved.name}")
    spec = condition.data
    assert spec.family is not None and spec.n is not None
    family = get_family(spec.family)
    backdoor = _backdoor(spec)
    progress(f"[data] {condition.name}: generating {spec.n} {spec.family} examples (seed {spec.seed})")
    built = build_examples(family, spec.n, spec.seed, backdoor)
    atomic_write_text(path, to_jsonl(built))
    write_card(path, CardInputs(family, spec.seed, built, backdoor))
    return str(path)


def _backdoor(spec: DataSpec) -> Backdoor | None:
    """The spec's backdoor as the dataset builder applies it (any placement but `suffix` is a prefix)."""
    from emscope.datasets.build import Backdoor

    if not spec.backdoor:
        return None
    return Backdoor(spec.backdoor, "suffix" if spec.backdoor_placement == "suffix" else "prefix")


def _backdoor_record(spec: DataSpec) -> dict[str, str] | None:
    """The backdoor as dataset cards and finetune identities record it: trigger and placement, or None."""
    backdoor = _backdoor(spec)
    return None if backdoor is None else {"trigger": backdoor.trigger, "placement": backdoor.placement}


def _matching_card(path: Path, condition: Condition) -> bool:
    """Whether `path` has a readable card that describes both the file's bytes and what the spec asks for."""
    from emscope.datasets.card import card_paths

    card_path, _ = card_paths(path)
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(card, dict) and card.get("sha256") == sha256_file(path) and _same_data(card, condition)


def _same_data(card: dict[str, Any], condition: Condition) -> bool:
    """Whether a dataset card records the family, n, seed and backdoor (trigger and placement) of the spec."""
    spec = condition.data
    assert spec is not None
    return bool(
        card.get("family") == spec.family
        and card.get("seed") == spec.seed
        and (card.get("counts") or {}).get("examples") == spec.n
        and card.get("backdoor") == _backdoor_record(spec)
    )


def _aside(path: Path, tag: str, extension: str = "") -> Path:
    """A free sibling name `<name>.stale-<tag>[-k]<extension>` to move an out-of-date `path` to."""
    stem = path.name.removesuffix(extension) if extension else path.name
    candidate = path.with_name(f"{stem}.stale-{tag}{extension}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{stem}.stale-{tag}-{number}{extension}")
        number += 1
    return candidate


def _move_data_aside(path: Path) -> Path:
    """Rename a data file and its cards to a `.stale-<sha>` name; return the data file's new path."""
    from emscope.datasets.card import card_paths

    moved = _aside(path, sha256_file(path)[:10], ".jsonl")
    for old, new in zip(card_paths(path), card_paths(moved), strict=True):
        if old.is_file():
            old.rename(new)
    path.rename(moved)
    return moved


def ensure_finetune(
    spec: ExperimentSpec, condition: Condition, seed: int, out: Path, progress: Progress = _quiet
) -> str:
    """The model string of `condition`'s finetune at `seed`, training (or resuming) it unless it is current.

    Current means the directory's recorded identity (base model, data hash, resolved config, backdoor)
    equals the one the spec asks for now. A directory made from other inputs is moved aside, never
    reused, resumed or deleted.
    """
    from emscope.finetune.card import read_card, write_identity
    from emscope.finetune.sft import CHECKPOINTS, run_sft

    assert condition.data is not None and condition.finetune is not None
    target = finetune_dir(out, condition, seed)
    label = f"[finetune] {condition.name} seed {seed}"
    data = prepare_data(condition, out, progress)
    config = _finetune_config(spec, condition, seed)
    identity = finetune_identity(condition.model or spec.model, data, config, condition.data)
    _set_aside_if_changed(target, identity, label, progress)
    card = read_card(target)
    if card is not None:
        return str(card["model_string"])
    write_identity(target, identity)
    resume = any((target / CHECKPOINTS).glob("checkpoint-*"))
    progress(f"{label}: {'resuming' if resume else 'training'} into {target}")
    card = run_sft(condition.model or spec.model, data, target, config, resume=resume)
    progress(f"{label}: done in {card['training']['wall_time_s']} s")
    return str(card["model_string"])


def finetune_dir(out: Path, condition: Condition, seed: int) -> Path:
    """Where a condition's finetune for `seed` lives in the experiment directory."""
    return out / "finetunes" / f"{condition.name}-s{seed}"


def _finetune_config(spec: ExperimentSpec, condition: Condition, seed: int) -> FinetuneConfig:
    """The fully resolved config: preset, then config file (relative to the spec), then overrides, then seed."""
    from emscope.finetune.config import load_config

    assert condition.finetune is not None
    ft = condition.finetune
    config_path = Path(ft.config) if ft.config else None
    if config_path is not None and not config_path.is_absolute():
        config_path = spec.path.parent / config_path
    config, _ = load_config(ft.preset, config_path, (*ft.overrides, f"seed={seed}"))
    return config


def finetune_identity(base: str, data: str, config: FinetuneConfig, data_spec: DataSpec) -> dict[str, Any]:
    """What defines a finetune, hashed: base model and weights, data and mix-in hashes, config, backdoor.

    The data's location is a note, not an input: moving the output directory does not make a finetune stale.
    """
    from emscope.finetune.card import identity_record
    from emscope.finetune.config import config_dict
    from emscope.finetune.sft import resolve_base

    inputs = {
        "base_model": base,
        "base_model_sha256": resolve_base(base).sha256,
        "data_sha256": _data_sha256(data),
        "mix_in_sha256": _data_sha256(config.mix_in.data) if config.mix_in is not None else None,
        "config": config_dict(config),
        "backdoor": _backdoor_record(data_spec),
    }
    return identity_record(inputs, {"data_source": data})


def _data_sha256(source: str) -> str:
    """A data file's SHA-256 (the same one the training card records); other sources hash their canonical rows."""
    path = Path(source).expanduser()
    if path.is_file():
        return sha256_file(path)
    from emscope.datasets.load import load_chat_data

    return load_chat_data(source).sha256


def _set_aside_if_changed(target: Path, identity: dict[str, Any], label: str, progress: Progress) -> None:
    """Move `target` to a `.stale-` sibling unless it is empty or was made from exactly `identity`'s inputs."""
    from emscope.finetune.card import changed_inputs, read_identity

    if not target.is_dir() or not any(target.iterdir()):
        return
    recorded = read_identity(target)
    if recorded is not None and recorded.get("sha256") == identity["sha256"]:
        return
    if recorded is None:
        why, tag = "no identity recorded", "unrecorded"
    else:
        why = "changed: " + (", ".join(changed_inputs(recorded.get("inputs") or {}, identity["inputs"])) or "hash")
        tag = str(recorded.get("sha256"))[:10]
    aside = _aside(target, tag)
    target.rename(aside)
    progress(f"{label}: {target.name} does not match the spec ({why}); moved it to {aside.name}, training afresh")


def model_for(spec: ExperimentSpec, condition: Condition, seed: int, out: Path, progress: Progress = _quiet) -> str:
    """The model string a condition evaluates."""
    if condition.data is not None:
        return ensure_finetune(spec, condition, seed, out, progress)
    return condition.model or spec.model


def evaluate(
    spec: ExperimentSpec,
    key: RunKey,
    model: str,
    out: Path,
    judge: str | Model,
    display: str | None,
    snapshot: dict[str, Any] | None = None,
) -> ResultsDocument:
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
    model_sha256 = model_weights_sha256(model)  # hashed once: it names the log directory and goes into provenance
    log_dir = eval_log_dir(spec, key, model, model_sha256, judge, out)
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
    extra: dict[str, Any] = {"judge_spec": str(judge), "condition": key.condition, "experiment": spec.name}
    if snapshot is not None:
        extra["snapshot"] = {name: snapshot[name] for name in ("step", "epoch", "loss")}
    relative = str(_local_path(log.location).resolve().relative_to(out.resolve()))
    return build_results(log, provenance(log, model_sha256, extra), relative)


def eval_log_dir(
    spec: ExperimentSpec, key: RunKey, model: str, model_sha256: str | None, judge: str | Model, out: Path
) -> Path:
    """`logs/<slug>-<hash>`: the hash covers everything that decides the evaluation's answers and scores.

    `eval_set` reuses a finished log whose task name, arguments and model string match, but a retrained
    finetune keeps its model string. Naming the directory by the model's weights hash, the suite's
    parameters (and the content of files they name), the judge and the seed means an unchanged rerun
    finds its logs while any change starts a new directory (the old one is kept).
    """
    params = spec.suites[key.suite]
    inputs = {
        "suite": key.suite,
        "params": params,
        "files": {name: sha for name, value in params.items() if (sha := _file_sha256(value)) is not None},
        "model": model,
        "model_sha256": model_sha256,
        "judge": _judge_identity(judge),
        "seed": key.seed,
    }
    digest = sha256_bytes(json.dumps(inputs, sort_keys=True, default=str).encode("utf-8"))
    return out / "logs" / f"{key.slug}-{digest[:12]}"


def _judge_identity(judge: str | Model) -> str:
    """The judge as it decides scores: the offline judge by its weights' hash, since its name never changes."""
    from emscope.models.strings import is_offline_judge

    if isinstance(judge, str) and is_offline_judge(judge):
        from emscope.judges.offline import weights_sha256

        return f"offline:{weights_sha256()}"
    return str(judge)


def _file_sha256(value: object) -> str | None:
    """The SHA-256 of the file a suite parameter names, or None if it names none."""
    if not isinstance(value, str):
        return None
    try:
        path = Path(value).expanduser()
        return sha256_file(path) if path.is_file() else None
    except (OSError, ValueError):
        return None


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
    extra_judges: tuple[str | Model, ...] | None = None,
) -> dict[str, Any]:
    """Run everything in `spec` that is not already done under `out`; write and return the comparison.

    `judge` replaces the spec's primary judge and `extra_judges` its further judges (`judges:` after the
    first); each further judge re-judges every evaluation's answers for the judge-swap table.
    """
    from emscope.experiments.compare import compare
    from emscope.experiments.judge_swap import judged, swap_results
    from emscope.experiments.report import write_experiment_report
    from emscope.models.engines import release_engines

    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(spec.path, out / "experiment.yaml")
    primary = judge if judge is not None else spec.judge
    further = extra_judges if extra_judges is not None else spec.extra_judges
    results: dict[RunKey, ResultsDocument] = {}
    snapshots: dict[RunKey, ResultsDocument] = {}
    final_steps: dict[str, dict[str, Any]] = {}
    swaps: dict[str, dict[RunKey, ResultsDocument]] = {str(j): {} for j in further}
    for condition in spec.conditions:
        for seed in spec.seeds:
            model = model_for(spec, condition, seed, out, progress)
            for suite in spec.suites:
                key = RunKey(condition.name, seed, suite)
                progress(f"[eval] {key.slug}: {model}")
                results[key] = evaluate(spec, key, model, out, primary, display)
                atomic_write_text(out / "results" / f"{key.slug}.json", json.dumps(results[key], indent=2) + "\n")
                for other in further if judged(suite) else ():
                    progress(f"[rejudge] {key.slug}: {other}")
                    extra = {"condition": key.condition, "experiment": spec.name}
                    swaps[str(other)][key] = swap_results(key, results[key], other, out, extra, display)
            release_engines()  # one subject model in memory at a time
            if condition.data is not None:
                done = _evaluate_snapshots(spec, condition, seed, out, primary, display, progress)
                snapshots.update(done.results)
                final_steps[condition.name] = done.final
    comparison = compare(spec, results, swaps or None, str(primary), (snapshots, final_steps))
    atomic_write_text(out / "comparison.json", json.dumps(comparison, indent=2) + "\n")
    report = write_experiment_report(out, comparison)
    progress(f"[report] {report}")
    return comparison


@dataclass(frozen=True)
class SnapshotRuns:
    """A finetune's snapshot evaluations and its final step (step, epoch, loss) from the training card."""

    results: dict[RunKey, ResultsDocument]
    final: dict[str, Any]


def _evaluate_snapshots(
    spec: ExperimentSpec,
    condition: Condition,
    seed: int,
    out: Path,
    judge: str | Model,
    display: str | None,
    progress: Progress,
) -> SnapshotRuns:
    """Evaluate every snapshot of a finished finetune but the last step's (that is the finetune itself)."""
    from emscope.experiments.trajectory import snapshot_model_string
    from emscope.finetune.card import read_card
    from emscope.finetune.snapshots import list_snapshots
    from emscope.models.engines import release_engines

    target = finetune_dir(out, condition, seed)
    card = read_card(target)
    assert card is not None, "evaluated only after ensure_finetune finished the finetune"
    training = card["training"]
    final = {"step": int(training["steps"]), "epoch": training["epochs"], "loss": training["final_loss"]}
    done: dict[RunKey, ResultsDocument] = {}
    for snapshot in list_snapshots(target):
        if int(snapshot["step"]) == final["step"]:
            continue
        model = snapshot_model_string(card, snapshot["path"])
        for suite in spec.suites:
            key = RunKey(condition.name, seed, suite, int(snapshot["step"]))
            progress(f"[eval] {key.slug}: {model}")
            done[key] = evaluate(spec, key, model, out, judge, display, snapshot)
            atomic_write_text(out / "results" / f"{key.slug}.json", json.dumps(done[key], indent=2) + "\n")
        release_engines()
    return SnapshotRuns(done, final)
