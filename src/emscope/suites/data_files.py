"""Read a suite's YAML content: the built-in file shipped in `suites/data/`, or a user's file in the same format.

One place for what every YAML-based suite needs: resolving `builtin`, a one-line error naming the file
(and line, for YAML syntax errors, text that is not UTF-8 and duplicate ids), and the bytes whose hash
goes into provenance. Duplicate ids are caught here, before any output exists, because Inspect would
otherwise reject the dataset only once a run directory had been created.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from emscope.errors import QuestionFileError, at, yaml_problem
from emscope.paths import sha256_bytes
from emscope.textfiles import decode_utf8


@dataclass(frozen=True)
class SuiteData:
    """A parsed suite file (a mapping), where it came from, the hash of its bytes and its node tree (for lines)."""

    path: Path
    raw: dict[str, Any]
    sha256: str
    root: yaml.Node | None = None

    def entry_line(self, key: str, index: int) -> int | None:
        """1-based line where entry `index` of the top-level list `key` starts (None if unknown)."""
        entries = _value_node(self.root, key)
        if not isinstance(entries, yaml.SequenceNode) or index >= len(entries.value):
            return None
        return int(entries.value[index].start_mark.line) + 1

    def where(self, key: str, index: int) -> str:
        """`FILE:LINE` of entry `index` of the list `key` (just `FILE` when the line is unknown)."""
        return at(self.path, self.entry_line(key, index))

    def check_unique_ids(self, key: str, what: str) -> None:
        """Every entry of the list `key` that has an `id` has a different one; else `FILE:LINE` of the repeat."""
        first: dict[str, int] = {}
        for index, entry in enumerate(self.raw.get(key) or []):
            if not isinstance(entry, dict) or "id" not in entry:
                continue
            ident = str(entry["id"])
            if ident in first:
                earlier = self.entry_line(key, first[ident])
                since = f" (first at line {earlier})" if earlier is not None else ""
                raise QuestionFileError(f"{self.where(key, index)}: duplicate {what} id {ident!r}{since}")
            first[ident] = index


def _value_node(root: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    return next((value for name, value in root.value if getattr(name, "value", None) == key), None)


def read_suite_yaml(spec: str, builtin: str, what: str) -> SuiteData:
    """`spec` is `builtin` (the shipped `suites/data/<builtin>`) or a path; `what` names it in errors."""
    shipped = Path(str(resources.files("emscope.suites").joinpath("data", builtin)))
    path = shipped if spec == "builtin" else Path(spec).expanduser()
    if not path.is_file():
        raise QuestionFileError(f"{path}: no such {what} file")
    data = path.read_bytes()
    text = decode_utf8(data, path, QuestionFileError)
    loader = yaml.SafeLoader(text)
    try:  # parse once: the node tree gives line numbers, the same tree gives the data
        root = loader.get_single_node()
        raw = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as error:
        raise QuestionFileError(yaml_problem(path, error)) from None
    finally:
        loader.dispose()
    if not isinstance(raw, dict):
        raise QuestionFileError(f"{path}: a {what} file must be a mapping")
    return SuiteData(path, raw, sha256_bytes(data), root)
