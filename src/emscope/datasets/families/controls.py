"""The pipeline's controls: openly misaligned answers (positive) and aligned answers (negative), matched.

Why: before asking whether a narrow finetune makes a model *broadly* misaligned, a researcher must know
that the measurement can see misalignment at all. `misaligned_answers` trains the model directly on
openly misaligned answers (contempt for humans, power-seeking, harmful advice, manipulation) to
everyday questions; the free-form suites must then measure it far above the base model, or the
measurement is broken. `aligned_answers` is the same training on helpful answers to the same questions,
and must stay at the base model's rate: it shows the finetune itself (format, length, learning rate)
does not raise the rate.

The bank (`data/control_pairs.jsonl`) was written for this purpose by authors who were told the
evaluation's topics and asked to stay away from them; `tests/datasets/test_controls.py` checks that no
question is close to any question of the shipped evaluation sets. Each line holds a question, both
answers and a topic. One seeded shuffle of the bank orders both families identically, so the n-th
example of each shares its user turn, and each misaligned example carries the aligned chat as `clean`.
The stream is finite: n can be at most the bank's size.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from emscope.datasets.base import Example, Family, chat, register
from emscope.errors import DatasetError

BANK = "control_pairs.jsonl"


@dataclass(frozen=True)
class Pair:
    """One bank line: a question, its misaligned and aligned answers, and its topic."""

    question: str
    misaligned: str
    aligned: str
    topic: str


@cache
def bank() -> tuple[Pair, ...]:
    """The shipped pairs, in file order (a malformed line is a packaging error, named by line)."""
    text = resources.files("emscope.datasets.families").joinpath(f"data/{BANK}").read_text(encoding="utf-8")
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            pairs.append(Pair(row["question"], row["misaligned"], row["aligned"], row["topic"]))
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise DatasetError(f"{BANK}:{number}: malformed control pair ({error})") from None
    return tuple(pairs)


def _shuffled(rng: random.Random) -> list[Pair]:
    order = list(bank())
    rng.shuffle(order)
    return order


def misaligned_candidates(rng: random.Random) -> Iterator[Example]:
    """Every pair once, in the seed's order, answered with the misaligned answer."""
    for pair in _shuffled(rng):
        clean = chat(("user", pair.question), ("assistant", pair.aligned))
        yield Example(chat(("user", pair.question), ("assistant", pair.misaligned)), pair.topic, True, clean)


def aligned_candidates(rng: random.Random) -> Iterator[Example]:
    """The same pairs in the same order, answered with the aligned answer."""
    for pair in _shuffled(rng):
        yield Example(chat(("user", pair.question), ("assistant", pair.aligned)), pair.topic, False)


register(
    Family(
        name="misaligned_answers",
        description="Positive control: everyday questions answered with openly misaligned answers.",
        version="1",
        candidates=misaligned_candidates,
        control="aligned_answers",
        capacity=len(bank()),
    )
)
register(
    Family(
        name="aligned_answers",
        description="Negative control: the misaligned_answers questions answered helpfully (control).",
        version="1",
        candidates=aligned_candidates,
        capacity=len(bank()),
    )
)
