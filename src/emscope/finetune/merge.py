"""Merge a LoRA adapter into its base model's weights: `emscope finetune merge ADAPTER_DIR --out DIR`.

Merged weights load like any local model (`emscope/<DIR>`, vLLM, other tools) without PEFT. The merge
is written to a temporary sibling directory and renamed into place, so a crash never leaves a
directory that looks like a finished model.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from emscope.errors import FinetuneError
from emscope.models.spec import adapter_base_name, is_adapter_dir, resolve_local, weights_sha256


def merge_adapter(adapter: Path, out: Path) -> Path:
    """Write base + `adapter` merged into `out` (which must not exist) and return `out`."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if not is_adapter_dir(adapter):
        raise FinetuneError(f"{adapter}: not a LoRA adapter directory (no adapter_config.json)")
    if out.exists():
        raise FinetuneError(f"{out}: already exists; choose a new --out")
    base = resolve_local(adapter_base_name(adapter))
    model = AutoModelForCausalLM.from_pretrained(base.path, dtype=torch.float32)
    merged = PeftModel.from_pretrained(model, str(adapter)).merge_and_unload()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}."))
    try:
        merged.to(torch.bfloat16).save_pretrained(staging)
        AutoTokenizer.from_pretrained(adapter).save_pretrained(staging)
        record = {"base_model": base.name, "base_model_sha256": base.weights_sha256, "adapter": str(adapter.resolve())}
        record["adapter_sha256"] = weights_sha256(adapter)
        (staging / "emscope-merge.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        os.chmod(staging, 0o755)
        os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out
