"""Read a user's text file (question sets, item files, labels, chat data, specs, configs) as UTF-8.

One reader so that every loader fails the same way on a file saved in another encoding: a one-line
`FILE:LINE: not UTF-8 ...` error of the loader's own `EmscopeError` class, instead of a traceback.
A leading byte-order mark (some Windows editors write one) is dropped; hashes stay over the raw bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from emscope.errors import EmscopeError, utf8_problem


def decode_utf8(data: bytes, source: object, error: type[EmscopeError]) -> str:
    """`data` as text; bytes that are not UTF-8 raise `error` naming `source` and the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        raise error(utf8_problem(source, problem)) from None


def read_utf8(path: Path, error: type[EmscopeError]) -> str:
    """The text of the file at `path` (which the caller has checked exists), or `error` if it is not UTF-8."""
    return decode_utf8(path.read_bytes(), path, error)


def numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) for JSONL text, split on newlines only.

    `str.splitlines` would also split on characters JSON strings may hold raw (U+2028, form feed),
    breaking a valid record in two and shifting every later line number.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line.removesuffix("\r")


def json_objects(text: str, source: object, error: type[EmscopeError]) -> list[tuple[str, dict[str, Any]]]:
    """(`SOURCE:LINE`, object) for each non-blank line of JSONL `text`; a line that is no JSON object raises `error`."""
    rows = []
    for number, line in numbered_lines(text):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as problem:
            raise error(f"{where}: bad JSON ({problem.msg})") from None
        if not isinstance(row, dict):
            raise error(f"{where}: line is not a JSON object")
        rows.append((where, row))
    return rows
