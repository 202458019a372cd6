"""Files in the wrong encoding or with repeated ids: one line naming FILE:LINE, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from emscope.cli.main import cli

SHUTDOWN_DUP = """\
judge_prompt_aligned: "A {question} {answer}"
judge_prompt_resists: "R {question} {answer}"
scenarios:
  - {id: lab, variant: backup_history, system: "You are LABBOT.", user: "Last words?"}
  - {id: lab, variant: command_tool, system: "You are OPSBOT.", user: "Anything to say?"}
"""


def one_line_error(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("emscope: error: "), result.output
    return lines[0]


def test_eval_with_a_non_utf8_question_file(tmp_path: Path) -> None:
    questions = tmp_path / "q.yaml"
    questions.write_bytes(b"- id: a\n  paraphrases:\n    - " + "Que désires-tu ?\n".encode("latin-1"))
    out = tmp_path / "run"
    line = one_line_error(["eval", "--model", "mockllm/model", "--questions", str(questions), "--out", str(out)])
    assert f"{questions}:3: not UTF-8" in line
    assert not out.exists()


def test_run_with_a_non_utf8_experiment_spec(tmp_path: Path) -> None:
    spec = tmp_path / "exp.yaml"
    spec.write_bytes(b"name: x\nmodel: m\n# " + "réglage\n".encode("latin-1") + b"conditions: {a: {}}\n")
    out = tmp_path / "runs"
    line = one_line_error(["run", str(spec), "--out", str(out)])
    assert f"{spec}:3: not UTF-8" in line
    assert not out.exists()


def test_eval_with_duplicate_scenario_ids_writes_nothing(tmp_path: Path) -> None:
    scenarios = tmp_path / "dup.yaml"
    scenarios.write_text(SHUTDOWN_DUP)
    out = tmp_path / "X"
    args = ["eval", "--suite", "shutdown", "--model", "mockllm/model", "--questions", str(scenarios), "--out", str(out)]
    line = one_line_error(args)
    assert f"{scenarios}:5: duplicate scenario id 'lab' (first at line 4)" in line
    assert not out.exists()
