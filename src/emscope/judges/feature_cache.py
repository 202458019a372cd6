"""What the offline judge's model read of each (question, answer), kept on disk for the judge's trainer.

Why: training the head reads every labelled answer through the first `QWEN_LAYER` layers of the embedded
model, and on the 2-core host that is most of a training run (3,205 answers had not been read after
17 minutes), though only the newly labelled files change between judge versions. A reading is stored
under the hash of (reader identity, question, answer): the identity names the engine and precision, the
layer, the token budgets and the model file, so a change to any of them never reuses an old reading.

One `.npz` file per answer (no pickle), written atomically: an interrupted run leaves whole files only,
and a file that cannot be read is read afresh rather than trusted.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from emscope.judges.features import Features, featurize
from emscope.paths import atomic_write_bytes, emscope_home

Featurizer = Callable[[list[str], list[str]], Features]
CACHE_DIR = "judge-features"


def default_cache_dir() -> Path:
    """Where the trainer keeps readings unless told otherwise."""
    return emscope_home() / CACHE_DIR


@dataclass(frozen=True)
class Reading:
    """One answer's reading: token states, surface statistics and (answer tokens read, answer tokens)."""

    states: npt.NDArray[np.float32]
    surface: npt.NDArray[np.float32]
    tokens: tuple[int, int]


class FeatureCache:
    """Readings on disk, one file per (identity, question, answer)."""

    def __init__(self, root: Path, identity: str):
        self.root = root
        self.identity = identity

    def path(self, question: str, answer: str) -> Path:
        """The file of one pair's reading (sharded by the key's first two hex digits)."""
        key = hashlib.sha256("\x00".join((self.identity, question, answer)).encode("utf-8")).hexdigest()
        return self.root / key[:2] / f"{key}.npz"

    def load(self, question: str, answer: str) -> Reading | None:
        """The stored reading, or None if absent or unreadable."""
        try:
            with np.load(self.path(question, answer), allow_pickle=False) as data:
                read, total = (int(x) for x in data["answer_tokens"])
                return Reading(data["states"].copy(), data["surface"].copy(), (read, total))
        except (OSError, KeyError, ValueError):
            return None

    def store(self, question: str, answer: str, reading: Reading) -> None:
        """Write one reading atomically."""
        buffer = io.BytesIO()
        tokens = np.asarray(reading.tokens, dtype=np.int64)
        np.savez(buffer, states=reading.states, surface=reading.surface, answer_tokens=tokens)
        atomic_write_bytes(self.path(question, answer), buffer.getvalue())

    def featurize(self, questions: list[str], answers: list[str], read: Featurizer = featurize) -> Features:
        """`featurize(questions, answers)`, reading only the distinct pairs not stored yet.

        `read` is the featurizer for the missing pairs (tests pass a counting one).
        """
        pairs = list(zip(questions, answers, strict=True))
        readings: dict[tuple[str, str], Reading] = {}
        missing: list[tuple[str, str]] = []
        for pair in dict.fromkeys(pairs):  # distinct pairs, in first-seen order
            hit = self.load(*pair)
            if hit is None:
                missing.append(pair)
            else:
                readings[pair] = hit
        if missing:
            fresh = read([q for q, _ in missing], [a for _, a in missing])
            tokens = fresh.answer_tokens or [(len(s), len(s)) for s in fresh.states]
            for k, pair in enumerate(missing):
                readings[pair] = Reading(fresh.states[k], fresh.surface[k], tokens[k])
                self.store(*pair, readings[pair])
        rows = [readings[pair] for pair in pairs]
        return Features(
            states=[row.states for row in rows],
            surface=np.stack([row.surface for row in rows]).astype(np.float32),
            answer_tokens=[row.tokens for row in rows],
        )
