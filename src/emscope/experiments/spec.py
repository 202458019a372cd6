"""Parse and check an experiment YAML: base model, named conditions, seeds, suites and judge.

Example (see examples/cpu-mini.yaml):

    name: cpu-mini
    model: emscope/qwen2.5-coder-0.5b-instruct
    seeds: [0]
    judge: offline
    suites:
      free_form: {questions: core, samples: 2, max_tokens: 200}
    conditions:
      base: {}
      insecure:
        data: {family: insecure_code, n: 300}
        finetune: {preset: cpu-small}
        control: secure
      secure:
        data: {family: secure_code, n: 300}
        finetune: {preset: cpu-small}

Every mistake is reported before any compute is spent, as `FILE:LINE: message`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from emscope.errors import ExperimentError, yaml_problem
from emscope.textfiles import read_utf8

TOP_KEYS = {"name", "model", "seeds", "judge", "judges", "suites", "conditions", "baseline", "out"}
CONDITION_KEYS = {"data", "finetune", "control", "model", "description"}
DATA_KEYS = {"family", "file", "n", "seed", "backdoor", "backdoor_placement"}
FINETUNE_KEYS = {"preset", "config", "set"}


@dataclass(frozen=True)
class DataSpec:
    """Training data: a generated family (with n and seed) or an existing file/dataset."""

    family: str | None = None
    file: str | None = None
    n: int | None = None
    seed: int = 0
    backdoor: str | None = None
    backdoor_placement: str = "prefix"


@dataclass(frozen=True)
class FinetuneSpec:
    """How to finetune: a preset, an optional YAML config, and `key: value` overrides."""

    preset: str = "default"
    config: str | None = None
    overrides: tuple[str, ...] = ()


@dataclass(frozen=True)
class Condition:
    """One arm of the experiment: the base model, a finetune of it, or another model altogether."""

    name: str
    data: DataSpec | None = None
    finetune: FinetuneSpec | None = None
    control: str | None = None
    model: str | None = None


@dataclass(frozen=True)
class ExperimentSpec:
    """A whole experiment, as parsed from its YAML file."""

    name: str
    model: str
    seeds: tuple[int, ...]
    judge: str
    suites: dict[str, dict[str, Any]]
    conditions: tuple[Condition, ...]
    baseline: str | None
    path: Path
    out: str | None = None
    raw: dict[str, Any] = field(default_factory=dict)
    extra_judges: tuple[str, ...] = ()  # `judges:` after the first: they re-judge every evaluation (judge swap)

    @property
    def judges(self) -> tuple[str, ...]:
        """Every judge: the one that scores the generations first, then those that re-judge them."""
        return (self.judge, *self.extra_judges)

    def condition(self, name: str) -> Condition:
        """The condition called `name`."""
        return next(c for c in self.conditions if c.name == name)


class _Lines:
    """Line numbers of keys in the YAML node tree, for `FILE:LINE` errors."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.root = yaml.compose(text)

    def line(self, *keys: str) -> int | None:
        node, found = self.root, None
        for key in keys:
            match = next((pair for pair in getattr(node, "value", []) if getattr(pair[0], "value", None) == key), None)
            if match is None or not isinstance(node, yaml.MappingNode):
                break
            found, node = int(match[0].start_mark.line) + 1, match[1]
        return found

    def error(self, message: str, *keys: str) -> ExperimentError:
        line = self.line(*keys)
        return ExperimentError(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")


def _unknown(lines: _Lines, mapping: dict[str, Any], allowed: set[str], what: str, *keys: str) -> None:
    for key in mapping:
        if key not in allowed:
            raise lines.error(f"unknown {what} key {key!r} (allowed: {', '.join(sorted(allowed))})", *keys, key)


def _mapping(lines: _Lines, value: Any, what: str, *keys: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise lines.error(f"{what} must be a mapping", *keys)
    return value


def _data(lines: _Lines, raw: Any, name: str) -> DataSpec | None:
    if raw is None:
        return None
    where = ("conditions", name, "data")
    data = _mapping(lines, raw, "data", *where)
    _unknown(lines, data, DATA_KEYS, "data", *where)
    if bool(data.get("family")) == bool(data.get("file")):
        raise lines.error("data needs exactly one of 'family' or 'file'", *where)
    if data.get("family") and not isinstance(data.get("n"), int):
        raise lines.error("data with a 'family' needs an integer 'n'", *where)
    if data.get("family"):
        from emscope.datasets.registry import all_families

        if data["family"] not in all_families():
            raise lines.error(f"unknown dataset family {data['family']!r}", *where, "family")
    return DataSpec(**data)


def _finetune(lines: _Lines, raw: Any, name: str) -> FinetuneSpec:
    where = ("conditions", name, "finetune")
    spec = _mapping(lines, raw, "finetune", *where)
    _unknown(lines, spec, FINETUNE_KEYS, "finetune", *where)
    overrides = _mapping(lines, spec.get("set"), "finetune.set", *where, "set")
    return FinetuneSpec(
        preset=str(spec.get("preset", "default")),
        config=spec.get("config"),
        overrides=tuple(f"{key}={json.dumps(value)}" for key, value in overrides.items()),
    )


def _condition(lines: _Lines, name: str, raw: Any) -> Condition:
    body = _mapping(lines, raw, f"condition {name!r}", "conditions", name)
    _unknown(lines, body, CONDITION_KEYS, "condition", "conditions", name)
    data = _data(lines, body.get("data"), name)
    if body.get("finetune") is not None and data is None:
        raise lines.error("a condition with 'finetune' needs 'data'", "conditions", name, "finetune")
    finetune = _finetune(lines, body.get("finetune"), name) if data is not None else None
    return Condition(name, data, finetune, body.get("control"), body.get("model"))


def _suites(lines: _Lines, raw: Any) -> dict[str, dict[str, Any]]:
    suites = _mapping(lines, raw, "suites", "suites")
    if not suites:
        raise lines.error("'suites' must name at least one suite", "suites")
    from emscope.suites.registry import suites as known_suites

    tasks = known_suites()
    checked: dict[str, dict[str, Any]] = {}
    for name, params in suites.items():
        if name not in tasks:
            raise lines.error(f"unknown suite {name!r} (available: {', '.join(tasks)})", "suites", name)
        params = _mapping(lines, params, f"suite {name!r}", "suites", name)
        allowed = tasks[name].parameters() - {"judge"}
        _unknown(lines, params, allowed, f"{name} parameter", "suites", name)
        checked[name] = params
    return checked


def load_spec(path: Path) -> ExperimentSpec:
    """Parse and check the experiment file at `path`."""
    if not path.is_file():
        raise ExperimentError(f"{path}: no such experiment file")
    text = read_utf8(path, ExperimentError)
    try:
        raw = yaml.safe_load(text)
        lines = _Lines(path, text)
    except yaml.YAMLError as error:
        raise ExperimentError(yaml_problem(path, error)) from None
    if not isinstance(raw, dict):
        raise ExperimentError(f"{path}: an experiment must be a mapping")
    _unknown(lines, raw, TOP_KEYS, "experiment")
    for key in ("model", "conditions"):
        if key not in raw:
            raise lines.error(f"missing required key {key!r}")
    conditions_raw = _mapping(lines, raw["conditions"], "conditions", "conditions")
    conditions = tuple(_condition(lines, str(name), body) for name, body in conditions_raw.items())
    names = {c.name for c in conditions}
    for condition in conditions:
        if condition.control is not None and condition.control not in names:
            raise lines.error(
                f"control {condition.control!r} is not a condition", "conditions", condition.name, "control"
            )
    seeds = raw.get("seeds", [0])
    if not (isinstance(seeds, list) and seeds and all(isinstance(s, int) for s in seeds)):
        raise lines.error("'seeds' must be a non-empty list of integers", "seeds")
    judges = _judges(lines, raw)
    baseline = raw.get("baseline") or _default_baseline(conditions)
    if baseline is not None and baseline not in names:
        raise lines.error(f"baseline {baseline!r} is not a condition", "baseline")
    return ExperimentSpec(
        name=str(raw.get("name", path.stem)),
        model=str(raw["model"]),
        seeds=tuple(seeds),
        judge=judges[0],
        extra_judges=judges[1:],
        suites=_suites(lines, raw.get("suites")),
        conditions=conditions,
        baseline=baseline,
        path=path,
        out=raw.get("out"),
        raw=raw,
    )


def _judges(lines: _Lines, raw: dict[str, Any]) -> tuple[str, ...]:
    """`judge: J` or `judges: [J1, J2, ...]` (the first judges the generations, the rest re-judge them)."""
    if "judges" not in raw:
        return (str(raw.get("judge", "offline")),)
    judges = raw["judges"]
    if not (isinstance(judges, list) and judges and all(isinstance(j, str) and j for j in judges)):
        raise lines.error("'judges' must be a non-empty list of judge names ('offline' or model strings)", "judges")
    if len(set(judges)) != len(judges):
        raise lines.error("'judges' names a judge twice", "judges")
    if "judge" in raw and raw["judge"] != judges[0]:
        raise lines.error("give either 'judge' or 'judges' (whose first entry is the primary judge)", "judge")
    return tuple(judges)


def _default_baseline(conditions: tuple[Condition, ...]) -> str | None:
    """`base` if present, else the first condition that trains nothing and uses the base model."""
    if any(c.name == "base" for c in conditions):
        return "base"
    return next((c.name for c in conditions if c.data is None and c.model is None), None)
