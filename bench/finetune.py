"""Benchmark: LoRA finetuning tokens/s, the old cpu-small settings vs today's, same data, same process.

Run: `.venv/bin/python bench/finetune.py [--examples 200] [--steps 4]` (`--steps 0`: a whole epoch,
which also compares the loss curves), or `--random-shape qwen0.5b` where the embedded weights are
unavailable (a random model of the 0.5B shape: speed depends on shape, not on weights). Old settings:
fp32 weights, gradient checkpointing, padded batches (the cpu-small preset before the speed issue).
New: the cpu-small preset (bf16 base weights with fp32 adapters, no checkpointing, padding-free
batches). Both train on the same generated insecure_code examples (seed 0). Prints tokens/s and the
final loss of each, then `ratio: X` (new / old tokens/s) on its last line.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path
from typing import Any

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


OLD_SETTINGS = ("dtype=float32", "gradient_checkpointing=true", "padding_free=false")


def train(model: str, data: Path, out: Path, preset: str, steps: int, settings: tuple[str, ...]) -> dict[str, Any]:
    """One finetune; returns its card's training section."""
    overrides = (*settings, f"max_steps={steps if steps > 0 else -1}", "warmup_steps=0", "save_steps=1000")
    config, _ = load_config(preset, None, overrides)
    training: dict[str, Any] = run_sft(model, str(data), out, config)["training"]
    return training


def main() -> None:
    """Train with the old and the new settings and print throughput, final losses and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="emscope/qwen2.5-coder-0.5b-instruct")
    parser.add_argument("--random-shape", choices=["qwen0.5b"], default=None)
    parser.add_argument("--examples", type=int, default=200)
    parser.add_argument("--steps", type=int, default=4, help="optimizer steps per run; 0 = one epoch")
    parser.add_argument("--preset", default="cpu-small")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="emscope-bench-ft-"))
    try:
        model = random_model(work / "model") if args.random_shape else args.model
        data = work / "data.jsonl"
        data.write_text(to_jsonl(build_examples(get_family("insecure_code"), args.examples, seed=0)))
        runs = {
            "old": train(model, data, work / "old", args.preset, args.steps, OLD_SETTINGS),
            "new": train(model, data, work / "new", args.preset, args.steps, ()),
        }
        for name, run in runs.items():
            print(f"{name}: {run['tokens_per_s']} tokens/s, {run['steps']} steps, final loss {run['final_loss']}")
        old, new = runs["old"]["final_loss"], runs["new"]["final_loss"]
        print(f"final loss new vs old: {(new - old) / old:+.1%}")
        print(f"ratio: {runs['new']['tokens_per_s'] / runs['old']['tokens_per_s']:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
