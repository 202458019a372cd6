"""The suites `emscope eval`, experiments and the Inspect entry point know: discovered, never listed by hand.

Every module of this package that defines `SUITE` (a `SuiteDefinition`) is a suite; adding one is adding
a module. Suites differ in what they take: free-form questions are judged and sampled; MWE items are
read from answer-letter likelihoods with greedy decoding. Options a suite has no use for are ignored.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

from emscope.errors import EmscopeError
from emscope.suites.definition import SuiteDefinition


@functools.cache
def suites() -> dict[str, SuiteDefinition]:
    """Every suite, by name, in listing order."""
    import emscope.suites as package

    found = []
    for module in pkgutil.iter_modules(package.__path__):
        definition = getattr(importlib.import_module(f"{package.__name__}.{module.name}"), "SUITE", None)
        if isinstance(definition, SuiteDefinition):
            found.append(definition)
    return {s.name: s for s in sorted(found, key=lambda s: (s.order, s.name))}


def suite_names() -> tuple[str, ...]:
    """The names of every suite, in listing order."""
    return tuple(suites())


def get_suite(name: str) -> SuiteDefinition:
    """The suite called `name`, or a one-line error listing the known ones."""
    known = suites()
    if name not in known:
        raise EmscopeError(f"unknown suite '{name}' (available: {', '.join(known)})")
    return known[name]
