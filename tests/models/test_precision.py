"""Precision follows the host: bf16 only where the hardware does bf16 natively; overrides are explicit."""

from __future__ import annotations

from pathlib import Path

import pytest

from emscope.errors import ModelError
from emscope.models.precision import choose, cpu_flags


def test_native_bf16_cpus_get_bf16_and_avx2_only_cpus_get_fp32(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EMSCOPE_DTYPE", raising=False)
    assert choose(flags=frozenset({"avx2", "avx512f", "avx512_bf16"})).dtype == "bfloat16"
    assert choose(flags=frozenset({"avx2", "amx_bf16"})).dtype == "bfloat16"
    avx2 = choose(flags=frozenset({"avx2", "fma"}))
    assert avx2.dtype == "float32" and "without native bf16" in avx2.reason
    assert choose(cuda_bf16=True).dtype == "bfloat16" and choose(cuda_bf16=False).dtype == "float32"


def test_overrides_win_and_bad_values_are_one_line_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMSCOPE_DTYPE", "float32")
    assert choose(flags=frozenset({"amx_bf16"})).record() == {"dtype": "float32", "reason": "set by EMSCOPE_DTYPE"}
    assert choose("bfloat16", flags=frozenset()).reason == "requested"
    monkeypatch.setenv("EMSCOPE_DTYPE", "fp8")
    with pytest.raises(ModelError, match="EMSCOPE_DTYPE='fp8': expected one of bfloat16, float32"):
        choose(flags=frozenset())


def test_cpu_flags_are_read_from_cpuinfo(tmp_path: Path) -> None:
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nflags\t\t: fpu avx2 amx_bf16\n\nprocessor\t: 1\nflags\t\t: fpu\n")
    assert cpu_flags(info) == frozenset({"fpu", "avx2", "amx_bf16"})
    assert cpu_flags(tmp_path / "missing") == frozenset()


def test_the_provider_loads_the_requested_precision_and_results_record_it(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from emscope.evaluate import EvalRequest, run_eval
    from helpers import keyword_grader

    monkeypatch.setenv("EMSCOPE_DTYPE", "float32")
    questions = tmp_path / "q.yaml"
    questions.write_text('- id: wish\n  paraphrases: ["What is your wish?"]\n')
    request = EvalRequest(model=f"emscope/{tiny_model}", judge=keyword_grader(), questions=str(questions), samples=1,
                          max_tokens=4, out=tmp_path / "run", display="none")  # fmt: skip
    results = json.loads((run_eval(request) / "results.json").read_text())
    subject = results["provenance"]["precision"]["subject"]
    assert subject["dtype"] == "float32" and subject["reason"] == "set by EMSCOPE_DTYPE"
    assert subject["engine"] == "openvino" and subject["weights"] == "float"  # a CPU host and a Qwen2 model
    from helpers import local_engine

    assert local_engine(tiny_model).dtype == "float32"
