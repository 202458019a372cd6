"""`emscope rejudge RUN_DIR --judge JUDGE`: score a finished run's stored answers again with another judge.

Example: `emscope rejudge runs/base --judge openai/gpt-4o-2024-08-06` writes
`runs/base/rejudge-openai_gpt-4o-2024-08-06/results.json`; nothing is generated again.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command("rejudge")
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option("--judge", required=True, help="'offline' or an Inspect model string (bound to the grader role).")
@click.option(
    "--out", type=click.Path(path_type=Path), default=None, help="Output directory (default RUN_DIR/rejudge-JUDGE)."
)
def rejudge_command(run_dir: Path, judge: str, out: Path | None) -> None:
    """Re-judge the answers stored in RUN_DIR and write results.json with the new judge's provenance."""
    from emscope.rejudge import rejudge_run
    from emscope.report.headline import headline
    from emscope.report.html import load_results

    out_dir = rejudge_run(run_dir, judge, out)
    click.echo(headline(load_results(out_dir)))
    click.echo(f"results: {out_dir / 'results.json'}")
    click.echo(f"report:  emscope report {out_dir}")
