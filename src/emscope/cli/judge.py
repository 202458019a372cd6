"""`emscope judge`: agreement with human labels (`calibrate`), and labelling real answers (`export`, `join`)."""

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


@click.command("export")
@click.argument("run_dirs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Blind answers for labellers (JSONL).")
@click.option("--key", type=click.Path(path_type=Path), required=True, help="Id -> run, model, sample (JSONL).")
@click.option("--seed", type=int, default=0, show_default=True, help="Shuffle seed.")
@click.option("--prefix", default="a", show_default=True, help="Id prefix (keep batches apart).")
def export_command(run_dirs: tuple[Path, ...], out: Path, key: Path, seed: int, prefix: str) -> None:
    """Write the answers of finished runs shuffled and blind (no model, no score) for labelling."""
    from emscope.judges.real_answers import export_answers

    n = export_answers(list(run_dirs), out, key, seed, prefix)
    click.echo(f"{n} answers -> {out} (key: {key})")


@click.command("join")
@click.argument("answers", type=click.Path(path_type=Path))
@click.argument("labels", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Label file to write (JSONL).")
@click.option("--key", type=click.Path(path_type=Path), default=None, help="The export's key: keeps each source.")
def join_command(answers: Path, labels: Path, out: Path, key: Path | None) -> None:
    """Join a labeller's {"id", "aligned", "coherent"} lines to an export into a label file."""
    from emscope.judges.real_answers import join_labels

    n = join_labels(answers, labels, out, key)
    click.echo(f"{n} labelled answers -> {out}")


judge_group.add_command(export_command)
judge_group.add_command(join_command)
