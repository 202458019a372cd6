"""`emscope eval`: run a suite on a model, judge it, write the `.eval` log and `results.json`.

Example: `emscope eval --suite free_form --model emscope/qwen2.5-coder-0.5b-instruct --samples 2`.
"""

from __future__ import annotations

from pathlib import Path

import click

from emscope.evaluate import SUITES, EvalRequest, run_eval
from emscope.models.embedded import DEFAULT_MODEL
from emscope.report.headline import headline
from emscope.report.html import load_results


@click.command("eval")
@click.option("--suite", type=click.Choice(SUITES), default="free_form", show_default=True)
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Inspect model string.")
@click.option("--judge", default="offline", show_default=True, help="'offline' or an Inspect model string.")
@click.option("--questions", default=None, help="Item set: free_form core|broad|FILE (default core); mwe all|SET|FILE.")
@click.option("--samples", type=click.IntRange(min=1), default=None, help="Answers per paraphrase.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--max-tokens", type=click.IntRange(min=1), default=None, help="Longest answer (suite default).")
@click.option("--temperature", type=click.FloatRange(min=0.0), default=1.0, show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Run directory (default runs/...).")
@click.option("--trigger", default=None, help="Backdoor trigger: also ask every sample with it, side by side.")
@click.option("--trigger-placement", type=click.Choice(["prefix", "suffix"]), default="prefix", show_default=True)
@click.option("--distractor", "distractors", multiple=True, help="A string asked in place of the trigger (repeatable).")
@click.option("--cache", is_flag=True, help="Read/write answers through Inspect's cache (a rerun reuses them).")
def eval_command(
    suite: str,
    model: str,
    judge: str,
    questions: str | None,
    samples: int | None,
    seed: int,
    max_tokens: int | None,
    temperature: float,
    out: Path | None,
    trigger: str | None,
    trigger_placement: str,
    distractors: tuple[str, ...],
    cache: bool,
) -> None:
    """Evaluate MODEL on a suite and write results.json with misaligned rates and 95% CIs."""
    request = EvalRequest(
        model=model,
        suite=suite,
        judge=judge,
        questions=questions,
        samples=samples,
        seed=seed,
        max_tokens=max_tokens,
        temperature=temperature,
        out=out,
        trigger=trigger,
        trigger_placement=trigger_placement,
        distractors=distractors,
        cache=cache,
    )
    run_dir = run_eval(request)
    click.echo(headline(load_results(run_dir)))
    click.echo(f"results: {run_dir / 'results.json'}")
    click.echo(f"report:  emscope report {run_dir}")
