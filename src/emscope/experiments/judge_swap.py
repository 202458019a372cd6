"""Judge swap: the same generations scored by every judge an experiment names, side by side.

Why: a rate is a property of the answers *and* the instrument. Users of the original emergent-misalignment
work saw one set of answers scored 9.9%, 5.8% and 0.5% by three judges. An experiment with
`judges: [offline, openai/gpt-4o-2024-08-06]` generates once, judges with the first, re-judges every
evaluation log with the others (`emscope.rejudge.rejudge_log`, no new generation) and the report shows
each condition's rate under each judge.

Re-judged logs live in `rejudged/<judge>/<evaluation's log directory>/`, their results in
`results/<run>.<judge>.json`; both are reused on a rerun while the evaluation log they came from is
unchanged, so a resumed experiment does not re-judge what it already has.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from emscope.paths import atomic_write_text, path_safe

if TYPE_CHECKING:
    from inspect_ai.model import Model

    from emscope.schema import ResultsDocument


class _Key(Protocol):
    @property
    def condition(self) -> str: ...

    @property
    def suite(self) -> str: ...

    @property
    def slug(self) -> str: ...


def judged(suite: str) -> bool:
    """Whether a suite's answers are scored by a judge (MWE reads answer letters and has none)."""
    from emscope.suites.registry import get_suite

    return get_suite(suite).judged


def swap_results(
    key: _Key, doc: ResultsDocument, judge: str | Model, out: Path, extra: dict[str, Any], display: str | None = None
) -> ResultsDocument:
    """The results of `key`'s evaluation re-judged by `judge` (reused when already done for this log).

    `doc` is the evaluation's own results (its `log` is relative to `out`); `extra` goes into provenance.
    """
    from inspect_ai.log import read_eval_log

    from emscope.rejudge import rejudge_log, write_log_atomic
    from emscope.results import build_results, provenance

    source = (out / str(doc["log"])).resolve()
    results_path = out / "results" / f"{key.slug}.{path_safe(judge)}.json"
    # outside logs/: eval_set treats any log under its directory as its own
    target = out.resolve() / "rejudged" / path_safe(judge) / source.parent.name / source.name
    reused = _reusable(results_path, target, source)
    if reused is not None:
        return reused
    rejudged = rejudge_log(read_eval_log(str(source)), judge, display)
    origin = {"log": str(source), **{k: doc["provenance"].get(k) for k in ("judge", "judge_sha256", "judge_spec")}}
    meta = {**extra, "judge_spec": str(judge), "rejudged_from": origin}
    relative = str(target.relative_to(out.resolve()))
    swapped = build_results(rejudged, provenance(rejudged, doc["provenance"].get("model_sha256"), meta), relative)
    write_log_atomic(rejudged, target)
    atomic_write_text(results_path, json.dumps(swapped, indent=2) + "\n")
    return swapped


def _reusable(results_path: Path, target: Path, source: Path) -> ResultsDocument | None:
    """Earlier swap results, if they were made from this very log and their log is still there."""
    if not (results_path.is_file() and target.is_file()):
        return None
    try:
        earlier = json.loads(results_path.read_text(encoding="utf-8"))
        origin = earlier["provenance"]["rejudged_from"]["log"]
    except (ValueError, KeyError, TypeError):
        return None
    return cast("ResultsDocument", earlier) if origin == str(source) else None


def swap_table(
    suites: list[str], conditions: list[str], judges: list[str], docs: dict[str, dict[Any, ResultsDocument]]
) -> dict[str, Any]:
    """Per judged suite and condition, the pooled rate under each judge (`docs`: judge -> run key -> results)."""
    from emscope.experiments.compare import pooled_rate, runs_of

    table: dict[str, Any] = {}
    for suite in suites:
        if not judged(suite):
            continue
        rows = []
        for condition in conditions:
            cells = {}
            for judge in judges:
                runs = runs_of(docs.get(judge, {}), condition, suite)
                if runs:
                    cells[judge] = pooled_rate(runs)
            rows.append({"condition": condition, "by_judge": cells})
        table[suite] = rows
    return {"judges": judges, "suites": table}
