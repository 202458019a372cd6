"""Re-state the stored cpu-mini comparison (per-question k/n per condition) under the corrected statistics.

Run from the repository root: `.venv/bin/python docs/results/restate_cpu_mini.py` (numbers in docs/LOG.md, 2026-12-04).
"""

import json
from pathlib import Path

from emscope.experiments.compare import compare
from emscope.experiments.runner import RunKey
from emscope.experiments.spec import load_spec

stored = json.loads(Path("docs/results/cpu-mini-2026-11-27-comparison.json").read_text())
spec = load_spec(Path("examples/cpu-mini.yaml"))
results = {}
for condition in ("base", "insecure", "secure"):
    questions = [
        {"id": q["id"], "category": q["category"], **{k: q["by_condition"][condition][k] for k in ("k", "n")}}
        for q in stored["suites"]["free_form"]["questions"]
        if condition in q["by_condition"]
    ]
    k, n = sum(q["k"] for q in questions), sum(q["n"] for q in questions)
    results[RunKey(condition, 0, "free_form")] = {"overall": {"k": k, "n": n}, "questions": questions}
new = compare(spec, results)
for row in new["suites"]["free_form"]["rates"]:
    print(
        row["condition"],
        f"{row['k']}/{row['n']}",
        f"{row['rate']:.3f}",
        "ci",
        [round(x, 3) for x in row["ci95"]],
        "per-answer",
        [round(x, 3) for x in row["ci95_per_answer"]],
        "deff",
        row["interval"]["design_effect"],
    )
old = {(t["condition"], t["versus"]): t for t in stored["comparisons"]}
for t in new["comparisons"]:
    o = old[(t["condition"], t["versus"])]
    print(
        t["condition"],
        "vs",
        t["versus"],
        "old Fisher p",
        round(o["p"], 3),
        "Holm",
        round(o["p_holm"], 3),
        "| new p",
        round(t["p"], 3),
        "Holm",
        round(t["p_holm"], 3),
        "units",
        t["units"],
    )
