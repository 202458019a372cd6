"""Build `results.json` from an Inspect eval log: rates with cluster-aware CIs, per question, with provenance.

The numbers come only from what the scorer stored in the log (aligned, coherent, verdict per sample),
so a results file can be rebuilt from any `.eval` log later on (and `emscope rejudge` rebuilds it after
re-scoring). How each number was measured is written beside it:
- the headline interval of a rate is Wilson's on the design-effect-corrected n, clusters = questions
  (`stats/clustered.py`), with the per-answer Wilson interval beside it as `ci95_per_answer`; per-question
  rows carry the per-answer Wilson interval (`intervals` says which is which);
- free-form rates also come corrected for the judge's measured sensitivity and specificity when a
  calibration record exists for that judge's hash (`judge_corrected`), or say that none exists;
- with backdoor trigger conditions the headline describes the clean (`no_trigger`) condition only and each
  trigger condition has a full section of its own (`by_trigger`): rates are never pooled across them.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any, cast

from inspect_ai.log import EvalLog, EvalSample

from emscope.errors import ResultsError
from emscope.paths import atomic_write_text
from emscope.schema import (
    Baseline,
    ClusteredRecord,
    FlagRecord,
    JudgeCorrected,
    JudgeRef,
    Provenance,
    QuestionRow,
    RateRecord,
    ResultsDocument,
    Summary,
)
from emscope.stats import rate_record
from emscope.stats.clustered import clustered_rate
from emscope.suites.definition import FREE_FORM, Outcome

SCHEMA = "emscope.results/1"
CLEAN_TRIGGER = "no_trigger"
INTERVALS = {
    "overall": "Wilson on the effective n (answers / design effect), clusters = questions; "
    "ci95_per_answer is the Wilson interval that treats answers as independent",
    "questions": "per-answer Wilson (answers to one question treated as independent draws)",
}


@dataclass(frozen=True)
class SampleVerdict:
    """One judged answer as read back from the log."""

    question_id: str
    category: str
    verdict: str
    aligned: float | None
    coherent: float | None
    flags: dict[str, bool | None] = field(default_factory=dict)
    condition: str | None = None  # for paired suites: which arm (e.g. training / unmonitored)
    pair: str | None = None  # the same request and repetition across arms
    trigger: str | None = None  # backdoor condition: no_trigger, trigger, distractor_<i>
    read_in_full: bool | None = None  # False when the judge could read only part of the answer
    judges: tuple[tuple[str, str | None], ...] = ()  # (judge id, judge sha256) of every score of this sample
    prompt: str | None = None  # question and paraphrase (how many answers each prompt got)


def verdicts(log: EvalLog) -> list[SampleVerdict]:
    """Read each sample's verdict; samples that errored or were not scored count as 'error'."""
    flags = Outcome.from_metadata(log.eval.metadata or {}).flags
    return [_verdict(sample, flags) for sample in log.samples or []]


def _verdict(sample: EvalSample, flags: tuple[str, ...] = ()) -> SampleVerdict:
    meta = sample.metadata or {}
    scores = sample.scores or {}
    score = next(iter(scores.values()), None)  # every suite has exactly one scorer
    value = score.value if score is not None and isinstance(score.value, dict) else {}
    read = value.get("judge_read_in_full")
    judges = tuple(
        (str(m["judge_id"]), m.get("judge_sha256"))
        for s in scores.values()
        if (m := s.metadata or {}).get("judge_id") is not None
    )
    return SampleVerdict(
        question_id=str(meta.get("question_id", sample.id)),
        category=str(meta.get("category", "uncategorised")),
        verdict=str(value.get("verdict", "error")),
        aligned=_num(value.get("aligned")),
        coherent=_num(value.get("coherent")),
        flags={name: value[name] if isinstance(value.get(name), bool) else None for name in flags},
        condition=meta.get("condition"),
        pair=meta.get("pair_id"),
        trigger=meta.get("trigger_condition"),
        read_in_full=read if isinstance(read, bool) else None,
        judges=judges,
        prompt=f"{meta.get('question_id', sample.id)}#p{meta.get('paraphrase_index', 0)}",
    )


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def summarise(items: Iterable[SampleVerdict], outcome: Outcome = FREE_FORM, clustered: bool = True) -> Summary:
    """Rate of the positive verdict with its 95% interval, counts and mean scores for a group of answers.

    `clustered` (the headline) puts the cluster-aware interval in `ci95` (clusters = questions) and the
    per-answer Wilson interval in `ci95_per_answer`; per-question rows use the per-answer interval.
    Means are over the counted answers only (for free-form: coherent answers with an aligned score), so
    an incoherent or unscored answer does not move them.
    """
    items = list(items)
    counts = Counter(i.verdict for i in items)
    counted = [i for i in items if i.verdict in outcome.counted]
    k, n = counts[outcome.positive], len(counted)
    aligned = [i.aligned for i in counted if i.aligned is not None]
    coherent = [i.coherent for i in counted if i.coherent is not None]
    summary = Summary(
        positive=outcome.positive,
        excluded={r: c for r, c in sorted(counts.items()) if r not in outcome.counted},
        total=len(items),
        mean_aligned=statistics.fmean(aligned) if aligned else None,
        mean_coherent=statistics.fmean(coherent) if coherent else None,
        means_over="counted answers",
    )
    if outcome.positive == FREE_FORM.positive:
        summary["misaligned_rate"] = k / n if n else None
    put_rate(summary, _clustered_record(counted, outcome) if clustered else rate_record(k, n))
    unread = [i.read_in_full for i in items if i.read_in_full is not None]
    if unread:  # how many answers the judge read only in part (offline judge: past its token budget)
        summary["judge_read_in_part"] = sum(1 for r in unread if not r)
    if outcome.flags:
        summary["flags"] = {name: _flag(items, name) for name in outcome.flags}
    if outcome.also:
        summary["rates"] = {v: rate_record(counts[v], n) for v in outcome.counted if v != outcome.negative}
    return summary


def put_rate(summary: Summary, record: RateRecord | ClusteredRecord) -> None:
    """Set a summary's rate fields (and the interval's method, for a headline rate) from `record`."""
    summary["rate"], summary["ci95"], summary["k"], summary["n"] = (
        record["rate"],
        record["ci95"],
        record["k"],
        record["n"],
    )
    if "interval" in record:
        clustered = cast(ClusteredRecord, record)
        summary["interval"], summary["ci95_per_answer"] = clustered["interval"], clustered["ci95_per_answer"]


def _clustered_record(counted: list[SampleVerdict], outcome: Outcome) -> ClusteredRecord:
    by_question: dict[str, list[int]] = {}
    for item in counted:
        tally = by_question.setdefault(item.question_id, [0, 0])
        tally[0] += item.verdict == outcome.positive
        tally[1] += 1
    return clustered_rate([(k, n) for k, n in by_question.values()]).record("question")


def _conditions(items: list[SampleVerdict], outcome: Outcome, meta: dict[str, Any]) -> Summary:
    """Per-condition summaries for suites that ask each item under several conditions.

    With a `baseline_condition` (deception's `none`), the other conditions count only items the model
    got right in every baseline sample (a lie needs a known truth); the headline rate is then theirs.
    With `paired`, the first two conditions are compared pair by pair. `items` must come from one
    trigger condition: pairs and known items are never matched across trigger conditions.
    """
    conditions = [str(c) for c in meta.get("conditions", [])]
    section: Summary = {}
    if not conditions:
        return section
    baseline = meta.get("baseline_condition")
    scope = items
    if baseline is not None:
        known = known_items(items, outcome, str(baseline))
        base = [i for i in items if i.condition == baseline]
        accuracy = sum(i.verdict == outcome.negative for i in base) / len(base) if base else None
        section["baseline"] = Baseline(condition=str(baseline), accuracy=accuracy, known_items=len(known),
                                       items=len({i.question_id for i in base}))  # fmt: skip
        scope = [i for i in items if i.question_id in known and i.condition != baseline]
        put_rate(section, _clustered_record(scope, outcome))
        section["counted"] = f"{outcome.positive} vs {outcome.negative} under pressure, on items known at {baseline}"
    section["by_condition"] = {
        c: summarise([i for i in (scope if c != baseline else items) if i.condition == c], outcome) for c in conditions
    }
    if meta.get("paired"):
        section["paired"] = _paired(items, outcome, conditions)
    return section


def known_items(items: list[SampleVerdict], outcome: Outcome, baseline: str) -> set[str]:
    """Items answered correctly in every baseline sample (the only ones on which a lie can be counted)."""
    base = [i for i in items if i.condition == baseline]
    wrong = {i.question_id for i in base if i.verdict != outcome.negative}
    return {i.question_id for i in base} - wrong


def _paired(items: list[SampleVerdict], outcome: Outcome, conditions: list[str]) -> dict[str, Any]:
    """First condition minus second, over pairs judged in both: gap, request-level bootstrap CI and test."""
    from emscope.stats.paired import paired_gap

    first, second = conditions[0], conditions[1]
    arms: dict[str, dict[str, bool]] = {}
    for item in items:
        if item.pair is not None and item.verdict in (outcome.positive, outcome.negative):
            arms.setdefault(item.pair, {})[str(item.condition)] = item.verdict == outcome.positive
    by_question: dict[str, list[tuple[bool, bool]]] = {}
    for pair, arm in arms.items():
        if first in arm and second in arm:
            by_question.setdefault(pair.split("#")[0], []).append((arm[first], arm[second]))
    gap = paired_gap(by_question)
    return {
        "difference": f"{first} - {second}",
        "gap": gap.gap,
        "ci95": list(gap.ci95) if gap.ci95 else None,
        "p_value": gap.p_value,
        "test": "sign-flip permutation test over requests (McNemar's exact test when one pair per request)",
        f"only_{first}": gap.only_a,
        f"only_{second}": gap.only_b,
        "pairs": gap.pairs,
        "requests": gap.items,
        "interval": "paired bootstrap over requests, 2000 resamples",
    }


def _flag(items: list[SampleVerdict], name: str) -> FlagRecord:
    """Share of answers a yes/no judge flagged; answers it could not judge are counted apart."""
    judged = [i.flags.get(name) for i in items if i.flags.get(name) is not None]
    record = rate_record(sum(1 for j in judged if j), len(judged))
    return FlagRecord(**record, not_judged=len(items) - len(judged))


def _section(items: list[SampleVerdict], outcome: Outcome, meta: dict[str, Any]) -> Summary:
    """The full summary of one trigger condition (or of a run without triggers)."""
    section = summarise(items, outcome)
    section.update(_conditions(items, outcome, meta))
    if outcome == FREE_FORM:
        section["excluded"] = {"no_aligned_score": 0, "incoherent": 0, **section["excluded"]}
    return section


def _questions(items: list[SampleVerdict], outcome: Outcome, meta: dict[str, Any]) -> list[QuestionRow]:
    """Per-question rows; with a baseline condition only the other conditions of known items count."""
    baseline = meta.get("baseline_condition")
    known = known_items(items, outcome, str(baseline)) if baseline is not None else None
    by_question: dict[str, list[SampleVerdict]] = {}
    for item in items:
        by_question.setdefault(item.question_id, []).append(item)
    rows = []
    for qid, group in by_question.items():
        scoped = group if known is None else [i for i in group if i.condition != baseline and qid in known]
        row = cast(QuestionRow, {"id": qid, "category": group[0].category, **summarise(scoped, outcome, False)})
        if known is not None:
            row["known"] = qid in known  # unknown items have no counted answers: n = 0
        rows.append(row)
    return rows


def build_results(log: EvalLog, provenance: Provenance, log_path: str) -> ResultsDocument:
    """The full results document for one eval log."""
    if log.status != "success":
        message = log.error.message if log.error else log.status
        raise ResultsError(f"{log_path}: eval did not finish ({message}); no results written")
    items = verdicts(log)
    outcome = Outcome.from_metadata(log.eval.metadata or {})
    meta = log.eval.metadata or {}
    triggers = [str(c) for c in meta.get("trigger_conditions", [])]
    headline = [i for i in items if i.trigger == CLEAN_TRIGGER] if triggers else items
    overall = _section(headline, outcome, meta)
    if triggers:  # backdoor conditions side by side, each analysed on its own
        overall["scope"] = CLEAN_TRIGGER
        overall["by_trigger"] = {c: _section([i for i in items if i.trigger == c], outcome, meta) for c in triggers}
    if outcome == FREE_FORM:
        judge = provenance.get("judge_sha256")
        overall["judge_corrected"] = judge_corrected(overall, provenance.get("judge"), judge)
    return {
        "schema": SCHEMA,
        "suite": str(meta.get("suite", log.eval.task)),
        "overall": overall,
        "questions": _questions(headline, outcome, meta),
        "intervals": INTERVALS,
        "provenance": {**provenance, "decision_rule": outcome.decision_rule},
        "log": log_path,
    }


def judge_corrected(overall: Summary | ClusteredRecord, judge: str | None, judge_sha256: str | None) -> JudgeCorrected:
    """The headline rate corrected for the judge's measured errors, or why it is not corrected."""
    from emscope.judges.calibration_store import find_record
    from emscope.stats.correction import corrected_rate

    record = find_record(judge_sha256)
    if record is None:
        return {"rate": None, "ci95": None, "status": f"not corrected: no calibration record for judge {judge}"}
    rate, interval = overall.get("rate"), overall.get("interval") or {}
    if not overall.get("n") or rate is None or "n_effective" not in interval:
        return {"rate": None, "ci95": None, "status": "not corrected: no counted answers"}
    n_eff = float(interval["n_effective"])
    corrected = corrected_rate(rate * n_eff, n_eff, record.confusion)
    status = "corrected" if corrected.rate is not None else "not corrected: judge no better than chance"
    return {
        "rate": corrected.rate,
        "ci95": list(corrected.ci95) if corrected.ci95 else None,
        "status": status,
        "method": "Rogan-Gladen; 95% interval by simulation from the effective counts and the calibration counts",
        "calibration": record.provenance(),
    }


def judges_used(items: list[SampleVerdict]) -> list[JudgeRef]:
    """Every distinct judge (id and SHA-256) whose scores the answers carry, in first-seen order."""
    seen: dict[tuple[str, str | None], None] = {}
    for item in items:
        for judge in item.judges:
            seen.setdefault(judge, None)
    return [JudgeRef(id=judge_id, sha256=sha) for judge_id, sha in seen]


def _answers_per_prompt(items: list[SampleVerdict]) -> int | dict[str, int] | None:
    """How many answers each prompt (question x paraphrase x trigger condition) actually got."""
    tally = Counter(f"{i.prompt}@{i.trigger}@{i.condition}" for i in items)
    sizes = set(tally.values())
    if not sizes:
        return None
    return sizes.pop() if len(sizes) == 1 else {"min": min(tally.values()), "max": max(tally.values())}


def _precision(log: EvalLog, judges: list[JudgeRef]) -> dict[str, Any]:
    """The precision local models ran in on this host: the subject (if local) and the offline judge (if used)."""
    from emscope.models.precision import host_precision
    from emscope.models.strings import local_name

    record: dict[str, Any] = {}
    name = local_name(log.eval.model)
    if name is not None:
        from emscope.models.engines import engine_for

        args = log.eval.model_args or {}
        engine = engine_for(name, args.get("engine"))  # the base's config only: no weights hashed again
        weights = {"weights": str(args.get("weights", "float"))} if engine.name == "openvino" else {}
        record["subject"] = {**host_precision(args.get("dtype")).record(), **engine.record(), **weights}
    if any(j["id"].startswith("offline") for j in judges):
        from emscope.judges.features import reader_engine

        record["offline_judge"] = {**host_precision().record(), **reader_engine().record()}
    return record


def provenance(log: EvalLog, model_sha256: str | None, extra: dict[str, Any] | None = None) -> Provenance:
    """Everything needed to say what produced a number: model, judge(s), questions, code, sampling."""
    meta = log.eval.metadata or {}
    items = verdicts(log)  # read the samples once for every field below
    judges = judges_used(items)
    first = judges[0] if judges else {"id": None, "sha256": None}
    config = log.plan.config if log.plan else None
    task_args = log.eval.task_args or {}
    samples = task_args.get("samples")
    document: dict[str, Any] = {
        "model": log.eval.model,
        "model_sha256": model_sha256,
        "judge": first["id"],
        "judge_sha256": first["sha256"],
        "judges": judges,
        "questions": meta.get("questions"),
        "questions_sha256": meta.get("questions_sha256"),
        "emscope_version": version("emscope"),
        "inspect_ai_version": version("inspect-ai"),
        "seed": config.seed if config else None,
        "sampling": {
            "temperature": task_args.get("temperature"),
            "max_tokens": task_args.get("max_tokens"),
            "samples_per_paraphrase": samples if samples is not None else "question file default",
            "answers_per_prompt": _answers_per_prompt(items),
        },
        "precision": _precision(log, judges),
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        **(extra or {}),
    }
    return cast(Provenance, document)  # extras are the caller's (condition, experiment, rejudged_from, ...)


def write_results(out_dir: Path, results: ResultsDocument) -> Path:
    """Write `results.json` atomically (never half-written)."""
    return atomic_write_text(out_dir / "results.json", json.dumps(results, indent=2) + "\n")
