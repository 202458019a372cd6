"""Benchmark: batched vs one-at-a-time generation on the default embedded model (CPU).

Run: `.venv/bin/python bench/bench_generation.py [--batch 32] [--tokens 64]`. Prints tokens/s for
each mode and the ratio batched / sequential, both measured in this process on the same prompts
(machines here are noisy, so only the ratio is meant to be compared across runs).
"""

from __future__ import annotations

import argparse
import time

from emscope.models.engine import GenSettings, LocalEngine
from emscope.models.spec import resolve_local
from emscope.suites.questions import load_question_set


def prompts(engine: LocalEngine, n: int) -> list[str]:
    """The first paraphrase of each core question, cycled to n chat-formatted prompts."""
    questions = [q.paraphrases[0] for q in load_question_set("core").questions]
    return [engine.render([{"role": "user", "content": questions[i % len(questions)]}]) for i in range(n)]


def throughput(engine: LocalEngine, batch: list[str], settings: GenSettings) -> float:
    """Generated tokens per second for one `generate` call over `batch`."""
    start = time.perf_counter()
    results = engine.generate(batch, settings)
    return sum(r.output_tokens for r in results) / (time.perf_counter() - start)


def main() -> None:
    """Measure sequential (B=1, a few prompts) and batched throughput; print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--tokens", type=int, default=64)
    parser.add_argument("--model", default="qwen2.5-coder-0.5b-instruct")
    args = parser.parse_args()
    engine = LocalEngine(resolve_local(args.model).path)
    settings = GenSettings(max_new_tokens=args.tokens, temperature=1.0, seed=0)
    texts = prompts(engine, args.batch)
    throughput(engine, texts[:2], settings)  # warm-up
    sequential = [throughput(engine, [t], settings) for t in texts[:3]]
    baseline = sum(sequential) / len(sequential)
    batched = throughput(engine, texts, settings)
    print(f"sequential B=1: {baseline:.1f} tok/s")
    print(f"batched B={args.batch}: {batched:.1f} tok/s")
    print(f"ratio batched/sequential: {batched / baseline:.2f}x")


if __name__ == "__main__":
    main()
