"""`emscope judge calibrate`: agreement of a judge with human labels (kappa, Spearman, confusion)."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.group("judge")
def judge_group() -> None:
    """Judge utilities."""


@click.command("calibrate")
@click.option("--judge", "judge_spec", default="offline", show_default=True, help="'offline' or an Inspect model.")
@click.option(
    "--labels",
    type=click.Path(path_type=Path),
    required=True,
    multiple=True,
    help="Labelled JSONL file; repeat to pool several (per-file numbers are added).",
)
def calibrate_command(judge_spec: str, labels: tuple[Path, ...]) -> None:
    """Score labelled files with a judge and print agreement statistics as JSON."""
    from emscope.judges.calibrate import calibrate

    click.echo(json.dumps(calibrate(judge_spec, list(labels)), indent=2))


judge_group.add_command(calibrate_command)
