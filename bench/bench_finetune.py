"""Benchmark: LoRA finetuning throughput, float32 vs bfloat16 autocast, in one process.

Run: `.venv/bin/python bench/bench_finetune.py [--model emscope/qwen2.5-coder-0.5b-instruct] [--steps 3]`
or, where the embedded weights are unavailable (e.g. a GPU box with only this repo), `--random-shape
qwen0.5b`: a randomly initialised model of the 0.5B shape (speed depends on shape, not on weights).
Prints tokens/s for each dtype and the ratio bf16 / fp32, both on the same generated insecure_code
examples (only the ratio is meant to be compared across machines and runs).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from emscope.datasets.build import build_examples, to_jsonl
from emscope.datasets.registry import get_family
from emscope.finetune.config import load_config
from emscope.finetune.sft import run_sft
from emscope.models.tiny import build_tiny_model

QWEN_05B_SHAPE = {
    "hidden_size": 896,
    "intermediate_size": 4864,
    "num_hidden_layers": 24,
    "num_attention_heads": 14,
    "num_key_value_heads": 2,
}


def random_model(directory: Path) -> str:
    """A random-weight Qwen2 of the 0.5B shape with a small byte-level tokenizer (shape sets the speed)."""
    import torch
    from transformers import Qwen2Config, Qwen2ForCausalLM

    tiny = Qwen2Config.from_pretrained(build_tiny_model(directory))
    config = Qwen2Config(
        vocab_size=151936,
        max_position_embeddings=4096,
        eos_token_id=tiny.eos_token_id,
        pad_token_id=tiny.pad_token_id,
        tie_word_embeddings=True,
        **QWEN_05B_SHAPE,
    )
    torch.manual_seed(0)
    Qwen2ForCausalLM(config).to(torch.bfloat16).save_pretrained(directory)
    return str(directory)


def main() -> None:
    """Train a few steps in each dtype and print throughput and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="emscope/qwen2.5-coder-0.5b-instruct")
    parser.add_argument("--random-shape", choices=["qwen0.5b"], default=None)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--preset", default="cpu-small")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="emscope-bench-ft-"))
    try:
        model = random_model(work / "model") if args.random_shape else args.model
        data = work / "data.jsonl"
        data.write_text(to_jsonl(build_examples(get_family("insecure_code"), 64, seed=0)))
        speeds = {}
        for dtype in ("float32", "bfloat16"):
            overrides = (f"dtype={dtype}", f"max_steps={args.steps}", "warmup_steps=0", "save_steps=1000")
            config, _ = load_config(args.preset, None, overrides)
            card = run_sft(model, str(data), work / f"out-{dtype}", config)
            speeds[dtype] = card["training"]["tokens_per_s"]
        print(
            json.dumps(
                {
                    "model": args.random_shape or args.model,
                    "preset": args.preset,
                    "tokens_per_s": speeds,
                    "ratio_bf16_over_fp32": round(speeds["bfloat16"] / speeds["float32"], 2),
                }
            )
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
