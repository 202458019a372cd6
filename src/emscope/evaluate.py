"""Run a suite through Inspect and write the run directory: `.eval` log, `results.json`, provenance.

This is what `emscope eval` and `emscope quickstart` call. Inputs are validated before anything is
written (question set, model spec), and `results.json` appears only after a successful eval.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from emscope.errors import EmscopeError, ResultsError
from emscope.models.strings import OFFLINE_JUDGE, is_offline_judge, local_name, parse_model
from emscope.paths import emscope_home, path_safe
from emscope.results import build_results, provenance, write_results
from emscope.suites.registry import get_suite, suite_names

if TYPE_CHECKING:
    from inspect_ai.model import Model

SUITES = suite_names()
JUDGEMENT_CACHE = "judgements.sqlite"  # offline-judge verdicts kept for --cache reruns, under $EMSCOPE_HOME


@dataclass(frozen=True)
class EvalRequest:
    """One `emscope eval` invocation."""

    model: str | Model
    suite: str = "free_form"
    judge: str | Model = OFFLINE_JUDGE
    questions: str | None = None  # the suite's item set; None = its default (core / all)
    samples: int | None = None
    seed: int | None = 0
    max_tokens: int | None = None  # None: the suite default (600 for free_form)
    temperature: float = 1.0
    out: Path | None = None
    display: str | None = None
    trigger: str | None = None  # backdoor: also ask every sample with this string (and each distractor)
    trigger_placement: str = "prefix"
    distractors: tuple[str, ...] = ()
    cache: bool = False  # answers through Inspect's response cache (per sample and subject identity)


def default_out_dir(request: EvalRequest) -> Path:
    """`runs/<UTC time>-<suite>-<model>` with the model string made path-safe."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return Path("runs") / f"{stamp}-{request.suite}-{path_safe(request.model)}"


def model_weights_sha256(model: str | Model) -> str | None:
    """Resolve (and materialise) an `emscope/...` model now, so a bad spec fails before the eval."""
    name = local_name(model)
    if name is None:
        return None
    from emscope.models.spec import resolve_local

    return resolve_local(name).weights_sha256


def run_eval(request: EvalRequest) -> Path:
    """Evaluate and write the run directory; return it."""
    suite = get_suite(request.suite)
    if request.distractors and request.trigger is None:
        raise EmscopeError("--distractor needs --trigger (distractors are compared with the trigger)")
    for spec in (request.model, request.judge):  # one-line errors for malformed strings, before any output
        if isinstance(spec, str) and not is_offline_judge(spec):
            parse_model(spec)
    suite.check_items(request.questions or suite.default_items)  # fail fast, before any output exists
    weights_sha = model_weights_sha256(request.model)
    out = request.out or default_out_dir(request)
    from emscope.judges.judgement_cache import caching_judgements

    with caching_judgements(emscope_home() / JUDGEMENT_CACHE if request.cache else None):
        log = _inspect_eval(request, out, weights_sha)
    log_path = Path(log.location)
    relative = log_path.relative_to(out.resolve()) if log_path.is_relative_to(out.resolve()) else log_path
    results = build_results(log, provenance(log, weights_sha, {"judge_spec": str(request.judge)}), str(relative))
    write_results(out, results)
    return out


@dataclass(frozen=True)
class RunOptions:
    """What `emscope eval` and experiments both derive from (model, judge) before calling Inspect."""

    judge_choice: str  # the task's `judge` argument: "llm" (grader role) or "offline"
    inspect_kwargs: dict[str, Any]  # model, grader role and local batch limits for eval / eval_set

    @classmethod
    def of(cls, model: str | Model, judge: str | Model) -> RunOptions:
        """Bind an LLM judge to the grader role (or use the offline judge) and size local batches."""
        judge_is_model = not is_offline_judge(judge)
        batch = _local_batch_size(model)
        kwargs = {
            "model": model,
            "model_roles": {"grader": judge} if judge_is_model else None,
            "max_connections": batch,
            "max_samples": batch,
            "log_format": "eval",
        }
        return cls("llm" if judge_is_model else "offline", kwargs)


def _local_batch_size(model: str | Model) -> int | None:
    """For local `emscope/` models, keep exactly one batch of samples in flight.

    Inspect otherwise starts with fewer concurrent samples and adapts upwards, so early batches run
    part-empty and stragglers run alone (measured: batches of 20, then 1). Fixing both limits to the
    provider's batch size lets each batch fill.
    """
    name = local_name(model)
    if name is None:
        return None  # Inspect's own defaults
    from emscope.models.engines import engine_for
    from emscope.models.provider import default_batch

    return default_batch(engine_for(name).name)


def _subject_identity(model: str | Model, weights_sha: str | None) -> dict[str, str]:
    """What produced a local subject's answers beyond its name: weights, engine, precision (cache scopes)."""
    name = local_name(model)
    if name is None or weights_sha is None:
        return {}
    from emscope.models.engines import engine_for
    from emscope.models.precision import host_precision

    return {"weights_sha256": weights_sha, "engine": engine_for(name).name, "dtype": host_precision().dtype}


def _inspect_eval(request: EvalRequest, out: Path, weights_sha: str | None = None) -> Any:
    from inspect_ai import eval as inspect_eval

    options = RunOptions.of(request.model, request.judge)
    extra: dict[str, Any] = {}
    task = get_suite(request.suite).build(
        request.questions,
        samples=request.samples,
        judge=options.judge_choice,
        max_tokens=request.max_tokens,
        temperature=request.temperature,
        trigger=request.trigger,
        trigger_placement=request.trigger_placement,
        distractors=list(request.distractors) or None,
    )
    if request.cache:
        from emscope.suites.caching import generate_cached

        extra["solver"] = generate_cached(_subject_identity(request.model, weights_sha))
    logs = inspect_eval(
        task,
        log_dir=str(out.resolve() / "logs"),
        seed=request.seed,
        display=request.display,  # type: ignore[arg-type]
        fail_on_error=False,
        **options.inspect_kwargs,
        **extra,
    )
    if not logs:
        raise ResultsError(f"{out}: Inspect returned no log")
    return logs[0]
