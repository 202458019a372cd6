"""Benchmark: the offline judge as it was (one answer at a time, transformers) vs now (batched, host engine).

Run: `.venv/bin/python bench/judge.py [--answers 128]`. Both modes score the same answers from held-out
set 9 in this process (machines here are noisy: compare the ratio, not the seconds). The old mode
awaits `score_many([q], [a])` per answer inside the event loop with the transformers feature model
(`EMSCOPE_ENGINE=hf`); the new one gathers concurrent `judge()` calls, which the judge batches on its
worker thread, reading with the host's engine (OpenVINO on a CPU host). Prints answers/s for each and
the largest difference in scores, and ends with `ratio: X` (new / old).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from importlib import resources
from pathlib import Path

from emscope.judges.base import Judgement
from emscope.judges.labels import read_labels
from emscope.judges.offline import OfflineJudge


def answers(n: int) -> tuple[list[str], list[str]]:
    """The first n (question, answer) pairs of held-out set 9."""
    path = Path(str(resources.files("emscope.judges").joinpath("data", "heldout9_labels.jsonl")))
    items = read_labels(path)[:n]
    return [i.question for i in items], [i.answer for i in items]


async def one_at_a_time(judge: OfflineJudge, questions: list[str], texts: list[str]) -> list[Judgement]:
    """The old scorer path: each answer scored alone, synchronously, inside the event loop."""
    return [judge.score_many([q], [a])[0] for q, a in zip(questions, texts, strict=True)]


async def batched(judge: OfflineJudge, questions: list[str], texts: list[str]) -> list[Judgement]:
    """The new path: concurrent judge() calls, batched off the event loop."""
    return list(await asyncio.gather(*(judge.judge(q, a, {}) for q, a in zip(questions, texts, strict=True))))


def _use_engine(engine: str | None) -> None:
    """Read with `engine` from now on (None: the host's choice)."""
    if engine is None:
        os.environ.pop("EMSCOPE_ENGINE", None)
    else:
        os.environ["EMSCOPE_ENGINE"] = engine


def main() -> None:
    """Time both modes on the same answers and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=128)
    args = parser.parse_args()
    questions, texts = answers(args.answers)
    judge = OfflineJudge()
    rates = {}
    results = {}
    for name, mode, engine in (("one at a time", one_at_a_time, "hf"), ("batched", batched, None)):
        _use_engine(engine)
        judge.score_many(questions[:2], texts[:2])  # load this mode's feature model before timing
        start = time.perf_counter()
        results[name] = asyncio.run(mode(judge, questions, texts))
        rates[name] = len(texts) / (time.perf_counter() - start)
        print(f"{name}: {rates[name]:.1f} answers/s")
    gaps = [
        abs((a.aligned or 0.0) - (b.aligned or 0.0))
        for a, b in zip(results["one at a time"], results["batched"], strict=True)
    ]
    print(f"max |difference| in aligned score between modes: {max(gaps):.3f} (engine and batch padding move bf16)")
    print(f"ratio: {rates['batched'] / rates['one at a time']:.2f}")


if __name__ == "__main__":
    main()
