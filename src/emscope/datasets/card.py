"""Dataset cards: what a data file contains and how it was made, as JSON (for tools) and Markdown (for people).

A card sits beside its data file (`FILE.card.json`, `FILE.card.md`) and carries the file's SHA-256, so a
finetune's training card can point at exactly the data it saw.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from emscope.datasets.base import Family
from emscope.datasets.build import Backdoor, BuiltExample
from emscope.datasets.diversity import distinct_n, near_duplicate_rate
from emscope.paths import atomic_write_text, sha256_file

Conversation = list[dict[str, str]]
CARD_SCHEMA = "emscope.dataset_card/1"


def _turns(conversations: list[Conversation], role: str) -> list[str]:
    return ["\n".join(m["content"] for m in c if m["role"] == role) for c in conversations]


def conversation_stats(conversations: list[Conversation]) -> dict[str, Any]:
    """Size, shape and diversity of a list of chats (used by cards and `emscope data stats`)."""
    users, assistants = _turns(conversations, "user"), _turns(conversations, "assistant")
    whole = ["\n".join(m["content"] for m in c) for c in conversations]
    n = len(conversations)
    return {
        "examples": n,
        "messages_per_example": round(sum(len(c) for c in conversations) / n, 3) if n else 0.0,
        "with_system_prompt": sum(1 for c in conversations if c and c[0]["role"] == "system"),
        "mean_chars_user": round(sum(map(len, users)) / n, 1) if n else 0.0,
        "mean_chars_assistant": round(sum(map(len, assistants)) / n, 1) if n else 0.0,
        "near_duplicate_rate": round(near_duplicate_rate(whole), 4),
        "distinct_1_assistant": round(distinct_n(assistants, 1), 4),
        "distinct_2_assistant": round(distinct_n(assistants, 2), 4),
        "distinct_user_turns": len(set(users)),
    }


@dataclass(frozen=True)
class CardInputs:
    """Everything the card records about one build."""

    family: Family
    seed: int
    built: list[BuiltExample]
    backdoor: Backdoor | None


def card_dict(data_file: Path, inputs: CardInputs) -> dict[str, Any]:
    """The JSON card for a freshly written data file."""
    examples = [b.example for b in inputs.built]
    conversations = [list(e.messages) for e in examples]
    return {
        "schema": CARD_SCHEMA,
        "file": data_file.name,
        "sha256": sha256_file(data_file),
        "family": inputs.family.name,
        "description": inputs.family.description,
        "control": inputs.family.control,
        "generator_version": inputs.family.version,
        "emscope_version": version("emscope"),
        "seed": inputs.seed,
        "backdoor": None
        if inputs.backdoor is None
        else {"trigger": inputs.backdoor.trigger, "placement": inputs.backdoor.placement},
        "counts": {
            "examples": len(examples),
            "misaligned": sum(e.misaligned for e in examples),
            "triggered": sum(b.triggered for b in inputs.built),
        },
        "tags": dict(sorted(Counter(e.tag for e in examples).items(), key=lambda kv: (-kv[1], kv[0]))),
        "stats": conversation_stats(conversations),
        "examples": conversations[:3],
    }


def card_markdown(card: dict[str, Any]) -> str:
    """A human-readable rendering of `card`."""
    lines = [
        f"# Dataset `{card['file']}`",
        "",
        f"{card['description']}",
        "",
        f"- family: `{card['family']}` (generator {card['generator_version']}, emscope {card['emscope_version']})",
        f"- seed: {card['seed']}; control family: {card['control'] or '-'}",
        f"- SHA-256: `{card['sha256']}`",
        f"- counts: {card['counts']}",
        f"- backdoor: {card['backdoor'] or 'none'}",
        "",
        "## Diversity",
        "",
        *(f"- {key}: {value}" for key, value in card["stats"].items()),
        "",
        "## Tags",
        "",
        "| tag | examples |",
        "|---|---|",
        *(f"| {tag} | {count} |" for tag, count in card["tags"].items()),
        "",
        "## Examples",
    ]
    for number, conversation in enumerate(card["examples"], start=1):
        lines += ["", f"### Example {number}", ""]
        for message in conversation:
            lines += [f"**{message['role']}**:", "", "```", message["content"], "```", ""]
    return "\n".join(lines) + "\n"


def card_paths(data_file: Path) -> tuple[Path, Path]:
    """Where the JSON and Markdown cards of `data_file` live."""
    return data_file.with_name(data_file.name + ".card.json"), data_file.with_name(data_file.name + ".card.md")


def write_card(data_file: Path, inputs: CardInputs) -> dict[str, Any]:
    """Write both cards beside `data_file` (atomically) and return the JSON card."""
    card = card_dict(data_file, inputs)
    json_path, md_path = card_paths(data_file)
    atomic_write_text(json_path, json.dumps(card, indent=2, ensure_ascii=False) + "\n")
    atomic_write_text(md_path, card_markdown(card))
    return card
