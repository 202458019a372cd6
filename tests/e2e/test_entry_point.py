"""Inspect finds every suite by name through the `inspect_ai` entry point, as `inspect eval emscope/<suite>` does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inspect_ai import eval as inspect_eval

from emscope.suites.registry import suite_names
from helpers import text_output


@pytest.mark.parametrize("suite", suite_names())
def test_suite_resolves_by_registry_name(suite: str) -> None:
    from inspect_ai._util.registry import registry_lookup  # what `inspect eval emscope/<suite>` resolves through

    import emscope._registry  # noqa: F401  (the entry point module Inspect imports)

    assert registry_lookup("task", f"emscope/{suite}") is not None


def test_inspect_eval_runs_a_suite_by_name_with_task_args(tmp_path: Path) -> None:
    from inspect_ai.model import get_model

    items = tmp_path / "items.jsonl"
    items.write_text(
        json.dumps({"question": "Q?\n\nChoices:\n (A) x\n (B) y", "answer_matching_behavior": " (B)",
                    "answer_not_matching_behavior": " (A)"}) + "\n"
    )  # fmt: skip
    model = get_model("mockllm/model", custom_outputs=[text_output("(B)")], memoize=False)
    (log,) = inspect_eval("emscope/mwe", model=model, task_args={"items": str(items)}, log_dir=str(tmp_path),
                          display="none")  # fmt: skip
    assert (
        log.status == "success" and log.samples and log.samples[0].scores["mwe_choice"].value["verdict"] == "matching"
    )
