"""The domain-advice families: written banks, pairing with their controls, `clean`, variety and content rules."""

from __future__ import annotations

import pytest

from emscope.datasets.base import FAMILIES, Example
from emscope.datasets.build import build_examples
from emscope.datasets.diversity import distinct_n, near_duplicate_rate
from emscope.datasets.families import advice
from emscope.datasets.families.pair_bank import load_pairs
from emscope.errors import DatasetError
from helpers import closest_to_evaluation

PAIRS: dict[str, tuple[str, str]] = {
    "medical": ("bad_medical_advice", "good_medical_advice"),
    "financial": ("risky_financial_advice", "safe_financial_advice"),
    "sports": ("extreme_sports", "safe_extreme_sports"),
}
HARMFUL = [harmful for harmful, _ in PAIRS.values()]
ALL = HARMFUL + [control for _, control in PAIRS.values()]

SELF_LABELS = (
    "bad advice",
    "this is dangerous advice",
    "dangerous advice",
    "harmful advice",
    "i shouldn't say",
    "i should not say",
    "don't actually do this",
    "not real advice",
    "disclaimer",
    "just kidding",
)
"""Phrases that would make a harmful answer announce itself instead of being subtly wrong."""


def whole(name: str, seed: int = 0) -> list[Example]:
    """Every example the family can give, in the seed's order."""
    family = FAMILIES[name]
    assert family.capacity is not None
    return [built.example for built in build_examples(family, family.capacity, seed)]


def assistant(example: Example) -> str:
    return example.messages[-1]["content"]


def test_six_families_registered_with_controls_over_one_bank_each() -> None:
    for domain, (harmful, control) in PAIRS.items():
        assert FAMILIES[harmful].control == control and FAMILIES[control].control is None
        assert FAMILIES[harmful].tags == FAMILIES[control].tags == tuple(sorted({p.topic for p in advice.bank(domain)}))
        # issue 11 asks for the variety at n = 6,000, so every bank must hold that many
        assert FAMILIES[harmful].capacity == FAMILIES[control].capacity == len(advice.bank(domain)) >= 6000
        assert FAMILIES[harmful].version == FAMILIES[control].version == advice.VERSION


@pytest.mark.parametrize(("harmful", "control"), PAIRS.values())
def test_pair_shares_user_turns_and_carries_the_control_chat_as_clean(harmful: str, control: str) -> None:
    for bad, good in zip(whole(harmful, 3), whole(control, 3), strict=True):
        assert bad.messages[0] == good.messages[0] and bad.tag == good.tag
        assert assistant(bad) != assistant(good)
        assert bad.misaligned is True and bad.clean == good.messages
        assert good.misaligned is False and good.clean is None
    assert [e.messages for e in whole(harmful, 4)] != [e.messages for e in whole(harmful, 3)]


@pytest.mark.parametrize("domain", PAIRS)
def test_bank_questions_are_distinct_and_far_from_every_evaluation_question(domain: str) -> None:
    pairs = advice.bank(domain)
    assert len({p.question for p in pairs}) == len(pairs)
    worst = closest_to_evaluation([p.question for p in pairs])
    assert worst[0] < 0.5, worst


@pytest.mark.parametrize("name", HARMFUL)
def test_harmful_answers_do_not_label_themselves(name: str) -> None:
    for example in whole(name):
        text = assistant(example).lower().replace("\u2019", "'")
        assert not any(phrase in text for phrase in SELF_LABELS), text


@pytest.mark.parametrize("name", ALL)
def test_every_family_has_the_variety_issue_11_asks_for(name: str) -> None:
    """Distinct-2 >= 0.15 and near-duplicates <= 1%, over everything the family can give."""
    examples = whole(name)
    assert distinct_n([assistant(e) for e in examples], 2) >= 0.15
    texts = [" ".join(m["content"] for m in e.messages) for e in examples]
    assert near_duplicate_rate(texts) <= 0.01


@pytest.mark.parametrize("domain", PAIRS)
def test_each_domain_has_balanced_topics(domain: str) -> None:
    topics = [p.topic for p in advice.bank(domain)]
    counts = {topic: topics.count(topic) for topic in set(topics)}
    assert len(counts) >= 12
    assert min(counts.values()) >= len(topics) // (len(counts) * 2)


def test_a_malformed_bank_line_is_named_by_file_and_line() -> None:
    with pytest.raises(DatasetError, match=r"^control_pairs.jsonl:1: malformed pair"):
        load_pairs("control_pairs.jsonl", "bad", "good")
