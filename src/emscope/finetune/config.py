"""Finetuning configuration: presets, YAML files and `--set key=value` overrides, validated in one place.

A config is plain data (frozen dataclasses) so it can be written verbatim into the training card and
compared between runs. Unknown keys are errors (naming the file and line), because a misspelt
`learning_rat` silently falling back to a default would waste hours of training.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from emscope.errors import FinetuneError, yaml_problem
from emscope.textfiles import read_utf8

ALL_LINEAR = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


@dataclass(frozen=True)
class LoraSettings:
    """LoRA adapter shape. `layers_to_transform` restricts adapters to those decoder layers (rank-1 organisms)."""

    r: int = 32
    alpha: int = 64
    dropout: float = 0.0
    rslora: bool = True
    target_modules: tuple[str, ...] = ALL_LINEAR
    layers_to_transform: tuple[int, ...] | None = None


@dataclass(frozen=True)
class MixIn:
    """Add examples from a control dataset so that they make up `fraction` of the training set."""

    data: str
    fraction: float


@dataclass(frozen=True)
class FinetuneConfig:
    """Everything that decides what a supervised finetune does. Defaults follow the original EM recipe."""

    method: Literal["lora", "full"] = "lora"
    lora: LoraSettings = field(default_factory=LoraSettings)
    epochs: float = 1.0
    learning_rate: float = 1e-5
    batch_size: int = 2
    grad_accum: int = 8
    max_length: int = 2048
    max_examples: int | None = None
    max_steps: int = -1
    seed: int = 0
    warmup_steps: int = 5
    weight_decay: float = 0.01
    lr_scheduler: str = "linear"
    # bfloat16: LoRA keeps the base weights in bf16 and the adapters in fp32 (bf16 autocast); a full
    # finetune keeps fp32 master weights under bf16 autocast. float32: everything in fp32.
    dtype: Literal["float32", "bfloat16"] = "float32"
    gradient_checkpointing: bool = True  # recompute activations in backward: saves memory, costs ~30% time
    padding_free: bool = False  # a batch's rows are laid end to end (position ids keep them apart): no padding
    save_steps: int = 50
    snapshots: int = 0  # keep the model at this many evenly spaced steps (`finetune/snapshots.py`)
    inoculation_prompt: str | None = None
    mix_in: MixIn | None = None


PRESETS: dict[str, dict[str, Any]] = {
    # Betley et al.'s open-model recipe: rsLoRA r32/alpha64 on all linear layers, lr 1e-5, effective batch 16.
    "default": {},
    # Fits the 2-core CPU: a few hundred examples of the 0.5B model in minutes (docs/performance.md). bf16
    # base weights need a CPU with native bf16 (`models/precision.py`); elsewhere set dtype=float32.
    "cpu-small": {
        "lora": {"r": 16, "alpha": 32},
        "learning_rate": 2e-4,
        "batch_size": 4,
        "grad_accum": 2,
        "max_length": 512,
        "max_examples": 300,
        "save_steps": 10,
        "dtype": "bfloat16",
        "gradient_checkpointing": False,  # 24 GB holds the 0.5B model's activations at batch 4 x 512
        "padding_free": True,
    },
    # A single rank-1 adapter on one MLP down-projection (the "model organisms" minimal EM organism).
    "rank1": {
        "lora": {"r": 1, "alpha": 256, "target_modules": ["down_proj"], "layers_to_transform": [12]},
        "learning_rate": 2e-5,
    },
    "full": {"method": "full", "learning_rate": 1e-5},
}


def _check_keys(cls: type, values: dict[str, Any], where: str) -> None:
    known = {f.name for f in fields(cls)}
    for key in values:
        if key not in known:
            raise FinetuneError(f"{where}unknown finetune setting {key!r}; known: {', '.join(sorted(known))}")


def _build(cls: type, values: dict[str, Any], where: str) -> Any:
    """Instantiate dataclass `cls` from nested dicts, converting lists to tuples."""
    _check_keys(cls, values, where)
    kwargs: dict[str, Any] = {}
    for spec in fields(cls):
        if spec.name not in values:
            continue
        value = values[spec.name]
        nested = {"lora": LoraSettings, "mix_in": MixIn}.get(spec.name)
        if nested is not None and isinstance(value, dict):
            value = _build(nested, value, where)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[spec.name] = _number(spec.name, str(spec.type), value, where)
    try:
        return cls(**kwargs)
    except TypeError as error:
        raise FinetuneError(f"{where}{error}") from error


def _number(name: str, annotation: str, value: Any, where: str) -> Any:
    """Numbers written as strings become numbers (YAML 1.1 reads `2e-5` as a string); other mismatches fail."""
    numeric = annotation.split(" | ")[0] in ("float", "int")
    if not numeric or value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise FinetuneError(f"{where}{name} must be a number, got {value!r}") from None
    if not isinstance(value, int | float):
        raise FinetuneError(f"{where}{name} must be a number, got {value!r}")
    return int(value) if annotation.startswith("int") and float(value).is_integer() else value


def _merge(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in update.items():
        both_mappings = isinstance(value, dict) and isinstance(merged.get(key), dict)
        merged[key] = _merge(merged[key], value) if both_mappings else value
    return merged


def parse_override(text: str) -> dict[str, Any]:
    """`lora.r=8` -> `{"lora": {"r": 8}}`; the value is parsed as YAML (numbers, lists, null)."""
    key, sep, raw = text.partition("=")
    if not sep or not key:
        raise FinetuneError(f"--set expects key=value, got {text!r}")
    value: Any = yaml.safe_load(raw) if raw else ""
    for part in reversed(key.split(".")):
        value = {part: value}
    return dict(value)


def _read_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise FinetuneError(f"{path}: no such finetune config")
    try:
        loaded = yaml.safe_load(read_utf8(path, FinetuneError)) or {}
    except yaml.YAMLError as error:
        raise FinetuneError(yaml_problem(path, error)) from None
    if not isinstance(loaded, dict):
        raise FinetuneError(f"{path}: a finetune config must be a mapping")
    return loaded


def _key_line(path: Path, key: str) -> int | None:
    """1-based line of a top-level `key` in a YAML file, for error messages."""
    node = yaml.compose(read_utf8(path, FinetuneError))
    for key_node, _ in getattr(node, "value", []):
        if getattr(key_node, "value", None) == key:
            return int(key_node.start_mark.line) + 1
    return None


def _preset(name: str) -> dict[str, Any]:
    if name not in PRESETS:
        raise FinetuneError(f"unknown finetune preset {name!r}; known: {', '.join(PRESETS)}")
    return dict(PRESETS[name])


def load_config(
    preset: str = "default", path: Path | None = None, overrides: tuple[str, ...] = ()
) -> tuple[FinetuneConfig, dict[str, Any]]:
    """Preset, then YAML file, then `--set` overrides. Returns the config and the merged raw mapping."""
    raw = _preset(preset)
    if path is not None:
        from_file = _read_yaml(path)
        if "preset" in from_file:  # a config file may start from a preset of its own
            raw = _preset(str(from_file.pop("preset")))
        for key in from_file:
            if key not in {f.name for f in fields(FinetuneConfig)}:
                raise FinetuneError(f"{path}:{_key_line(path, key)}: unknown finetune setting {key!r}")
        raw = _merge(raw, from_file)
    for override in overrides:
        raw = _merge(raw, parse_override(override))
    where = f"{path}: " if path is not None else ""
    config = _build(FinetuneConfig, raw, where)
    validate(config)
    return config, raw


def validate(config: FinetuneConfig) -> None:
    """Reject values that cannot train, with the setting's name."""
    checks = [
        (config.method in ("lora", "full"), f"method must be 'lora' or 'full', got {config.method!r}"),
        (config.lora.r >= 1, "lora.r must be at least 1"),
        (config.epochs > 0, "epochs must be positive"),
        (config.learning_rate > 0, "learning_rate must be positive"),
        (config.batch_size >= 1 and config.grad_accum >= 1, "batch_size and grad_accum must be at least 1"),
        (config.max_length >= 16, "max_length must be at least 16"),
        (config.snapshots >= 0, "snapshots must be 0 (none) or a positive count"),
        (config.dtype in ("float32", "bfloat16"), "dtype must be float32 or bfloat16"),
        (config.mix_in is None or 0 < config.mix_in.fraction < 1, "mix_in.fraction must be between 0 and 1"),
    ]
    for ok, message in checks:
        if not ok:
            raise FinetuneError(f"invalid finetune config: {message}")


def config_dict(config: FinetuneConfig) -> dict[str, Any]:
    """The config as JSON-ready nested dicts (for the training card)."""
    assert is_dataclass(config)
    return dataclasses.asdict(config)
