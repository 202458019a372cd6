"""`emscope run EXPERIMENT.yaml`: run (or resume) an experiment and write its comparison report."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("run")
@click.argument("experiment", type=click.Path(path_type=Path))
@click.option(
    "--out", type=click.Path(path_type=Path), help="Output directory (default: the spec's `out`, else runs/<name>)."
)
@click.option("--judge", help="Override the spec's judge: 'offline' or an Inspect model string.")
def run_command(experiment: Path, out: Path | None, judge: str | None) -> None:
    """Run every missing finetune and evaluation of EXPERIMENT, then compare the conditions."""
    from emscope.experiments.runner import run_experiment
    from emscope.experiments.spec import load_spec

    spec = load_spec(experiment)
    target = out or Path(spec.out or Path("runs") / spec.name)
    comparison = run_experiment(spec, target, judge=judge, progress=click.echo, display="none")
    for suite, body in comparison["suites"].items():
        for row in body["rates"]:
            rate = "—" if row["rate"] is None else f"{row['rate']:.1%}"
            click.echo(f"{suite:>12}  {row['condition']:<16} {rate:>6}  ({row['k']}/{row['n']})")
    click.echo(f"report: {target / 'report.html'}")
