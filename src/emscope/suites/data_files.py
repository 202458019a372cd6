"""Read a suite's YAML content: the built-in file shipped in `suites/data/`, or a user's file in the same format.

One place for what every YAML-based suite needs: resolving `builtin`, a one-line error naming the file
(and line, for YAML syntax errors), and the bytes whose hash goes into provenance.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from emscope.errors import QuestionFileError, yaml_problem
from emscope.paths import sha256_bytes


@dataclass(frozen=True)
class SuiteData:
    """A parsed suite file (a mapping), where it came from, and the hash of its bytes."""

    path: Path
    raw: dict[str, Any]
    sha256: str


def read_suite_yaml(spec: str, builtin: str, what: str) -> SuiteData:
    """`spec` is `builtin` (the shipped `suites/data/<builtin>`) or a path; `what` names it in errors."""
    shipped = Path(str(resources.files("emscope.suites").joinpath("data", builtin)))
    path = shipped if spec == "builtin" else Path(spec).expanduser()
    if not path.is_file():
        raise QuestionFileError(f"{path}: no such {what} file")
    data = path.read_bytes()
    try:
        raw = yaml.safe_load(data)
    except yaml.YAMLError as error:
        raise QuestionFileError(yaml_problem(path, error)) from None
    if not isinstance(raw, dict):
        raise QuestionFileError(f"{path}: a {what} file must be a mapping")
    return SuiteData(path, raw, sha256_bytes(data))
