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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from emscope.models.sampling import RowSampler, SeedCounter

TopToken = tuple[str, float]


@dataclass(frozen=True)
class GenSettings:
    """Generation settings shared by every request in a batch (hashable: it is the batch key)."""

    max_new_tokens: int = 512
    temperature: float = 1.0
    top_p: float | None = None
    top_k: int | None = None
    top_logprobs: int | None = None
    logprobs: bool = False
    seed: int | None = None  # the run seed; per-request seeds derive from it
    stop_seqs: tuple[str, ...] = ()


@dataclass(frozen=True)
class TokenLogprob:
    """One generated token, its logprob and the most likely alternatives at that position."""

    token: str
    logprob: float
    top: tuple[TopToken, ...]


@dataclass
class GenResult:
    """The completion of one prompt."""

    text: str
    input_tokens: int
    output_tokens: int
    stop_reason: str
    logprobs: list[TokenLogprob] | None = field(default=None)


class LocalEngine:
    """A transformers causal LM on CPU (or GPU when present) that generates whole batches."""

    def __init__(self, path: Path, dtype: str | None = None, adapter: Path | None = None):
        """Load `path` (merging `adapter`) in `dtype`; None picks the host's precision (`precision.py`)."""
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        from emscope.models.precision import host_precision

        dtype = dtype or host_precision().dtype
        self.dtype = dtype

        self.path = path
        self.tokenizer: Any = AutoTokenizer.from_pretrained(path)
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        self.tokenizer.padding_side = "left"
        device = "cuda" if torch.cuda.is_available() else "cpu"
        loaded: Any = AutoModelForCausalLM.from_pretrained(path, dtype=getattr(torch, dtype))
        if adapter is not None:  # merged once at load, so generation runs at the base model's speed
            from peft import PeftModel

            loaded = PeftModel.from_pretrained(loaded, str(adapter)).merge_and_unload()
        self.model: Any = loaded.to(device).eval()
        self._stops = _stop_ids(self.tokenizer, self.model)  # fixed per model: not recomputed per row
        self._lock = threading.Lock()
        self._seeds = SeedCounter()  # for callers that pass no per-request seeds

    def render(self, messages: list[dict[str, str]]) -> str:
        """Apply the chat template; a trailing assistant message is continued (a prefill), not closed."""
        prefill = bool(messages) and messages[-1]["role"] == "assistant"
        if self.tokenizer.chat_template is None:
            text = "".join(f"{m['role']}: {m['content']}\n" for m in messages)
            return text if prefill else text + "assistant: "
        return str(
            self.tokenizer.apply_chat_template(
                messages,
                tokenize=False,
                add_generation_prompt=not prefill,
                continue_final_message=prefill,
            )
        )

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
        """Trim padding/EOS from one row, decode it, and collect its logprobs."""
        length = next((i for i, t in enumerate(tokens) if t in self._stops), None)
        stop_reason = "stop" if length is not None else "max_tokens"
        kept = tokens if length is None else tokens[:length]
        text = self.tokenizer.decode(kept, skip_special_tokens=True)
        for stop in settings.stop_seqs:
            if stop in text:
                text, stop_reason = text[: text.index(stop)], "stop"
        logprobs = None
        if settings.logprobs and out.logits is not None:
            # an immediate EOS still reports that first step: a judge reads its distribution
            logprobs = self._logprobs(out.logits, row, tokens[: max(len(kept), 1)], settings.top_logprobs or 1)
        return GenResult(
            text=text, input_tokens=n_in, output_tokens=len(kept), stop_reason=stop_reason, logprobs=logprobs
        )

    def _logprobs(self, logits: Any, row: int, tokens: list[int], k: int) -> list[TokenLogprob]:
        """Log-softmax of the raw (unprocessed) logits: the model's own distribution at each step."""
        import torch

        entries = []
        for step, token in enumerate(tokens):
            logp = torch.log_softmax(logits[step][row].float(), dim=-1)
            values, ids = logp.topk(k)
            pairs = zip(ids.tolist(), values.tolist(), strict=True)
            top = tuple((self.tokenizer.decode([i]), float(v)) for i, v in pairs)
            entries.append(TokenLogprob(self.tokenizer.decode([token]), float(logp[token]), top))
        return entries


def _stop_ids(tokenizer: Any, model: Any) -> set[int]:
    """Token ids that end a completion: the tokenizer's EOS/pad and the generation config's EOS."""
    ids = {tokenizer.eos_token_id, tokenizer.pad_token_id}
    eos = getattr(model.generation_config, "eos_token_id", None)
    ids.update(eos if isinstance(eos, list) else [eos])
    return {i for i in ids if i is not None}


_ENGINES: dict[tuple[Path, Path | None, str], LocalEngine] = {}
_ENGINES_LOCK = threading.Lock()


def shared_engine(path: Path, adapter: Path | None = None, dtype: str | None = None) -> LocalEngine:
    """Return the process-wide engine for `path` (with `adapter` merged, if any) in `dtype`, loading it once."""
    from emscope.models.precision import host_precision

    key = (path, adapter, dtype or host_precision().dtype)  # None and the host's choice share one engine
    with _ENGINES_LOCK:
        if key not in _ENGINES:
            _ENGINES[key] = LocalEngine(path, dtype=key[2], adapter=adapter)
        return _ENGINES[key]
