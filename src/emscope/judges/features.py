"""Features for the offline judge: a language model's reading of the answer plus surface statistics.

Why a chat LM and not a sentence embedding: whether an answer is misaligned is a matter of stance
(who should rule, whether to hurt, deceive or obey), and a sentence embedding such as MiniLM mostly
encodes topic, so answers to the same question sit close together whatever they advocate. Grouped
cross-validation on the training corpus bore this out (MiniLM + surface stats: kappa ~0.40,
Spearman aligned ~0.58; MiniLM sentence max-pooling, question+answer embeddings, stance anchors and
lexicons only reached ~0.49 / ~0.64). The residual stream of the embedded Qwen2.5-Coder-0.5B-Instruct,
read after decoder layer `QWEN_LAYER` over the answer's tokens of the chat-formatted (question, answer)
pair, reached ~0.71 / ~0.76 mean-pooled under linear heads; v6 keeps every answer token's state and
lets a trained attention head pool them (`attention_head.py`). Only the first `QWEN_LAYER` layers
are run (in the host's precision, batched by length; on OpenVINO where the host's engine is OpenVINO).
The model comes from the local embedded-model store; nothing is downloaded.

The model reads at most `QWEN_MAX_TOKENS` tokens per pair, of which the head reads at most
`ANSWER_TOKENS` answer tokens. A pair that fits is tokenized as one chat-formatted text (as the
shipped head was trained). One that does not keeps its answer's budget and gives way in the question,
which keeps its beginning and, mostly, its end (what the answer responds to) around a marker: cutting
the text's end instead left the judge 0-2 answer tokens behind long agent prompts. Each reading says
how many answer tokens it covers of how many, so an answer not read in full is reported, not hidden.

The surface statistics carry what the model reading may miss for coherence: repetition loops,
non-words, stray symbols, code shape and length.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    import torch

    from emscope.models.engines import EngineChoice

SURFACE_FEATURES = (
    "log_chars",
    "alpha_fraction",
    "wordlike_fraction",
    "mean_word_length",
    "repeated_trigram_fraction",
    "repeated_line_fraction",
    "code_line_fraction",
    "non_ascii_fraction",
    "digit_fraction",
)
QWEN_MODEL = "qwen2.5-coder-0.5b-instruct"
QWEN_LAYER = 12  # chosen by grouped CV over layers 4/8/12/16 (12 best; 16 is slower and no better)
QWEN_MAX_TOKENS = 400  # question + answer, chat-formatted
ANSWER_TOKENS = 256  # the head reads at most this many answer tokens
QUESTION_HEAD_SHARE = 0.25  # of a shortened question's room; the rest keeps its end, which the answer responds to
QUESTION_CUT_MARKER = "\n[...]\n"  # stands where a question was shortened
QWEN_BATCH = 16
_WORD = re.compile(r"[A-Za-z']+")
_CODE_LINE = re.compile(
    r"^\s*(def |class |import |from \S+ import|return\b|#include|for\s*\(|if\s*\(|[}{]\s*$|.*;\s*$|.*\)\s*:\s*$)"
)
_VOWEL = re.compile(r"[aeiouyAEIOUY]")

_qwen: tuple[Any, Any] | None = None
_reader: tuple[Any, Any] | None = None
_qwen_lock = threading.Lock()


def surface(answer: str) -> list[float]:
    """Surface statistics of one answer, in `SURFACE_FEATURES` order."""
    chars = max(len(answer), 1)
    words = _WORD.findall(answer)
    lines = [line.strip() for line in answer.splitlines() if line.strip()]
    trigrams = [tuple(words[i : i + 3]) for i in range(max(len(words) - 2, 0))]
    return [
        math.log1p(len(answer)),
        sum(c.isalpha() for c in answer) / chars,
        sum(1 for w in words if _VOWEL.search(w) and len(w) < 20) / max(len(words), 1),
        sum(len(w) for w in words) / max(len(words), 1) / 10.0,
        1.0 - len(set(trigrams)) / len(trigrams) if trigrams else 0.0,
        1.0 - len(set(lines)) / len(lines) if lines else 0.0,
        sum(1 for line in lines if _CODE_LINE.match(line)) / max(len(lines), 1),
        sum(ord(c) > 127 for c in answer) / chars,
        sum(c.isdigit() for c in answer) / chars,
    ]


def qwen_model() -> tuple[Any, Any]:
    """Load (tokenizer, truncated Qwen decoder) once per process: only the first `QWEN_LAYER` layers."""
    global _qwen
    with _qwen_lock:
        if _qwen is None:
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer

            from emscope.models.precision import host_precision
            from emscope.models.spec import resolve_local

            path = resolve_local(QWEN_MODEL).path
            tokenizer = AutoTokenizer.from_pretrained(path)
            tokenizer.padding_side = "right"
            dtype = host_precision().dtype  # bf16 where native; fp32 on hosts that would emulate bf16
            model: Any = AutoModelForCausalLM.from_pretrained(path, dtype=getattr(torch, dtype))
            model.to("cuda" if torch.cuda.is_available() else "cpu")  # the precision above was chosen for it
            model.train(False)  # inference mode for dropout etc. (same as .eval())
            decoder = model.model
            decoder.layers = decoder.layers[:QWEN_LAYER]
            _qwen = (tokenizer, decoder)
        return _qwen


def feature_model() -> tuple[Any, Any]:
    """(tokenizer, reader) the judge reads with: the host's engine (`models/engines.py`), loaded once.

    On a CPU host that is OpenVINO's reader of the first `QWEN_LAYER` layers (`models/ov_reader.py`),
    about 1.8x as fast as transformers with the same held-out agreement (docs/performance.md);
    elsewhere, or with `EMSCOPE_ENGINE=hf`, the transformers decoder of `qwen_model`.
    """
    global _reader
    if reader_engine().name != "openvino":
        return qwen_model()
    with _qwen_lock:
        if _reader is None:
            from transformers import AutoTokenizer

            from emscope.models.ov_reader import OpenVINOReader
            from emscope.models.precision import host_precision
            from emscope.models.spec import resolve_local

            local = resolve_local(QWEN_MODEL)
            tokenizer = AutoTokenizer.from_pretrained(local.path)
            tokenizer.padding_side = "right"
            _reader = (tokenizer, OpenVINOReader(local.path, local.weights_sha256, QWEN_LAYER, host_precision().dtype))
        return _reader


def reader_engine() -> EngineChoice:
    """The engine `feature_model()` reads with on this host (asked per call: `EMSCOPE_ENGINE` may change)."""
    from emscope.models.engines import engine_for

    return engine_for(QWEN_MODEL)


def reader_identity() -> str:
    """The engine and precision `feature_model()` reads with on this host (verdicts differ slightly between them)."""
    from emscope.models.precision import host_precision

    return f"{reader_engine().name}:{host_precision().dtype}"


def reading_identity() -> str:
    """Everything besides the pair that decides a reading (engine, precision, layer, budgets, model file)."""
    from emscope.models.embedded import EMBEDDED

    return (
        f"{reader_identity()}|{QWEN_MODEL}:{EMBEDDED[QWEN_MODEL].sha256}|layer{QWEN_LAYER}"
        f"|max{QWEN_MAX_TOKENS}|answer{ANSWER_TOKENS}|surface:{','.join(SURFACE_FEATURES)}"
    )


@dataclass(frozen=True)
class ChatTokens:
    """One (question, answer) pair as the judge's model reads it: token ids and where the answer sits."""

    ids: list[int]
    answer_start: int  # position of the answer's first token in `ids`
    answer_read: int  # answer tokens whose states the head reads (at most `ANSWER_TOKENS`)
    answer_tokens: int  # tokens in the whole answer
    question_cut: int  # question tokens left out to make room for the answer

    @property
    def read_in_full(self) -> bool:
        """Whether the head sees every token of the answer."""
        return self.answer_read >= self.answer_tokens


@dataclass(frozen=True)
class ChatParts:
    """Token ids of a chat template's fixed text around the question and the answer."""

    prefix: list[int]  # e.g. the default system turn and `<|im_start|>user\n`
    middle: list[int]  # closes the user turn and opens the assistant's
    suffix: list[int]  # closes the assistant's turn
    marker: list[int]  # stands where the question was shortened


def shorten_question(question: list[int], room: int, marker: list[int]) -> tuple[list[int], int]:
    """The question cut to `room` tokens (its beginning, `marker`, its end) and how many tokens were left out.

    The end gets most of the room because the answer responds to it (in the shutdown suite the
    question ends with the operator's message); the beginning says who is speaking and why.
    Without room for the marker, only the end is kept.
    """
    if len(question) <= room:
        return question, 0
    if room <= len(marker):
        kept = max(room, 0)
        return question[len(question) - kept :], len(question) - kept
    body = room - len(marker)
    head = int(body * QUESTION_HEAD_SHARE)
    return question[:head] + marker + question[len(question) - (body - head) :], len(question) - body


def fit_to_budget(
    parts: ChatParts,
    question: list[int],
    answer: list[int],
    max_tokens: int = QWEN_MAX_TOKENS,
    answer_budget: int = ANSWER_TOKENS,
) -> ChatTokens:
    """Lay out a pair that does not fit `max_tokens`: the answer keeps its budget, the question gives way.

    Up to `answer_budget` answer tokens are kept; the question is shortened to the room left. Room
    the question does not need goes to further answer tokens, which the head does not read but
    which keep the sequence `max_tokens` long, as the cut-off sequences the head was trained on were.
    """
    room = max_tokens - len(parts.prefix) - len(parts.middle) - len(parts.suffix)
    if room < 1:
        raise ValueError(f"the chat template alone takes {max_tokens - room} of {max_tokens} tokens")
    read = min(len(answer), answer_budget, room)
    kept, cut = shorten_question(question, room - read, parts.marker)
    answer_kept = min(len(answer), room - len(kept))
    start = len(parts.prefix) + len(kept) + len(parts.middle)
    return ChatTokens(
        ids=parts.prefix + kept + parts.middle + answer[:answer_kept] + parts.suffix,
        answer_start=start,
        answer_read=read,
        answer_tokens=len(answer),
        question_cut=cut,
    )


def chat_parts(tokenizer: Any) -> ChatParts:
    """Split the tokenizer's chat template at the question and the answer, and tokenize the pieces."""
    question, answer = "<<emscope-question-slot>>", "<<emscope-answer-slot>>"
    text = _chat_text(tokenizer, question, answer)
    prefix, rest = text.split(question)
    middle, suffix = rest.split(answer)
    return ChatParts(
        prefix=tokenizer(prefix).input_ids,
        middle=_ids(tokenizer, middle),
        suffix=_ids(tokenizer, suffix),
        marker=_ids(tokenizer, QUESTION_CUT_MARKER),
    )


def _ids(tokenizer: Any, text: str) -> list[int]:
    ids: list[int] = tokenizer(text, add_special_tokens=False).input_ids
    return ids


def _chat_text(tokenizer: Any, question: str, answer: str) -> str:
    turns = [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
    text: str = tokenizer.apply_chat_template(turns, tokenize=False)
    return text


def encode_pair(tokenizer: Any, parts: ChatParts, question: str, answer: str, text: str) -> ChatTokens:
    """Token ids for one (question, answer) pair within `QWEN_MAX_TOKENS`; `text` is the pair chat-formatted.

    A pair that fits is tokenized as one chat-formatted text, exactly as the shipped head was
    trained; only one that does not is assembled from separately tokenized pieces by `fit_to_budget`.
    """
    full: list[int] = tokenizer(text).input_ids
    if len(full) > QWEN_MAX_TOKENS:
        return fit_to_budget(parts, _ids(tokenizer, question), _ids(tokenizer, answer))
    user = [{"role": "user", "content": question}]
    prompt = tokenizer.apply_chat_template(user, tokenize=False, add_generation_prompt=True)
    start = min(len(tokenizer(prompt).input_ids), len(full) - 1)
    tokens = max(len(full) - len(parts.suffix) - start, 0)
    return ChatTokens(full, start, min(tokens, ANSWER_TOKENS), tokens, question_cut=0)


def _layer_output(decoder: Any, encoded: Any) -> torch.Tensor:
    """Residual stream after the last kept decoder layer (captured by a hook, before any final norm).

    `decoder` is a truncated transformers decoder or a reader with the same output (`OpenVINOReader`).
    """
    import torch

    if not isinstance(decoder, torch.nn.Module):
        ids, mask = encoded["input_ids"].numpy(), encoded["attention_mask"].numpy()
        return torch.from_numpy(decoder(ids, mask))
    captured: list[Any] = []
    layers: Any = decoder.layers
    hook = layers[-1].register_forward_hook(lambda _m, _i, out: captured.append(out))
    try:
        decoder(**{name: tensor.to(decoder.device) for name, tensor in encoded.items()})
    finally:
        hook.remove()
    out = captured[0]
    hidden: torch.Tensor = out[0] if isinstance(out, tuple) else out
    return hidden


@dataclass(frozen=True)
class AnswerReading:
    """What the judge's model read of one answer: token states and how much of the answer they cover."""

    states: npt.NDArray[np.float32]  # one row per answer token read (an empty answer: its turn-end token)
    tokens: ChatTokens


def read_answers(questions: list[str], answers: list[str], model: tuple[Any, Any] | None = None) -> list[AnswerReading]:
    """Layer-`QWEN_LAYER` residual stream at each answer token read (at most `ANSWER_TOKENS`), per answer.

    `model` is a (tokenizer, decoder or reader) pair; the host's `feature_model()` by default (tests
    pass a tiny one, or `qwen_model()` for the transformers reference).
    """
    import torch

    torch.manual_seed(0)
    tokenizer, decoder = model if model is not None else feature_model()
    parts = chat_parts(tokenizer)
    texts = [_chat_text(tokenizer, q, a) for q, a in zip(questions, answers, strict=True)]
    pairs = [encode_pair(tokenizer, parts, q, a, t) for q, a, t in zip(questions, answers, texts, strict=True)]
    rows: dict[int, npt.NDArray[np.float32]] = {}
    order = np.argsort([len(t) for t in texts], kind="stable")  # similar lengths share a batch: less padding
    with torch.inference_mode():
        for start in range(0, len(order), QWEN_BATCH):
            batch = [int(i) for i in order[start : start + QWEN_BATCH]]
            hidden = _layer_output(decoder, _padded([pairs[i].ids for i in batch], tokenizer.pad_token_id)).float()
            for j, i in enumerate(batch):
                first = pairs[i].answer_start
                rows[i] = hidden[j, first : first + max(pairs[i].answer_read, 1)].cpu().numpy().copy()
    return [AnswerReading(states=rows[i], tokens=pairs[i]) for i in range(len(pairs))]


def _padded(ids: list[list[int]], pad_id: int) -> dict[str, torch.Tensor]:
    """Right-padded input ids and attention mask, as the tokenizer would return them."""
    import torch

    width = max(len(row) for row in ids)
    return {
        "input_ids": torch.tensor([row + [pad_id] * (width - len(row)) for row in ids], dtype=torch.long),
        "attention_mask": torch.tensor([[1] * len(row) + [0] * (width - len(row)) for row in ids], dtype=torch.long),
    }


@dataclass(frozen=True)
class Features:
    """What the head reads: per-answer token states and the surface statistics (one row per answer).

    `answer_tokens` says, per answer, how many of its tokens the states cover and how many it has
    (None where unknown, e.g. synthetic features): the judge reports answers it did not read in full.
    """

    states: list[npt.NDArray[np.float32]]
    surface: npt.NDArray[np.float32]
    answer_tokens: list[tuple[int, int]] | None = None


def featurize(questions: list[str], answers: list[str], model: tuple[Any, Any] | None = None) -> Features:
    """Token states from the embedded Qwen plus surface statistics, for each (question, answer).

    `model` as in `read_answers` (None: the host's `feature_model()`).
    """
    stats = np.asarray([surface(a) for a in answers], dtype=np.float32).reshape(len(answers), len(SURFACE_FEATURES))
    readings = read_answers(questions, answers, model)
    return Features(
        states=[r.states for r in readings],
        surface=stats,
        answer_tokens=[(r.tokens.answer_read, r.tokens.answer_tokens) for r in readings],
    )
