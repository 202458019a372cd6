"""Which engine runs a local model, and the one shared instance per (model, precision, engine).

Why a choice: OpenVINO is the fast CPU engine (docs/performance.md) but supports only the decoder
families its graph builder knows (Qwen2, Llama) and only the CPU; transformers runs everything, on
CUDA too, and stays the reference. So: OpenVINO on a CPU-only host for a supported model, transformers
otherwise; `EMSCOPE_ENGINE=hf|openvino` or the model argument `-M engine=...` overrides, and results
record the engine with the reason it was chosen, next to the precision.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from emscope.errors import ModelError
from emscope.models.completion import GenResult, GenSettings
from emscope.models.overrides import requested

ENGINES = ("openvino", "hf")
ENV = "EMSCOPE_ENGINE"


class Engine(Protocol):
    """What the provider, the benchmarks and tests need from a local engine."""

    dtype: str

    def render(self, messages: list[dict[str, str]]) -> str:
        """The chat-formatted prompt for `messages` (a trailing assistant turn is continued)."""
        ...

    def generate(self, prompts: list[str], settings: GenSettings, seeds: list[int] | None = None) -> list[GenResult]:
        """One completion per prompt; `seeds` gives each request its own random stream."""
        ...


@dataclass(frozen=True)
class EngineChoice:
    """The engine a local model runs on, and why."""

    name: str
    reason: str

    def record(self) -> dict[str, str]:
        """What provenance says about it."""
        return {"engine": self.name, "engine_reason": self.reason}


def choose_engine(override: str | None, model_dir: Path, cuda: bool) -> EngineChoice:
    """An explicit override, else OpenVINO for a supported model on a CPU-only host, else transformers."""
    asked = requested(override, ENV, ENGINES, "engine")
    if asked is not None:
        return EngineChoice(*asked)
    if cuda:
        return EngineChoice("hf", "CUDA device (the OpenVINO engine runs on CPU only)")
    if not _openvino_installed():
        return EngineChoice("hf", "openvino is not installed")
    from emscope.models.ov_export import supports

    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    if not supports(config):
        return EngineChoice("hf", f"model_type {config.get('model_type')!r} has no OpenVINO graph")
    return EngineChoice("openvino", "CPU host and a supported decoder (Qwen2/Llama)")


def host_engine(override: str | None, model_dir: Path) -> EngineChoice:
    """`choose_engine` for the device this process runs local models on."""
    import torch

    return choose_engine(override, model_dir, torch.cuda.is_available())


def engine_for(name: str, override: str | None = None) -> EngineChoice:
    """The engine the `emscope/<name>` model runs on here: `host_engine` for its base directory.

    Reads only the base model's config (no weights are hashed), so callers that decide before loading
    (batch width, cache scopes, provenance) ask the same question the provider does.
    """
    from emscope.models.spec import base_directory

    return host_engine(override, base_directory(name))


def _openvino_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("openvino") is not None


_ENGINES: dict[tuple[Path, Path | None, str, str, str], Engine] = {}
_LOCK = threading.Lock()


def shared_engine(
    path: Path,
    weights_sha256: str,
    adapter: Path | None = None,
    dtype: str | None = None,
    engine: str | None = None,
    weights: str = "float",
) -> Engine:
    """The process-wide engine for this model (with `adapter` merged), loading it once.

    `dtype` None means the host's precision and `engine` None the host's engine; both resolve before
    the lookup, so an explicit value equal to the host's choice shares the same instance.
    """
    from emscope.models.precision import host_precision

    dtype = dtype or host_precision().dtype
    name = host_engine(engine, path).name
    key = (path, adapter, dtype, name, weights)
    with _LOCK:
        if key not in _ENGINES:
            _ENGINES[key] = _load(path, weights_sha256, adapter, dtype, name, weights)
        return _ENGINES[key]


def release_engines() -> int:
    """Drop every loaded engine (the next use reloads it); return how many were dropped.

    Experiments call this after each model's evaluations, so memory holds one subject model at a time.
    """
    import gc

    with _LOCK:
        count = len(_ENGINES)
        _ENGINES.clear()
    gc.collect()
    return count


def _load(path: Path, weights_sha256: str, adapter: Path | None, dtype: str, name: str, weights: str) -> Engine:
    if name == "openvino":
        from emscope.models.ov_engine import OpenVINOEngine

        return OpenVINOEngine(path, weights_sha256, dtype, adapter=adapter, weights=weights)
    if weights != "float":
        raise ModelError(f"weights={weights!r} needs the OpenVINO engine (the transformers engine runs {dtype})")
    from emscope.models.engine import LocalEngine

    return LocalEngine(path, dtype=dtype, adapter=adapter)
