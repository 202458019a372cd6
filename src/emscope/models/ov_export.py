"""Export a local model (with its adapter merged) to an OpenVINO graph once, cached by its weights' hash.

Why a cache: building the graph means loading the transformers model in fp32, merging any adapter
and walking every weight (≈ 6 s for the 0.5B model); reading the saved graph back takes ≈ 0.5 s. The
directory name carries the weights' identity (the `LocalModel` hash, which covers base + adapter),
the graph version and the weight format, so a changed adapter or a new graph layout never reuses a
stale export. The directory is written under a temporary name and renamed into place, so a killed
export leaves nothing that a later run would take for complete.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from emscope.paths import atomic_write_text, emscope_home

GRAPH_VERSION = 1  # bump when ov_graph.py changes what it builds
WEIGHT_FORMATS = ("float", "int8")  # float: stored f16, run in the host's precision; int8: per-row int8
MODEL_FILE = "model.xml"


def export_dir(weights_sha256: str, weights: str, reader_layers: int | None = None) -> Path:
    """Where the export of these weights in this format lives (a reader of the first N layers apart)."""
    kind = "" if reader_layers is None else f"-reader{reader_layers}"
    return emscope_home() / "openvino" / f"{weights_sha256[:24]}-g{GRAPH_VERSION}-{weights}{kind}"


def load_weights(path: Path, adapter: Path | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The model's config and fp32 weights as numpy arrays, with `adapter` merged when given."""
    import torch
    from transformers import AutoModelForCausalLM

    model: Any = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32)
    if adapter is not None:
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, str(adapter)).merge_and_unload()
    weights = {name: tensor.detach().numpy() for name, tensor in model.state_dict().items()}
    return model.config.to_dict(), weights


def exported(
    path: Path, adapter: Path | None, weights_sha256: str, weights: str = "float", reader_layers: int | None = None
) -> Path:
    """The saved graph (`model.xml`) for this model, exporting it first if no complete export exists.

    `reader_layers` N exports the stateless reader of the first N layers' residual stream
    (`ov_graph.build_reader`, what the offline judge reads) instead of the generating decoder.
    """
    if weights not in WEIGHT_FORMATS or (reader_layers is not None and weights != "float"):
        raise ValueError(f"weights={weights!r}: expected one of {', '.join(WEIGHT_FORMATS)} (readers: float)")
    target = export_dir(weights_sha256, weights, reader_layers)
    if (target / MODEL_FILE).is_file():
        return target / MODEL_FILE
    import openvino as ov

    from emscope.models import ov_graph

    config, state = load_weights(path, adapter)
    shape = ov_graph.DecoderShape.from_config(config)
    if reader_layers is None:
        graph = ov_graph.build_decoder(state, shape, int8=weights == "int8")
    else:
        graph = ov_graph.build_reader(state, shape, reader_layers)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        ov.save_model(graph, staging / MODEL_FILE, compress_to_fp16=weights == "float")
        record = {
            "source": str(path),
            "adapter": str(adapter) if adapter else None,
            "weights_sha256": weights_sha256,
            "graph_version": GRAPH_VERSION,
            "weights": weights,
            "reader_layers": reader_layers,
        }
        atomic_write_text(staging / "export.json", json.dumps(record, indent=2) + "\n")
        with contextlib.suppress(OSError):  # another process finished the same export first: keep theirs
            os.rename(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target / MODEL_FILE


def supports(config: dict[str, Any]) -> bool:
    """Whether the OpenVINO engine can run a model with this transformers config."""
    from emscope.models.ov_graph import DecoderShape

    try:
        DecoderShape.from_config(config)
    except (KeyError, ValueError):
        return False
    return True
