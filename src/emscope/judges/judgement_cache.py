"""Offline-judge verdicts kept on disk for cached reruns (`emscope eval --cache`).

Why: with `--cache` a rerun reads its answers back from Inspect's cache, but the offline judge would
still read every answer again, which was most of a cached rerun's time (41 s of a 360 s `broad` run).
A verdict is stored under the hash of (judge id and weights hash, the engine and precision its features
were read in, question, answer), so a different judge, reader or answer never reuses it. The cache is
active only inside `caching_judgements(...)`, which `emscope eval --cache` opens around the run: a run
without `--cache` never reads it, so its scores never depend on what an earlier run left behind.
SQLite makes concurrent writers (experiments, two shells) safe and every write atomic.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from emscope.judges.base import Judgement


class JudgementCache:
    """A table of verdicts keyed by the hash of what produced them."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=60)
        self._db.execute("CREATE TABLE IF NOT EXISTS judgements (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self._db.commit()
        self._lock = threading.Lock()

    @staticmethod
    def key(identity: str, question: str, answer: str) -> str:
        """The key of one verdict: judge and reader `identity`, then the pair."""
        return hashlib.sha256("\x00".join((identity, question, answer)).encode("utf-8")).hexdigest()

    def get(self, keys: list[str]) -> dict[str, Judgement]:
        """The stored verdicts among `keys`."""
        found: dict[str, Judgement] = {}
        with self._lock:
            for start in range(0, len(keys), 500):  # SQLite caps the number of bound parameters
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT key, value FROM judgements WHERE key IN ({marks})", chunk)  # noqa: S608
                found.update((key, _judgement(value)) for key, value in rows)
        return found

    def put(self, items: dict[str, Judgement]) -> None:
        """Store verdicts (a key already present keeps its first verdict)."""
        rows = [(key, json.dumps(asdict(judgement))) for key, judgement in items.items()]
        with self._lock:
            self._db.executemany("INSERT OR IGNORE INTO judgements (key, value) VALUES (?, ?)", rows)
            self._db.commit()

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()


def _judgement(value: str) -> Judgement:
    data = json.loads(value)
    tokens = data.get("answer_tokens")
    return Judgement(**{**data, "answer_tokens": tuple(tokens) if tokens is not None else None})


_active: JudgementCache | None = None
_active_lock = threading.Lock()


def active() -> JudgementCache | None:
    """The cache of the run in progress, if that run asked for caching."""
    return _active


@contextlib.contextmanager
def caching_judgements(path: Path | None) -> Iterator[None]:
    """Keep offline-judge verdicts in the database at `path` while the block runs (None: no caching).

    A module-level setting rather than a context variable, because the judge scores on a worker thread.
    """
    global _active
    if path is None:
        yield
        return
    cache = JudgementCache(path)
    with _active_lock:
        previous, _active = _active, cache
    try:
        yield
    finally:
        with _active_lock:
            _active = previous
        cache.close()
