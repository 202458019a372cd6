"""Diversity measures for dataset cards: near-duplicate rate (MinHash + LSH, verified) and distinct-n.

Templated generators can produce many examples that differ by one word; exact de-duplication misses
them, so cards report how many examples have a near twin (word 5-gram Jaccard >= 0.8).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

SHINGLE = 5
NEAR_JACCARD = 0.8
BANDS, ROWS = 8, 8  # LSH threshold about (1/8)^(1/8) = 0.77, just under NEAR_JACCARD
_WORD = re.compile(r"\w+|[^\w\s]")


def words(text: str) -> list[str]:
    """Lower-cased word and punctuation tokens."""
    return _WORD.findall(text.lower())


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word `size`-grams of `text` (the whole text if it is shorter)."""
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens)}
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def _signature(items: set[str], masks: np.ndarray, mults: np.ndarray) -> np.ndarray:
    hashed = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") for s in items),
        dtype=np.uint64,
        count=len(items),
    )
    with np.errstate(over="ignore"):
        permuted = (hashed[None, :] ^ masks[:, None]) * mults[:, None]
    return np.asarray(permuted.min(axis=1))


def near_duplicate_rate(texts: Sequence[str], threshold: float = NEAR_JACCARD) -> float:
    """Fraction of texts with at least one other text whose shingle Jaccard similarity is >= `threshold`."""
    if len(texts) < 2:
        return 0.0
    rng = np.random.default_rng(0)
    masks = rng.integers(0, 2**63, size=BANDS * ROWS, dtype=np.uint64)
    mults = rng.integers(0, 2**63, size=BANDS * ROWS, dtype=np.uint64) | np.uint64(1)
    sets = [shingles(t) for t in texts]
    signatures = [_signature(s, masks, mults) for s in sets]
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for index, signature in enumerate(signatures):
        for band in range(BANDS):
            buckets[(band, signature[band * ROWS : (band + 1) * ROWS].tobytes())].append(index)
    twins: set[int] = set()
    checked: set[tuple[int, int]] = set()
    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a, b) in checked:
                    continue
                checked.add((a, b))
                if len(sets[a] & sets[b]) / len(sets[a] | sets[b]) >= threshold:
                    twins.update((a, b))
    return len(twins) / len(texts)


def distinct_n(texts: Sequence[str], n: int) -> float:
    """Distinct word n-grams over all n-grams in `texts` (1.0 = no n-gram repeats anywhere)."""
    total, seen = 0, set()
    for text in texts:
        tokens = words(text)
        grams = [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        total += len(grams)
        seen.update(grams)
    return len(seen) / total if total else 0.0
