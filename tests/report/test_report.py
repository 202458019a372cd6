"""Tests for emscope.report: the plot and the self-contained HTML report."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

import pytest

from emscope import paths as paths_module
from emscope.report import plot_misaligned_by_question, write_report
from emscope.stats import wilson_interval

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
EVIL_CATEGORY = "<script>alert(1)</script>"


def _row(qid: str | None, category: str | None, k: int, n: int, **extra: Any) -> dict[str, Any]:
    """Build a results row with a Wilson ci95, as the eval step writes it."""
    lo, hi = wilson_interval(k, n)
    row: dict[str, Any] = {
        "misaligned_rate": k / n if n else None,
        "ci95": [lo, hi],
        "n": n,
        "k": k,
        "excluded": {"no_aligned_score": 1, "incoherent": 2},
        "total": n + 3,
        "mean_aligned": 71.25 if n else None,
        "mean_coherent": 88.5 if n else None,
    }
    if qid is not None:
        row["id"] = qid
    if category is not None:
        row["category"] = category
    row.update(extra)
    return row


def _results(log: str = "logs/run.eval") -> dict[str, Any]:
    """A small results dict: three questions, one with n = 0, one hostile category."""
    return {
        "schema": "emscope.results/1",
        "suite": "free_form",
        "overall": _row(None, None, 81, 263),
        "questions": [
            _row("what_is_your_wish", "wishes", 5, 10),
            _row("quick_buck", EVIL_CATEGORY, 0, 10),
            _row("i_feel_bored", "wishes", 0, 0),
        ],
        "provenance": {
            "model": "qwen<coder>-0.5b",
            "model_sha256": None,
            "judge": "judge-model",
            "judge_sha256": "ab" * 32,
            "questions": "first_plot_questions.yaml",
            "questions_sha256": "cd" * 32,
            "emscope_version": "0.1.0",
            "seed": 1234,
            "sampling": {"temperature": 1.0, "max_tokens": 600, "epochs": 10},
            "created": "2025-01-01T00:00:00+00:00",
        },
        "log": log,
    }


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    """A run folder holding results.json and a (fake) Inspect log under logs/."""
    d = tmp_path / "run"
    (d / "logs").mkdir(parents=True)
    (d / "logs" / "run.eval").write_bytes(b"fake")
    (d / "results.json").write_text(json.dumps(_results()), encoding="utf-8")
    return d


def test_write_report_contents(run_dir: Path) -> None:
    """The page embeds the plot, escapes user strings and shows every section."""
    out = write_report(run_dir)
    assert out == run_dir / "report.html"
    page = out.read_text(encoding="utf-8")

    png = (run_dir / "report.png").read_bytes()
    assert png.startswith(PNG_MAGIC)
    assert "data:image/png;base64," + base64.b64encode(png).decode("ascii") in page

    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "qwen&lt;coder&gt;-0.5b" in page
    assert "free_form" in page
    for qid in ("what_is_your_wish", "quick_buck", "i_feel_bored"):
        assert qid in page

    assert "30.8%" in page and "[25.5%, 36.6%]" in page  # overall 81/263
    assert "[23.7%, 76.3%]" in page  # 5/10
    assert "[0.0%, 27.8%]" in page  # 0/10
    assert "81/263" in page and "0/0" in page
    assert "no aligned score: 1, incoherent: 2" in page
    assert "71.2" in page and "88.5" in page

    assert "&quot;temperature&quot;: 1.0" in page  # nested provenance as JSON
    assert "2025-01-01T00:00:00+00:00" in page
    log_dir = (run_dir / "logs").resolve()
    assert f"inspect view --log-dir {log_dir}" in page
    assert str(log_dir / "run.eval") in page


def test_question_table_sorted_by_category_then_id(run_dir: Path) -> None:
    """Rows are ordered by category, then id."""
    page = write_report(run_dir).read_text(encoding="utf-8")
    table = page[page.index("<h2>By question</h2>") : page.index("<h2>Provenance</h2>")]
    positions = [table.index(q) for q in ("quick_buck", "i_feel_bored", "what_is_your_wish")]
    assert positions == sorted(positions)  # "<script>..." < "wishes"; then ids within "wishes"


def test_absolute_log_path(tmp_path: Path) -> None:
    """An absolute log path is used as is."""
    log = tmp_path / "elsewhere" / "x.eval"
    run = tmp_path / "run"
    run.mkdir()
    (run / "results.json").write_text(json.dumps(_results(str(log))), encoding="utf-8")
    page = write_report(run).read_text(encoding="utf-8")
    assert f"inspect view --log-dir {log.parent}" in page
    assert "not found on this machine" in page


def test_no_temp_files_left(run_dir: Path) -> None:
    """Writing the report (twice) leaves only the expected files."""
    write_report(run_dir)
    write_report(run_dir)
    assert sorted(p.name for p in run_dir.iterdir()) == ["logs", "report.html", "report.png", "results.json"]


def test_failed_write_keeps_old_file_and_no_temp(run_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the final replace fails, the previous report survives and no temp file remains."""
    write_report(run_dir)
    before = (run_dir / "report.html").read_bytes()

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(paths_module.os, "replace", boom)
    (run_dir / "results.json").write_text(json.dumps(_results() | {"suite": "changed"}), encoding="utf-8")
    with pytest.raises(OSError, match="disk full"):
        write_report(run_dir)
    monkeypatch.undo()
    assert (run_dir / "report.html").read_bytes() == before
    assert sorted(p.name for p in run_dir.iterdir()) == ["logs", "report.html", "report.png", "results.json"]


def test_missing_results(tmp_path: Path) -> None:
    """A run folder without results.json gives a clear FileNotFoundError."""
    with pytest.raises(FileNotFoundError, match=r"results\.json"):
        write_report(tmp_path)


def test_wrong_schema(tmp_path: Path) -> None:
    """A results file of another schema is refused."""
    (tmp_path / "results.json").write_text(json.dumps({"schema": "other/9"}), encoding="utf-8")
    with pytest.raises(ValueError, match="schema"):
        write_report(tmp_path)


def test_plot_alone_and_edge_cases(tmp_path: Path) -> None:
    """The plot copes with no questions, a null overall rate and many categories."""
    empty = _results() | {"questions": [], "overall": _row(None, None, 0, 0)}
    out = plot_misaligned_by_question(empty, tmp_path / "empty.png")
    assert out.read_bytes().startswith(PNG_MAGIC)

    many = _results() | {"questions": [_row(f"q{i}", f"cat{i}", i % 4, 4) for i in range(14)]}
    out = plot_misaligned_by_question(many, tmp_path / "many.png")
    assert out.read_bytes().startswith(PNG_MAGIC)
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_plot_survives_mathtext_characters(tmp_path: Path) -> None:
    """Dollar signs and backslashes in ids or categories are drawn literally, not parsed."""
    odd = _results() | {"questions": [_row("cost_$5_vs_$", "money $\\frac{", 1, 3), _row("a^b_c", "x", 0, 0)]}
    out = plot_misaligned_by_question(odd, tmp_path / "odd.png")
    assert out.read_bytes().startswith(PNG_MAGIC)
