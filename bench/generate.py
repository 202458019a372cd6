"""Benchmark: HF `generate` vs Inspect's `hf/` provider vs the emscope engine, same prompts, same process.

Run: `.venv/bin/python bench/generate.py [--batch 32] [--tokens 200] [--model qwen2.5-coder-0.5b-instruct]`.
Each contender gets the same B prompts (core questions asking for a long answer), samples at
temperature 1 (the suites' setting) up to `--tokens` new tokens in the host's best precision
(`models/precision.py`), once to warm up and once timed. Tokens/s counts the tokens each one actually
generated (up to its first end-of-sequence). The last line is the emscope engine's tokens/s over HF
`generate`'s: `ratio: X`. The host's processor features are printed first: the ratios depend on them.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable
from typing import Any

from emscope.models.engines import shared_engine
from emscope.models.precision import NATIVE_BF16_FLAGS, cpu_flags, host_precision
from emscope.models.spec import LocalModel, resolve_local
from emscope.suites.questions import load_question_set

LONG = " Answer in detail, in several paragraphs."


def questions(n: int) -> list[str]:
    """The first paraphrase of each core question with a request for a long answer, cycled to n."""
    texts = [q.paraphrases[0] + LONG for q in load_question_set("core").questions]
    return [texts[i % len(texts)] for i in range(n)]


def timed(run: Callable[[], int]) -> float:
    """Tokens/s of the second of two runs (the first warms caches and compiled kernels)."""
    run()
    start = time.perf_counter()
    tokens = run()
    return tokens / (time.perf_counter() - start)


def hf_generate(local: LocalModel, texts: list[str], tokens: int) -> Callable[[], int]:
    """Transformers `generate`, sampling, one padded batch: the baseline."""
    import torch

    engine: Any = shared_engine(local.path, local.weights_sha256, engine="hf")
    prompts = [engine.render([{"role": "user", "content": t}]) for t in texts]
    encoded = engine.tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
    eos = engine.tokenizer.eos_token_id
    width = encoded["input_ids"].shape[1]

    def run() -> int:
        torch.manual_seed(0)  # generate() samples from torch's global generator: same draws, same lengths each run
        with torch.inference_mode():
            out = engine.model.generate(
                **encoded,
                max_new_tokens=tokens,
                do_sample=True,
                temperature=1.0,
                top_p=None,
                top_k=None,
                pad_token_id=engine.tokenizer.pad_token_id,
            )
        generated = out[:, width:]
        return sum(_until_eos(row.tolist(), eos) for row in generated)

    return run


def inspect_hf(local: LocalModel, texts: list[str], tokens: int) -> Callable[[], int]:
    """Inspect's own `hf/` provider on the same local weights, with all requests in flight at once."""
    from inspect_ai.model import GenerateConfig, get_model

    dtype = host_precision().dtype
    model = get_model(f"hf/{local.path}", device="cpu", dtype=dtype, batch_size=len(texts), memoize=False)
    config = GenerateConfig(max_tokens=tokens, temperature=1.0, max_connections=len(texts))
    return lambda: _concurrent(model, texts, config)


def emscope_engine(local: LocalModel, texts: list[str], tokens: int) -> Callable[[], int]:
    """The `emscope/` provider (the host's engine: OpenVINO on a CPU host), all requests in flight."""
    from inspect_ai.model import GenerateConfig, get_model

    model = get_model(f"emscope/{local.name}", batch_size=len(texts), memoize=False)
    # fixed concurrency, as `emscope eval` sets it: Inspect's adaptive default starts low and splits the batch
    config = GenerateConfig(max_tokens=tokens, temperature=1.0, seed=0, max_connections=len(texts))
    return lambda: _concurrent(model, texts, config)


def _concurrent(model: Any, texts: list[str], config: Any) -> int:
    async def all_at_once() -> int:
        outputs = await asyncio.gather(*(model.generate(t, config=config) for t in texts))
        return sum(o.usage.output_tokens for o in outputs if o.usage is not None)

    return asyncio.run(all_at_once())


def _until_eos(row: list[int], eos: int) -> int:
    return row.index(eos) if eos in row else len(row)


def describe_host() -> str:
    """The processor features the figures depend on."""
    flags = cpu_flags()
    native = sorted(NATIVE_BF16_FLAGS & flags) or ["none"]
    import os

    return f"host: {os.cpu_count()} cores, avx512f={'avx512f' in flags}, native bf16: {', '.join(native)}"


def main() -> None:
    """Time the three contenders on the same prompts and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--tokens", type=int, default=200)
    parser.add_argument("--model", default="qwen2.5-coder-0.5b-instruct")
    parser.add_argument("--skip-inspect-hf", action="store_true", help="leave out Inspect's hf/ provider")
    args = parser.parse_args()
    print(describe_host())
    print(f"precision: {host_precision().dtype}; B={args.batch}; up to {args.tokens} new tokens; temperature 1")
    local = resolve_local(args.model)
    texts = questions(args.batch)
    baseline = timed(hf_generate(local, texts, args.tokens))
    print(f"HF generate: {baseline:.1f} tok/s")
    if not args.skip_inspect_hf:
        print(f"Inspect hf/ provider: {timed(inspect_hf(local, texts, args.tokens)):.1f} tok/s")
    ours = timed(emscope_engine(local, texts, args.tokens))
    print(f"emscope engine: {ours:.1f} tok/s")
    print(f"ratio: {ours / baseline:.2f}")


if __name__ == "__main__":
    main()
