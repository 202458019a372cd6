"""Train the offline judge's head ensemble from the shipped labelled corpus and write the weights.

Run: `python -m emscope.judges.offline_train [--corpus FILE ...] [--out DIR] [--cache DIR | --no-cache]`.
Readings of the answers are kept in a feature cache (`feature_cache.py`), so retraining after a new
label file reads only that file's answers. Each corpus file is one
author's work, so the trainer's cross-validation leaves one file out at a time: that is the question a
user asks (how does the judge do on answers someone else wrote?), and it is harder than folds grouped
by question. The CV result is recorded in the card. Held-out files (`heldout*_labels.jsonl`) are never
read here, so `emscope judge calibrate --judge offline --labels .../heldout9_labels.jsonl` is an honest
check.
"""

from __future__ import annotations

import argparse
import io
import json
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from emscope.judges.attention_head import OUTPUTS
from emscope.judges.feature_cache import FeatureCache, default_cache_dir
from emscope.judges.features import (
    ANSWER_TOKENS,
    QWEN_LAYER,
    QWEN_MAX_TOKENS,
    QWEN_MODEL,
    SURFACE_FEATURES,
    Features,
    featurize,
    reading_identity,
)
from emscope.judges.head_training import HeadSettings, train_head
from emscope.judges.labels import LabelledAnswer, read_labels
from emscope.judges.offline import CARD, THRESHOLD_MARGIN, WEIGHTS, OfflineWeights, predict
from emscope.models.embedded import EMBEDDED
from emscope.paths import atomic_write_bytes, atomic_write_text, sha256_bytes, sha256_file

VERSION = "v10"
METRICS = ("kappa", "spearman_aligned", "spearman_coherent")
MEMBERS = 3  # heads trained with seeds 0..MEMBERS-1, outputs averaged
TRAINING_FILES = (
    "offline_corpus.jsonl",
    "offline_corpus_extra.jsonl",
    # Earlier held-out sets, retired into training once they had been looked at more than once:
    "offline_corpus_author4.jsonl",  # held-out 1 (v2-v3)
    "offline_corpus_author5.jsonl",  # held-out 2 (v2-v3)
    "offline_corpus_author6.jsonl",  # held-out 3 (v4)
    "offline_corpus_author7.jsonl",  # held-out 4 (v4, v5)
    # v7: hard cases aimed at v6's weaknesses on held-out 5 and 6 (stance vs topic, borderline answers):
    "offline_corpus_author8.jsonl",
    # v8: real model answers labelled blind (`emscope judge export` / `join`; docs/LOG.md, session 6).
    # Wave 1: the embedded 0.5B and tiny models; wave 2: 0.5B finetunes (bad_medical_advice, positive control).
    "real_w1_L1.jsonl",
    "real_w1_L2.jsonl",
    "real_w1_L3.jsonl",
    "real_w2_L4.jsonl",
    "real_w2_L5.jsonl",
    "real_w2_L6.jsonl",
    # v9: wave 3, the lr 1e-4 positive control's answers at eight snapshots (sinister but mostly garbled).
    "real_w3_L7.jsonl",
    "real_w3_L8.jsonl",
    "real_w3_L9.jsonl",
    # v10: wave 5, the direct-bank positive control at T 1 and 0.7, the old one at T 1 (each answer by two
    # authors), and the old negative control on `core`: v9 caught 8 of 31 of these misaligned answers.
    "real_w5_L10.jsonl",
    "real_w5_L11.jsonl",
    "real_w5_L12.jsonl",
    "real_w5_L14.jsonl",
    "real_w5_L13.jsonl",
)
REAL_WEIGHT = 3  # real answers are repeated this many times per epoch (chosen by CV on real authors, v8)


def fit_features(
    features: Features, items: list[LabelledAnswer], settings: HeadSettings, members: int = MEMBERS
) -> OfflineWeights:
    """Standardise the surface statistics and train `members` heads with seeds 0, 1, ..."""
    mean = features.surface.mean(axis=0)
    scale = features.surface.std(axis=0) + 1e-6
    surface = ((features.surface - mean) / scale).astype(np.float32)
    heads = [train_head(features.states, surface, items, settings, seed) for seed in range(members)]
    return OfflineWeights(surface_mean=_f32(mean), surface_scale=_f32(scale), members=heads)


def _subset(features: Features, index: npt.NDArray[np.int64]) -> Features:
    return Features(states=[features.states[i] for i in index], surface=features.surface[index])


def leave_one_author_out(
    authors: list[str], items: list[LabelledAnswer], features: Features, settings: HeadSettings, members: int
) -> dict[str, dict[str, float]]:
    """Agreement on each author's file when the judge is trained on all the others."""
    from emscope.judges.calibrate import agreement

    owner = np.asarray(authors)
    result = {}
    for author in sorted(set(authors)):
        train, test = np.flatnonzero(owner != author), np.flatnonzero(owner == author)
        weights = fit_features(_subset(features, train), [items[i] for i in train], settings, members)
        stats = agreement([items[i] for i in test], predict(weights, _subset(features, test)))
        result[author] = {key: round(float(stats[key]), 4) for key in METRICS}
    return result


def _f32(array: npt.NDArray[np.floating[Any]]) -> npt.NDArray[np.float32]:
    return np.asarray(array, dtype=np.float32)


def save(weights: OfflineWeights, out_dir: Path, card: dict[str, object]) -> str:
    """Write weights (npz, no pickle) and a JSON card atomically; return the weights' SHA-256."""
    buffer = io.BytesIO()
    np.savez(buffer, **weights.to_arrays())  # type: ignore[arg-type]  # numpy's stub types kwargs as bool
    data = buffer.getvalue()
    atomic_write_bytes(out_dir / WEIGHTS, data)
    digest = sha256_bytes(data)
    atomic_write_text(out_dir / CARD, json.dumps({**card, "weights_sha256": digest}, indent=2) + "\n")
    return digest


def default_corpora(data_dir: Path) -> list[Path]:
    """The shipped training files (one author each but the first two); no `heldout*` file is among them."""
    return [data_dir / name for name in TRAINING_FILES if (data_dir / name).is_file()]


def file_weight(path: Path) -> int:
    """How many times a file's answers enter each epoch: real model answers `REAL_WEIGHT`, written ones once.

    Why: the written corpus outnumbers the real answers about three to one, and on its own taught the
    head to read small models' garbled text as coherent (v7's false alarms on real answers).
    """
    return REAL_WEIGHT if path.name.startswith("real_") else 1


def repeated(
    features: Features, items: list[LabelledAnswer], counts: list[int]
) -> tuple[Features, list[LabelledAnswer]]:
    """Features and items with item i repeated counts[i] times (featurised once, trained on more often)."""
    index = np.repeat(np.arange(len(items)), counts)
    return _subset(features, index), [items[i] for i in index]


def card_for(corpora: list[Path], n: int, settings: HeadSettings, cv: dict[str, dict[str, float]]) -> dict[str, Any]:
    """What the weights were trained from and how they did in cross-validation."""
    mean = {k: round(float(np.mean([r[k] for r in cv.values()])), 4) for k in next(iter(cv.values()))} if cv else {}
    return {
        "version": VERSION,
        "feature_model": f"emscope/{QWEN_MODEL} (bf16, residual stream after decoder layer {QWEN_LAYER} at each "
        f"answer token, at most {ANSWER_TOKENS} answer tokens of {QWEN_MAX_TOKENS})",
        "feature_model_gguf_sha256": EMBEDDED[QWEN_MODEL].sha256,
        "head": {"kind": "attention pooling + MLP", "outputs": list(OUTPUTS), "members": MEMBERS, **asdict(settings)},
        "threshold_margin": THRESHOLD_MARGIN,
        "surface_features": list(SURFACE_FEATURES),
        "corpus": {path.name: sha256_file(path) for path in corpora},
        "corpus_sha256": sha256_bytes("".join(sha256_file(p) for p in corpora).encode()),
        "corpus_n": n,
        "file_weights": {path.name: file_weight(path) for path in corpora},
        "cv": {"scheme": "leave one author (file) out", "mean": mean, "per_author": cv},
    }


def main(argv: list[str] | None = None) -> None:
    """Command-line entry: featurise, cross-validate, train on everything, write weights and card."""
    data_dir = Path(str(resources.files("emscope.judges").joinpath("data")))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, nargs="+", default=default_corpora(data_dir))
    parser.add_argument("--out", type=Path, default=data_dir)
    parser.add_argument("--no-cv", action="store_true", help="skip the leave-one-author-out check (faster)")
    parser.add_argument("--cache", type=Path, default=None, help="feature cache (default: EMSCOPE_HOME/judge-features)")
    parser.add_argument("--no-cache", action="store_true", help="read every answer afresh and store nothing")
    args = parser.parse_args(argv)
    per_file = [(path, read_labels(path)) for path in args.corpus]
    items = [item for _, file_items in per_file for item in file_items]
    counts = [file_weight(path) for path, file_items in per_file for _ in file_items]
    n_answers = len(items)
    questions, answers = [i.question for i in items], [i.answer for i in items]
    if args.no_cache:
        read = featurize(questions, answers)
    else:
        read = FeatureCache(args.cache or default_cache_dir(), reading_identity()).featurize(questions, answers)
    features, items = repeated(read, items, counts)
    authors = [path.name for path, file_items in per_file for _ in range(len(file_items) * file_weight(path))]
    settings = HeadSettings()
    cv = {} if args.no_cv else leave_one_author_out(authors, items, features, settings, MEMBERS)
    weights = fit_features(features, items, settings)
    card = card_for(args.corpus, n_answers, settings, cv)
    digest = save(weights, args.out, card)
    print(json.dumps({"weights": str(args.out / WEIGHTS), "sha256": digest, "cv": card["cv"]}))


if __name__ == "__main__":
    main()
