"""Benchmark for a GPU machine: the transformers engine at B=256 vs HF `generate`, on a random-weight model.

Run: `python bench/generate_cuda.py --like DIR [--batch 256] [--tokens 200]`, where DIR holds a model's
config and tokenizer (the default model's, copied next to the repository; its weights never travel).
Why random weights: model weights cannot reach the GPU machines this project is lent, but the speed of
a decode step depends only on the model's shape, the batch and the sequence lengths. Random weights
rarely emit end-of-sequence, so every row runs to `--tokens` in both contenders.

It also checks, on the device, the paths a CPU host never runs: top-k logprobs and stop strings through
the engine, and the offline judge's reader (`judges/features.read_answers`) on a CUDA decoder.
The last line is `ratio: X`, the engine's tokens/s over HF `generate`'s.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from emscope.models.completion import GenSettings
from emscope.models.engine import LocalEngine
from emscope.suites.questions import load_question_set

TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja", "generation_config.json")


def random_model(like: Path, out: Path) -> Path:
    """A model directory with `like`'s config and tokenizer and seeded random bf16 weights."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    torch.manual_seed(0)
    config = AutoConfig.from_pretrained(like)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    with torch.device(device):
        model = AutoModelForCausalLM.from_config(config, dtype=torch.bfloat16)
    model.save_pretrained(out)
    for name in TOKENIZER_FILES:
        if (like / name).exists():
            shutil.copy(like / name, out / name)
    return out


def prompts(engine: LocalEngine, n: int) -> list[str]:
    """The first paraphrase of each core question, rendered with the chat template, cycled to n."""
    texts = [q.paraphrases[0] for q in load_question_set("core").questions]
    return [engine.render([{"role": "user", "content": texts[i % len(texts)]}]) for i in range(n)]


def timed(run: Any) -> tuple[float, int]:
    """(tokens/s, tokens) of the second of two runs: the first warms kernels and the allocator."""
    import torch

    run()
    torch.cuda.synchronize() if torch.cuda.is_available() else None
    start = time.perf_counter()
    tokens = run()
    torch.cuda.synchronize() if torch.cuda.is_available() else None
    return tokens / (time.perf_counter() - start), tokens


def hf_generate(engine: LocalEngine, texts: list[str], tokens: int) -> Any:
    """Plain `generate`, sampling at temperature 1 from torch's global generator: the baseline."""
    import torch

    encoded = engine.tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False)
    encoded = {k: v.to(engine.model.device) for k, v in encoded.items()}
    eos = engine.tokenizer.eos_token_id

    def run() -> int:
        torch.manual_seed(0)
        with torch.inference_mode():
            out = engine.model.generate(
                **encoded, max_new_tokens=tokens, do_sample=True, temperature=1.0, top_p=None, top_k=None,
                pad_token_id=engine.tokenizer.pad_token_id,
            )
        generated = out[:, encoded["input_ids"].shape[1] :].tolist()
        return sum(row.index(eos) if eos in row else len(row) for row in generated)

    return run


def emscope_engine(engine: LocalEngine, texts: list[str], tokens: int) -> Any:
    """The engine as the `emscope/` provider calls it: one batch, one seeded stream per row."""
    settings = GenSettings(max_new_tokens=tokens, temperature=1.0, seed=0)
    return lambda: sum(r.output_tokens for r in engine.generate(texts, settings))


def check_device_paths(engine: LocalEngine, texts: list[str]) -> None:
    """Logprobs, stop strings and the judge's reader on this device: each raises if it breaks."""
    from emscope.judges.features import read_answers

    settings = GenSettings(max_new_tokens=8, temperature=1.0, seed=1, logprobs=True, top_logprobs=5)
    results = engine.generate(texts[:4], settings)
    assert all(r.logprobs and len(r.logprobs[0].top) == 5 for r in results), "top-5 logprobs missing"
    stopped = engine.generate(texts[:4], GenSettings(max_new_tokens=16, temperature=0.0, stop_seqs=("e",)))
    assert all("e" not in r.text for r in stopped), "stop string not honoured"
    decoder = engine.model.model
    tokenizer = engine.tokenizer
    readings = read_answers(["What is 2+2?"] * 2, ["Four.", "It is four."], model=(tokenizer, decoder))
    print(f"device paths: logprobs ok, stop strings ok, judge reader states {[r.states.shape for r in readings]}")


def describe_device() -> str:
    """The accelerator and library versions the figures depend on."""
    import torch
    import transformers

    name = torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu (no CUDA device)"
    return f"device: {name}; torch {torch.__version__}; transformers {transformers.__version__}"


def main() -> None:
    """Build the random model, check the device paths, time both contenders, print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--like", type=Path, required=True, help="directory with the model's config and tokenizer")
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--tokens", type=int, default=200)
    args = parser.parse_args()
    print(describe_device())
    with tempfile.TemporaryDirectory() as tmp:
        engine = LocalEngine(random_model(args.like, Path(tmp) / "model"))
        print(f"precision: {engine.dtype}; B={args.batch}; {args.tokens} new tokens; temperature 1")
        texts = prompts(engine, args.batch)
        check_device_paths(engine, texts)
        baseline, n = timed(hf_generate(engine, texts, args.tokens))
        print(f"HF generate: {baseline:.1f} tok/s ({n} tokens)")
        ours, n = timed(emscope_engine(engine, texts, args.tokens))
        print(f"emscope engine (transformers): {ours:.1f} tok/s ({n} tokens)")
        print(f"ratio: {ours / baseline:.2f}")


if __name__ == "__main__":
    main()
