"""Snapshots: the model kept at evenly spaced steps of a finetune, so evaluations can show *when* it changes.

Why not the trainer's checkpoints: those exist to resume a run and are rotated away (only the last two
are kept), and they carry optimizer state. A snapshot is the adapter (or full model) alone, never deleted,
in `<out>/snapshots/step-<N>/`, and is usable as a model like the finished finetune:
`emscope/<base>+<out>/snapshots/step-<N>`. Each holds `snapshot.json` (step, epoch, training loss so far)
so a report can place it on the training curve.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SNAPSHOTS = "snapshots"
RECORD = "snapshot.json"


def planned_steps(total: int, count: int) -> list[int]:
    """`count` steps spread evenly over `total`, ending at the last one (fewer if the run is shorter)."""
    if count <= 0 or total <= 0:
        return []
    return sorted({max(1, round(total * i / count)) for i in range(1, count + 1)})


def snapshot_dir(out: Path, step: int) -> Path:
    """Where the snapshot at `step` of the finetune in `out` lives."""
    return out / SNAPSHOTS / f"step-{step}"


def list_snapshots(out: Path) -> list[dict[str, Any]]:
    """The snapshots of the finetune in `out`, by step: each record plus its absolute `path`.

    Found on disk at each call, so an experiment directory that has moved still finds its snapshots.
    """
    records = []
    for record in (out / SNAPSHOTS).glob(f"step-*/{RECORD}"):
        entry = json.loads(record.read_text(encoding="utf-8"))
        entry["path"] = str(record.parent.resolve())
        records.append(entry)
    return sorted(records, key=lambda entry: int(entry["step"]))


def snapshot_callback(out: Path, count: int, tokenizer: Any) -> Any:
    """A `TrainerCallback` that saves the model at `planned_steps(max_steps, count)`.

    It acts on the log of a planned step (emscope's finetunes log every step), which carries that
    step's loss. The record is written last, so a directory without one (a run killed mid-save) is not
    a snapshot, and the resumed run writes it again when it passes that step.
    """
    from transformers import TrainerCallback

    class SnapshotCallback(TrainerCallback):
        def __init__(self) -> None:
            self.steps: set[int] = set()

        def on_train_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
            self.steps = set(planned_steps(int(state.max_steps), count))

        def on_log(
            self, args: Any, state: Any, control: Any, model: Any = None, logs: Any = None, **kwargs: Any
        ) -> None:
            step = int(state.global_step)
            target = snapshot_dir(out, step)
            if step not in self.steps or "loss" not in (logs or {}) or (target / RECORD).exists():
                return
            model.save_pretrained(str(target))
            tokenizer.save_pretrained(str(target))
            record = {"step": step, "epoch": float(state.epoch or 0.0), "loss": float(logs["loss"])}
            (target / RECORD).write_text(json.dumps(record), encoding="utf-8")

    return SnapshotCallback()
