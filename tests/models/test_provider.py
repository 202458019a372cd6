"""The `emscope/<dir>` Inspect provider on a tiny random Qwen2: batching, logprobs, prefill, judge."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from inspect_ai.model import GenerateConfig, get_model

from emscope.errors import ModelError
from emscope.judges.llm import LLMJudge
from emscope.models.spec import resolve_local
from helpers import local_engine


def test_generate_returns_text_usage_and_top_logprobs(tiny_model: Path) -> None:
    model = get_model(f"emscope/{tiny_model}", memoize=False)
    config = GenerateConfig(max_tokens=4, logprobs=True, top_logprobs=5, seed=1)
    output = asyncio.run(model.generate("Say something", config=config))
    assert output.usage is not None and output.usage.input_tokens > 0
    logprobs = output.choices[0].logprobs
    assert logprobs is not None and 1 <= len(logprobs.content) <= 4
    top = logprobs.content[0].top_logprobs or []
    assert len(top) == 5
    assert [t.logprob for t in top] == sorted((t.logprob for t in top), reverse=True)


def test_concurrent_requests_are_batched(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = local_engine(tiny_model)
    batch_sizes: list[int] = []
    original = engine.generate

    def counting(prompts: list[str], settings, seeds=None):  # type: ignore[no-untyped-def]
        batch_sizes.append(len(prompts))
        return original(prompts, settings, seeds)

    monkeypatch.setattr(engine, "generate", counting)
    model = get_model(f"emscope/{tiny_model}", memoize=False)

    async def many() -> list[str]:
        config = GenerateConfig(max_tokens=3, seed=3)
        outputs = await asyncio.gather(*(model.generate(f"question {i}", config=config) for i in range(6)))
        return [o.completion for o in outputs]

    assert len(asyncio.run(many())) == 6
    assert sum(batch_sizes) == 6 and max(batch_sizes) > 1


def sample_many(model_dir: Path, n: int, config: GenerateConfig, prompt: str = "Hello") -> list[str]:
    """Send n concurrent requests for one prompt through a fresh provider instance (batches of 32)."""
    model = get_model(f"emscope/{model_dir}", memoize=False, batch_size=32)

    async def many() -> list[str]:
        outputs = await asyncio.gather(*(model.generate(prompt, config=config) for _ in range(n)))
        return [o.completion for o in outputs]

    return asyncio.run(many())


def test_repeated_samples_of_one_prompt_are_independent_draws(tiny_model: Path) -> None:
    # 96 samples at batch 32: reseeding each batch gave each batch the same 32 answers
    answers = sample_many(tiny_model, 96, GenerateConfig(max_tokens=8, temperature=1.0, seed=11))
    assert len(set(answers)) >= 90


def test_a_run_seed_reproduces_the_multiset_of_answers(tiny_model: Path) -> None:
    config = GenerateConfig(max_tokens=8, temperature=1.0, seed=11)
    first = sample_many(tiny_model, 40, config)
    again = sample_many(tiny_model, 40, config)
    other = sample_many(tiny_model, 40, GenerateConfig(max_tokens=8, temperature=1.0, seed=12))
    assert sorted(first) == sorted(again)
    assert len(set(first) & set(other)) <= 2


def test_unseeded_requests_still_draw_their_own_randomness(tiny_model: Path) -> None:
    answers = sample_many(tiny_model, 40, GenerateConfig(max_tokens=8, temperature=1.0))
    assert len(set(answers)) >= 30  # copies would give 1


def test_greedy_decoding_stays_deterministic(tiny_model: Path) -> None:
    config = GenerateConfig(max_tokens=8, temperature=0.0, seed=11)
    answers = sample_many(tiny_model, 6, config) + sample_many(tiny_model, 2, config.merge(GenerateConfig(seed=99)))
    assert len(set(answers)) == 1
    assert sample_many(tiny_model, 1, GenerateConfig(max_tokens=8, temperature=1.0, top_k=1)) == answers[:1]


def test_trailing_assistant_message_is_continued_not_closed(tiny_model: Path) -> None:
    engine = local_engine(tiny_model)
    text = engine.render([{"role": "user", "content": "Rate it"}, {"role": "assistant", "content": "8"}])
    assert text.endswith("<|im_start|>assistant\n8")


def test_llm_judge_runs_digit_expansion_on_a_local_grader(tiny_model: Path) -> None:
    judge = LLMJudge(get_model(f"emscope/{tiny_model}", memoize=False))
    estimate = asyncio.run(judge.score("Give a number from 0 to 100."))
    assert estimate.method == "logprob-digit-expansion"
    assert estimate.value is None or 0.0 <= estimate.value <= 100.0


def test_unknown_model_lists_the_embedded_ones(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="unknown model 'emscope/qwen9'.*emscope/qwen2.5-coder-0.5b-instruct"):
        resolve_local("qwen9")
    with pytest.raises(ModelError, match="no config.json"):
        resolve_local(str(tmp_path))


def test_batch_width_follows_the_engine_and_device(monkeypatch: pytest.MonkeyPatch) -> None:
    import torch

    from emscope.models.provider import default_batch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert (default_batch("openvino"), default_batch("hf")) == (96, 32)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert default_batch("hf") == 256  # large batches on a GPU
