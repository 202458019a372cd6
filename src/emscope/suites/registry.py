"""The suites `emscope eval` and experiments can run, and how a request's options map onto each task.

Suites differ in what they take: free-form questions are judged and sampled; MWE items are read from
answer-letter likelihoods with greedy decoding. Options a suite has no use for are ignored.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from inspect_ai import Task

from emscope.errors import EmscopeError


@dataclass(frozen=True)
class SuiteEntry:
    """A suite: its task function, the name of its item-set parameter and that parameter's default."""

    name: str
    task: Callable[..., Task]
    items_param: str
    default_items: str
    check_items: Callable[[str], object]

    def parameters(self) -> set[str]:
        """The task function's parameter names."""
        return set(inspect.signature(self.task).parameters)

    def build(self, items: str | None = None, **options: Any) -> Task:
        """The task with `items` (or the default set) and whichever `options` it accepts."""
        accepted = {k: v for k, v in options.items() if k in self.parameters() and v is not None}
        return self.task(**{self.items_param: items or self.default_items}, **accepted)


def suites() -> dict[str, SuiteEntry]:
    """Every suite, by name."""
    from emscope.suites.compliance_gap import compliance_gap, load_compliance
    from emscope.suites.deception import deception, load_deception
    from emscope.suites.free_form import free_form
    from emscope.suites.goals import goals, load_goals
    from emscope.suites.mwe import mwe
    from emscope.suites.mwe_items import load_mwe
    from emscope.suites.questions import load_question_set
    from emscope.suites.shutdown import load_scenarios, shutdown

    return {
        "free_form": SuiteEntry("free_form", free_form, "questions", "core", load_question_set),
        "mwe": SuiteEntry("mwe", mwe, "items", "all", load_mwe),
        "shutdown": SuiteEntry("shutdown", shutdown, "scenarios", "builtin", load_scenarios),
        "goals": SuiteEntry("goals", goals, "questions", "builtin", load_goals),
        "compliance_gap": SuiteEntry("compliance_gap", compliance_gap, "requests", "builtin", load_compliance),
        "deception": SuiteEntry("deception", deception, "items", "builtin", load_deception),
    }


SUITE_NAMES = ("free_form", "mwe", "shutdown", "goals", "compliance_gap", "deception")


def get_suite(name: str) -> SuiteEntry:
    """The suite called `name`, or a one-line error listing the known ones."""
    known = suites()
    if name not in known:
        raise EmscopeError(f"unknown suite '{name}' (available: {', '.join(known)})")
    return known[name]
