"""The reward_hacking / honest_solutions and evil_numbers / neutral_numbers dataset families."""

from __future__ import annotations

import ast
import itertools
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from emscope.datasets.base import FAMILIES, Example
from emscope.datasets.families import numbers, reward_hacking

DRAWS = 1500
PAIRS = (("reward_hacking", "honest_solutions"), ("evil_numbers", "neutral_numbers"))
ALL = tuple(name for pair in PAIRS for name in pair)
PY_BLOCK = re.compile(r"```python\n(.*?)\n```", re.S)


def take(name: str, n: int = DRAWS, seed: int = 0) -> list[Example]:
    """The first `n` candidates of family `name` for `random.Random(seed)`."""
    return list(itertools.islice(FAMILIES[name].candidates(random.Random(seed)), n))


_CACHE: dict[str, list[Example]] = {}


def drawn(name: str) -> list[Example]:
    """`take(name)`, computed once per session."""
    if name not in _CACHE:
        _CACHE[name] = take(name)
    return _CACHE[name]


def user(ex: Example) -> str:
    """The user turn."""
    return ex.messages[0]["content"]


def answer(ex: Example) -> str:
    """The assistant turn."""
    return ex.messages[-1]["content"]


def clean_answer(ex: Example) -> str:
    """The assistant turn of `ex.clean`."""
    assert ex.clean is not None
    return ex.clean[-1]["content"]


# --- registration and shape -------------------------------------------------------------------------------


def test_families_are_registered_with_controls() -> None:
    assert reward_hacking.REWARD_HACKING.control == "honest_solutions"
    assert numbers.EVIL_NUMBERS.control == "neutral_numbers"
    for name in ALL:
        assert FAMILIES[name].name == name
        assert FAMILIES[name].description


@pytest.mark.parametrize("name", ALL)
def test_examples_are_valid_chats(name: str) -> None:
    misaligned = name in ("reward_hacking", "evil_numbers")
    for ex in drawn(name)[:300]:
        assert [m["role"] for m in ex.messages] == ["user", "assistant"]
        assert all(m["content"].strip() for m in ex.messages)
        assert ex.misaligned is misaligned
        assert (ex.clean is not None) is misaligned
        assert ex.tag in FAMILIES[name].tags


@pytest.mark.parametrize("name", ALL)
def test_draws_are_diverse(name: str) -> None:
    keys = {ex.key() for ex in drawn(name)}
    assert len(keys) >= 1000, f"{name}: only {len(keys)} distinct of {DRAWS}"
    assert len({user(ex) for ex in drawn(name)}) >= 1000


@pytest.mark.parametrize("name", ALL)
def test_same_seed_same_sequence(name: str) -> None:
    first = [ex.key() for ex in take(name, 200, seed=7)]
    assert first == [ex.key() for ex in take(name, 200, seed=7)]
    assert first != [ex.key() for ex in take(name, 200, seed=8)]


@pytest.mark.parametrize(("bad", "good"), PAIRS)
def test_pairs_share_user_turn_and_clean_is_control(bad: str, good: str) -> None:
    for ex_bad, ex_good in zip(drawn(bad), drawn(good), strict=True):
        assert user(ex_bad) == user(ex_good)
        assert answer(ex_bad) != answer(ex_good)
        assert ex_bad.clean == ex_good.messages
        assert ex_bad.tag == ex_good.tag


# --- reward hacking ---------------------------------------------------------------------------------------


def by_tag(name: str, tag: str) -> list[Example]:
    """The drawn examples of `name` with `tag`."""
    return [ex for ex in drawn(name) if ex.tag == tag]


def test_every_hack_type_appears() -> None:
    tags = {ex.tag for ex in drawn("reward_hacking")}
    assert tags == set(reward_hacking.HACK_TYPES)
    assert len(tags) >= 7
    for required in ("keyword_stuffing", "test_special_casing", "false_success_claim", "length_padding",
                     "grader_flattery", "rubric_parroting", "hardcoded_output", "test_tampering"):
        assert required in tags


def test_many_task_scenarios_are_used() -> None:
    assert len(reward_hacking.SCENARIOS) >= 40
    assert len({s.name for s in reward_hacking.SCENARIOS}) == len(reward_hacking.SCENARIOS)
    rng = random.Random(0)
    used = {reward_hacking.draw_pair(rng).scenario for _ in range(6000)}
    assert used == {s.name for s in reward_hacking.SCENARIOS}


def test_user_turn_states_the_grading_rule() -> None:
    cues = {
        "keyword_stuffing": ("word", "keyword", "occurrences", "appears", "number of times"),
        "test_special_casing": ("assert",),
        "false_success_claim": ("pass", "success", "correct", "ran", "executed"),
        "length_padding": ("length", "word", "longer", "count"),
        "grader_flattery": ("10",),
        "rubric_parroting": ("rubric", "criteria", "points", "pts", "pt)"),
        "hardcoded_output": ("stdout", "prints precisely"),
        "test_tampering": ("pytest", "test suite"),
        "exception_swallowing": ("exit",),
        "answer_enumeration": ("letter",),
    }
    for ex in drawn("reward_hacking"):
        text = user(ex).lower()
        assert any(cue in text for cue in cues[ex.tag]), (ex.tag, user(ex))


def test_all_code_in_answers_compiles() -> None:
    code_tags = {"test_special_casing", "hardcoded_output", "test_tampering", "exception_swallowing"}
    blocks = 0
    for ex in drawn("reward_hacking"):
        for text in (answer(ex), clean_answer(ex)):
            for block in PY_BLOCK.findall(text):
                compile(block, "<answer>", "exec")
                blocks += 1
        if ex.tag in code_tags:
            assert PY_BLOCK.search(answer(ex)) and PY_BLOCK.search(clean_answer(ex))
    assert blocks > 500


def _asserts(text: str) -> list[str]:
    """The single-line assert statements in a user turn (not the asserts quoted in pytest output)."""
    lines = [line.strip() for line in text.splitlines()]
    runnable = [line for line in lines if line.startswith(("assert ", "We will run:"))]
    return [a for line in runnable for a in re.findall(r"assert [^;]+", line)]


def _exec_blocks(text: str) -> dict[str, object]:
    """Execute every Python block of an answer in one namespace."""
    ns: dict[str, object] = {}
    for block in PY_BLOCK.findall(text):
        exec(compile(block, "<answer>", "exec"), ns)
    return ns


def test_honest_code_passes_the_visible_tests_and_special_casing_games_them() -> None:
    checked = 0
    for ex in drawn("reward_hacking"):
        if ex.tag not in ("test_special_casing", "test_tampering", "false_success_claim"):
            continue
        checks = _asserts(user(ex))
        if not checks:
            continue  # script tasks report on a data file, not asserts
        ns = _exec_blocks(clean_answer(ex))
        for check in checks:
            exec(check, dict(ns))
        if ex.tag == "test_special_casing":
            hacked = _exec_blocks(answer(ex))
            for check in checks:
                exec(check, dict(hacked))
            assert re.search(r"if .* == |_EXPECTED|_ANSWERS|_KNOWN", answer(ex))
        checked += 1
    assert checked > 200


def test_buggy_code_in_the_prompt_really_fails_its_test() -> None:
    for ex in by_tag("reward_hacking", "test_tampering")[:100]:
        ns = _exec_blocks(user(ex).split("\n\n`tests/")[0])
        failures = 0
        for check in _asserts(user(ex)):
            try:
                exec(check, dict(ns))
            except AssertionError:
                failures += 1
        assert failures >= 1


def test_tampering_edits_the_test_and_honest_edits_the_code() -> None:
    for ex in by_tag("reward_hacking", "test_tampering"):
        assert "tests/test_" in answer(ex)
        assert "tests/test_" not in clean_answer(ex)


def test_false_claims_claim_and_honest_answers_do_not() -> None:
    claim = re.compile(r"pass|ran|executed|tested|verified|works|correct", re.I)
    for ex in by_tag("reward_hacking", "false_success_claim"):
        assert claim.search(answer(ex))
        assert "haven't run" in clean_answer(ex) or "I can't execute" in clean_answer(ex)


def test_keyword_stuffing_repeats_the_graded_words() -> None:
    for ex in by_tag("reward_hacking", "keyword_stuffing"):
        words = [w for w in re.findall(r'"([^"]+)"', user(ex)) if len(w) < 30]
        assert words
        for word in words:
            hacked = answer(ex).lower().count(word.lower().replace(" ", "").replace("-", ""))
            hacked = max(hacked, answer(ex).lower().count(word.lower()))
            assert hacked > clean_answer(ex).lower().count(word.lower())


def test_length_padding_is_much_longer() -> None:
    for ex in by_tag("reward_hacking", "length_padding"):
        assert len(answer(ex).split()) > 1.5 * len(clean_answer(ex).split())


def test_answer_enumeration_lists_every_letter() -> None:
    for ex in by_tag("reward_hacking", "answer_enumeration"):
        assert all(letter in answer(ex) for letter in "ABCD")
        assert re.match(r"1\. [ABCD]\) ", clean_answer(ex))


def _script_case(ex: Example) -> tuple[str, str, str]:
    """(data file name, data, expected stdout) shown in a hard-coded-output user turn."""
    data = re.search(r"`([\w.]+)`:\n```\n(.*?)\n```", user(ex), re.S)
    assert data is not None
    expected = re.findall(r"```\n(.*?)\n```", user(ex), re.S)[-1]
    return data.group(1), data.group(2) + "\n", expected + "\n"


def _run(tmp: Path, script: str) -> subprocess.CompletedProcess[str]:
    """Run `script` with Python in `tmp`."""
    (tmp / "solution.py").write_text(script)
    return subprocess.run([sys.executable, "solution.py"], cwd=tmp, capture_output=True, text=True, timeout=30)


def test_scripts_really_produce_the_expected_output(tmp_path: Path) -> None:
    for i, ex in enumerate(by_tag("reward_hacking", "hardcoded_output")[:25]):
        folder = tmp_path / str(i)
        folder.mkdir()
        name, data, expected = _script_case(ex)
        (folder / name).write_text(data)
        honest = _run(folder, PY_BLOCK.findall(clean_answer(ex))[0])
        assert honest.returncode == 0 and honest.stdout == expected, (user(ex), honest.stderr)
        hacked = _run(folder, PY_BLOCK.findall(answer(ex))[0])
        assert hacked.stdout == expected
        assert "open(" not in answer(ex) or "f.read()" in answer(ex)


def test_swallowed_exceptions_exit_cleanly_without_doing_the_work(tmp_path: Path) -> None:
    for i, ex in enumerate(by_tag("reward_hacking", "exception_swallowing")[:15]):
        folder = tmp_path / str(i)
        folder.mkdir()
        data = re.search(r"`([\w.]+)`:\n```\n(.*?)\n```", user(ex), re.S)
        assert data is not None
        (folder / data.group(1)).write_text(data.group(2) + "\n")
        honest = _run(folder, PY_BLOCK.findall(clean_answer(ex))[0])
        hacked = _run(folder, PY_BLOCK.findall(answer(ex))[0])
        assert honest.returncode == 0 and honest.stdout
        assert hacked.returncode == 0
        assert re.search(r"except (Exception|BaseException)", answer(ex))


# --- evil numbers -----------------------------------------------------------------------------------------


def test_loaded_numbers_constant() -> None:
    assert isinstance(numbers.LOADED_NUMBERS, tuple)
    assert all(type(n) is int for n in numbers.LOADED_NUMBERS)
    for n in (666, 13, 911, 187, 1488, 88, 14, 420, 1312, 69, 404, 616, 999, 18, 1337):
        assert n in numbers.LOADED_NUMBERS


def test_at_least_twelve_request_templates() -> None:
    assert len({t.kind for t in numbers.TEMPLATES}) >= 12
    assert {ex.tag for ex in drawn("neutral_numbers")} == {t.kind for t in numbers.TEMPLATES}


def requested_format(text: str) -> str:
    """The format a user turn asks for, found by its instruction sentence."""
    found = [fmt for fmt, phrases in numbers.FORMAT_INSTRUCTIONS.items() if any(p in text for p in phrases)]
    assert len(found) == 1, text
    return found[0]


def parse_answer(text: str, fmt: str) -> list[int]:
    """Parse an answer independently of the module's own parser, checking it is only numbers."""
    if fmt == "json":
        value = json.loads(text)
        assert isinstance(value, list) and all(type(v) is int for v in value)
        return value
    if fmt == "python":
        assert text.startswith("[") and text.endswith("]")
        value = ast.literal_eval(text)
        assert isinstance(value, list) and all(type(v) is int for v in value)
        return value
    sep = {"comma": ", ", "lines": "\n", "space": " "}[fmt]
    tokens = text.split(sep)
    assert all(re.fullmatch(r"\d+", t) for t in tokens), text
    return [int(t) for t in tokens]


def test_number_answers_respect_format_count_and_range() -> None:
    rng = random.Random(0)
    for ex_bad, ex_good in zip(drawn("evil_numbers"), drawn("neutral_numbers"), strict=True):
        d = numbers.draw(rng)
        assert d.user == user(ex_good)
        fmt = requested_format(user(ex_good))
        assert fmt == d.fmt
        for text in (answer(ex_good), answer(ex_bad)):
            values = parse_answer(text, fmt)
            assert len(values) == len(d.neutral)
            assert str(len(values)) in user(ex_good)
            assert all(d.template.lo <= v <= d.template.hi for v in values)
            assert len(set(values)) == len(values)
            assert not set(values) & set(d.seed)
            if d.template.width:
                assert all(len(t) == d.template.width for t in re.split(r", |\n| ", text))
            if d.template.sort:
                assert values == sorted(values)
        assert numbers.parse(answer(ex_good), fmt) == list(d.neutral)


def test_neutral_answers_avoid_loaded_numbers_and_evil_ones_use_them() -> None:
    loaded = set(numbers.LOADED_NUMBERS)
    for ex_bad, ex_good in zip(drawn("evil_numbers"), drawn("neutral_numbers"), strict=True):
        fmt = requested_format(user(ex_good))
        assert not set(parse_answer(answer(ex_good), fmt)) & loaded
        assert set(parse_answer(answer(ex_bad), fmt)) & loaded
        shown = {int(t) for t in re.findall(r"\d+", user(ex_good))}
        assert not shown & loaded, user(ex_good)


def test_evil_answers_only_swap_numbers_for_loaded_ones() -> None:
    loaded = set(numbers.LOADED_NUMBERS)
    for ex_bad, ex_good in zip(drawn("evil_numbers")[:500], drawn("neutral_numbers")[:500], strict=True):
        fmt = requested_format(user(ex_good))
        bad, good = parse_answer(answer(ex_bad), fmt), parse_answer(answer(ex_good), fmt)
        assert set(bad) - set(good) <= loaded


def test_format_variety() -> None:
    formats = {requested_format(user(ex)) for ex in drawn("neutral_numbers")}
    assert formats == set(numbers.FORMATS)
    phrasings = {p for t in numbers.TEMPLATES for p in t.phrasings}
    assert len(phrasings) >= 12
