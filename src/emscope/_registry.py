"""Inspect entry point (`[project.entry-points.inspect_ai]`): registers emscope's provider and tasks.

Inspect imports this module when it resolves `emscope/...` names, so `inspect eval emscope/free_form
--model emscope/qwen2.5-coder-0.5b-instruct` works without importing emscope by hand. Importing the
suite registry imports every suite module, which registers each `@task` under its name.
"""

from __future__ import annotations

from inspect_ai.model import ModelAPI, modelapi

from emscope.suites.registry import suites


@modelapi(name="emscope")
def emscope_provider() -> type[ModelAPI]:
    """Local offline models: embedded GGUFs or local HF directories (heavy imports deferred)."""
    from emscope.models.provider import EmscopeModelAPI

    return EmscopeModelAPI


globals().update({name: suite.task for name, suite in suites().items()})
__all__ = ["emscope_provider", *suites()]
