"""Resolve the model part of an `emscope/<name>` model string to a local transformers directory.

`<name>` is an embedded model (materialised on first use), a path to a local Hugging Face model
directory, `<base>+<adapter dir>` (a PEFT adapter on a base), or an adapter directory alone (its base
is read from the finetune's training card). Unknown names fail with a message that lists the embedded
models, so a typo is obvious.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from emscope.errors import ModelError
from emscope.models.embedded import EMBEDDED, get_embedded
from emscope.models.strings import local_name
from emscope.paths import sha256_file


@dataclass(frozen=True)
class LocalModel:
    """A model directory on disk plus the hash that identifies its weights in provenance."""

    name: str
    path: Path
    weights_sha256: str
    adapter: Path | None = None


ADAPTER_CONFIG = "adapter_config.json"


def weights_sha256(directory: Path) -> str:
    """Hash a directory's weight files (name + content hash, sorted) into one identity."""
    files = sorted(p for p in directory.iterdir() if p.suffix in {".safetensors", ".bin", ".gguf"})
    digest = hashlib.sha256()
    for path in files:
        digest.update(f"{path.name}:{sha256_file(path)}\n".encode())
    return digest.hexdigest()


def known_models_hint() -> str:
    """One line naming the embedded models and the local-directory form."""
    names = ", ".join(f"emscope/{n}" for n in EMBEDDED)
    return f"embedded models: {names}; or emscope/<path to a local HF model directory>"


def is_adapter_dir(path: Path) -> bool:
    """Whether `path` holds a PEFT adapter (and not a full model)."""
    return (path / ADAPTER_CONFIG).is_file() and not (path / "config.json").is_file()


def with_adapter(base: LocalModel, adapter: Path) -> LocalModel:
    """`base` with the adapter at `adapter` applied; the identity hashes both."""
    adapter = adapter.expanduser().resolve()
    combined = hashlib.sha256(f"{base.weights_sha256}+{weights_sha256(adapter)}".encode()).hexdigest()
    return LocalModel(name=f"{base.name}+{adapter}", path=base.path, weights_sha256=combined, adapter=adapter)


def adapter_base_name(adapter: Path) -> str:
    """The base model of an adapter directory: the training card's base, else PEFT's recorded base path."""
    card = adapter / "training_card.json"
    if card.is_file():
        base = local_name(str(json.loads(card.read_text(encoding="utf-8"))["base_model"]))
        if base is not None:
            return base
    recorded = json.loads((adapter / ADAPTER_CONFIG).read_text(encoding="utf-8")).get("base_model_name_or_path")
    if recorded and Path(recorded).is_dir():
        return str(recorded)
    raise ModelError(f"{adapter}: cannot tell which local base model this adapter is for; use emscope/<base>+{adapter}")


def resolve_local(name: str) -> LocalModel:
    """Resolve `name` (embedded model, local directory or adapter) to a `LocalModel`, materialising if needed."""
    base_name, plus, adapter_name = name.rpartition("+")
    if plus and is_adapter_dir(Path(adapter_name).expanduser()):
        return with_adapter(resolve_local(base_name), Path(adapter_name))
    embedded = get_embedded(name)
    if embedded is not None:
        from emscope.models.materialise import materialise

        return LocalModel(name=embedded.name, path=materialise(embedded), weights_sha256=embedded.sha256)
    path = Path(name).expanduser()
    if path.is_dir() and is_adapter_dir(path):
        return with_adapter(resolve_local(adapter_base_name(path)), path)
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelError(f"{path}: not a Hugging Face model directory (no config.json)")
        return LocalModel(name=str(path), path=path.resolve(), weights_sha256=weights_sha256(path))
    raise ModelError(f"unknown model 'emscope/{name}': {known_models_hint()}")


def base_directory(name: str) -> Path:
    """The directory holding the base model's config for `name`, without hashing any weights.

    For choices made before loading (which engine, how wide a batch); `resolve_local` is the full
    resolution with the identity hash.
    """
    base_name, plus, adapter_name = name.rpartition("+")
    if plus and is_adapter_dir(Path(adapter_name).expanduser()):
        return base_directory(base_name)
    embedded = get_embedded(name)
    if embedded is not None:
        from emscope.models.materialise import materialise

        return materialise(embedded)
    path = Path(name).expanduser()
    if path.is_dir() and is_adapter_dir(path):
        return base_directory(adapter_base_name(path))
    if (path / "config.json").is_file():
        return path.resolve()
    return resolve_local(name).path  # raises the same clear error for an unknown name
