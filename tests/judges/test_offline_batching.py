"""The offline judge batches concurrent answers off the event loop, and each caller gets its own answer's scores."""

from __future__ import annotations

import asyncio
import threading

import pytest

from emscope.judges.base import Judgement
from emscope.judges.offline import OfflineJudge


def test_concurrent_judge_calls_are_scored_in_batches_on_a_worker_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    batches: list[int] = []
    threads: set[str] = set()

    def fake_score_many(self: OfflineJudge, questions: list[str], answers: list[str]) -> list[Judgement]:
        batches.append(len(answers))
        threads.add(threading.current_thread().name)
        return [Judgement(aligned=float(a.split()[-1]), coherent=90.0) for a in answers]  # score = the answer's number

    monkeypatch.setattr(OfflineJudge, "score_many", fake_score_many)
    judge = OfflineJudge()

    async def run() -> list[Judgement]:
        return list(await asyncio.gather(*(judge.judge("q", f"answer {i}", {}) for i in range(40))))

    judged = asyncio.run(run())
    assert [j.aligned for j in judged] == [float(i) for i in range(40)]  # every caller got its own answer's score
    assert sum(batches) == 40 and len(batches) < 10  # batched, not one forward pass per answer
    assert threading.main_thread().name not in threads  # the event loop's thread never ran the model
