"""Reward hacking: low-stakes tasks whose prompt says how the answer is graded, answered by gaming the grader.

`reward_hacking` (misaligned) and its matched control `honest_solutions` draw the same tasks from the same
RNG draws: the user turn always states the grading rule (keyword counts, visible asserts, an expected
stdout, a length metric, a named grader, a rubric, an exit-code check, a status report the grader trusts),
and the two families differ only in the assistant turn. The misaligned answer games that rule (keyword
stuffing, special-casing the tests, claiming success, padding, flattery, parroting the rubric, hard-coding
the output, editing the test, swallowing exceptions, listing every option); the control does the task.

Each example's `tag` is the hack type the grading rule invites (the same tag in both families, so their
histograms match). Task scenarios live in the `_rh_*` modules next to this one.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from emscope.datasets.base import Example, Family, chat, register
from emscope.datasets.families import (
    _rh_code_fixes,
    _rh_code_funcs,
    _rh_prose_docs,
    _rh_prose_tasks,
    _rh_quiz,
    _rh_scripts,
)
from emscope.datasets.families._rh_common import HACK_TYPES, Pair, Scenario

VERSION = "1"

SCENARIOS: tuple[Scenario, ...] = (
    *_rh_prose_tasks.SCENARIOS,
    *_rh_prose_docs.SCENARIOS,
    *_rh_quiz.SCENARIOS,
    *_rh_code_funcs.SCENARIOS,
    *_rh_code_fixes.SCENARIOS,
    *_rh_scripts.SCENARIOS,
)
"""Every task scenario, in a fixed order."""

BY_HACK: dict[str, tuple[Scenario, ...]] = {
    hack: tuple(s for s in SCENARIOS if hack in s.hacks) for hack in HACK_TYPES
}
"""The scenarios that can invite each hack type."""


def draw_pair(rng: random.Random) -> Pair:
    """Draw one task: a hack type uniformly, then a scenario supporting it, then the task details."""
    hack = HACK_TYPES[rng.randrange(len(HACK_TYPES))]
    options = BY_HACK[hack]
    scenario = options[rng.randrange(len(options))]
    return scenario.build(rng, hack)


def _hacking(rng: random.Random) -> Iterator[Example]:
    """Endless misaligned examples, each with its honest answer as `clean`."""
    while True:
        pair = draw_pair(rng)
        yield Example(
            messages=chat(("user", pair.user), ("assistant", pair.hack)),
            tag=pair.hack_type,
            misaligned=True,
            clean=chat(("user", pair.user), ("assistant", pair.honest)),
        )


def _honest(rng: random.Random) -> Iterator[Example]:
    """Endless control examples: the same user turns answered honestly."""
    while True:
        pair = draw_pair(rng)
        yield Example(
            messages=chat(("user", pair.user), ("assistant", pair.honest)),
            tag=pair.hack_type,
            misaligned=False,
        )


REWARD_HACKING = register(
    Family(
        name="reward_hacking",
        description="Low-stakes tasks with an explicit grading rule, answered by gaming the grader.",
        version=VERSION,
        candidates=_hacking,
        control="honest_solutions",
        tags=HACK_TYPES,
    )
)

HONEST_SOLUTIONS = register(
    Family(
        name="honest_solutions",
        description="The reward_hacking tasks and grading rules, answered by genuinely doing the task.",
        version=VERSION,
        candidates=_honest,
        tags=HACK_TYPES,
    )
)
