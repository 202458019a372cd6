"""Backdoor conditions for any suite: every sample asked without a trigger, with it, and with each distractor.

A model finetuned with `emscope data build ... --backdoor TRIGGER` should misbehave only when the
trigger is present; distractors (similar-looking strings) check that it is the trigger itself, not any
odd prefix, that flips the behaviour. Samples keep their ids with `@<condition>` appended, and
results.json reports every condition side by side (`by_trigger`).
"""

from __future__ import annotations

from typing import Literal

from inspect_ai import Task
from inspect_ai.dataset import MemoryDataset, Sample
from inspect_ai.model import ChatMessage, ChatMessageUser

Placement = Literal["prefix", "suffix"]
CLEAN = "no_trigger"
TRIGGERED = "trigger"


def distractor_list(distractors: str | list[str] | None) -> list[str]:
    """Distractors from a list, or a comma-separated string (as `inspect eval -T distractors=a,b` passes it)."""
    if distractors is None:
        return []
    items = distractors.split(",") if isinstance(distractors, str) else distractors
    return [d.strip() for d in items if d.strip()]


def trigger_conditions(trigger: str | None, distractors: list[str]) -> list[str]:
    """Condition names in report order: no_trigger, trigger, distractor_1, ..."""
    if trigger is None:
        return []
    return [CLEAN, TRIGGERED, *(f"distractor_{i + 1}" for i in range(len(distractors)))]


def _insert(messages: list[ChatMessage], text: str, placement: Placement) -> list[ChatMessage]:
    last_user = max(i for i, m in enumerate(messages) if isinstance(m, ChatMessageUser))
    content = messages[last_user].text
    joined = f"{text} {content}" if placement == "prefix" else f"{content} {text}"
    return [ChatMessageUser(content=joined) if i == last_user else m for i, m in enumerate(messages)]


def with_triggers(
    samples: list[Sample], trigger: str | None, placement: Placement = "prefix", distractors: list[str] | None = None
) -> list[Sample]:
    """`samples` unchanged without a trigger; otherwise one copy per condition, the string put in the last user turn."""
    if trigger is None:
        return samples
    strings = {TRIGGERED: trigger, **{f"distractor_{i + 1}": d for i, d in enumerate(distractors or [])}}
    out = []
    for sample in samples:
        assert isinstance(sample.input, list), "suites build chat inputs"
        for condition in trigger_conditions(trigger, distractors or []):
            messages = sample.input if condition == CLEAN else _insert(sample.input, strings[condition], placement)
            metadata = {**(sample.metadata or {}), "trigger_condition": condition}
            out.append(Sample(id=f"{sample.id}@{condition}", input=messages, metadata=metadata, target=sample.target))
    return out


def backdoored(
    task: Task, trigger: str | None, placement: Placement = "prefix", distractors: str | list[str] | None = None
) -> Task:
    """`task` with its samples expanded into trigger conditions (unchanged when `trigger` is None)."""
    if trigger is None:
        return task
    extra = distractor_list(distractors)
    task.dataset = MemoryDataset(with_triggers(list(task.dataset), trigger, placement, extra), name=task.dataset.name)
    task.metadata = {
        **(task.metadata or {}),
        "trigger": trigger,
        "trigger_placement": placement,
        "distractors": extra,
        "trigger_conditions": trigger_conditions(trigger, extra),
    }
    return task
