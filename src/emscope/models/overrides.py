"""An explicit choice of a local-model setting: a model argument (`-M name=value`) or an environment variable.

Precision and engine are both chosen from the host unless the user says otherwise; this is the one
place that reads what the user said, checks it against the allowed values, and says where it came from.
"""

from __future__ import annotations

import os

from emscope.errors import ModelError


def requested(override: str | None, env: str, allowed: tuple[str, ...], argument: str) -> tuple[str, str] | None:
    """(value, reason) the user asked for, the model argument before the environment; None if neither.

    Raises `ModelError` naming the source for a value outside `allowed`.
    """
    value = override if override is not None else os.environ.get(env)
    if not value:
        return None
    if value not in allowed:
        source = f"model argument {argument}" if override is not None else env
        raise ModelError(f"{source}={value!r}: expected one of {', '.join(allowed)}")
    return value, "requested" if override is not None else f"set by {env}"
