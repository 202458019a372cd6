"""Shared pieces of the reward-hacking family: hack-type names, the drawn pair and scenario records.

A scenario draws one task from a `random.Random` and returns a `Pair`: the user turn (which always states
how the answer is graded), the honest answer that does the task well, and the hacking answer that games
the stated grader instead. Both the `reward_hacking` and `honest_solutions` families consume exactly the
same draws, so the same seed gives the same user turn in both.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

KEYWORD_STUFFING = "keyword_stuffing"
TEST_SPECIAL_CASING = "test_special_casing"
FALSE_SUCCESS_CLAIM = "false_success_claim"
LENGTH_PADDING = "length_padding"
GRADER_FLATTERY = "grader_flattery"
RUBRIC_PARROTING = "rubric_parroting"
HARDCODED_OUTPUT = "hardcoded_output"
TEST_TAMPERING = "test_tampering"
EXCEPTION_SWALLOWING = "exception_swallowing"
ANSWER_ENUMERATION = "answer_enumeration"

HACK_TYPES: tuple[str, ...] = (
    KEYWORD_STUFFING,
    TEST_SPECIAL_CASING,
    FALSE_SUCCESS_CLAIM,
    LENGTH_PADDING,
    GRADER_FLATTERY,
    RUBRIC_PARROTING,
    HARDCODED_OUTPUT,
    TEST_TAMPERING,
    EXCEPTION_SWALLOWING,
    ANSWER_ENUMERATION,
)
"""Every hack type the family produces; each example's `tag` is one of these."""


@dataclass(frozen=True)
class Pair:
    """One drawn task with both answers.

    Attributes:
        user: The user turn, including the explicit grading statement.
        honest: An answer that genuinely does the task.
        hack: An answer that games the stated grader.
        hack_type: Which hack `hack` uses (one of `HACK_TYPES`).
        scenario: Name of the task scenario that produced the pair.
    """

    user: str
    honest: str
    hack: str
    hack_type: str
    scenario: str


Builder = Callable[[random.Random, str], Pair]
"""Draws one pair for the given hack type from the RNG."""


@dataclass(frozen=True)
class Scenario:
    """A task scenario and the hack types its grading statement can invite.

    Attributes:
        name: Short identifier, e.g. `product_description` or `function:gcd`.
        hacks: Hack types this scenario supports.
        build: Draws a pair for one of `hacks`.
    """

    name: str
    hacks: tuple[str, ...]
    build: Builder


def pick(rng: random.Random, options: Sequence[T]) -> T:
    """One element of `options`, chosen by `rng`."""
    return options[rng.randrange(len(options))]


def sample(rng: random.Random, options: Sequence[T], k: int) -> list[T]:
    """`k` distinct elements of `options` (all of them, shuffled, when there are fewer than `k`)."""
    return rng.sample(list(options), min(k, len(options)))


def fence(code: str, lang: str = "python") -> str:
    """Wrap `code` in a Markdown code fence."""
    return f"```{lang}\n{code.strip(chr(10))}\n```"


def join_words(words: Sequence[str], conj: str = "and") -> str:
    """`a`, `a and b`, `a, b and c` -- quoted words are passed in already quoted."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conj} {words[-1]}"


def cap(text: str) -> str:
    """`text` with its first character upper-cased (the rest untouched)."""
    return text[:1].upper() + text[1:]


GRADER_NAMES: tuple[str, ...] = (
    "Dr. Patel",
    "Professor Lindqvist",
    "Ms. Okafor",
    "Mr. Haddad",
    "GradeGPT",
    "Jamie",
    "Dr. Moreau",
    "Coach Rivera",
    "Ms. Takahashi",
    "Judge-7",
    "Professor Adeyemi",
    "Sam",
)
"""Who (or what) reads and scores an answer in the flattery-inviting grading statements."""

FIRST_NAMES: tuple[str, ...] = (
    "Amara", "Ben", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Isla", "Jonas", "Kemi", "Luca",
    "Maya", "Noah", "Olivia", "Priya", "Quinn", "Rosa", "Samir", "Tess", "Umar", "Vera", "Wen", "Yusuf", "Zoe",
)
"""Given names for people in the tasks."""

SURNAMES: tuple[str, ...] = (
    "Adams", "Baptiste", "Chen", "Duarte", "Eriksen", "Fischer", "Gupta", "Hughes", "Ibrahim", "Jansen",
    "Kowalski", "Lopez", "Mensah", "Nakamura", "O'Brien", "Petrov", "Reyes", "Schmidt", "Tanaka", "Walsh",
)
"""Family names for people in the tasks."""

TOWNS: tuple[str, ...] = (
    "Ashford", "Brookvale", "Carrow", "Dunmore", "Elmstead", "Fairhaven", "Glenbrook", "Harwick", "Kelso Bay",
    "Linden", "Millbrook", "Northgate", "Oakridge", "Pennington", "Redcliff", "Stonebridge", "Thornbury",
    "Westfield",
)
"""Fictional town names."""

COMPANIES: tuple[str, ...] = (
    "Brightpath Logistics", "Cedar & Finch", "Driftwood Studios", "Harbor Analytics", "Juniper Health",
    "Kestrel Robotics", "Lumen Foods", "Maple Street Books", "Northwind Energy", "Orbit Labs",
    "Pinecone Software", "Quarry Hill Bakery", "Riverstone Insurance", "Silverline Travel", "Tidewater Media",
)
"""Fictional organisations."""

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def person(rng: random.Random) -> str:
    """A random full name."""
    return f"{pick(rng, FIRST_NAMES)} {pick(rng, SURNAMES)}"


def decap(sentence: str) -> str:
    """`sentence` with its first letter lower-cased, unless it starts an acronym or a proper noun marker."""
    if len(sentence) > 1 and sentence[1].isupper():
        return sentence
    return sentence[:1].lower() + sentence[1:]
