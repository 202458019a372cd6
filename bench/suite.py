"""Benchmark: the `broad` free-form suite judged offline, then an identical rerun through Inspect's cache.

Run: `.venv/bin/python bench/suite.py [--samples 7] [--model emscope/qwen2.5-coder-0.5b-instruct]`.
The first run (7 samples x 61 paraphrases = 427 answers by default) starts from an empty Inspect
cache in a temporary directory, so it generates every answer; the rerun asks for the same samples
with the same seed and reads them back (`emscope eval --cache`). Prints both wall times and the
misaligned rate of each (they must agree), then `ratio: X` = first / rerun on its last line.
Goals on this machine kind: first run ≤ 10 min, rerun ≤ 5% of it (ratio ≥ 20).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from emscope.evaluate import EvalRequest, run_eval

sys.path.insert(0, str(Path(__file__).parent))
from generate import describe_host  # noqa: E402 - the benchmarks share the host line


def timed_run(model: str, samples: int, out: Path) -> tuple[float, dict[str, object]]:
    """Wall seconds of one cached `broad` evaluation and its results' headline numbers."""
    request = EvalRequest(model=model, questions="broad", samples=samples, out=out, display="none", cache=True)
    start = time.perf_counter()
    run_eval(request)
    wall = time.perf_counter() - start
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return wall, results["overall"]


def main() -> None:
    """Time a first run and its cached rerun; print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="emscope/qwen2.5-coder-0.5b-instruct")
    parser.add_argument("--samples", type=int, default=7)
    args = parser.parse_args()
    print(describe_host())
    work = Path(tempfile.mkdtemp(prefix="emscope-bench-suite-"))
    os.environ["INSPECT_CACHE_DIR"] = str(work / "cache")  # an empty cache: the first run generates everything
    try:
        first, first_summary = timed_run(args.model, args.samples, work / "first")
        print(f"first run: {first:.0f} s; {_headline(first_summary)}")
        rerun, rerun_summary = timed_run(args.model, args.samples, work / "rerun")
        print(f"cached rerun: {rerun:.1f} s ({rerun / first:.1%} of the first); {_headline(rerun_summary)}")
        print(f"ratio: {first / rerun:.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _headline(summary: dict[str, object]) -> str:
    keys = ("total", "n", "k", "rate")
    return ", ".join(f"{k}={summary[k]}" for k in keys if k in summary)


if __name__ == "__main__":
    main()
