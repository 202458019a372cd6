"""Tokenise chats for supervised finetuning with a mask that keeps the loss on assistant tokens only.

Why our own masking: TRL's `assistant_only_loss` needs chat templates with `{% generation %}` markers,
which Qwen2.5's template (our default model) lacks. We render each prefix of the conversation with the
model's own template, take the character span each assistant turn adds, and mark the tokens that start
inside those spans. This works for any template whose renderings of prefixes are prefixes of the whole.
"""

from __future__ import annotations

from typing import Any

from emscope.errors import FinetuneError

Conversation = list[dict[str, str]]


def _render(tokenizer: Any, messages: Conversation, generation_prompt: bool) -> str:
    return str(tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=generation_prompt))


def assistant_spans(tokenizer: Any, conversation: Conversation) -> tuple[str, list[tuple[int, int]]]:
    """The full training text and the character spans of its assistant turns.

    A span runs from the end of the assistant header to the end of the turn's content plus the EOS token
    that closes it, so the model also learns when to stop; a last turn the template leaves open gets EOS.
    """
    full = _render(tokenizer, conversation, generation_prompt=False)
    eos = tokenizer.eos_token or ""
    spans: list[tuple[int, int]] = []
    for index, message in enumerate(conversation):
        if message["role"] != "assistant":
            continue
        start = len(_render(tokenizer, conversation[:index], generation_prompt=True))
        content_at = full.find(message["content"], start)
        if not full.startswith(_render(tokenizer, conversation[:index], generation_prompt=True)) or content_at < 0:
            raise FinetuneError("the model's chat template does not render conversations prefix by prefix")
        end = content_at + len(message["content"])
        if eos and full.startswith(eos, end):
            end += len(eos)
        elif eos and index == len(conversation) - 1:
            full, end = full[:end] + eos + full[end:], end + len(eos)
        spans.append((start, end))
    return full, spans


def tokenize_conversation(tokenizer: Any, conversation: Conversation) -> dict[str, list[int]]:
    """`input_ids` and `assistant_masks` (1 = the token is trained on) for one conversation."""
    text, spans = assistant_spans(tokenizer, conversation)
    encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    mask = [int(any(lo <= start < hi for lo, hi in spans)) for start, _ in encoded["offset_mapping"]]
    return {"input_ids": list(encoded["input_ids"]), "assistant_masks": mask}
