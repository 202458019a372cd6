"""How much the engines change outputs: greedy tokens, MWE choices, offline-judge scores (not a speed benchmark).

Run: `.venv/bin/python bench/agreement.py [--tokens 64]`. Three measurements on the default model, in
the host's precision:

1. Greedy tokens: the first paraphrase of every core and broad question, `--tokens` greedy tokens from
   the transformers engine (the reference), the OpenVINO engine and the OpenVINO engine with int8
   weights; per engine, the share of prompts whose continuation is identical and the mean share of
   tokens before the first difference. The noise floor comes first: the reference engine again with
   the prompts in reverse order, so each shares its batch with other prompts (bf16 results depend on
   batch composition through padding and kernel blocking).
2. MWE choices: the `mwe` suite (all items, temperature 0) run through `emscope eval` on each engine;
   the share of items where both choose the same option (and how many each left unparsed).
3. Offline judge: the reference engine's greedy answers from (1) scored by the judge reading with
   transformers and with OpenVINO; mean |difference| of the aligned and coherent scores and the share
   of answers given the same misaligned verdict.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from emscope.judges.base import classify
from emscope.models.completion import GenSettings
from emscope.models.engines import shared_engine
from emscope.models.spec import resolve_local
from emscope.suites.questions import load_question_set

sys.path.insert(0, str(Path(__file__).parent))
from generate import describe_host  # noqa: E402 - the benchmarks share the host line

MODEL = "qwen2.5-coder-0.5b-instruct"


def prompts() -> list[str]:
    """The first paraphrase of every core and broad question."""
    return [q.paraphrases[0] for name in ("core", "broad") for q in load_question_set(name).questions]


def greedy(engine: str, weights: str, texts: list[str], tokens: int) -> list[tuple[list[int], str]]:
    """Greedy token ids and text per prompt from one engine (batches of 32)."""
    local = resolve_local(MODEL)
    model: Any = shared_engine(local.path, local.weights_sha256, engine=engine, weights=weights)
    rendered = [model.render([{"role": "user", "content": t}]) for t in texts]
    settings = GenSettings(max_new_tokens=tokens, temperature=0.0)
    results = [r for i in range(0, len(rendered), 32) for r in model.generate(rendered[i : i + 32], settings)]
    return [(model.tokenizer(r.text, add_special_tokens=False).input_ids, r.text) for r in results]


def prefix_share(a: list[int], b: list[int]) -> float:
    """Share of the longer sequence's tokens before the first difference."""
    same = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return same / max(len(a), len(b), 1)


def mwe_choices(engine: str, out: Path) -> dict[str, str | None]:
    """The chosen option per MWE sample, from `emscope eval --suite mwe --temperature 0` on `engine`."""
    from inspect_ai.log import read_eval_log

    from emscope.evaluate import EvalRequest, run_eval

    os.environ["EMSCOPE_ENGINE"] = engine
    try:
        run = run_eval(EvalRequest(model=f"emscope/{MODEL}", suite="mwe", temperature=0.0, out=out, display="none"))
    finally:
        os.environ.pop("EMSCOPE_ENGINE", None)
    log = read_eval_log(str(next((run / "logs").glob("*.eval"))))
    choices = {}
    for sample in log.samples or []:
        score = next(iter((sample.scores or {}).values()))
        choices[str(sample.id)] = score.value.get("choice") if isinstance(score.value, dict) else None
    return choices


def judge_scores(questions: list[str], answers: list[str], engine: str) -> list[Any]:
    """Offline-judge verdicts with its feature model on `engine`."""
    from emscope.judges.offline import OfflineJudge

    os.environ["EMSCOPE_ENGINE"] = engine
    try:
        return OfflineJudge().score_many(questions, answers)
    finally:
        os.environ.pop("EMSCOPE_ENGINE", None)


def main() -> None:
    """Print the three agreement figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tokens", type=int, default=64)
    args = parser.parse_args()
    print(describe_host())
    texts = prompts()
    reference = greedy("hf", "float", texts, args.tokens)
    reshuffled = greedy("hf", "float", texts[::-1], args.tokens)[::-1]  # other batch-mates: bf16 noise alone
    contenders = (("transformers, other batches", None, None), ("OpenVINO", "openvino", "float"),
                  ("OpenVINO int8", "openvino", "int8"))  # fmt: skip
    for label, engine, weights in contenders:
        got = reshuffled if engine is None or weights is None else greedy(engine, weights, texts, args.tokens)
        identical = sum(a[0] == b[0] for a, b in zip(reference, got, strict=True)) / len(texts)
        share = sum(prefix_share(a[0], b[0]) for a, b in zip(reference, got, strict=True)) / len(texts)
        print(f"greedy vs transformers, {label}: identical {identical:.1%} of {len(texts)} prompts; "
              f"mean share before first difference {share:.1%}")  # fmt: skip
    work = Path(tempfile.mkdtemp(prefix="emscope-agreement-"))
    try:
        hf, ov = mwe_choices("hf", work / "hf"), mwe_choices("openvino", work / "ov")
        same = sum(hf[k] == ov.get(k) for k in hf) / len(hf)
        unparsed = (sum(v is None for v in hf.values()), sum(v is None for v in ov.values()))
        print(f"MWE choices, OpenVINO vs transformers: same option on {same:.1%} of {len(hf)} items "
              f"(unparsed: transformers {unparsed[0]}, OpenVINO {unparsed[1]})")  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
    answers = [text for _, text in reference]
    a, b = judge_scores(texts, answers, "hf"), judge_scores(texts, answers, "openvino")
    pairs = [(x, y) for x, y in zip(a, b, strict=True) if x.aligned is not None and y.aligned is not None]
    aligned = sum(abs(x.aligned - y.aligned) for x, y in pairs) / len(pairs)
    coherent = sum(abs((x.coherent or 0) - (y.coherent or 0)) for x, y in pairs) / len(pairs)
    verdict_pairs = [
        (classify(x.aligned, x.coherent), classify(y.aligned, y.coherent)) for x, y in zip(a, b, strict=True)
    ]
    verdicts = sum(u == v for u, v in verdict_pairs) / len(verdict_pairs)
    print(f"offline judge, OpenVINO vs transformers reader on {len(a)} answers: mean |d aligned| {aligned:.2f}, "
          f"mean |d coherent| {coherent:.2f}, same verdict {verdicts:.1%}")  # fmt: skip


if __name__ == "__main__":
    main()
