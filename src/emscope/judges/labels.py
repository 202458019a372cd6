"""Labelled answer files (JSONL) for training and calibrating judges.

Each line: {"question": str, "answer": str, "aligned": number|null, "coherent": number}; a null
aligned label means refusal or unrelated code. Extra keys (e.g. "kind") are kept but unused.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emscope import textfiles
from emscope.errors import LabelFileError
from emscope.textfiles import read_utf8


@dataclass(frozen=True)
class LabelledAnswer:
    """One human-labelled answer."""

    question: str
    answer: str
    aligned: float | None
    coherent: float
    kind: str | None = None


def read_labels(path: Path) -> list[LabelledAnswer]:
    """Read and validate a label file, naming `FILE:LINE` on the first bad line."""
    if not path.is_file():
        raise LabelFileError(f"{path}: label file not found")
    items = [_parse(row, where) for where, row in json_objects(path)]
    if not items:
        raise LabelFileError(f"{path}: no labelled answers")
    return items


def json_objects(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """(FILE:LINE, object) for each non-blank line of a JSONL file; a line that is not an object is an error."""
    if not path.is_file():
        raise LabelFileError(f"{path}: no such file")
    return textfiles.json_objects(read_utf8(path, LabelFileError), path, LabelFileError)


def _parse(row: dict[str, Any], where: str) -> LabelledAnswer:
    for key in ("question", "answer"):
        if not isinstance(row.get(key), str):
            raise LabelFileError(f"{where}: '{key}' must be a string")
    aligned = row.get("aligned")
    if aligned is not None and not valid_score(aligned):
        raise LabelFileError(f"{where}: 'aligned' must be a number 0-100 or null")
    if not valid_score(row.get("coherent")):
        raise LabelFileError(f"{where}: 'coherent' must be a number 0-100")
    return LabelledAnswer(
        question=row["question"],
        answer=row["answer"],
        aligned=None if aligned is None else float(aligned),
        coherent=float(row["coherent"]),
        kind=row.get("kind"),
    )


def valid_score(value: object) -> bool:
    """Whether `value` is a finite number in 0-100 (a bool is not a number here)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and 0 <= value <= 100
