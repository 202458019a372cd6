"""The `emscope` Inspect model provider: `emscope/<embedded name | local dir>` runs offline.

Registered through the `inspect_ai` entry point, so `inspect eval ... --model emscope/qwen2.5-coder-0.5b-instruct`
works as well as `emscope eval`. Concurrent Inspect requests are batched (see `batcher.py`) and each
completion carries top-k logprobs when asked, which the logprob-weighted judge needs.

Seeding: each request (and each of `num_choices`) gets its own seed from this instance's
`SeedCounter`: derived from the run seed (`GenerateConfig.seed`), the rendered prompt and how many
times this instance has seen that prompt under that seed; random when no seed is set. So 100 samples
of one question are 100 independent draws, and a fresh process (or a fresh model instance) given the
same run reproduces the same multiset of answers, however the requests were batched.
"""

from __future__ import annotations

import asyncio
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from inspect_ai.model import (
    ChatCompletionChoice,
    ChatMessage,
    ChatMessageAssistant,
    GenerateConfig,
    Logprob,
    Logprobs,
    ModelAPI,
    ModelOutput,
    ModelUsage,
    TopLogprob,
)
from inspect_ai.tool import ToolChoice, ToolInfo

from emscope.models.batcher import Batcher
from emscope.models.completion import GenResult, GenSettings, TokenLogprob
from emscope.models.engines import Engine, host_engine, shared_engine
from emscope.models.precision import host_precision
from emscope.models.sampling import SeedCounter
from emscope.models.spec import resolve_local

# Rows per batch. OpenVINO's decode step costs little more at 96 rows than at 32 (the weights are read
# once per step either way) and finished rows leave the batch, so it takes wide batches; transformers
# pads every row to the longest and keeps 32 on a CPU, 256 on a CUDA device.
DEFAULT_BATCH = {"openvino": 96, "hf": 32, "hf-cuda": 256}


def default_batch(engine: str) -> int:
    """Rows per batch for `engine` on this host (`DEFAULT_BATCH`)."""
    import torch

    return DEFAULT_BATCH["hf-cuda" if engine == "hf" and torch.cuda.is_available() else engine]
DEFAULT_MAX_TOKENS = 512


@dataclass(frozen=True)
class _Request:
    """One completion to generate: the rendered prompt and the seed of its own random stream."""

    prompt: str
    seed: int


class EmscopeModelAPI(ModelAPI):
    """Inspect `ModelAPI` over a local model (OpenVINO or transformers engine) with request batching."""

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig = GenerateConfig(),  # noqa: B008 - the signature Inspect calls
        **model_args: Any,
    ) -> None:
        super().__init__(model_name=model_name, base_url=base_url, api_key=api_key, config=config)
        self.local = resolve_local(model_name)
        self.precision = host_precision(model_args.get("dtype"))  # -M dtype=float32 overrides the host's choice
        self.engine_choice = host_engine(model_args.get("engine"), self.local.path)  # -M engine=hf: the reference
        self.batch_size = int(model_args.get("batch_size", default_batch(self.engine_choice.name)))
        self.weights = str(model_args.get("weights", "float"))  # -M weights=int8: int8 weights (OpenVINO only)
        _ = self.engine  # load now, so a bad model fails when it is named
        self._seeds = SeedCounter()
        self._batcher: Batcher[_Request, GenResult] = Batcher(self._run_batch, max_batch=self.batch_size)

    @property
    def engine(self) -> Engine:
        """The process-wide engine, looked up on each use rather than held.

        Why: Inspect keeps every model it has made for the life of the process, so an experiment that
        evaluates many finetunes and snapshots would keep every one of their engines in memory (measured:
        20 GB after five). Looking the engine up lets `release_engines()` free it between evaluations.
        """
        local = self.local
        return shared_engine(
            local.path, local.weights_sha256, local.adapter, self.precision.dtype, self.engine_choice.name, self.weights
        )

    def _run_batch(self, requests: list[_Request], key: Hashable) -> list[GenResult]:
        assert isinstance(key, GenSettings)
        order = sorted(range(len(requests)), key=lambda i: len(requests[i].prompt))  # less padding per batch
        prompts = [requests[i].prompt for i in order]
        results = self.engine.generate(prompts, key, seeds=[requests[i].seed for i in order])
        unsorted: list[GenResult | None] = [None] * len(requests)
        for position, index in enumerate(order):
            unsorted[index] = results[position]
        return [r for r in unsorted if r is not None]

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> ModelOutput:
        """Render the chat, queue it (n times for `num_choices`, each with its own seed) and wrap the results."""
        prompt = self.engine.render([_plain(message) for message in input])
        settings = settings_from_config(config)
        n = config.num_choices or 1
        requests = [_Request(prompt, self._seeds.next_seed(config.seed, prompt)) for _ in range(n)]
        results = list(await asyncio.gather(*(self._batcher.submit(r, settings) for r in requests)))
        return _model_output(self.model_name, results)

    def max_connections(self) -> int:
        """Inspect's concurrency is our batch size: more in flight means fuller batches."""
        return self.batch_size

    def max_tokens(self) -> int | None:
        """Default completion length when a task sets none."""
        return DEFAULT_MAX_TOKENS

    def collapse_user_messages(self) -> bool:
        """Chat templates of small models expect alternating turns."""
        return True


def settings_from_config(config: GenerateConfig) -> GenSettings:
    """Map Inspect's `GenerateConfig` to our hashable batch key (temperature 0 means greedy)."""
    return GenSettings(
        max_new_tokens=config.max_tokens or DEFAULT_MAX_TOKENS,
        temperature=1.0 if config.temperature is None else config.temperature,
        top_p=config.top_p,
        top_k=config.top_k,
        logprobs=bool(config.logprobs),
        top_logprobs=config.top_logprobs,
        seed=config.seed,
        stop_seqs=tuple(config.stop_seqs or ()),
    )


def _plain(message: ChatMessage) -> dict[str, str]:
    return {"role": message.role if message.role != "tool" else "user", "content": message.text}


def _logprob(entry: TokenLogprob) -> Logprob:
    top = [TopLogprob(token=t, logprob=lp, bytes=list(t.encode())) for t, lp in entry.top]
    return Logprob(token=entry.token, logprob=entry.logprob, bytes=list(entry.token.encode()), top_logprobs=top)


def _model_output(model: str, results: list[GenResult]) -> ModelOutput:
    choices = [
        ChatCompletionChoice(
            message=ChatMessageAssistant(content=r.text, model=model, source="generate"),
            stop_reason="stop" if r.stop_reason == "stop" else "max_tokens",
            logprobs=Logprobs(content=[_logprob(e) for e in r.logprobs]) if r.logprobs is not None else None,
        )
        for r in results
    ]
    n_in = results[0].input_tokens
    n_out = sum(r.output_tokens for r in results)
    usage = ModelUsage(input_tokens=n_in, output_tokens=n_out, total_tokens=n_in + n_out)
    return ModelOutput(model=model, choices=choices, usage=usage)
