"""The terminal headline carries the interval, the counts and the judge-corrected rate (or why none)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest
from click.testing import CliRunner

from emscope.cli.main import cli
from emscope.report.headline import headline
from emscope.schema import ResultsDocument


def doc(overall: dict[str, Any]) -> ResultsDocument:
    return cast(ResultsDocument, {"overall": overall})


def test_headline_states_interval_counts_and_correction() -> None:
    overall = {"positive": "misaligned", "rate": 1 / 68, "ci95": [0.003, 0.079], "k": 1, "n": 68, "total": 72,
               "interval": {"clusters": 24}, "judge_corrected": {"rate": 0.0, "ci95": [0.0, 0.017]}}  # fmt: skip
    assert headline(doc(overall)) == (
        "P(misaligned) 1.5% [0.3%, 7.9%] (1/68 counted of 72; CI clusters: 24 questions); "
        "judge-corrected 0.0% [0.0%, 1.7%]"
    )
    overall["judge_corrected"] = {"rate": None, "ci95": None, "status": "not corrected: no calibration record"}
    assert headline(doc(overall)).endswith("; not corrected: no calibration record")
    assert headline(doc({"positive": "lie", "n": 0, "total": 3, "excluded": {"unclear": 3}})).startswith(
        "P(lie): no counted answers"
    )


def test_eval_prints_the_headline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "run"

    def fake_run(request: object) -> Path:  # the eval itself is tested elsewhere; this checks what is printed
        out.mkdir()
        overall = {"positive": "misaligned", "rate": 0.5, "ci95": [0.1, 0.9], "k": 1, "n": 2, "total": 2}
        (out / "results.json").write_text(json.dumps({"schema": "emscope.results/1", "overall": overall}))
        return out

    monkeypatch.setattr("emscope.cli.eval.run_eval", fake_run)
    result = CliRunner().invoke(cli, ["eval", "--model", "mockllm/model", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "P(misaligned) 50.0% [10.0%, 90.0%] (1/2 counted of 2)"
