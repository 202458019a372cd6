"""Batched local generation with transformers, returning text, token counts and top-k logprobs.

This is the compute behind the `emscope/...` Inspect provider. One `LocalEngine` per model directory
is shared by every Inspect model instance (subject and grader roles), so weights load once.

Seeding: every row of a batch samples from its own random stream, seeded per request (see
`sampling.py`), so a sample never repeats another because they shared a batch or a seed. The provider
passes one seed per request; direct callers may leave `seeds` out and get seeds from the engine's own
`SeedCounter` (run seed = `GenSettings.seed`). Temperature 0 is greedy decoding and uses no seed.
Logprobs are always the model's raw distribution, whatever temperature, top-p or top-k sampled from.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from emscope.models.completion import (
    GenResult,
    GenSettings,
    StepLogprobs,
    finish,
    load_tokenizer,
    render,
    stop_ids,
    stop_index,
)
from emscope.models.sampling import RowSampler, SeedCounter


class LocalEngine:
    """A transformers causal LM on CPU (or GPU when present) that generates whole batches."""

    def __init__(self, path: Path, dtype: str | None = None, adapter: Path | None = None):
        """Load `path` (merging `adapter`) in `dtype`; None picks the host's precision (`precision.py`)."""
        import torch
        from transformers import AutoModelForCausalLM

        from emscope.models.precision import host_precision

        dtype = dtype or host_precision().dtype
        self.dtype = dtype

        self.path = path
        self.tokenizer: Any = load_tokenizer(path)
        device = "cuda" if torch.cuda.is_available() else "cpu"
        loaded: Any = AutoModelForCausalLM.from_pretrained(path, dtype=getattr(torch, dtype))
        if adapter is not None:  # merged once at load, so generation runs at the base model's speed
            from peft import PeftModel

            loaded = PeftModel.from_pretrained(loaded, str(adapter)).merge_and_unload()
        self.model: Any = loaded.to(device).eval()
        self._stops = stop_ids(self.tokenizer, getattr(self.model.generation_config, "eos_token_id", None))
        self._lock = threading.Lock()
        self._seeds = SeedCounter()  # for callers that pass no per-request seeds

    def render(self, messages: list[dict[str, str]]) -> str:
        """The chat-formatted prompt (`completion.render`)."""
        return render(self.tokenizer, messages)

    def generate(self, prompts: list[str], settings: GenSettings, seeds: list[int] | None = None) -> list[GenResult]:
        """Generate one completion per prompt in a single padded batch.

        Args:
            prompts: Rendered prompts, one row each.
            settings: Settings shared by the batch.
            seeds: One seed per prompt (its own random stream); None draws them from this engine's
                counter under `settings.seed`. Ignored when decoding greedily.
        """
        import torch

        if seeds is None:
            seeds = [self._seeds.next_seed(settings.seed, prompt) for prompt in prompts]
        if len(seeds) != len(prompts):
            raise ValueError(f"{len(seeds)} seeds for {len(prompts)} prompts")
        with self._lock, torch.inference_mode():
            encoded = self.tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
            encoded = {k: v.to(self.model.device) for k, v in encoded.items()}
            out = self.model.generate(**encoded, **self._generate_kwargs(settings, seeds))
        width = encoded["input_ids"].shape[1]
        results = []
        for row, prompt_mask in enumerate(encoded["attention_mask"]):
            tokens = out.sequences[row, width:].tolist()
            results.append(self._result(tokens, int(prompt_mask.sum()), out, row, settings))
        return results

    def _generate_kwargs(self, settings: GenSettings, seeds: list[int]) -> dict[str, Any]:
        """Decode greedily always; sampling happens in `RowSampler`, which leaves one token per row."""
        from transformers import LogitsProcessorList

        kwargs: dict[str, Any] = {
            "max_new_tokens": settings.max_new_tokens,
            "do_sample": False,
            "return_dict_in_generate": True,
            "output_logits": settings.logprobs,
            "pad_token_id": self.tokenizer.pad_token_id,
            # RowSampler applies the request's own values; the model's defaults (e.g. Qwen's top_k 20) are cleared
            "temperature": None,
            "top_p": None,
            "top_k": None,
        }
        if settings.temperature > 0.0:
            sampler = RowSampler(seeds, settings.temperature, settings.top_p, settings.top_k)
            kwargs["logits_processor"] = LogitsProcessorList([sampler])
        if settings.stop_seqs:
            kwargs["stop_strings"] = list(settings.stop_seqs)
            kwargs["tokenizer"] = self.tokenizer
        return kwargs

    def _result(self, tokens: list[int], n_in: int, out: Any, row: int, settings: GenSettings) -> GenResult:
        """Trim padding/EOS from one row, decode it, and collect its logprobs (`completion.finish`)."""
        steps = None
        if settings.logprobs and out.logits is not None:
            import torch

            k = settings.top_logprobs or 1
            stop = stop_index(tokens, self._stops)
            until = (len(tokens) if stop is None else stop) + 1  # `finish` keeps no more steps than this
            logps = (torch.log_softmax(step[row].float(), dim=-1).cpu().numpy() for step in out.logits[:until])
            steps = [StepLogprobs.of(logp, token, k) for logp, token in zip(logps, tokens, strict=False)]
        return finish(self.tokenizer, tokens, n_in, self._stops, settings, steps)
