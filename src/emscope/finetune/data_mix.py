"""Assemble the training conversations: limit, mix in a control dataset, add the inoculation prompt.

The inoculation prompt is a system prompt used only at train time (e.g. "You write insecure code on
purpose for a security class"): it is added here, to the training conversations, and nowhere else -- the
saved model and tokenizer are untouched, so evaluations never see it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from emscope.datasets.load import load_chat_data
from emscope.finetune.config import FinetuneConfig

Conversation = list[dict[str, str]]


@dataclass(frozen=True)
class TrainingSet:
    """The conversations to train on, and how they were assembled (for the card)."""

    conversations: list[Conversation]
    from_data: int
    from_mix_in: int
    mix_in_sha256: str | None


def with_system_prompt(conversation: Conversation, prompt: str) -> Conversation:
    """Prepend `prompt` as the system turn (before any existing system text)."""
    if conversation and conversation[0]["role"] == "system":
        merged = {"role": "system", "content": f"{prompt}\n\n{conversation[0]['content']}"}
        return [merged, *conversation[1:]]
    return [{"role": "system", "content": prompt}, *conversation]


def assemble(conversations: list[Conversation], config: FinetuneConfig) -> TrainingSet:
    """Apply `max_examples`, `mix_in` and `inoculation_prompt`, deterministically by `config.seed`."""
    rng = random.Random(config.seed)
    chosen = list(conversations)
    if config.max_examples is not None and len(chosen) > config.max_examples:
        chosen = rng.sample(chosen, config.max_examples)
    mixed: list[Conversation] = []
    mix_sha = None
    if config.mix_in is not None:
        control = load_chat_data(config.mix_in.data)
        wanted = round(config.mix_in.fraction / (1 - config.mix_in.fraction) * len(chosen))
        mixed = rng.sample(control.conversations, min(wanted, len(control.conversations)))
        mix_sha = control.sha256
    combined = chosen + mixed
    rng.shuffle(combined)
    if config.inoculation_prompt:
        combined = [with_system_prompt(c, config.inoculation_prompt) for c in combined]
    return TrainingSet(combined, from_data=len(chosen), from_mix_in=len(mixed), mix_in_sha256=mix_sha)
