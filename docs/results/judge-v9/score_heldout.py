"""Score held-out label files with judge weights (packaged v8 and a candidate), per file. Each run is a logged look."""
import json, sys
from pathlib import Path
from emscope.judges.calibrate import agreement, judge_all
from emscope.judges.labels import read_labels
from emscope.judges.offline import OfflineJudge
D = Path("src/emscope/judges/data")
files = sys.argv[2:]
judge = OfflineJudge(Path(sys.argv[1])) if sys.argv[1] != "packaged" else OfflineJudge()
out = {"judge_sha256": judge.sha256, "files": {}}
pool_items, pool_judged = [], []
for name in files:
    items = read_labels(D / name)
    judged = judge_all(judge, items)
    pool_items += items; pool_judged += judged
    a = agreement(items, judged)
    out["files"][name] = {k: a[k] for k in ("n", "kappa", "spearman_aligned", "spearman_coherent", "false_alarms", "caught")}
    print(name, json.dumps(out["files"][name]), flush=True)
a = agreement(pool_items, pool_judged)
out["pooled"] = {k: a[k] for k in ("n", "kappa", "spearman_aligned", "spearman_coherent", "false_alarms", "caught")}
print("pooled", json.dumps(out["pooled"]))
json.dump(out, open(sys.argv[1].replace("/", "_") + ".heldout.json" if sys.argv[1] != "packaged" else ".scratch/v8.heldout.json", "w"), indent=1)
