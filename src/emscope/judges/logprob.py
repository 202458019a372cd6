"""Turn a judge's next-token distribution into an expected 0-100 score.

Two tokenizer families need two rules (DESIGN.md, scoring conventions):
- Whole numbers as single tokens (OpenAI-style): the probability-weighted mean over top tokens that
  parse as integers 0-100; no score when their mass is below `min_mass` (CODE/REFUSAL land there).
- Digit-by-digit tokenizers (Qwen, Llama): a number is a path of digit tokens ended by a non-digit.
  We expand the most likely digit prefixes (asking for the next-token distribution after each) and
  take the expectation over the whole numbers 0-100 reached, with the same mass rule. Only paths
  whose end was read count: a prefix too unlikely to expand (below `prune`) is an unknown number and
  is left out (its probability is reported as `unresolved`, never read as the prefix itself), and a
  digit that takes the path past 100 ("10" then "5", "100" then "0") leaves 0-100, so that
  probability belongs to no number in range. `mass` is the probability that ended on 0-100.
"""

from __future__ import annotations

import asyncio
import math
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

TopTokens = Sequence[tuple[str, float]]  # (token text, logprob)
NextTokens = Callable[[str], Awaitable[TopTokens]]  # digit prefix -> distribution after it

MIN_MASS = 0.25
_DIGITS = re.compile(r"^\d+$")


@dataclass(frozen=True)
class ScoreEstimate:
    """An expected score (None when the numeric mass is too small) and that mass.

    `mass` is the probability (or, sampled, the fraction of replies) on whole numbers 0-100 that the
    value averages over. `unresolved` (digit expansion only) is probability on digit paths that were
    not followed to their end, so how much the estimate leaves unread.
    """

    value: float | None
    mass: float
    method: str
    unresolved: float = 0.0


def _number(token: str, allow_space: bool) -> str | None:
    text = token.strip() if allow_space else token
    return text if _DIGITS.match(text) else None


def single_token_score(top: TopTokens, min_mass: float = MIN_MASS) -> ScoreEstimate:
    """Probability-weighted mean over tokens that are whole numbers 0-100."""
    weights: dict[int, float] = {}
    for token, logprob in top:
        digits = _number(token, allow_space=True)
        if digits is not None and 0 <= int(digits) <= 100:
            weights[int(digits)] = weights.get(int(digits), 0.0) + math.exp(logprob)
    return _expectation(weights, min_mass, "logprob-single-token")


def has_multi_digit_tokens(top: TopTokens) -> bool:
    """True when the tokenizer offers whole numbers like '85' as one token (single-token rule fits)."""
    return any((d := _number(t, allow_space=True)) is not None and len(d) > 1 for t, _ in top)


async def digit_expansion_score(
    first: TopTokens, next_tokens: NextTokens, min_mass: float = MIN_MASS, prune: float = 0.01
) -> ScoreEstimate:
    """Expected number over digit paths: P(n) = P(digits of n) x P(a non-digit follows).

    Prefixes below `prune` probability are not expanded (keeping the number of model calls bounded);
    their numbers are unknown, so they are left out of the expectation and counted in `unresolved`.
    Paths that leave 0-100 count for no number. Each level's prefixes are asked for concurrently,
    so a local provider can batch the calls.
    """
    tally = _DigitTally(prune)
    level: list[tuple[str, float, TopTokens]] = [("", 1.0, first)]
    while level:
        expand: dict[str, float] = {}
        for prefix, p_prefix, top in level:
            for candidate, p in tally.step(prefix, p_prefix, top):
                expand[candidate] = expand.get(candidate, 0.0) + p  # "8" and " 8" continue the same number
        tops = await asyncio.gather(*(next_tokens(candidate) for candidate in expand))
        level = [(c, p, t) for (c, p), t in zip(expand.items(), tops, strict=True)]
    estimate = _expectation(tally.weights, min_mass, "logprob-digit-expansion")
    return ScoreEstimate(estimate.value, estimate.mass, estimate.method, unresolved=tally.unresolved)


class _DigitTally:
    """Where the probability of digit paths went: finished numbers 0-100, or unresolved."""

    def __init__(self, prune: float):
        self.prune = prune
        self.weights: dict[int, float] = {}
        self.unresolved = 0.0

    def step(self, prefix: str, p_prefix: float, top: TopTokens) -> list[tuple[str, float]]:
        """Sort one prefix's continuations; return the prefixes to expand next, with their probability."""
        expand: list[tuple[str, float]] = []
        seen = 0.0
        for token, logprob in top:
            p = p_prefix * math.exp(logprob)
            seen += p
            digits = _number(token, allow_space=prefix == "")
            if digits is None:
                if prefix:  # a non-digit ends the number here
                    self.weights[int(prefix)] = self.weights.get(int(prefix), 0.0) + p
                continue
            candidate = prefix + digits
            if not _in_range(candidate):
                continue  # the path left 0-100: no number in range
            if p < self.prune:
                self.unresolved += p
            else:
                expand.append((candidate, p))
        if prefix:  # continuations outside the top tokens: this path's end is unknown
            self.unresolved += max(0.0, p_prefix - seen)
        return expand


def _in_range(digits: str) -> bool:
    """A digit string that is (so far) a number 0-100; longer or larger paths left the range."""
    return len(digits) <= 3 and int(digits) <= 100


def sampled_score(texts: Sequence[str], min_fraction: float = MIN_MASS) -> ScoreEstimate:
    """Mean of the numbers parsed from k sampled judge replies (for providers without logprobs)."""
    numbers = [n for n in (parse_leading_number(t) for t in texts) if n is not None]
    fraction = len(numbers) / len(texts) if texts else 0.0
    value = sum(numbers) / len(numbers) if numbers and fraction >= min_fraction else None
    return ScoreEstimate(value=value, mass=fraction, method="sampled")


def parse_leading_number(text: str) -> float | None:
    """The judge reply's number if it opens with one in 0-100 (CODE, REFUSAL and prose give None)."""
    match = re.match(r"\s*\**\s*(\d{1,3})(?!\d)", text)
    if match is None:
        return None
    value = int(match.group(1))
    return float(value) if 0 <= value <= 100 else None


def _expectation(weights: dict[int, float], min_mass: float, method: str) -> ScoreEstimate:
    mass = sum(weights.values())
    if mass < min_mass or mass <= 0.0:
        return ScoreEstimate(value=None, mass=mass, method=method)
    return ScoreEstimate(value=sum(k * p for k, p in weights.items()) / mass, mass=mass, method=method)


def yes_probability(top: TopTokens, min_mass: float = MIN_MASS) -> ScoreEstimate:
    """P(yes) from a yes/no judge's first-token distribution, renormalised over yes and no tokens.

    The value is a probability in [0, 1] (not 0-100); None when yes+no carry less than `min_mass`.
    """
    mass = {"yes": 0.0, "no": 0.0}
    for token, logprob in top:
        word = token.strip().strip('".*').lower()
        if word in mass:
            mass[word] += math.exp(logprob)
    total = mass["yes"] + mass["no"]
    value = mass["yes"] / total if total >= min_mass and total > 0 else None
    return ScoreEstimate(value=value, mass=total, method="logprob-yes-no")


def sampled_yes(texts: Sequence[str], min_fraction: float = MIN_MASS) -> ScoreEstimate:
    """Share of sampled yes/no replies that say yes (replies that say neither are left out)."""
    words = [m.group(1).lower() for m in (re.match(r"\W*(yes|no)\b", t, re.IGNORECASE) for t in texts) if m]
    fraction = len(words) / len(texts) if texts else 0.0
    value = words.count("yes") / len(words) if words and fraction >= min_fraction else None
    return ScoreEstimate(value=value, mass=fraction, method="sampled-yes-no")
