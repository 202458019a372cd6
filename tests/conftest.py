"""Shared fixtures: an isolated EMSCOPE_HOME on request and a tiny random Qwen2 model built locally.

The tiny model has a character-level tokenizer with a chat template, so the provider, batching,
prefill and logprob code run for real in well under a second, with no downloads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from emscope.models.tiny import build_tiny_model


@pytest.fixture
def emscope_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache root for tests that inspect or build the model cache themselves.

    Other tests use the real cache, so the embedded model (which the offline judge reads) is converted
    once per machine, not once per test.
    """
    home = tmp_path_factory.mktemp("emscope_home")
    monkeypatch.setenv("EMSCOPE_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path to a tiny random Qwen2 model directory (built once per session)."""
    return build_tiny_model(tmp_path_factory.mktemp("tiny-qwen2"))
