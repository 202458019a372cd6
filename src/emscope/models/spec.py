"""Resolve the model part of an `emscope/<name>` model string to a local transformers directory.

`<name>` is an embedded model (materialised on first use) or a path to a local Hugging Face model
directory. Unknown names fail with a message that lists the embedded models, so a typo is obvious.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from emscope.errors import ModelError
from emscope.models.embedded import EMBEDDED, get_embedded
from emscope.paths import sha256_file


@dataclass(frozen=True)
class LocalModel:
    """A model directory on disk plus the hash that identifies its weights in provenance."""

    name: str
    path: Path
    weights_sha256: str


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


def resolve_local(name: str) -> LocalModel:
    """Resolve `name` (embedded model or local directory) to a `LocalModel`, materialising if needed."""
    embedded = get_embedded(name)
    if embedded is not None:
        from emscope.models.materialise import materialise

        return LocalModel(name=embedded.name, path=materialise(embedded), weights_sha256=embedded.sha256)
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelError(f"{path}: not a Hugging Face model directory (no config.json)")
        return LocalModel(name=str(path), path=path.resolve(), weights_sha256=weights_sha256(path))
    raise ModelError(f"unknown model 'emscope/{name}': {known_models_hint()}")
