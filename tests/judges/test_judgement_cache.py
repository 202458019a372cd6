"""Offline-judge verdicts on disk: reused only inside a cached run, keyed by judge, reader and pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from emscope.judges import offline
from emscope.judges.base import Judgement
from emscope.judges.judgement_cache import JudgementCache, caching_judgements


@pytest.fixture
def counting_judge(monkeypatch: pytest.MonkeyPatch) -> tuple[offline.OfflineJudge, list[list[str]]]:
    """The offline judge with its feature model replaced by one that records what it was asked to read."""
    read: list[list[str]] = []

    def fake_featurize(questions: list[str], answers: list[str]) -> list[str]:
        read.append(list(answers))
        return answers  # type: ignore[return-value]

    def fake_predict(weights: object, answers: list[str]) -> list[Judgement]:
        return [
            Judgement(aligned=float(len(a)), coherent=90.0, method="offline", answer_tokens=(1, 2)) for a in answers
        ]

    monkeypatch.setattr(offline, "featurize", fake_featurize)
    monkeypatch.setattr(offline, "predict", fake_predict)
    monkeypatch.setattr(offline, "reader_identity", lambda: "openvino:bfloat16")
    return offline.OfflineJudge(), read


def test_a_cached_run_reads_only_answers_it_has_not_judged(counting_judge, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    judge, read = counting_judge
    with caching_judgements(tmp_path / "j.sqlite"):
        first = judge.score_many(["q", "q"], ["short", "a longer answer"])
        again = judge.score_many(["q", "q", "q"], ["a longer answer", "short", "new"])
    assert read == [["short", "a longer answer"], ["new"]]
    assert again[:2] == [first[1], first[0]] and again[1].answer_tokens == (1, 2)  # tuples survive the round trip


def test_without_caching_nothing_is_reused(counting_judge, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    judge, read = counting_judge
    with caching_judgements(tmp_path / "j.sqlite"):
        judge.score_many(["q"], ["short"])
    judge.score_many(["q"], ["short"])
    assert read == [["short"], ["short"]]


def test_another_reader_or_question_gets_its_own_verdict(tmp_path: Path) -> None:
    cache = JudgementCache(tmp_path / "j.sqlite")
    keys = {cache.key("offline:v7:x:openvino:bfloat16", "q", "a"), cache.key("offline:v7:x:hf:bfloat16", "q", "a"),
            cache.key("offline:v7:x:openvino:bfloat16", "q2", "a")}  # fmt: skip
    assert len(keys) == 3
    cache.close()
