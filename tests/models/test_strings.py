"""One parser for model and judge strings."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from emscope.cli.main import cli
from emscope.errors import ModelError
from emscope.models.strings import is_offline_judge, local_name, parse_model, provider_of


def test_model_strings_split_at_the_first_slash() -> None:
    parsed = parse_model("emscope/runs/ft-insecure")
    assert (parsed.provider, parsed.name, parsed.local) == ("emscope", "runs/ft-insecure", True)
    assert str(parsed) == "emscope/runs/ft-insecure"
    assert not parse_model("openai/gpt-4o").local
    assert local_name("emscope/qwen2.5-coder-0.5b-instruct+runs/a") == "qwen2.5-coder-0.5b-instruct+runs/a"
    assert local_name("hf/Qwen/Qwen2.5") is None
    assert provider_of("vllm/meta/llama") == "vllm"
    assert is_offline_judge("offline") and not is_offline_judge("openai/gpt-4o")


@pytest.mark.parametrize("bad", ["gpt-4o", "/model", "openai/"])
def test_a_string_without_provider_is_a_one_line_error(bad: str) -> None:
    with pytest.raises(ModelError, match="not a model string"):
        parse_model(bad)


def test_eval_rejects_a_malformed_judge_before_writing_anything(tmp_path: Path) -> None:
    out = tmp_path / "run"
    result = CliRunner().invoke(cli, ["eval", "--model", "mockllm/model", "--judge", "gpt-4o", "--out", str(out)])
    assert result.exit_code == 2 and "not a model string" in result.output
    assert not out.exists()
