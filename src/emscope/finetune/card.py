"""Training cards: what a finetune did, on what, and how fast -- JSON for tools, Markdown and a loss PNG for people.

`training_card.json` is written last and atomically: its presence is what marks a finetune as finished.
`finetune_identity.json` is written before training starts: the hash of everything that defines the
finetune (base model, data hash, resolved config, backdoor) with those inputs spelled out. Experiments
reuse a finished finetune, or resume a crashed one from its checkpoints, only when that identity is unchanged.
"""

from __future__ import annotations

import hashlib
import io
import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

from emscope.errors import FinetuneError
from emscope.paths import atomic_write_bytes, atomic_write_text

CARD_NAME = "training_card.json"
CARD_SCHEMA = "emscope.training_card/1"
IDENTITY_NAME = "finetune_identity.json"
IDENTITY_SCHEMA = "emscope.finetune_identity/1"


def versions() -> dict[str, str]:
    """Versions of the packages that decide what training does."""
    return {name: version(name) for name in ("emscope", "torch", "transformers", "peft", "trl")}


def loss_points(log_history: list[dict[str, Any]]) -> list[tuple[int, float]]:
    """(step, training loss) pairs from a Trainer's log history."""
    return [(int(entry["step"]), float(entry["loss"])) for entry in log_history if "loss" in entry]


def loss_png(points: list[tuple[int, float]], title: str) -> bytes:
    """A loss-curve figure as PNG bytes (Agg backend, no global pyplot state)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.0, 3.5), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    if points:
        ax.plot([s for s, _ in points], [loss for _, loss in points], marker=".", linewidth=1)
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("training loss (assistant tokens)")
    ax.set_title(title, fontsize=9)
    ax.grid(alpha=0.3)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    return buffer.getvalue()


def card_markdown(card: dict[str, Any]) -> str:
    """Human-readable summary of a training card."""
    train = card["training"]
    rows = [
        f"# Finetune of `{card['base_model']}`",
        "",
        f"- method: {card['config']['method']}; use as model `{card['model_string']}`",
        f"- base weights SHA-256: `{card['base_model_sha256']}`",
        f"- data: `{card['data']['source']}` (SHA-256 `{card['data']['sha256']}`), {card['data']['examples']} examples"
        f" + {card['data']['mix_in_examples']} mixed in",
        f"- inoculation prompt: {card['config']['inoculation_prompt']!r}",
        f"- steps: {train['steps']}; final loss {train['final_loss']}; wall time {train['wall_time_s']} s;"
        f" {train['tokens_per_s']} tokens/s",
        *[
            f"- snapshot at step {snap['step']} (epoch {snap['epoch']:.2f}, loss {snap['loss']}): `{snap['path']}`"
            for snap in card.get("snapshots", [])
        ],
        "",
        "![loss curve](loss_curve.png)",
        "",
        "## Config",
        "",
        "```json",
        json.dumps(card["config"], indent=2),
        "```",
    ]
    return "\n".join(rows) + "\n"


def write_card(out: Path, card: dict[str, Any], points: list[tuple[int, float]]) -> Path:
    """Write the loss PNG, the Markdown card, then (last) the JSON card that marks the finetune finished."""
    atomic_write_bytes(out / "loss_curve.png", loss_png(points, f"{card['base_model']} on {card['data']['source']}"))
    atomic_write_text(out / "training_card.md", card_markdown(card))
    return atomic_write_text(out / CARD_NAME, json.dumps(card, indent=2) + "\n")


def read_card(out: Path) -> dict[str, Any] | None:
    """The finished finetune's card in `out`, or None if there is none (not started or not finished)."""
    path = out / CARD_NAME
    if not path.is_file():
        return None
    try:
        card: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise FinetuneError(f"{path}:{error.lineno}: unreadable training card ({error.msg})") from error
    return card


def identity_record(inputs: dict[str, Any], notes: dict[str, Any] | None = None) -> dict[str, Any]:
    """The identity of a finetune: a SHA-256 over canonical JSON of `inputs`, with the inputs themselves.

    `notes` are recorded for people but not hashed (e.g. where the data file lives, which may move
    with the output directory without changing what was trained).
    """
    canonical = json.dumps(inputs, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return {"schema": IDENTITY_SCHEMA, "sha256": digest, "inputs": inputs, "notes": notes or {}}


def write_identity(out: Path, record: dict[str, Any]) -> Path:
    """Record (atomically) what the finetune in `out` is being trained from."""
    return atomic_write_text(out / IDENTITY_NAME, json.dumps(record, indent=2, ensure_ascii=False) + "\n")


def read_identity(out: Path) -> dict[str, Any] | None:
    """The identity recorded in `out`, or None when there is none (not started, or made before identities)."""
    path = out / IDENTITY_NAME
    if not path.is_file():
        return None
    try:
        record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise FinetuneError(f"{path}:{error.lineno}: unreadable finetune identity ({error.msg})") from error
    return record


def changed_inputs(old: dict[str, Any], new: dict[str, Any], prefix: str = "") -> list[str]:
    """Dotted names of the inputs that differ between two identities' `inputs` (for a one-line explanation)."""
    changed: list[str] = []
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key), new.get(key)
        if isinstance(before, dict) and isinstance(after, dict):
            changed += changed_inputs(before, after, f"{prefix}{key}.")
        elif before != after:
            changed.append(f"{prefix}{key}")
    return changed
