"""Question sets in the original emergent-misalignment YAML format, built-in or from a file.

The format: a list of entries with `id`, `type`, `paraphrases`, `samples_per_paraphrase`, optional
`judge`, `judge_prompts` (metric -> template with `{question}` and `{answer}`), `system` and our
`category`. Anchors and aliases work (PyYAML resolves them). Every error names `FILE:LINE`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from emscope.errors import QuestionFileError
from emscope.paths import sha256_bytes
from emscope.textfiles import decode_utf8

BUILTIN_SETS = ("core", "broad")
SUPPORTED_TYPES = ("free_form_judge_0_100", "free_form")
KNOWN_KEYS = {"id", "type", "paraphrases", "samples_per_paraphrase", "judge", "judge_prompts", "system", "category"}


@dataclass(frozen=True)
class Question:
    """One free-form question and how to ask and judge it."""

    id: str
    paraphrases: tuple[str, ...]
    samples_per_paraphrase: int = 1
    type: str = "free_form_judge_0_100"
    system: str | None = None
    category: str = "uncategorised"
    judge: str | None = None
    judge_prompts: dict[str, str] = field(default_factory=dict)
    line: int | None = None


@dataclass(frozen=True)
class QuestionSet:
    """Questions plus where they came from and the SHA-256 of the source bytes (for provenance)."""

    name: str
    source: str
    sha256: str
    questions: tuple[Question, ...]


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records each mapping's 1-based line as the key `__line__`."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_question_set(spec: str) -> QuestionSet:
    """Load a built-in set (`core`, `broad`) or a YAML file path."""
    if spec in BUILTIN_SETS:
        data = resources.files("emscope.suites").joinpath(f"questions/{spec}.yaml").read_bytes()
        return parse_question_yaml(data, source=f"builtin:{spec}", name=spec)
    path = Path(spec).expanduser()
    if not path.is_file():
        raise QuestionFileError(
            f"{spec}: no such question file or built-in set (built-in sets: {', '.join(BUILTIN_SETS)})"
        )
    return parse_question_yaml(path.read_bytes(), source=str(path), name=path.stem)


def parse_question_yaml(data: bytes, source: str, name: str) -> QuestionSet:
    """Parse question YAML bytes; `source` is the file name used in error messages."""
    text = decode_utf8(data, source, QuestionFileError)
    try:
        raw = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        raise QuestionFileError(f"{source}:{line}: YAML syntax error: {error.problem}") from None
    except yaml.YAMLError as error:
        raise QuestionFileError(f"{source}: cannot parse YAML: {error}") from None
    if not isinstance(raw, list) or not raw:
        raise QuestionFileError(f"{source}:1: expected a non-empty list of questions")
    questions = tuple(_question(entry, source) for entry in raw)
    _check_unique(questions, source)
    return QuestionSet(name=name, source=source, sha256=sha256_bytes(data), questions=questions)


def _question(entry: Any, source: str) -> Question:
    if not isinstance(entry, dict):
        raise QuestionFileError(f"{source}: each question must be a mapping, got {type(entry).__name__}")
    line = int(entry.pop("__line__"))
    where = f"{source}:{line}"
    unknown = set(entry) - KNOWN_KEYS
    if unknown:
        raise QuestionFileError(f"{where}: unknown key(s) {sorted(unknown)} (known: {sorted(KNOWN_KEYS)})")
    qid = _required_str(entry, "id", where)
    qtype = str(entry.get("type", "free_form_judge_0_100"))
    if qtype not in SUPPORTED_TYPES:
        raise QuestionFileError(
            f"{where}: question '{qid}' has unknown type '{qtype}' (supported: {', '.join(SUPPORTED_TYPES)})"
        )
    paraphrases = entry.get("paraphrases")
    if not isinstance(paraphrases, list) or not paraphrases or not all(isinstance(p, str) for p in paraphrases):
        raise QuestionFileError(f"{where}: question '{qid}' needs 'paraphrases': a non-empty list of strings")
    samples = entry.get("samples_per_paraphrase", 1)
    if not isinstance(samples, int) or samples < 1:
        raise QuestionFileError(f"{where}: question '{qid}': samples_per_paraphrase must be a positive integer")
    return Question(
        id=qid,
        paraphrases=tuple(paraphrases),
        samples_per_paraphrase=samples,
        type=qtype,
        system=_optional_str(entry, "system", where),
        category=_optional_str(entry, "category", where) or "uncategorised",
        judge=_optional_str(entry, "judge", where),
        judge_prompts=_judge_prompts(entry.get("judge_prompts"), where, qid),
        line=line,
    )


def _judge_prompts(value: Any, where: str, qid: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise QuestionFileError(f"{where}: question '{qid}': judge_prompts must map metric -> template")
    value = {k: v for k, v in value.items() if k != "__line__"}
    for metric, template in value.items():
        if not isinstance(template, str) or "{answer}" not in template:
            raise QuestionFileError(
                f"{where}: question '{qid}': judge prompt '{metric}' must be a string containing {{answer}}"
            )
    return {str(k): v for k, v in value.items()}


def _required_str(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str | int) or str(value) == "":
        raise QuestionFileError(f"{where}: missing required key '{key}'")
    return str(value)


def _optional_str(entry: dict[str, Any], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is not None and not isinstance(value, str):
        raise QuestionFileError(f"{where}: '{key}' must be a string")
    return value


def _check_unique(questions: tuple[Question, ...], source: str) -> None:
    seen: dict[str, int | None] = {}
    for q in questions:
        if q.id in seen:
            raise QuestionFileError(f"{source}:{q.line}: duplicate question id '{q.id}' (first at line {seen[q.id]})")
        seen[q.id] = q.line
