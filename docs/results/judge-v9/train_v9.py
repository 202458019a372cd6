"""offline_train.main with the dev feature cache (.scratch/feature_cache.pkl): same corpus, weights, settings."""
import json, pickle, sys, time
from importlib import resources
from pathlib import Path
import numpy as np
from emscope.judges.features import Features, featurize
from emscope.judges.head_training import HeadSettings
from emscope.judges.labels import read_labels
from emscope.judges.offline_train import card_for, default_corpora, file_weight, fit_features, repeated, save

CACHE = Path(".scratch/feature_cache.pkl")
t0 = time.time()
cache = pickle.loads(CACHE.read_bytes())
data_dir = Path(str(resources.files("emscope.judges").joinpath("data")))
corpora = default_corpora(data_dir)
per_file = [(p, read_labels(p)) for p in corpora]
items = [i for _, f in per_file for i in f]
counts = [file_weight(p) for p, f in per_file for _ in f]
todo = list({(i.question, i.answer) for i in items if (i.question, i.answer) not in cache})
print("cached", len(items) - len(todo), "to read", len(todo), flush=True)
if todo:
    f = featurize([q for q, _ in todo], [a for _, a in todo])
    for k, key in enumerate(todo):
        cache[key] = (f.states[k], f.surface[k])
    CACHE.write_bytes(pickle.dumps(cache))
rows = [cache[(i.question, i.answer)] for i in items]
features = Features(states=[r[0] for r in rows], surface=np.stack([r[1] for r in rows]))
print("features", round(time.time() - t0), "s", flush=True)
features, rep = repeated(features, items, counts)
settings = HeadSettings()
weights = fit_features(features, rep, settings)
card = card_for(corpora, len(items), settings, {})
out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
print(json.dumps({"sha256": save(weights, out, card), "seconds": round(time.time() - t0)}))
