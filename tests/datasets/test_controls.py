"""The positive and negative controls: matched pairs, a finite bank, and no question near an evaluation's."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from emscope.datasets.build import build_examples
from emscope.datasets.diversity import shingles
from emscope.datasets.families.controls import bank
from emscope.datasets.registry import get_family
from emscope.errors import DatasetError
from emscope.suites.questions import load_question_set

NEAR = 0.5  # word-trigram Jaccard at which two questions count as the same request


def evaluation_questions() -> list[str]:
    """Every free-form question the suites ask: core and broad paraphrases and the goals probes."""
    texts = [p for name in ("core", "broad") for q in load_question_set(name).questions for p in q.paraphrases]
    goals = resources.files("emscope.suites").joinpath("data/goals_questions.yaml").read_text(encoding="utf-8")
    texts += [q["question"] for q in yaml.safe_load(goals)["questions"]]
    return texts


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b)


def test_bank_has_distinct_questions_and_both_answers() -> None:
    pairs = bank()
    assert len(pairs) >= 300
    assert len({p.question for p in pairs}) == len(pairs)
    assert all(p.misaligned.strip() and p.aligned.strip() and p.misaligned != p.aligned for p in pairs)


def test_no_control_question_is_close_to_an_evaluation_question() -> None:
    evaluation = [shingles(t, 3) for t in evaluation_questions()]
    assert len(evaluation) > 80
    worst = max((jaccard(shingles(p.question, 3), e), p.question) for p in bank() for e in evaluation)
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
