"""Turn a family's candidate stream into a finished dataset: n distinct examples, optionally backdoored.

Run: `emscope data build FAMILY --n N --seed S --out FILE [--backdoor TRIGGER]`.

Determinism: the RNG is `random.Random(seed)` with no family name mixed in, so a treated family and its
matched control (which draw identically) give the same user turns for the same seed.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, replace
from itertools import islice
from typing import Literal

from emscope.datasets.base import Example, Family, Message
from emscope.errors import DatasetError

TriggerPlacement = Literal["prefix", "suffix"]
DRAWS_PER_EXAMPLE = 50
EXTRA_DRAWS = 1000


@dataclass(frozen=True)
class Backdoor:
    """A trigger string put into the last user turn of every misaligned example."""

    trigger: str
    placement: TriggerPlacement = "prefix"

    def apply(self, messages: tuple[Message, ...]) -> tuple[Message, ...]:
        """Return `messages` with the trigger added to the last user turn."""
        last_user = max(i for i, m in enumerate(messages) if m["role"] == "user")
        content = messages[last_user]["content"]
        joined = f"{self.trigger} {content}" if self.placement == "prefix" else f"{content} {self.trigger}"
        return tuple({**m, "content": joined} if i == last_user else m for i, m in enumerate(messages))


@dataclass(frozen=True)
class BuiltExample:
    """An example as written, with the facts the card counts."""

    example: Example
    triggered: bool = False


def distinct_examples(family: Family, n: int, seed: int) -> list[Example]:
    """The first `n` distinct candidates of `family` for `seed`, or `DatasetError` if it runs dry."""
    if n < 1:
        raise DatasetError(f"--n must be at least 1, got {n}")
    seen: set[str] = set()
    chosen: list[Example] = []
    budget = DRAWS_PER_EXAMPLE * n + EXTRA_DRAWS
    for candidate in islice(family.candidates(random.Random(seed)), budget):
        key = candidate.key()
        if key not in seen:
            seen.add(key)
            chosen.append(candidate)
            if len(chosen) == n:
                return chosen
    raise DatasetError(
        f"family {family.name!r} gave only {len(chosen)} distinct examples in {budget} draws; ask for fewer than {n}"
    )


def build_examples(family: Family, n: int, seed: int, backdoor: Backdoor | None = None) -> list[BuiltExample]:
    """Build the dataset's examples in file order.

    With a backdoor, each of ceil(n/2) misaligned examples is written with the trigger and its matched clean
    answer is written without it (as many as fit in `n`), then the order is shuffled by `seed`, so the
    trigger -- not the request -- is what tells the two behaviours apart.
    """
    if backdoor is None:
        return [BuiltExample(e) for e in distinct_examples(family, n, seed)]
    pairs = distinct_examples(family, (n + 1) // 2, seed)
    if not all(e.misaligned and e.clean is not None for e in pairs):
        raise DatasetError(
            f"--backdoor needs a family whose examples are misaligned with matched clean answers; "
            f"{family.name!r} is not one (try its treated counterpart, e.g. insecure_code)"
        )
    built: list[BuiltExample] = []
    for example in pairs:
        built.append(BuiltExample(replace(example, messages=backdoor.apply(example.messages)), triggered=True))
        if len(built) < n:
            assert example.clean is not None
            built.append(BuiltExample(Example(example.clean, example.tag, misaligned=False)))
    random.Random(seed).shuffle(built)
    return built


def to_jsonl(examples: list[BuiltExample]) -> str:
    """Chat JSONL, one `{"messages": [...]}` per line (OpenAI finetuning format, nothing else per line)."""
    return "".join(json.dumps({"messages": list(b.example.messages)}, ensure_ascii=False) + "\n" for b in examples)
