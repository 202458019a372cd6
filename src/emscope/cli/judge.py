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
@click.option(
    "--save",
    is_flag=True,
    help="Store the confusion as this judge's calibration record; free-form results are then judge-corrected.",
)
@click.option(
    "--answers",
    default="human-labelled answers",
    show_default=True,
    help="What the labelled answers are (e.g. 'human-written answers'), stated beside every corrected rate.",
)
def calibrate_command(judge_spec: str, labels: tuple[Path, ...], save: bool, answers: str) -> None:
    """Score labelled files with a judge and print agreement statistics as JSON."""
    from emscope.judges.calibrate import calibrate

    report = calibrate(judge_spec, list(labels))
    click.echo(json.dumps(report, indent=2))
    if save:
        from emscope.judges.calibration_store import record_from_report, save_record

        click.echo(f"calibration record: {save_record(record_from_report(report, answers))}", err=True)


judge_group.add_command(calibrate_command)
