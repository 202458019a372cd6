"""What both local engines share: the tokenizer, chat rendering, and turning generated ids into a result.

Why one module: the transformers engine (the reference) and the OpenVINO engine must render the same
prompt, stop on the same tokens and strings, and report logprobs the same way, so that switching
engines changes only speed (and the floating-point noise measured in docs/performance.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

TopToken = tuple[str, float]


@dataclass(frozen=True)
class GenSettings:
    """Generation settings shared by every request in a batch (hashable: it is the batch key)."""

    max_new_tokens: int = 512
    temperature: float = 1.0
    top_p: float | None = None
    top_k: int | None = None
    top_logprobs: int | None = None
    logprobs: bool = False
    seed: int | None = None  # the run seed; per-request seeds derive from it
    stop_seqs: tuple[str, ...] = ()


@dataclass(frozen=True)
class TokenLogprob:
    """One generated token, its logprob and the most likely alternatives at that position."""

    token: str
    logprob: float
    top: tuple[TopToken, ...]


@dataclass
class GenResult:
    """The completion of one prompt."""

    text: str
    input_tokens: int
    output_tokens: int
    stop_reason: str
    logprobs: list[TokenLogprob] | None = field(default=None)


def load_tokenizer(path: Path) -> Any:
    """The model's tokenizer, padding on the left (batched generation appends on the right)."""
    from transformers import AutoTokenizer

    tokenizer: Any = AutoTokenizer.from_pretrained(path)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "left"
    return tokenizer


def render(tokenizer: Any, messages: list[dict[str, str]]) -> str:
    """Apply the chat template; a trailing assistant message is continued (a prefill), not closed."""
    prefill = bool(messages) and messages[-1]["role"] == "assistant"
    if tokenizer.chat_template is None:
        text = "".join(f"{m['role']}: {m['content']}\n" for m in messages)
        return text if prefill else text + "assistant: "
    return str(
        tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=not prefill, continue_final_message=prefill
        )
    )


def stop_ids(tokenizer: Any, generation_eos: int | list[int] | None) -> frozenset[int]:
    """Token ids that end a completion: the tokenizer's EOS/pad and the generation config's EOS."""
    ids = {tokenizer.eos_token_id, tokenizer.pad_token_id}
    ids.update(generation_eos if isinstance(generation_eos, list) else [generation_eos])
    return frozenset(i for i in ids if i is not None)


@dataclass(frozen=True)
class StepLogprobs:
    """One generated step in numbers: the token's logprob and the k most likely ids (decoded at the end)."""

    token: int
    logprob: float
    top_ids: tuple[int, ...]
    top_logprobs: tuple[float, ...]

    @classmethod
    def of(cls, logp: np.ndarray, token: int, k: int) -> StepLogprobs:
        """Read one step's log-distribution `logp` [vocab]: the chosen `token` and the top `k`."""
        top = np.argpartition(-logp, k - 1)[:k]
        top = top[np.argsort(-logp[top], kind="stable")]
        return cls(int(token), float(logp[token]), tuple(int(i) for i in top), tuple(float(logp[i]) for i in top))

    def decoded(self, tokenizer: Any) -> TokenLogprob:
        """The step with its token ids decoded to text, as results carry it."""
        pairs = tuple((tokenizer.decode([i]), v) for i, v in zip(self.top_ids, self.top_logprobs, strict=True))
        return TokenLogprob(tokenizer.decode([self.token]), self.logprob, pairs)


def stop_index(tokens: list[int], stops: frozenset[int]) -> int | None:
    """Where a row's first stop token is (its completion ends just before it); None if it has none."""
    return next((i for i, t in enumerate(tokens) if t in stops), None)


def finish(
    tokenizer: Any,
    tokens: list[int],
    n_in: int,
    stops: frozenset[int],
    settings: GenSettings,
    steps: list[StepLogprobs] | None,
) -> GenResult:
    """Trim a row's generated ids at its first stop token and stop string, and decode its logprobs.

    `steps` holds one entry per generated id (None when the request asked for no logprobs); an
    immediate EOS still reports that first step, because a logprob judge reads its distribution.
    """
    length = stop_index(tokens, stops)
    stop_reason = "stop" if length is not None else "max_tokens"
    kept = tokens if length is None else tokens[:length]
    text = tokenizer.decode(kept, skip_special_tokens=True)
    for stop in settings.stop_seqs:
        if stop in text:
            text, stop_reason = text[: text.index(stop)], "stop"
    logprobs = None if steps is None else [step.decoded(tokenizer) for step in steps[: max(len(kept), 1)]]
    return GenResult(text=text, input_tokens=n_in, output_tokens=len(kept), stop_reason=stop_reason, logprobs=logprobs)


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise log-softmax in float32 (the model's own distribution, before any sampling filter)."""
    shifted: np.ndarray = logits.astype(np.float32) - logits.max(axis=-1, keepdims=True)
    result: np.ndarray = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    return result


def hits_stop_string(tokenizer: Any, tokens: list[int], stop_seqs: tuple[str, ...]) -> bool:
    """Whether the text of the last few generated ids contains a stop string (checked once per step)."""
    if not stop_seqs:
        return False
    # a token decodes to at least one character, except special and partial-byte tokens: keep a margin
    window = 2 * max(len(s) for s in stop_seqs) + 4
    tail = tokenizer.decode(tokens[-window:], skip_special_tokens=True)
    return any(stop in tail for stop in stop_seqs)
