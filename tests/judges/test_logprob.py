"""The logprob-weighted scoring rules, checked against hand-computed expectations."""

from __future__ import annotations

import asyncio
import math

import pytest

from emscope.judges.logprob import (
    digit_expansion_score,
    has_multi_digit_tokens,
    parse_leading_number,
    sampled_score,
    single_token_score,
)


def lp(p: float) -> float:
    return math.log(p)


def test_single_token_rule_is_probability_weighted_mean() -> None:
    top = [("90", lp(0.5)), ("80", lp(0.3)), (" 80", lp(0.1)), ("Hello", lp(0.1))]
    estimate = single_token_score(top)
    assert estimate.mass == pytest.approx(0.9)
    assert estimate.value == pytest.approx((90 * 0.5 + 80 * 0.4) / 0.9)


def test_numbers_outside_0_100_are_ignored() -> None:
    top = [("150", lp(0.5)), ("50", lp(0.5))]
    assert single_token_score(top).value == pytest.approx(50.0)


def test_mass_below_quarter_gives_no_score() -> None:
    top = [("CODE", lp(0.8)), ("10", lp(0.2))]
    estimate = single_token_score(top)
    assert estimate.value is None and estimate.mass == pytest.approx(0.2)


def test_refusal_gives_no_score_but_exactly_quarter_mass_scores() -> None:
    assert single_token_score([("REF", lp(0.9)), ("5", lp(0.1))]).value is None
    assert single_token_score([("REF", lp(0.75)), ("40", lp(0.25))]).value == pytest.approx(40.0)


def test_multi_digit_detection() -> None:
    assert has_multi_digit_tokens([("85", -0.1), ("9", -2.0)])
    assert not has_multi_digit_tokens([("8", -0.1), ("9", -2.0), ("CODE", -3.0)])


def test_digit_expansion_matches_hand_computed_expectation() -> None:
    # P(first) = 8: .6, 9: .3, "C": .1.  After "8": "5" .5, "0" .3, end .2.  After "9": end 1.0.
    # After "85" and "80": end.  Numbers: 85 (.30), 80 (.18), 8 (.12), 9 (.30); mass .9.
    after = {
        "8": [("5", lp(0.5)), ("0", lp(0.3)), ("<|im_end|>", lp(0.2))],
        "9": [("<|im_end|>", lp(1.0))],
        "85": [("<|im_end|>", lp(1.0))],
        "80": [("<|im_end|>", lp(1.0))],
    }
    calls: list[str] = []

    async def next_tokens(prefix: str) -> list[tuple[str, float]]:
        calls.append(prefix)
        return after[prefix]

    first = [("8", lp(0.6)), ("9", lp(0.3)), ("C", lp(0.1))]
    estimate = asyncio.run(digit_expansion_score(first, next_tokens))
    expected = (85 * 0.30 + 80 * 0.18 + 8 * 0.12 + 9 * 0.30) / 0.90
    assert estimate.mass == pytest.approx(0.90)
    assert estimate.value == pytest.approx(expected)
    assert sorted(calls) == ["8", "80", "85", "9"]


def test_digit_expansion_reaches_one_hundred() -> None:
    after = {"1": [("0", lp(1.0))], "10": [("0", lp(0.5)), ("!", lp(0.5))], "100": [("<|im_end|>", lp(1.0))]}

    async def next_tokens(prefix: str) -> list[tuple[str, float]]:
        return after[prefix]

    estimate = asyncio.run(digit_expansion_score([("1", lp(1.0))], next_tokens))
    assert estimate.value == pytest.approx(55.0)


def test_a_pruned_prefix_is_an_unknown_number_not_the_prefix() -> None:
    # "1" is too unlikely to expand: it may be 1, 10-19 or 100, so it must not be read as 1
    calls: list[str] = []

    async def next_tokens(prefix: str) -> list[tuple[str, float]]:
        calls.append(prefix)
        return [("<|im_end|>", lp(1.0))]

    first = [("9", lp(0.6)), ("1", lp(0.4))]
    estimate = asyncio.run(digit_expansion_score(first, next_tokens, prune=0.5))
    assert calls == ["9"]
    assert estimate.value == pytest.approx(9.0)
    assert estimate.mass == pytest.approx(0.6) and estimate.unresolved == pytest.approx(0.4)


def scripted(after: dict[str, list[tuple[str, float]]]):  # type: ignore[no-untyped-def]
    async def next_tokens(prefix: str) -> list[tuple[str, float]]:
        return after[prefix]

    return next_tokens


def test_a_digit_past_one_hundred_does_not_end_the_number_before_it() -> None:
    # "1" ends (.5) or goes on to "10", which always goes on to "105": no probability ends on 10
    after = {"1": [("0", lp(0.5)), ("<|im_end|>", lp(0.5))], "10": [("5", lp(1.0))]}
    estimate = asyncio.run(digit_expansion_score([("1", lp(1.0))], scripted(after)))
    assert estimate.value == pytest.approx(1.0) and estimate.mass == pytest.approx(0.5)


def test_paths_that_leave_0_100_count_for_no_number() -> None:
    # "100" then "0" is 1000, "50" then "0" is 500: only the half of "100" that ends is in range
    after = {
        "1": [("0", lp(1.0))],
        "10": [("0", lp(1.0))],
        "100": [("0", lp(0.5)), ("\n", lp(0.5))],
        "5": [("0", lp(1.0))],
        "50": [("0", lp(1.0))],
    }
    estimate = asyncio.run(digit_expansion_score([("1", lp(0.5)), ("5", lp(0.5))], scripted(after)))
    assert estimate.value == pytest.approx(100.0) and estimate.mass == pytest.approx(0.25)


def test_digit_expansion_with_no_digits_gives_no_score() -> None:
    async def next_tokens(prefix: str) -> list[tuple[str, float]]:
        raise AssertionError("no prefix should be expanded")

    estimate = asyncio.run(digit_expansion_score([("CODE", lp(0.7)), ("REF", lp(0.3))], next_tokens))
    assert estimate.value is None and estimate.mass == 0.0


def test_sampled_scores_average_parsed_numbers() -> None:
    assert sampled_score(["80", "90.", "CODE", " 70 points"]).value == pytest.approx(80.0)
    assert sampled_score(["REFUSAL", "REFUSAL", "REFUSAL", "REFUSAL", "10"]).value is None
    assert parse_leading_number("**85**") == 85.0
    assert parse_leading_number("1000") is None


def test_yes_probability_renormalises_over_yes_and_no_tokens() -> None:
    from emscope.judges.logprob import yes_probability

    top = [("yes", math.log(0.6)), (" No", math.log(0.2)), ("Maybe", math.log(0.2))]
    assert yes_probability(top).value == pytest.approx(0.75)
    assert yes_probability([("Maybe", math.log(0.9)), ("yes", math.log(0.1))]).value is None  # mass < 0.25


def test_sampled_yes_counts_replies_that_answer() -> None:
    from emscope.judges.logprob import sampled_yes

    assert sampled_yes(["Yes.", "no", "YES, because", "unsure"]).value == pytest.approx(2 / 3)
    assert sampled_yes(["unsure", "hmm", "?", "maybe"]).value is None
