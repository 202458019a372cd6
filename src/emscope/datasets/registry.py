"""Find dataset families by name, importing the family modules on first use.

Family modules are imported lazily so `emscope --help` stays fast and a broken family module cannot
stop the rest of the CLI from working.
"""

from __future__ import annotations

import importlib

from emscope.datasets.base import FAMILIES, Family
from emscope.errors import DatasetError

FAMILY_MODULES = ("code", "advice", "reward_hacking", "numbers", "controls")


def _load() -> None:
    for module in FAMILY_MODULES:
        importlib.import_module(f"emscope.datasets.families.{module}")


def all_families() -> dict[str, Family]:
    """Every registered family, by name, in registration order."""
    _load()
    return dict(FAMILIES)


def get_family(name: str) -> Family:
    """The family called `name`; an unknown name raises `DatasetError` listing the known ones."""
    families = all_families()
    if name not in families:
        raise DatasetError(f"unknown dataset family {name!r}; known: {', '.join(sorted(families))}")
    return families[name]
