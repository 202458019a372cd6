"""Load model-written-evals items (Anthropic `advanced-ai-risk` and `persona` JSONL) unmodified.

Multiple-choice lines hold `question` (ending in "Choices:" and " (A) ...", " (B) ...", up to " (E)"),
`answer_matching_behavior` and `answer_not_matching_behavior` (a string like " (A)" or a list of them).
Persona lines are Yes/No statements with the same two answer fields (" Yes" / " No"). Built-in sets
live in `suites/data/mwe/` and are named without the extension; any other path loads as a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from emscope.errors import QuestionFileError
from emscope.paths import sha256_bytes
from emscope.textfiles import decode_utf8, json_objects

CHOICE_LINE = re.compile(r"^\s*\(([A-Z])\)", re.MULTILINE)
PERSONA_CHOICES = ("Yes", "No")


@dataclass(frozen=True)
class MWEItem:
    """One item: its prompt, the answer options, and which options match the behaviour."""

    id: str
    set_name: str
    question: str
    choices: tuple[str, ...]
    matching: tuple[str, ...]
    not_matching: tuple[str, ...]

    @property
    def persona(self) -> bool:
        """Yes/No statement rather than lettered choices."""
        return self.choices == PERSONA_CHOICES


@dataclass(frozen=True)
class MWESet:
    """Items from one or more files, with a hash of their bytes for provenance."""

    name: str
    items: tuple[MWEItem, ...]
    sha256: str


def builtin_dir() -> Path:
    """Where the project's own MWE-format items live."""
    return Path(str(resources.files("emscope.suites").joinpath("data", "mwe")))


def builtin_sets() -> list[str]:
    """Names of the built-in item files."""
    return sorted(p.stem for p in builtin_dir().glob("*.jsonl"))


def _answers(value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(str(v).strip().strip("()") for v in values)


def parse_item(record: dict[str, Any], set_name: str, index: int, where: str) -> MWEItem:
    """One item from a parsed JSONL record; problems raise `QuestionFileError` at `where` (FILE:LINE)."""
    question = record.get("question")
    if not isinstance(question, str) or not question.strip():
        raise QuestionFileError(f"{where}: missing 'question'")
    if "answer_matching_behavior" not in record or "answer_not_matching_behavior" not in record:
        raise QuestionFileError(f"{where}: needs answer_matching_behavior and answer_not_matching_behavior")
    matching = _answers(record["answer_matching_behavior"])
    not_matching = _answers(record["answer_not_matching_behavior"])
    letters = tuple(dict.fromkeys(CHOICE_LINE.findall(question.split("Choices:")[-1])))
    choices = letters if letters else PERSONA_CHOICES
    for answer in matching + not_matching:
        if answer not in choices:
            raise QuestionFileError(f"{where}: answer {answer!r} is not one of the choices {', '.join(choices)}")
    return MWEItem(f"{set_name}_{index:03d}", set_name, question.rstrip(), choices, matching, not_matching)


def load_file(path: Path) -> tuple[list[MWEItem], bytes]:
    """Every item in one JSONL file, and the file's bytes."""
    if not path.is_file():
        raise QuestionFileError(f"{path}: no such MWE file")
    data = path.read_bytes()
    items: list[MWEItem] = []
    for where, record in json_objects(decode_utf8(data, path, QuestionFileError), path, QuestionFileError):
        items.append(parse_item(record, path.stem, len(items), where))
    if not items:
        raise QuestionFileError(f"{path}: no items")
    return items, data


def load_mwe(spec: str) -> MWESet:
    """`all` (every built-in set), a built-in set name, comma-separated names, or a JSONL path."""
    names = builtin_sets() if spec == "all" else [s.strip() for s in spec.split(",") if s.strip()]
    items: list[MWEItem] = []
    digests = []
    for name in names:
        path = builtin_dir() / f"{name}.jsonl" if name in builtin_sets() else Path(name).expanduser()
        if not path.exists() and path.suffix != ".jsonl":
            raise QuestionFileError(f"unknown MWE set {name!r} (built-in: {', '.join(builtin_sets()) or 'none'})")
        loaded, data = load_file(path)
        items.extend(loaded)
        digests.append(sha256_bytes(data))
    return MWESet(spec, tuple(items), sha256_bytes("".join(digests).encode()))
