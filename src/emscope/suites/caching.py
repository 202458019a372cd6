"""Generation through Inspect's response cache, keyed so that repeated samples stay independent draws.

Why a solver of our own: Inspect's cache key is (model, config, messages, epoch, ...), and a suite
asks the same question several times as separate samples in one epoch. With a plain cache policy the
second sample of a question would get the first one's answer, which is exactly the copies-as-samples
defect the measurement issue fixed. Here each sample's id is part of the key, and so is the subject's
identity (weights hash, engine, precision), which Inspect's key does not see for a local model. An
identical rerun (same seed, same samples) then reads every answer back instead of generating it.
"""

from __future__ import annotations

from inspect_ai.model import CachePolicy
from inspect_ai.solver import Generate, Solver, TaskState, solver


@solver
def generate_cached(identity: dict[str, str], expiry: str | None = None) -> Solver:
    """`generate()` with a cache policy scoped to the sample and to `identity` (e.g. weights hash, engine).

    Args:
        identity: What produced the answers beyond the model name: part of every cache key.
        expiry: Inspect's expiry ("1W", "3D", ...); None keeps entries until the cache is cleared.
    """

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        scopes = {**identity, "sample": str(state.sample_id)}
        return await generate(state, cache=CachePolicy(expiry=expiry, per_epoch=True, scopes=scopes))

    return solve
