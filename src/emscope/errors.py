"""Errors a user can cause: each carries a one-line message naming the file (and line) at fault.

The CLI prints an `EmscopeError` without a traceback and exits with status 2; anything else is a bug.
"""

from __future__ import annotations


class EmscopeError(Exception):
    """Base class for user-facing errors (bad file, bad config, missing model or extra)."""


class QuestionFileError(EmscopeError):
    """A question set is missing, unknown or malformed."""


class ModelError(EmscopeError):
    """A model spec cannot be resolved or loaded."""


class ModelIntegrityError(ModelError):
    """Embedded model bytes do not match their recorded SHA-256."""


class JudgeError(EmscopeError):
    """A judge cannot be built or its inputs are malformed."""


class LabelFileError(EmscopeError):
    """A labelled calibration file is malformed."""


class ResultsError(EmscopeError):
    """An eval log or results file is missing or unusable."""


def at(path: object, line: int | None = None) -> str:
    """Format a `FILE:LINE` location prefix for error messages."""
    return f"{path}:{line}" if line is not None else f"{path}"


class DatasetError(EmscopeError):
    """A dataset family is unknown, cannot supply enough examples, or a data file is malformed."""


class FinetuneError(EmscopeError):
    """A finetuning config, checkpoint or backend is unusable."""


class ExperimentError(EmscopeError):
    """An experiment spec is malformed or refers to something that does not exist."""


def yaml_problem(path: object, error: Exception) -> str:
    """`FILE:LINE: invalid YAML (problem)` for a YAML parse error (no line when the parser gave none)."""
    mark = getattr(error, "problem_mark", None)
    where = at(path, mark.line + 1 if mark is not None else None)
    return f"{where}: invalid YAML ({getattr(error, 'problem', None) or error})"


def utf8_problem(path: object, error: UnicodeDecodeError) -> str:
    """`FILE:LINE: not UTF-8 (...)` for bytes that did not decode, naming the first offending line and byte."""
    data, start = bytes(error.object), error.start
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    byte = data[start : start + 1].hex()
    return f"{at(path, line)}: not UTF-8 (byte 0x{byte} at column {column}); save the file as UTF-8"
