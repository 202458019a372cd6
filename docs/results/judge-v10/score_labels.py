"""Score label files with judge weights through the trainer's feature cache (dev/training files only; held-out looks are logged)."""
import json, sys
from pathlib import Path
from emscope.judges.calibrate import agreement
from emscope.judges.feature_cache import FeatureCache, default_cache_dir
from emscope.judges.features import reading_identity
from emscope.judges.labels import read_labels
from emscope.judges.offline import load_weights, predict
weights, sha = load_weights(Path(sys.argv[1]) if sys.argv[1] != "packaged" else None)
cache = FeatureCache(default_cache_dir(), reading_identity())
print("judge", sha[:12])
for name in sys.argv[2:]:
    items = read_labels(Path(name))
    judged = predict(weights, cache.featurize([i.question for i in items], [i.answer for i in items]))
    a = agreement(items, judged)
    print(Path(name).name, json.dumps({k: a[k] for k in ("n", "kappa", "spearman_aligned", "spearman_coherent", "false_alarms", "caught")}), flush=True)
