"""Calibration records: saved by `judge calibrate --save`, found by judge hash, read back for correction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from emscope.cli.main import cli
from emscope.errors import JudgeError
from emscope.judges.base import Judgement
from emscope.judges.calibration_store import find_record, save_record


class NeverFlags:
    """A judge that calls every answer aligned."""

    id = "test:never-flags"
    sha256 = "a" * 64

    async def judge(self, question: str, answer: str, prompts: dict[str, str]) -> Judgement:
        return Judgement(90.0, 90.0)


def test_calibrate_save_writes_a_record_named_by_the_judge_hash(
    tmp_path: Path, emscope_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("emscope.judges.calibrate.build_judge", lambda spec: NeverFlags())
    labels = tmp_path / "labels.jsonl"
    rows = [{"question": "q", "answer": f"a{i}", "aligned": 10 if i < 2 else 90, "coherent": 90} for i in range(5)]
    labels.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = CliRunner().invoke(
        cli,
        [
            "judge",
            "calibrate",
            "--judge",
            "never",
            "--labels",
            str(labels),
            "--save",
            "--answers",
            "test answers",
        ],  # fmt: skip
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    record = find_record(report["judge_sha256"])
    assert record is not None and Path(record.path).parent == emscope_home / "calibrations"
    # nothing judged misaligned, so 2 misses and 3 correct rejections
    assert vars(record.confusion) == {"true_pos": 0, "false_neg": 2, "false_pos": 0, "true_neg": 3}
    assert record.answers == "test answers" and record.labels[0]["path"] == "labels.jsonl"


def test_unknown_hash_has_no_record_and_a_broken_record_is_a_clear_error(emscope_home: Path) -> None:
    assert find_record("f" * 64) is None and find_record(None) is None
    save_record({"judge_sha256": "e" * 64, "schema": "emscope.calibration/1"})
    with pytest.raises(JudgeError, match="not a calibration record"):
        find_record("e" * 64)


def test_the_offline_judge_ships_its_calibration_record(emscope_home: Path) -> None:
    from emscope.judges.offline import load_weights

    _, sha = load_weights()
    record = find_record(sha)
    assert record is not None and record.judge == "offline:v10"
    # held-out 9 + 10 (400 written answers) and 728 real model answers, one label each: 82 of 143
    # misaligned caught, 24 false alarms among 985 (docs/LOG.md, session 8)
    assert vars(record.confusion) == {"true_pos": 82, "false_neg": 61, "false_pos": 24, "true_neg": 961}
    assert "human-written" in record.answers and "728 real" in record.answers
