"""`emscope report RUN_DIR`: write report.html (plot, table, provenance) for a finished run."""

from __future__ import annotations

from pathlib import Path

import click

from emscope.errors import ResultsError


@click.command("report")
@click.argument("run_dir", type=click.Path(path_type=Path))
def report_command(run_dir: Path) -> None:
    """Write RUN_DIR/report.html from RUN_DIR/results.json."""
    from emscope.report.html import write_report

    if not (run_dir / "results.json").is_file():
        raise ResultsError(f"{run_dir / 'results.json'}: not found (run `emscope eval --out {run_dir}` first)")
    click.echo(f"report: {write_report(run_dir)}")
