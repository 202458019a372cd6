"""The judge trainer's feature cache: reads each distinct pair once, never reuses another reader's reading."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from emscope.judges.feature_cache import FeatureCache
from emscope.judges.features import Features


class CountingReader:
    """A featurizer whose states depend on the pair, and which records every pair it was asked to read."""

    def __init__(self) -> None:
        self.read: list[tuple[str, str]] = []

    def __call__(self, questions: list[str], answers: list[str]) -> Features:
        self.read += list(zip(questions, answers, strict=True))
        states = [
            np.full((len(a) % 5 + 1, 3), float(len(q) + len(a)), dtype=np.float32)
            for q, a in zip(questions, answers, strict=True)
        ]
        surface = np.asarray([[len(a), len(q)] for q, a in zip(questions, answers, strict=True)], dtype=np.float32)
        return Features(states=states, surface=surface, answer_tokens=[(len(s), len(s) + 1) for s in states])


QUESTIONS = ["q one", "q two", "q one", "q three"]
ANSWERS = ["short", "a longer answer", "short", "another"]


def test_a_second_run_reads_nothing_and_returns_the_same_features(tmp_path: Path) -> None:
    reader = CountingReader()
    first = FeatureCache(tmp_path, "reader-a").featurize(QUESTIONS, ANSWERS, reader)
    assert reader.read == [("q one", "short"), ("q two", "a longer answer"), ("q three", "another")]  # duplicates once
    again = CountingReader()
    second = FeatureCache(tmp_path, "reader-a").featurize(QUESTIONS, ANSWERS, again)
    assert again.read == []
    assert np.array_equal(first.surface, second.surface)
    assert all(np.array_equal(a, b) for a, b in zip(first.states, second.states, strict=True))
    assert first.answer_tokens == second.answer_tokens == [(len(s), len(s) + 1) for s in first.states]


def test_only_new_pairs_are_read(tmp_path: Path) -> None:
    FeatureCache(tmp_path, "reader-a").featurize(QUESTIONS[:2], ANSWERS[:2], CountingReader())
    reader = CountingReader()
    features = FeatureCache(tmp_path, "reader-a").featurize(QUESTIONS, ANSWERS, reader)
    assert reader.read == [("q three", "another")]
    assert features.surface.shape == (4, 2) and features.surface[3].tolist() == [7.0, 7.0]


def test_another_reader_identity_reads_afresh(tmp_path: Path) -> None:
    FeatureCache(tmp_path, "openvino:bf16|layer12").featurize(QUESTIONS, ANSWERS, CountingReader())
    reader = CountingReader()
    FeatureCache(tmp_path, "torch:fp32|layer12").featurize(QUESTIONS, ANSWERS, reader)
    assert len(reader.read) == 3


def test_an_unreadable_file_is_read_again_not_trusted(tmp_path: Path) -> None:
    cache = FeatureCache(tmp_path, "reader-a")
    cache.featurize(QUESTIONS, ANSWERS, CountingReader())
    cache.path("q two", "a longer answer").write_bytes(b"half a file")
    reader = CountingReader()
    features = cache.featurize(QUESTIONS, ANSWERS, reader)
    assert reader.read == [("q two", "a longer answer")]
    assert features.surface[1].tolist() == [15.0, 5.0]
    assert cache.load("q two", "a longer answer") is not None  # rewritten whole
