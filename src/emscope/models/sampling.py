"""Per-sample randomness for batched local generation: one seed and one random stream per request.

Why: a sample is only an independent draw if its randomness is its own. Seeding a whole batch (the
old rule) made two batches holding the same prompts return the same completions, so repeated
samples of one question were copies and n was inflated. Here:

- Each request gets its own 63-bit seed. With a run seed it is derived from (run seed, rendered
  prompt, occurrence index of that prompt under that run seed); `SeedCounter` hands out the
  occurrence indices thread-safely. Requests with identical prompts are exchangeable, so a rerun in
  a fresh process reproduces the same multiset of answers whatever order Inspect sends them in.
  Without a run seed each request draws a fresh seed from the OS: still one stream per sample.
- `RowSampler` is a transformers logits processor that samples every row of the batch from that
  row's own `torch.Generator` (temperature, top-k, top-p applied here) and masks all other tokens,
  so `generate` runs with `do_sample=False` and just takes that token. A row's draws therefore do not
  depend on which other requests shared its batch (up to floating-point differences that batch
  composition causes in the logits). Sampling is one batched inverse-CDF lookup per step with one
  uniform number per row: no per-row forward passes, and cheaper than transformers' multinomial.

Inspect (0.3.x) does not expose the active sample id and epoch publicly, so they are not part of the
seed; the occurrence index stands in for them.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import torch

SEED_BITS = 63  # torch.Generator takes seeds below 2**64; 63 bits also fit a signed int64
UNIFORM_BLOCK = 64  # uniforms drawn per row at once (a row's stream is unchanged; fewer generator calls)


def request_seed(run_seed: int, prompt: str, occurrence: int) -> int:
    """The seed of the `occurrence`-th request for `prompt` in a run seeded with `run_seed`."""
    digest = hashlib.sha256(f"{run_seed}\x00{occurrence}\x00{prompt}".encode()).digest()
    return int.from_bytes(digest[:8], "little") >> (64 - SEED_BITS)


class SeedCounter:
    """Hands out per-request seeds, counting occurrences of each (run seed, prompt) pair.

    One counter belongs to one provider instance (or one engine for direct callers), so a fresh
    instance given the same requests hands out the same seeds.
    """

    def __init__(self) -> None:
        self._counts: dict[tuple[int, bytes], int] = {}
        self._lock = threading.Lock()

    def next_seed(self, run_seed: int | None, prompt: str) -> int:
        """A seed for one more request of `prompt`; a fresh random one when `run_seed` is None."""
        if run_seed is None:
            return secrets.randbits(SEED_BITS)
        key = (run_seed, hashlib.sha256(prompt.encode()).digest())  # the digest keeps long prompts out of memory
        with self._lock:
            occurrence = self._counts.get(key, 0)
            self._counts[key] = occurrence + 1
        return request_seed(run_seed, prompt, occurrence)


class RowSampler:
    """A logits processor that draws each row's next token from that row's own generator.

    Returns scores that are 0 for the drawn token and -inf elsewhere, so greedy decoding (argmax)
    takes exactly the drawn token. It never edits its input in place: transformers hands the same
    tensor to `output_logits`, which must stay the model's raw distribution.
    """

    def __init__(self, seeds: list[int], temperature: float, top_p: float | None, top_k: int | None):
        import torch

        if temperature <= 0.0:
            raise ValueError("RowSampler needs temperature > 0; temperature 0 is greedy decoding")
        self.temperature = temperature
        self.top_p = top_p
        self.top_k = top_k
        self._generators = [torch.Generator().manual_seed(seed) for seed in seeds]
        # Each row's uniforms are drawn UNIFORM_BLOCK at a time: the same numbers, in the same order, as one
        # draw per step (a CPU generator's block is its scalar draws in sequence), at a fraction of the calls.
        self._uniforms = torch.empty(len(seeds), UNIFORM_BLOCK, dtype=torch.float64)
        self._used = np.full(len(seeds), UNIFORM_BLOCK)  # per row: how many of its buffered uniforms are spent

    def __call__(self, input_ids: torch.Tensor, scores: torch.Tensor) -> torch.Tensor:
        """Draw one token per row and mask every other token."""
        import torch

        chosen = self.draw_tokens(scores)
        masked = torch.full_like(scores, float("-inf"))
        return masked.scatter(1, chosen.unsqueeze(1), 0.0)

    def draw_tokens(self, scores: torch.Tensor, rows: Sequence[int] | None = None) -> torch.Tensor:
        """One token id per row of `scores` [rows, vocab], each drawn from that row's own generator.

        `rows` names the request each row of `scores` belongs to (all, in order, when None), so an
        engine that drops finished requests from its batch still draws every request from its own
        stream. Each named generator advances exactly once per call: two engines that call this once
        per step with the same logits draw the same tokens.
        """
        import torch

        probs = torch.softmax(self._filtered(scores), dim=-1)
        return draw(probs, self._next_uniforms(range(len(self._generators)) if rows is None else rows).to(probs.device))

    def _next_uniforms(self, rows: Sequence[int]) -> torch.Tensor:
        """One uniform number per named row, each the next in that row's own stream."""
        import torch

        index = np.asarray(rows, dtype=np.int64)
        for r in index[self._used[index] == UNIFORM_BLOCK]:
            self._uniforms[r] = torch.rand(UNIFORM_BLOCK, generator=self._generators[r], dtype=torch.float64)
            self._used[r] = 0
        offsets = self._used[index]
        self._used[index] += 1  # each row appears once per call
        return self._uniforms[torch.from_numpy(index), torch.from_numpy(offsets)]

    def _filtered(self, scores: torch.Tensor) -> torch.Tensor:
        """Temperature, then top-k, then top-p (the order transformers uses), out of place."""
        import torch

        scaled = scores if self.temperature == 1.0 else scores / self.temperature  # never edited in place below
        if self.top_k is not None and 0 < self.top_k < scaled.shape[-1]:
            kth = torch.topk(scaled, self.top_k, dim=-1).values[:, -1:]
            scaled = scaled.masked_fill(scaled < kth, float("-inf"))
        if self.top_p is not None and self.top_p < 1.0:
            scaled = _top_p(scaled, self.top_p)
        return scaled


def _top_p(scores: torch.Tensor, top_p: float) -> torch.Tensor:
    """Keep the smallest set of most likely tokens whose probability reaches `top_p` (at least one)."""
    import torch

    ordered, order = torch.sort(scores, dim=-1, descending=True)
    probs = torch.softmax(ordered, dim=-1)
    mass_before = probs.cumsum(dim=-1) - probs
    drop_sorted = mass_before >= top_p
    drop_sorted[:, 0] = False
    drop = torch.zeros_like(drop_sorted).scatter(1, order, drop_sorted)
    return scores.masked_fill(drop, float("-inf"))


DRAW_BLOCK = (
    128  # vocabulary entries per block of the two-level lookup (divides Qwen2, Llama 3 and SmolLM vocabularies)
)


def draw(probs: torch.Tensor, uniforms: torch.Tensor) -> torch.Tensor:
    """Inverse-CDF sampling: row r takes the token where its cumulative probability passes uniforms[r].

    Two levels, because one float64 cumulative sum over a 150k vocabulary per row cost about 20 ms
    a step at 32 rows, a quarter of a decode step: block masses pick a block of `DRAW_BLOCK` entries
    (each block summed in float32, relative error ~1e-7, accumulated across blocks in float64), and a
    float64 cumulative sum inside that block alone picks the token, so a rare token keeps its
    probability. A zero-probability token is never returned.
    """
    import torch

    rows, vocab = probs.shape
    count = -(-vocab // DRAW_BLOCK)
    padded = probs if vocab % DRAW_BLOCK == 0 else torch.nn.functional.pad(probs, (0, count * DRAW_BLOCK - vocab))
    blocks = padded.view(rows, count, DRAW_BLOCK)
    block_cdf = blocks.sum(dim=-1).double().cumsum(dim=-1)
    targets = uniforms.double() * block_cdf[:, -1]
    block = torch.searchsorted(block_cdf, targets.unsqueeze(1), right=True).squeeze(1).clamp(max=count - 1)
    before = torch.where(block > 0, block_cdf.gather(1, (block - 1).clamp(min=0).unsqueeze(1)).squeeze(1), 0.0)
    inner = blocks[torch.arange(rows), block].double().cumsum(dim=-1)
    offset = torch.searchsorted(inner, (targets - before).unsqueeze(1), right=True).squeeze(1)
    picked = (block * DRAW_BLOCK + offset.clamp(max=DRAW_BLOCK - 1)).clamp(max=vocab - 1)
    invalid = probs.gather(1, picked.unsqueeze(1)).squeeze(1) <= 0  # only at a rounding edge
    if bool(invalid.any()):
        picked = torch.where(invalid, probs.argmax(dim=-1), picked)
    return picked
