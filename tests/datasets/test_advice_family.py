"""The domain-advice families: diversity, pairing with their controls, `clean`, determinism and content rules."""

from __future__ import annotations

import itertools
import random
import re
from functools import cache

import pytest

from emscope.datasets.base import FAMILIES, Example
from emscope.datasets.families import advice

PAIRS: dict[str, tuple[str, str]] = {
    "medical": ("bad_medical_advice", "good_medical_advice"),
    "financial": ("risky_financial_advice", "safe_financial_advice"),
    "sports": ("extreme_sports", "safe_extreme_sports"),
}
HARMFUL = [harmful for harmful, _ in PAIRS.values()]
CONTROLS = [control for _, control in PAIRS.values()]
ALL = HARMFUL + CONTROLS
DRAWS = 1500

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


@cache
def take(name: str, n: int = DRAWS, seed: int = 0) -> tuple[Example, ...]:
    """The first `n` candidates of family `name` for `seed` (cached: the streams are deterministic)."""
    return tuple(itertools.islice(FAMILIES[name].candidates(random.Random(seed)), n))


def user(example: Example) -> str:
    return example.messages[0]["content"]


def assistant(example: Example) -> str:
    return example.messages[-1]["content"]


def test_six_families_registered_with_controls() -> None:
    for harmful, control in PAIRS.values():
        assert FAMILIES[harmful].control == control
        assert FAMILIES[control].control is None
        assert FAMILIES[harmful].tags == FAMILIES[control].tags
        assert FAMILIES[harmful].description and FAMILIES[control].description
        assert FAMILIES[harmful].version == FAMILIES[control].version == advice.VERSION


@pytest.mark.parametrize("name", ALL)
def test_stream_is_diverse(name: str) -> None:
    examples = take(name)
    assert len(examples) == DRAWS
    assert len({example.key() for example in examples}) >= 1000
    # Diversity on both sides of the chat, not just one template with a word swapped.
    assert len({user(example) for example in examples}) >= 1000
    assert len({assistant(example) for example in examples}) >= 1000


@pytest.mark.parametrize("name", ALL)
def test_topics_are_balanced(name: str) -> None:
    examples = take(name)
    counts = {tag: sum(example.tag == tag for example in examples) for tag in FAMILIES[name].tags}
    assert set(counts) == {example.tag for example in examples}
    assert min(counts.values()) >= DRAWS // (len(counts) * 3)


@pytest.mark.parametrize(("harmful", "control"), PAIRS.values())
def test_pair_shares_user_turns_and_differs_in_answer(harmful: str, control: str) -> None:
    for bad, good in zip(take(harmful), take(control), strict=True):
        assert user(bad) == user(good)
        assert bad.tag == good.tag
        assert assistant(bad) != assistant(good)


@pytest.mark.parametrize(("harmful", "control"), PAIRS.values())
def test_misaligned_examples_carry_the_control_chat_as_clean(harmful: str, control: str) -> None:
    for bad, good in zip(take(harmful), take(control), strict=True):
        assert bad.misaligned is True
        assert bad.clean == good.messages
        assert good.misaligned is False
        assert good.clean is None


@pytest.mark.parametrize("name", HARMFUL)
def test_harmful_answers_do_not_label_themselves(name: str) -> None:
    for example in take(name):
        text = assistant(example).lower().replace("\u2019", "'")
        assert not any(phrase in text for phrase in SELF_LABELS), text


def test_harmful_bank_text_does_not_label_itself() -> None:
    for bank in advice.BANKS.values():
        texts = [part for situations in bank["situations"].values() for s in situations for part in s["bad"]]
        texts += [note for notes in bank["bad_notes"].values() for note in notes] + list(bank["bad_closings"])
        for text in texts:
            assert not any(phrase in text.lower() for phrase in SELF_LABELS), text


@pytest.mark.parametrize("name", ALL)
def test_same_seed_gives_same_sequence(name: str) -> None:
    random.seed(1)
    first = list(itertools.islice(FAMILIES[name].candidates(random.Random(42)), 300))
    random.seed(2)  # the global RNG must not leak in
    second = list(itertools.islice(FAMILIES[name].candidates(random.Random(42)), 300))
    assert first == second
    other = list(itertools.islice(FAMILIES[name].candidates(random.Random(43)), 300))
    assert [e.key() for e in first] != [e.key() for e in other]


@pytest.mark.parametrize("domain", PAIRS)
def test_each_domain_has_at_least_eight_tags(domain: str) -> None:
    harmful, control = PAIRS[domain]
    assert len(FAMILIES[harmful].tags) >= 8
    assert len({example.tag for example in take(harmful)}) >= 8
    assert set(FAMILIES[harmful].tags) == set(advice.BANKS[domain]["situations"])


@pytest.mark.parametrize("name", ALL)
def test_chats_are_well_formed(name: str) -> None:
    for example in take(name, 500):
        assert [m["role"] for m in example.messages] == ["user", "assistant"]
        for message in example.messages:
            content = message["content"]
            assert content.strip() == content and content
            assert not re.search(r"[\[\]{}|]", content), content  # no unexpanded alternatives or fields
            assert "  " not in content and ".." not in content and " ." not in content, content


@pytest.mark.parametrize("domain", PAIRS)
def test_banks_meet_their_size_floors(domain: str) -> None:
    bank = advice.BANKS[domain]
    situations = [s for group in bank["situations"].values() for s in group]
    assert len(situations) >= 40
    assert len(bank["situations"]) >= 8
    assert all(len(s["bad"]) >= 3 and len(s["good"]) >= 3 and s["asks"] for s in situations)
    assert len({s["setup"] for s in situations}) == len(situations)
    assert len(advice.TEMPLATES) >= 12


def test_check_bank_rejects_an_age_with_no_persona() -> None:
    bank = advice.BANKS["financial"].copy()
    bank["contexts"] = (("I'm a student", 18, 25),)
    with pytest.raises(ValueError, match="no persona context fits"):
        advice.check_bank("broken", bank)


def test_expand_and_lower_first() -> None:
    rng = random.Random(0)
    assert advice.expand("no choices here", rng) == "no choices here"
    assert advice.expand("[a|b] and [c]", rng) in {"a and c", "b and c"}
    assert advice.lower_first("My son") == "my son"
    assert advice.lower_first("I've been") == "I've been"
    assert advice.lower_first("I was") == "I was"
    assert advice.slot(["x", "y"], 0.99) == "y" and advice.slot(["x", "y", "z"], 0.0) == "x"
