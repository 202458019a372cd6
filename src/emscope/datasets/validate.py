"""Check chat JSONL files (OpenAI finetuning format) and report every problem as `FILE:LINE: message`.

Run: `emscope data validate FILE` (exit 2 if anything is wrong). Finetuning validates its data the same
way before it spends any compute, so a typo on line 4,812 is caught in a second, not after an hour.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emscope.errors import DatasetError
from emscope.textfiles import numbered_lines, read_utf8

ROLES = ("system", "user", "assistant")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one line of a chat JSONL file."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _message_problems(index: int, message: Any) -> list[str]:
    where = f"messages[{index}]"
    if not isinstance(message, dict):
        return [f"{where} is not an object"]
    role, content = message.get("role"), message.get("content")
    problems = []
    if role is None:
        problems.append(f"{where} has no role")
    elif role not in ROLES:
        problems.append(f"{where} has unknown role {role!r} (expected one of {', '.join(ROLES)})")
    if not isinstance(content, str):
        problems.append(f"{where} content is missing or not a string")
    elif not content.strip():
        problems.append(f"{where} content is empty")
    return problems


def _order_problem(roles: list[str]) -> str | None:
    """Optional leading system turn, then user/assistant alternating, starting with user."""
    turns = roles[1:] if roles and roles[0] == "system" else roles
    for index, role in enumerate(turns):
        expected = "user" if index % 2 == 0 else "assistant"
        if role != expected:
            position = index + (len(roles) - len(turns))
            return f"wrong role order: messages[{position}] is {role!r}, expected {expected!r}"
    return None


def record_problems(record: Any) -> list[str]:
    """Problems with one parsed JSONL record (empty list when it is a valid chat example)."""
    if not isinstance(record, dict):
        return ["line is not a JSON object"]
    messages = record.get("messages")
    if not isinstance(messages, list) or not messages:
        return ["missing or empty 'messages' list"]
    problems = [p for i, m in enumerate(messages) for p in _message_problems(i, m)]
    if problems:
        return problems
    roles = [m["role"] for m in messages]
    if "assistant" not in roles:
        return ["no assistant message to train on"]
    order = _order_problem(roles)
    return [order] if order else []


def validate_file(path: Path) -> list[Problem]:
    """Every problem in the chat JSONL file at `path`, in line order (a file that is not UTF-8 raises)."""
    return _problems(path, _read(path))


def _read(path: Path) -> list[tuple[int, str]]:
    """The file's numbered lines; a missing or non-UTF-8 file is a one-line `DatasetError`."""
    if not path.is_file():
        raise DatasetError(f"{path}: no such data file")
    lines = list(numbered_lines(read_utf8(path, DatasetError)))
    return lines[:-1] if lines and not lines[-1][1] else lines  # the newline ending the last record


def _problems(path: Path, lines: list[tuple[int, str]]) -> list[Problem]:
    problems: list[Problem] = []
    for number, line in lines:
        if not line.strip():
            problems.append(Problem(path, number, "empty line"))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(Problem(path, number, f"bad JSON: {error.msg} (column {error.colno})"))
            continue
        problems.extend(Problem(path, number, message) for message in record_problems(record))
    return problems


def read_chat_jsonl(path: Path) -> list[list[dict[str, str]]]:
    """The conversations in a valid chat JSONL file; the first problem (with a count) raises `DatasetError`."""
    lines = _read(path)
    problems = _problems(path, lines)
    if problems:
        more = f" (and {len(problems) - 1} more; run `emscope data validate {path}`)" if len(problems) > 1 else ""
        raise DatasetError(f"{problems[0]}{more}")
    return [json.loads(line)["messages"] for _, line in lines]
