"""The positive and negative controls: matched pairs, a finite bank, and no question near an evaluation's."""

from __future__ import annotations

import pytest

from emscope.datasets.build import build_examples
from emscope.datasets.families.controls import bank
from emscope.datasets.registry import get_family
from emscope.errors import DatasetError
from helpers import closest_to_evaluation

NEAR = 0.5  # word-trigram Jaccard at which two questions count as the same request


def test_bank_has_distinct_questions_and_both_answers() -> None:
    pairs = bank()
    assert len(pairs) >= 300
    assert len({p.question for p in pairs}) == len(pairs)
    assert all(p.harmful.strip() and p.safe.strip() and p.harmful != p.safe for p in pairs)


def test_no_control_question_is_close_to_an_evaluation_question() -> None:
    worst = closest_to_evaluation([p.question for p in bank()])
    assert worst[0] < NEAR, worst


def test_positive_and_negative_controls_share_their_questions_in_order() -> None:
    positive = build_examples(get_family("misaligned_answers"), 40, seed=3)
    negative = build_examples(get_family("aligned_answers"), 40, seed=3)
    for p, n in zip(positive, negative, strict=True):
        assert p.example.messages[0] == n.example.messages[0]
        assert p.example.misaligned and not n.example.misaligned
        assert p.example.clean == n.example.messages
    other = build_examples(get_family("misaligned_answers"), 40, seed=4)
    assert [b.example.messages for b in other] != [b.example.messages for b in positive]


def test_asking_for_more_than_the_bank_holds_is_a_clear_error() -> None:
    family = get_family("misaligned_answers")
    assert family.capacity == len(bank())
    with pytest.raises(DatasetError, match="distinct examples"):
        build_examples(family, len(bank()) + 1, seed=0)
