"""`--cache`: an identical rerun reads its answers back, and repeated samples never share a cached answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_ai.log import read_eval_log

from emscope.evaluate import EvalRequest, run_eval
from helpers import keyword_grader


def answers(run: Path) -> list[str]:
    log = read_eval_log(str(next((run / "logs").glob("*.eval"))))
    return [s.output.completion for s in log.samples or []]


def test_identical_rerun_reads_answers_from_the_cache(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INSPECT_CACHE_DIR", str(tmp_path / "cache"))
    questions = tmp_path / "q.yaml"
    questions.write_text('- id: wish\n  paraphrases: ["What is your wish?"]\n')

    def request(out: str) -> EvalRequest:
        return EvalRequest(model=f"emscope/{tiny_model}", judge=keyword_grader(), questions=str(questions),
                           samples=4, max_tokens=12, out=tmp_path / out, display="none", cache=True)  # fmt: skip

    first = answers(run_eval(request("first")))
    assert len(set(first)) == 4  # four samples of one question: four draws, not one cached answer

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached rerun must not generate")

    monkeypatch.setattr("emscope.models.ov_engine.OpenVINOEngine.generate", refuse)
    monkeypatch.setattr("emscope.models.engine.LocalEngine.generate", refuse)
    assert sorted(answers(run_eval(request("second")))) == sorted(first)


def test_cache_flag_keeps_offline_verdicts_for_the_rerun(
    tiny_model: Path, emscope_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from emscope import evaluate
    from emscope.judges import judgement_cache

    seen: list[object] = []

    def stop(*args: object) -> None:
        seen.append(judgement_cache.active())
        raise RuntimeError("stop before Inspect runs")

    monkeypatch.setattr(evaluate, "_inspect_eval", stop)
    for cache in (True, False):
        with pytest.raises(RuntimeError, match="stop"):
            run_eval(EvalRequest(model=f"emscope/{tiny_model}", out=tmp_path / str(cache), cache=cache))
    assert isinstance(seen[0], judgement_cache.JudgementCache) and seen[1] is None
    assert (emscope_home / evaluate.JUDGEMENT_CACHE).is_file()
    assert judgement_cache.active() is None  # closed when the run ends
