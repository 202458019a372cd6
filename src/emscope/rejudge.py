"""Re-judge a finished run: score its stored answers again with another judge, never generating again.

A judge is an instrument with errors, and the same answers can come out at very different rates under
different judges. Re-judging makes that measurable without the cost (and the sampling noise) of a new
generation: the suite's scorer is rebuilt from the registry with the run's own task arguments, and
Inspect's `score` runs it over the samples stored in the run's `.eval` log.

Two guarantees matter for the numbers to be comparable:
- the answers are the run's own: scoring only rebuilds each sample's state from the log, and the
  subject model is replaced by a stand-in that refuses to generate (Inspect would otherwise rebuild the
  run's model from the log header, and for a local model that means loading its weights);
- the judge prompts are the run's own: the item file the run used must still hash the same.

The original run directory is never written to; the re-judged log and `results.json` go to
`RUN_DIR/rejudge-<judge>` (or `--out`), `results.json` last, so a failed re-judge leaves any earlier
results in place.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspect_ai import score
from inspect_ai.log import EvalLog, EvalSample, read_eval_log, write_eval_log
from inspect_ai.model import ChatMessage, GenerateConfig, Model, ModelConfig, ModelOutput, get_model
from inspect_ai.scorer import Scorer
from inspect_ai.tool import ToolChoice, ToolInfo

from emscope.errors import EmscopeError, JudgeError, ResultsError
from emscope.judges.scorer import GRADER_ROLE
from emscope.models.strings import OFFLINE_JUDGE, is_offline_judge
from emscope.paths import path_safe
from emscope.results import build_results, provenance, write_results
from emscope.suites.registry import get_suite

JUDGE_PARAM = "judge"  # every judged suite's task takes the judge choice under this name


@dataclass(frozen=True)
class StoredRun:
    """What `emscope eval` left in a run directory: its log and (when written) its results."""

    run_dir: Path
    log_path: Path
    log: EvalLog
    results: dict[str, Any] | None

    @property
    def original_provenance(self) -> dict[str, Any]:
        """The original results' provenance (empty when the run has no results.json)."""
        prov = (self.results or {}).get("provenance")
        return prov if isinstance(prov, dict) else {}


def default_out_dir(run_dir: Path, judge: str | Model) -> Path:
    """`RUN_DIR/rejudge-<judge>`, the judge made path-safe (as `emscope eval` does for model names)."""
    return run_dir / f"rejudge-{path_safe(judge)}"


def load_run(run_dir: Path) -> StoredRun:
    """Read a run directory's results.json (if any) and its one finished `.eval` log."""
    if not run_dir.is_dir():
        raise ResultsError(f"{run_dir}: no such run directory")
    results = _read_results(run_dir / "results.json")
    log_path = _find_log(run_dir, results)
    return StoredRun(run_dir, log_path, load_log(log_path), results)


def load_log(log_path: Path) -> EvalLog:
    """Read a finished `.eval` log with its samples; an unreadable or unfinished one is a one-line error."""
    if not log_path.is_file():
        raise ResultsError(f"{log_path}: no such log")
    try:
        log = read_eval_log(str(log_path))
    except Exception as error:  # Inspect raises several types for unreadable logs; all mean the same here
        raise ResultsError(f"{log_path}: not a readable Inspect log ({_one_line(error)})") from error
    _check_finished(log, str(log_path))
    return log


def _read_results(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ResultsError(f"{path}:{error.lineno}: invalid JSON ({error.msg})") from error
    except UnicodeDecodeError as error:
        raise ResultsError(f"{path}: not UTF-8 text") from error
    if not isinstance(data, dict):
        raise ResultsError(f"{path}: not a results document")
    return data


def _find_log(run_dir: Path, results: dict[str, Any] | None) -> Path:
    """The log results.json names, else the run's only `logs/*.eval`."""
    named = (results or {}).get("log")
    if isinstance(named, str) and (run_dir / named).is_file():
        return run_dir / named
    logs = sorted((run_dir / "logs").glob("*.eval"))
    if not logs:
        raise ResultsError(f"{run_dir / 'logs'}: no .eval log (is {run_dir} an `emscope eval` run directory?)")
    if len(logs) > 1:
        raise ResultsError(f"{run_dir / 'logs'}: {len(logs)} .eval logs; re-judge needs a run with one")
    return logs[0]


def _check_finished(log: EvalLog, where: str) -> None:
    if log.status != "success":
        reason = _one_line(log.error.message) if log.error else log.status
        raise ResultsError(f"{where}: eval did not finish ({reason}); nothing to re-judge")
    if not log.samples:
        raise ResultsError(f"{where}: the log holds no samples; nothing to re-judge")


def rejudge_log(log: EvalLog, judge: str | Model, display: str | None = None) -> EvalLog:
    """A copy of `log` with every answer scored by `judge` (`offline` or a model for the grader role).

    The samples' inputs, messages and outputs are the log's own; only their scores, the log's
    metrics and its grader role change. Samples that errored in the run stay unscored, as they were.
    """
    where = log.location or "log"
    _check_finished(log, where)
    offline = is_offline_judge(judge)
    # the suite task's judge choice: the offline judge, or "llm" (the model bound to the grader role)
    scorers = _suite_scorers(log, OFFLINE_JUDGE if offline else "llm", where)
    grader = None if offline else _grader_model(judge)
    working = log.model_copy(deep=True)
    every_sample = list(working.samples or [])
    working.samples = [s for s in every_sample if s.error is None]
    working.eval.model_roles = None  # never rebuild the run's own grader (it may need keys we lack)
    scored = score(
        working,
        scorers,
        model=_no_generation_model(),
        model_roles={GRADER_ROLE: grader} if grader is not None else None,
        action="overwrite",
        display=display,  # type: ignore[arg-type]
        copy=False,
    )
    _restore(scored, every_sample, log)
    scored.eval.model_roles = {GRADER_ROLE: _model_config(grader)} if grader is not None else None
    scored.eval.metadata = {**(scored.eval.metadata or {}), "rejudged_from": log.location or None}
    scored.location = ""  # a new log: it lives wherever the caller writes it
    return scored


def _suite_scorers(log: EvalLog, choice: str, where: str) -> list[Scorer]:
    """The run's suite scorer, rebuilt from its task arguments with the judge choice swapped."""
    meta = log.eval.metadata or {}
    name = meta.get("suite")
    if not isinstance(name, str):
        raise ResultsError(f"{where}: not an emscope suite log (no 'suite' in the task metadata)")
    entry = get_suite(name)
    if not entry.judged:
        raise EmscopeError(f"{where}: suite '{name}' has no judge (its answers are not judged); nothing to re-judge")
    accepted = entry.parameters()
    args = {k: v for k, v in (log.eval.task_args or {}).items() if k in accepted}
    task = entry.task(**{**args, JUDGE_PARAM: choice})
    rebuilt = (task.metadata or {}).get("questions_sha256")
    if rebuilt != meta.get("questions_sha256"):
        raise EmscopeError(
            f"{meta.get('questions')}: changed since the run (sha256 {rebuilt}, the run used "
            f"{meta.get('questions_sha256')}); re-judging needs the file the run was judged with"
        )
    return list(task.scorer or [])


def _grader_model(judge: str | Model) -> Model:
    """The model for the grader role; a bad model string is a one-line user error, not a traceback."""
    if isinstance(judge, Model):
        return judge
    try:
        return get_model(judge)
    except Exception as error:  # ValueError (bad name), PrerequisiteError (missing package or key), ...
        raise JudgeError(f"--judge {judge}: {_one_line(error)}") from error


def _restore(scored: EvalLog, every_sample: list[EvalSample], original: EvalLog) -> None:
    """Put the errored samples back in their places; the scored ones were updated in place."""
    scored.samples = every_sample
    if scored.results is not None and original.results is not None:
        scored.results.total_samples = original.results.total_samples


def _model_config(model: Model) -> ModelConfig:
    """The grader as the log header records a role (model arguments left out: they may hold secrets)."""
    return ModelConfig(model=str(model), config=model.config, base_url=model.api.base_url, args={})


def _no_generation_model() -> Model:
    """Stands in for the run's subject model while scoring; any generation is a bug, so it raises."""

    def refuse(
        messages: list[ChatMessage], tools: list[ToolInfo], choice: ToolChoice, config: GenerateConfig
    ) -> ModelOutput:
        raise RuntimeError("re-judging asked the subject model to generate; stored answers must be scored as they are")

    return get_model("mockllm/model", custom_outputs=refuse, memoize=False)


def rejudge_run(run_dir: Path, judge: str | Model, out: Path | None = None, display: str | None = None) -> Path:
    """Re-judge a run directory into `out` (default `RUN_DIR/rejudge-<judge>`) and return `out`.

    `out` gets `logs/<the original log's name>` and a `results.json` whose provenance names the new
    judge (`judge_spec`) and where the answers came from (`rejudged_from`).
    """
    out = out or default_out_dir(run_dir, judge)
    if out.resolve() == run_dir.resolve():
        raise EmscopeError(f"{out}: is the run directory itself; re-judged results go elsewhere (--out)")
    stored = load_run(run_dir)
    rejudged = rejudge_log(stored.log, judge, display)
    relative = Path("logs") / stored.log_path.name
    extra = {"judge_spec": str(judge), "rejudged_from": _origin(stored)}
    results = build_results(rejudged, provenance(rejudged, stored.original_provenance.get("model_sha256"), extra),
                            str(relative))  # fmt: skip
    write_log_atomic(rejudged, out / relative)
    write_results(out, results)
    return out


def _origin(stored: StoredRun) -> dict[str, Any]:
    """Where the answers come from and how they were judged the first time."""
    prov = stored.original_provenance
    return {
        "log": str(stored.log_path.resolve()),
        "judge": prov.get("judge"),
        "judge_sha256": prov.get("judge_sha256"),
        "judge_spec": prov.get("judge_spec"),
        "judges": prov.get("judges"),  # every judge a suite used, where results record them
    }


def write_log_atomic(log: EvalLog, path: Path) -> None:
    """Write the log to a temporary sibling, then rename it into place (never a half-written log)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write_eval_log(log, tmp, format="eval")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    log.location = str(path)


def _one_line(error: object) -> str:
    """An error message on one line, without Inspect's console markup."""
    return " ".join(re.sub(r"\[/?bold\]", "", str(error)).split())
