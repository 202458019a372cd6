"""Load chat training data from a chat JSONL file, a local `datasets` directory, or a Hugging Face hub id.

Whatever the source, the result is validated the same way and identified by a SHA-256 over its
canonical JSONL form (for files: the file's own bytes), which training cards record.
Hub ids are only fetched when a user names one explicitly; nothing downloads by default.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emscope.datasets.validate import read_chat_jsonl, record_problems
from emscope.errors import DatasetError
from emscope.paths import sha256_bytes, sha256_file

Conversation = list[dict[str, str]]


@dataclass(frozen=True)
class ChatData:
    """Validated conversations and where they came from."""

    conversations: list[Conversation]
    source: str
    sha256: str


def load_chat_data(source: str, split: str = "train") -> ChatData:
    """Conversations from `source`: a `.jsonl` file, a local dataset directory, or a hub id."""
    path = Path(source).expanduser()
    if path.is_file():
        return ChatData(read_chat_jsonl(path), str(path), sha256_file(path))
    if path.is_dir():
        return _from_rows(_local_rows(path, split), str(path))
    if source.endswith(".jsonl") or source.startswith((".", "/", "~")):
        raise DatasetError(f"{source}: no such data file")
    return _from_rows(_hub_rows(source, split), source)


def _local_rows(path: Path, split: str) -> list[dict[str, Any]]:
    import datasets

    try:
        if (path / "dataset_dict.json").exists() or (path / "state.json").exists():
            loaded = datasets.load_from_disk(str(path))
            table = loaded[split] if isinstance(loaded, datasets.DatasetDict) else loaded
        else:
            table = datasets.load_dataset(str(path), split=split)
    except (FileNotFoundError, ValueError, KeyError) as error:
        raise DatasetError(f"{path}: cannot load a '{split}' split as a dataset ({error})") from error
    return _rows(table, str(path))


def _hub_rows(repo_id: str, split: str) -> list[dict[str, Any]]:
    import datasets

    try:
        table = datasets.load_dataset(repo_id, split=split)
    except Exception as error:  # the hub client raises many types; the user needs one line
        message = f"{repo_id}: not a local file or directory, and loading it from the hub failed ({error})"
        raise DatasetError(message) from error
    return _rows(table, repo_id)


def _rows(table: Iterable[Any], source: str) -> list[dict[str, Any]]:
    """Every row as a dict; text that is not UTF-8 only fails here, when `datasets` decodes it, so name the row."""
    rows: list[dict[str, Any]] = []
    try:
        for row in table:
            rows.append(dict(row))
    except UnicodeDecodeError as error:
        raise DatasetError(f"{source} row {len(rows) + 1}: not UTF-8 ({error.reason}); save it as UTF-8") from None
    return rows


def _from_rows(rows: list[dict[str, Any]], source: str) -> ChatData:
    conversations: list[Conversation] = []
    for number, row in enumerate(rows, start=1):
        record = {"messages": row.get("messages")}
        problems = record_problems(record)
        if problems:
            raise DatasetError(f"{source} row {number}: {problems[0]}")
        conversations.append([{"role": m["role"], "content": m["content"]} for m in row["messages"]])
    canonical = "".join(json.dumps({"messages": c}, ensure_ascii=False) + "\n" for c in conversations)
    return ChatData(conversations, source, sha256_bytes(canonical.encode("utf-8")))
