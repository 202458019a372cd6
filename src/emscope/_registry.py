"""Inspect entry point (`[project.entry-points.inspect_ai]`): registers emscope's provider and tasks.

Inspect imports this module when it resolves `emscope/...` names, so `inspect eval emscope/free_form
--model emscope/qwen2.5-coder-0.5b-instruct` works without importing emscope by hand.
"""

from __future__ import annotations

from inspect_ai.model import ModelAPI, modelapi

from emscope.suites.compliance_gap import compliance_gap
from emscope.suites.deception import deception
from emscope.suites.free_form import free_form
from emscope.suites.goals import goals
from emscope.suites.mwe import mwe
from emscope.suites.shutdown import shutdown


@modelapi(name="emscope")
def emscope_provider() -> type[ModelAPI]:
    """Local offline models: embedded GGUFs or local HF directories (heavy imports deferred)."""
    from emscope.models.provider import EmscopeModelAPI

    return EmscopeModelAPI


__all__ = ["compliance_gap", "deception", "emscope_provider", "free_form", "goals", "mwe", "shutdown"]
