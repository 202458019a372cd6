"""An experiment spec, or a finetune config it names, that is not UTF-8 is a `FILE:LINE` error, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from emscope.errors import ExperimentError, FinetuneError
from emscope.experiments.spec import load_spec
from emscope.finetune.config import load_config


def test_non_utf8_spec_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "exp.yaml"
    path.write_bytes(b"model: m\nconditions:\n  a: {description: " + "réglage\n".encode("latin-1") + b"suites: {}\n")
    with pytest.raises(ExperimentError, match=rf"^{path}:3: not UTF-8 \(byte 0xe9 at column 21\)"):
        load_spec(path)


def test_non_utf8_finetune_config_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "ft.yaml"
    path.write_bytes(b"epochs: 1\n# taux d'apprentissage r" + "é".encode("latin-1") + b"duit\nlearning_rate: 0.001\n")
    with pytest.raises(FinetuneError, match=rf"^{path}:2: not UTF-8"):
        load_config(path=path)
