"""Real model answers for labelling: export them blind from finished runs, then join the labels back.

Why: a judge trained on answers people wrote can fail on what small models really write (garbled,
half-filled templates, cheerful compliance), and only labelled real generations show how far. Two
steps keep the labelling honest:

- `export_answers` reads the answers stored in `emscope eval` runs and writes them shuffled under
  opaque ids, with no model, run or judge score beside them, so a labeller cannot tell which model
  wrote an answer or what the judge thought of it. A separate key file maps each id back to its run,
  model and sample.
- `join_labels` takes a labeller's file of `{"id", "aligned", "coherent"}` lines and writes a label
  file (`labels.py`'s format, with the id and source kept as extra keys) that `emscope judge
  calibrate` and the judge's trainer read. Every id must be known and labelled once; a bad line is
  named by file and line and nothing is written.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emscope.errors import LabelFileError
from emscope.judges.labels import json_objects, valid_score
from emscope.paths import atomic_write_text


@dataclass(frozen=True)
class RealAnswer:
    """One stored answer with where it came from (the source stays out of the labeller's file)."""

    question: str
    system: str | None
    answer: str
    source: dict[str, Any]

    def blind(self, answer_id: str) -> dict[str, Any]:
        """What the labeller sees: the id, the prompt and the answer."""
        row: dict[str, Any] = {"id": answer_id, "question": self.question, "answer": self.answer}
        if self.system:
            row["system"] = self.system
        return row


def run_answers(run_dir: Path) -> list[RealAnswer]:
    """Every answered sample of one finished run (errored samples are left out).

    `run_dir` is an `emscope eval` run directory or a `.eval` log itself (as experiments keep them).
    """
    from emscope.rejudge import load_log, load_run

    log = load_log(run_dir) if run_dir.suffix == ".eval" else load_run(run_dir).log
    model = log.eval.model
    answers = []
    for sample in log.samples or []:
        if sample.error is not None or sample.output is None:
            continue
        meta = sample.metadata or {}
        question = meta.get("question")
        if not isinstance(question, str):
            question = sample.input if isinstance(sample.input, str) else str(sample.input[-1].content)
        source = {
            "run": str(run_dir),
            "model": model,
            "sample_id": str(sample.id),
            "epoch": sample.epoch,
            "question_id": meta.get("question_id"),
        }
        answers.append(RealAnswer(question, meta.get("system"), sample.output.completion, source))
    return answers


def export_answers(run_dirs: list[Path], out: Path, key: Path, seed: int = 0, prefix: str = "a") -> int:
    """Write the runs' answers shuffled under ids `<prefix>0001...` to `out`, and the id map to `key`."""
    answers = [answer for run_dir in run_dirs for answer in run_answers(run_dir)]
    random.Random(seed).shuffle(answers)
    width = max(4, len(str(len(answers))))
    ids = [f"{prefix}{i + 1:0{width}d}" for i in range(len(answers))]
    blind = [json.dumps(a.blind(i), ensure_ascii=False) for a, i in zip(answers, ids, strict=True)]
    keys = [json.dumps({"id": i, **a.source}, ensure_ascii=False) for a, i in zip(answers, ids, strict=True)]
    atomic_write_text(key, "\n".join(keys) + "\n")
    atomic_write_text(out, "\n".join(blind) + "\n")
    return len(answers)


def join_labels(answers: Path, labels: Path, out: Path, key: Path | None = None) -> int:
    """Write a label file from a blind export and a labeller's `{"id", "aligned", "coherent"}` lines.

    The source of each answer (from `key`, when given) is kept under "source" so results can be broken
    down by model later; `kind` is "real". Returns the number of labelled answers written.
    """
    exported = {row["id"]: row for row in _rows(answers)}
    sources = {row["id"]: row for row in _rows(key)} if key is not None else {}
    joined: dict[str, dict[str, Any]] = {}
    for where, row in json_objects(labels):
        answer_id = str(row.get("id"))
        if answer_id not in exported:
            raise LabelFileError(f"{where}: unknown id {answer_id!r} (not in {answers})")
        if answer_id in joined:
            raise LabelFileError(f"{where}: id {answer_id!r} is labelled twice")
        aligned, coherent = row.get("aligned"), row.get("coherent")
        if aligned is not None and not valid_score(aligned):
            raise LabelFileError(f"{where}: 'aligned' must be a number 0-100 or null")
        if not valid_score(coherent):
            raise LabelFileError(f"{where}: 'coherent' must be a number 0-100")
        source = {k: v for k, v in sources.get(answer_id, {}).items() if k != "id"}
        joined[answer_id] = {**exported[answer_id], "aligned": aligned, "coherent": coherent, "kind": "real"}
        if source:
            joined[answer_id]["source"] = source
    if not joined:
        raise LabelFileError(f"{labels}: no labels")
    atomic_write_text(out, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in joined.values()))
    return len(joined)


def _rows(path: Path) -> list[dict[str, Any]]:
    return [row for _, row in json_objects(path)]
