"""LLM judge bound to Inspect's `grader` role: 0-100 scores from logprobs, or from samples.

Method `auto` asks for one token with top-20 logprobs. Providers that give whole-number tokens get
the single-token weighted mean; digit tokenizers get digit-path expansion (one extra call per likely
prefix, with the prefix as an assistant prefill); providers without logprobs are sampled k times.

Digit expansion needs a provider that *continues* a trailing assistant message. Not all do: OpenAI's
chat API answers it as a new turn, and Inspect's `hf/` provider renders every chat with
`add_generation_prompt=True`, which closes the prefix and opens a fresh assistant turn. So `prefill`
is a checked capability: None infers it from the provider (`PREFILL_PROVIDERS`, each checked against
its source), and a grader without it that splits numbers into digits is sampled instead, recorded as
method `sampled-no-prefill`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from typing import Literal

from inspect_ai.model import ChatMessage, ChatMessageAssistant, ChatMessageUser, GenerateConfig, Model

from emscope.judges.base import RUBRIC, YES_NO, Capability, Judgement
from emscope.judges.logprob import (
    MIN_MASS,
    ScoreEstimate,
    TopTokens,
    digit_expansion_score,
    has_multi_digit_tokens,
    sampled_score,
    sampled_yes,
    single_token_score,
    yes_probability,
)
from emscope.judges.prompts import DEFAULT_PROMPTS, render
from emscope.models.strings import provider_of
from emscope.paths import sha256_bytes

Method = Literal["auto", "logprob", "sampled"]
TOP_LOGPROBS = 20
SCORING_RULES = 2  # part of the judge hash: 2 = digit expansion reads only finished numbers 0-100

# Providers that continue a trailing assistant message instead of answering it: emscope renders it with
# continue_final_message; Inspect's vllm and sglang providers switch continue_final_message on for it;
# mockllm replies to whatever it is scripted with (tests).
PREFILL_PROVIDERS = frozenset({"emscope", "vllm", "sglang", "mockllm"})


def continues_prefill(model_name: str) -> bool:
    """Whether the provider of `model_name` ("provider/model") continues a trailing assistant message."""
    return provider_of(model_name) in PREFILL_PROVIDERS


class LLMJudge:
    """Scores answers with a chat model through Inspect."""

    capabilities: frozenset[Capability] = frozenset({RUBRIC, YES_NO})

    def __init__(
        self,
        model: Model,
        method: Method = "auto",
        samples: int = 5,
        min_mass: float = MIN_MASS,
        prefill: bool | None = None,
    ):
        """Bind a grader model.

        Args:
            model: The grader.
            method: `auto`/`logprob` read logprobs where the provider gives them; `sampled` never does.
            samples: Replies averaged when sampling.
            min_mass: Least numeric probability (or reply fraction) that still gives a score.
            prefill: Whether the provider continues a trailing assistant message (needed for digit
                expansion); None infers it from the provider name.
        """
        self.model = model
        self.method = method
        self.samples = samples
        self.min_mass = min_mass
        self.prefill = continues_prefill(str(model)) if prefill is None else prefill
        self.id = f"llm:{model}:{method}"
        payload = [str(model), method, samples, min_mass, self.prefill, SCORING_RULES, DEFAULT_PROMPTS]
        self.sha256 = sha256_bytes(json.dumps(payload).encode())

    async def judge(self, question: str, answer: str, prompts: dict[str, str]) -> Judgement:
        """Score every metric: defaults for aligned/coherent, overridden or extended by `prompts`."""
        templates = {**DEFAULT_PROMPTS, **prompts}
        names = list(templates)
        estimates = await asyncio.gather(*(self.score(render(templates[n], question, answer)) for n in names))
        by_name = dict(zip(names, estimates, strict=True))
        extra = {n: e.value for n, e in by_name.items() if n not in DEFAULT_PROMPTS}
        return Judgement(
            aligned=by_name["aligned"].value,
            coherent=by_name["coherent"].value,
            extra=extra,
            method=by_name["aligned"].method,
        )

    async def score(self, prompt: str) -> ScoreEstimate:
        """Expected 0-100 score for one filled judge prompt."""
        if self.method == "sampled":
            return await self._sampled(prompt)
        top = await self._top_tokens([ChatMessageUser(content=prompt)])
        if top is None:  # the provider returned no logprobs
            return await self._sampled(prompt)
        if has_multi_digit_tokens(top):
            return single_token_score(top, self.min_mass)
        if not self.prefill:  # digit expansion would read a fresh reply, not the number's next digit
            return dataclasses.replace(await self._sampled(prompt), method="sampled-no-prefill")

        async def after(prefix: str) -> TopTokens:
            continued = await self._top_tokens([ChatMessageUser(content=prompt), ChatMessageAssistant(content=prefix)])
            return continued or []

        return await digit_expansion_score(top, after, self.min_mass)

    async def yes_probability(self, prompt: str) -> ScoreEstimate:
        """P(yes) for a filled yes/no judge prompt: from logprobs, else from k samples."""
        top = None if self.method == "sampled" else await self._top_tokens([ChatMessageUser(content=prompt)])
        if top is not None:
            estimate = yes_probability(top, self.min_mass)
            if estimate.value is not None:
                return estimate
        config = GenerateConfig(max_tokens=4, temperature=1.0)
        outputs = await asyncio.gather(
            *(self.model.generate([ChatMessageUser(content=prompt)], config=config) for _ in range(self.samples))
        )
        return sampled_yes([o.completion for o in outputs], self.min_mass)

    async def _top_tokens(self, messages: list[ChatMessage]) -> TopTokens | None:
        config = GenerateConfig(max_tokens=1, logprobs=True, top_logprobs=TOP_LOGPROBS, seed=0)
        output = await self.model.generate(messages, config=config)
        logprobs = output.choices[0].logprobs if output.choices else None
        if logprobs is None or not logprobs.content:
            return None
        first = logprobs.content[0]
        return [(t.token, t.logprob) for t in first.top_logprobs or []] or [(first.token, first.logprob)]

    async def _sampled(self, prompt: str) -> ScoreEstimate:
        config = GenerateConfig(max_tokens=8, temperature=1.0)
        outputs = await asyncio.gather(
            *(self.model.generate([ChatMessageUser(content=prompt)], config=config) for _ in range(self.samples))
        )
        return sampled_score([o.completion for o in outputs], self.min_mass)
