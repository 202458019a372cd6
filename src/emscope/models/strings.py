"""One reading of the model and judge strings users write: `provider/name`, `emscope/<local>`, `offline`.

Model strings are Inspect's (`openai/gpt-4o`, `hf/...`, `vllm/...`, `mockllm/model`); `emscope/<name>`
is our local provider (an embedded model, a local directory, or `<base>+<adapter>`). A judge is either
`offline` (no LLM call) or such a model string. Every place that needs to know which kind a string is
asks here, so a rule (e.g. what counts as local) is written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from emscope.errors import ModelError

if TYPE_CHECKING:
    from inspect_ai.model import Model

LOCAL_PROVIDER = "emscope"
OFFLINE_JUDGE = "offline"


@dataclass(frozen=True)
class ModelString:
    """`provider/name` split at the first slash (names may contain slashes: `emscope/runs/ft`)."""

    provider: str
    name: str

    @property
    def local(self) -> bool:
        """Whether emscope's own provider runs it on this machine."""
        return self.provider == LOCAL_PROVIDER

    def __str__(self) -> str:
        return f"{self.provider}/{self.name}"


def parse_model(spec: str) -> ModelString:
    """Split a model string, or a one-line error saying what a model string looks like."""
    provider, slash, name = spec.partition("/")
    if not slash or not provider or not name:
        raise ModelError(
            f"'{spec}': not a model string (expected provider/name, e.g. emscope/qwen2.5-coder-0.5b-instruct)"
        )
    return ModelString(provider, name)


def local_name(model: str | Model) -> str | None:
    """The `<name>` of an `emscope/<name>` model string; None for other providers and Model objects."""
    if not isinstance(model, str) or not model.startswith(f"{LOCAL_PROVIDER}/"):
        return None
    return parse_model(model).name


def provider_of(model: str) -> str:
    """The provider part of a model string (`openai` of `openai/gpt-4o`); the whole string if it has none."""
    return model.partition("/")[0]


def is_offline_judge(judge: str | Model) -> bool:
    """Whether a judge spec means the offline judge rather than a model bound to the grader role."""
    return isinstance(judge, str) and judge == OFFLINE_JUDGE
