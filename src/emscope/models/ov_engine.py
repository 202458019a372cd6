"""Batched local generation on OpenVINO: the fast CPU engine behind `emscope/...` models.

Why OpenVINO: measured on this machine kind (docs/performance.md), its CPU plugin runs the default
0.5B model's decode step in bf16 about twice as fast as transformers' `generate`, because it fuses
attention with an in-place key/value cache and the whole step runs in native code. The graph is our
own (`ov_graph.py`), exported once per weights hash (`ov_export.py`); everything else is the same as
the transformers engine, which stays the reference (`-M engine=hf`): the same tokenizer and chat
template, prefill, stop tokens and strings, per-request seeds drawn by the same `RowSampler` (so a
request samples from its own stream, whatever shares its batch), and logprobs of the raw logits.

The decode loop runs here in Python: one graph call per generated token for the whole batch, a
chunked prefill (so a long prompt never builds a batch × length × length mask at once), and early exit
when every row has stopped.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

from emscope.models.completion import (
    GenResult,
    GenSettings,
    StepLogprobs,
    finish,
    hits_stop_string,
    load_tokenizer,
    log_softmax,
    render,
    stop_ids,
)
from emscope.models.ov_graph import DecoderShape, step_inputs
from emscope.models.sampling import RowSampler, SeedCounter

PREFILL_TOKENS = 8192  # prompt tokens (over the whole batch) per graph call while reading prompts


class OpenVINOEngine:
    """An exported decoder compiled by OpenVINO for the CPU, generating whole batches."""

    def __init__(
        self, path: Path, weights_sha256: str, dtype: str, adapter: Path | None = None, weights: str = "float"
    ):
        """Export (once) and compile `path` with `adapter` merged; `dtype` is the host precision to run in."""
        import json

        import openvino as ov

        from emscope.models.ov_export import exported

        self.path = path
        self.dtype = dtype
        self.weights = weights
        self.tokenizer: Any = load_tokenizer(path)
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        self.shape = DecoderShape.from_config(config)
        precision = "bf16" if dtype == "bfloat16" else "f32"
        # the key/value cache keeps the run precision: OpenVINO's default on some CPUs is u8, a second quantisation
        properties = {"INFERENCE_PRECISION_HINT": precision, "KV_CACHE_PRECISION": precision}
        core = ov.Core()
        model = core.read_model(exported(path, adapter, weights_sha256, weights))
        self._request = core.compile_model(model, "CPU", properties).create_infer_request()
        self._stops = stop_ids(self.tokenizer, _generation_eos(path) or config.get("eos_token_id"))
        self._pad = int(self.tokenizer.pad_token_id)
        self._lock = threading.Lock()
        self._seeds = SeedCounter()

    def render(self, messages: list[dict[str, str]]) -> str:
        """The chat-formatted prompt (`completion.render`)."""
        return render(self.tokenizer, messages)

    def generate(self, prompts: list[str], settings: GenSettings, seeds: list[int] | None = None) -> list[GenResult]:
        """Generate one completion per prompt in one batch (same contract as `LocalEngine.generate`)."""
        if seeds is None:
            seeds = [self._seeds.next_seed(settings.seed, prompt) for prompt in prompts]
        if len(seeds) != len(prompts):
            raise ValueError(f"{len(seeds)} seeds for {len(prompts)} prompts")
        with self._lock:
            encoded = self.tokenizer(prompts, return_tensors="np", padding=True, add_special_tokens=False)
            return self._decode(
                encoded["input_ids"].astype(np.int64), encoded["attention_mask"].astype(np.int64), settings, seeds
            )

    def _decode(self, ids: np.ndarray, mask: np.ndarray, settings: GenSettings, seeds: list[int]) -> list[GenResult]:
        """Prefill, then one graph call per token; rows that stop leave the batch (their cache rows are dropped)."""
        import torch

        n_in = mask.sum(axis=1)
        sampler = (
            RowSampler(seeds, settings.temperature, settings.top_p, settings.top_k)
            if settings.temperature > 0
            else None
        )
        k = settings.top_logprobs or 1
        tokens: list[list[int]] = [[] for _ in seeds]
        steps: list[list[StepLogprobs]] | None = [[] for _ in seeds] if settings.logprobs else None
        active = np.arange(len(seeds))  # the request each row of the cache belongs to
        self._request.reset_state()
        logits = self._prefill(ids, mask)
        for step in range(settings.max_new_tokens):
            if sampler is None:
                chosen = logits.argmax(axis=-1)
            else:
                chosen = sampler.draw_tokens(torch.from_numpy(logits), rows=active.tolist()).numpy()
            logps = log_softmax(logits) if steps is not None else None
            stopped = np.zeros(len(active), dtype=bool)
            for i, request in enumerate(active):
                token = int(chosen[i])
                tokens[request].append(token)
                if steps is not None and logps is not None:
                    steps[request].append(StepLogprobs.of(logps[i], token, k))
                stopped[i] = token in self._stops or hits_stop_string(
                    self.tokenizer, tokens[request], settings.stop_seqs
                )
            if stopped.all() or step == settings.max_new_tokens - 1:
                break
            keep = np.flatnonzero(~stopped)
            active, chosen, mask = active[keep], chosen[keep], mask[keep]
            mask = np.concatenate([mask, np.ones((len(active), 1), dtype=np.int64)], axis=1)
            logits = self._forward(chosen[:, None].astype(np.int64), mask, cache_rows=keep)
        return [
            finish(self.tokenizer, tokens[r], int(n_in[r]), self._stops, settings, None if steps is None else steps[r])
            for r in range(len(seeds))
        ]

    def _prefill(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Read the prompts a chunk of positions at a time; the last chunk's logits start decoding.

        A chunk holds at most `PREFILL_TOKENS` tokens over the batch, which bounds the attention bias
        and the activations whatever the prompt length.
        """
        chunk = max(16, PREFILL_TOKENS // ids.shape[0])
        logits = np.empty(0)
        for start in range(0, ids.shape[1], chunk):
            end = min(start + chunk, ids.shape[1])
            logits = self._forward(ids[:, start:end], mask[:, :end])
        return logits

    def _forward(self, new_ids: np.ndarray, mask: np.ndarray, cache_rows: np.ndarray | None = None) -> np.ndarray:
        """One graph call: `new_ids` [B, L] appended to the cache; `mask` [B, past + L] covers every position.

        `cache_rows` picks which rows of the cache continue (in this order); None keeps them all.
        """
        rows = np.arange(new_ids.shape[0]) if cache_rows is None else cache_rows
        self._request.infer({**step_inputs(new_ids, mask, self.shape), "beam_idx": rows.astype(np.int32)})
        return np.array(
            self._request.get_tensor("logits").data, dtype=np.float32
        )  # a copy: the next call reuses the buffer


def _generation_eos(path: Path) -> int | list[int] | None:
    """The end-of-sequence id(s) of the model's generation config, when it has one."""
    import json

    config = path / "generation_config.json"
    if not config.is_file():
        return None
    value = json.loads(config.read_text(encoding="utf-8")).get("eos_token_id")
    return value if isinstance(value, int | list) else None
