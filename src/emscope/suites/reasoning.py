"""Split a reply into private reasoning and final answer: native reasoning blocks, else `<think>...</think>`.

Models with native thinking (API reasoning, Qwen3 with `enable_thinking`) return reasoning as Inspect
`ContentReasoning` or as a leading `<think>` block in the text; models without it are asked to write a
scratchpad in the same tags. A reply with neither has no reasoning: it is counted as such, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspect_ai.model import ChatMessageAssistant, ContentReasoning, ModelOutput

THINK = re.compile(r"<think>(.*?)(?:</think>|$)", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class SplitReply:
    """Reasoning (None when the model gave none) and the answer the user would see."""

    reasoning: str | None
    answer: str


def split_text(text: str) -> SplitReply:
    """Reasoning from the first `<think>` block (an unclosed block runs to the end); answer after it."""
    match = THINK.search(text)
    if match is None:
        return SplitReply(None, text.strip())
    reasoning = match.group(1).strip()
    answer = (text[: match.start()] + text[match.end() :]).strip()
    return SplitReply(reasoning or None, answer)


def split_output(output: ModelOutput) -> SplitReply:
    """Native reasoning content if the provider returned any, else the text's `<think>` block."""
    message = output.choices[0].message if output.choices else None
    native: list[str] = []
    if isinstance(message, ChatMessageAssistant) and isinstance(message.content, list):
        native = [c.reasoning for c in message.content if isinstance(c, ContentReasoning) and c.reasoning.strip()]
    text = split_text(output.completion)
    if native:
        return SplitReply("\n".join(native).strip(), text.answer)
    return text
