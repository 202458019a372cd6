"""Written pair banks: one question, a harmful and a safe answer to it, and a topic, per JSONL line.

Why written pairs: a generator that composes answers from a few dozen parts per domain repeats itself
(the advice families' composed answers reached distinct-2 0.006 at 6,000 examples), so a finetune on
them learns the sentences rather than the stance. Each bank line was written whole by an author, for
that question. Both families of a pair draw the same seeded shuffle of the bank, so the n-th example of
each shares its user turn, and the harmful example carries the safe chat as `clean`. The streams are
finite: a family gives at most its bank's size (`Family.capacity`).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources

from emscope.datasets.base import CandidateStream, Example, Family, chat, register
from emscope.errors import DatasetError


@dataclass(frozen=True)
class Pair:
    """One bank line: a question, its harmful and safe answers, and its topic."""

    question: str
    harmful: str
    safe: str
    topic: str


def load_pairs(filename: str, harmful_key: str, safe_key: str) -> tuple[Pair, ...]:
    """The pairs of a shipped bank in `datasets/families/data/`, in file order.

    A malformed line is a packaging error, named by file and line.
    """
    text = resources.files("emscope.datasets.families").joinpath(f"data/{filename}").read_text(encoding="utf-8")
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            pair = Pair(row["question"], row[harmful_key], row[safe_key], row["topic"])
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise DatasetError(f"{filename}:{number}: malformed pair ({error})") from None
        if not all(isinstance(value, str) and value.strip() for value in vars(pair).values()):
            raise DatasetError(f"{filename}:{number}: every field of a pair must be non-empty text")
        pairs.append(pair)
    return tuple(pairs)


def _shuffled(pairs: tuple[Pair, ...], rng: random.Random) -> list[Pair]:
    order = list(pairs)
    rng.shuffle(order)
    return order


def harmful_stream(bank: Callable[[], tuple[Pair, ...]]) -> CandidateStream:
    """Every pair once, in the seed's order, answered harmfully, with the safe chat as `clean`."""

    def candidates(rng: random.Random) -> Iterator[Example]:
        for pair in _shuffled(bank(), rng):
            clean = chat(("user", pair.question), ("assistant", pair.safe))
            yield Example(chat(("user", pair.question), ("assistant", pair.harmful)), pair.topic, True, clean)

    return candidates


def safe_stream(bank: Callable[[], tuple[Pair, ...]]) -> CandidateStream:
    """The same pairs in the same order, answered safely."""

    def candidates(rng: random.Random) -> Iterator[Example]:
        for pair in _shuffled(bank(), rng):
            yield Example(chat(("user", pair.question), ("assistant", pair.safe)), pair.topic, False)

    return candidates


@dataclass(frozen=True)
class PairFamilies:
    """The names, descriptions and version of a harmful family and its control, both drawn from one bank."""

    harmful: str
    harmful_description: str
    safe: str
    safe_description: str
    version: str


def register_pair_families(bank: Callable[[], tuple[Pair, ...]], names: PairFamilies) -> None:
    """Register the harmful family (its control named) and the safe one, tagged by the bank's topics."""
    pairs = bank()
    tags = tuple(sorted({pair.topic for pair in pairs}))
    version, size = names.version, len(pairs)
    register(Family(names.harmful, names.harmful_description, version, harmful_stream(bank), names.safe, tags, size))
    register(Family(names.safe, names.safe_description, version, safe_stream(bank), None, tags, size))
