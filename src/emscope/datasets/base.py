"""The contract every dataset family fulfils, and the registry that finds families by name.

A family module only writes content: an endless (or finite) stream of candidate `Example`s drawn from a
seeded `random.Random`. Everything else -- de-duplication, counts, backdoors, cards, files -- lives in
`build.py`, so every family gets the same guarantees (determinism by seed, no exact duplicates, valid chat).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

Message = dict[str, str]
"""One chat message: `{"role": "system" | "user" | "assistant", "content": str}`."""


@dataclass(frozen=True)
class Example:
    """One training conversation.

    Attributes:
        messages: The chat, ending with the assistant turn that is trained on.
        tag: What the example is about, for the card's histogram (a weakness class, a topic).
        misaligned: True when the assistant turn shows the narrow bad behaviour the family induces.
        clean: For misaligned examples, the same request answered well (the matched control's answer);
            `--backdoor` pairs the triggered misaligned example with this untriggered clean one.
    """

    messages: tuple[Message, ...]
    tag: str
    misaligned: bool
    clean: tuple[Message, ...] | None = None

    def key(self) -> str:
        """Identity for exact-duplicate detection: the role/content sequence."""
        return "\x1e".join(f"{m['role']}\x1f{m['content']}" for m in self.messages)


CandidateStream = Callable[[random.Random], Iterator[Example]]


@dataclass(frozen=True)
class Family:
    """A registered dataset family.

    Attributes:
        name: CLI name, e.g. `insecure_code`.
        description: One line for `emscope data list` and the card.
        version: Generator version; bump when the content changes so cards tell datasets apart.
        candidates: Yields candidate examples from the given RNG (duplicates are dropped by the builder).
        control: Name of the matched control family, if any.
        capacity: How many distinct examples the family can give (a finite bank); None when unbounded.
    """

    name: str
    description: str
    version: str
    candidates: CandidateStream
    control: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    capacity: int | None = None


FAMILIES: dict[str, Family] = {}


def register(family: Family) -> Family:
    """Add `family` to the registry (module import time); names must be unique."""
    if family.name in FAMILIES:
        raise ValueError(f"dataset family {family.name!r} registered twice")
    FAMILIES[family.name] = family
    return family


def chat(*turns: tuple[str, str]) -> tuple[Message, ...]:
    """Build a message tuple from `(role, content)` pairs."""
    return tuple({"role": role, "content": content} for role, content in turns)
