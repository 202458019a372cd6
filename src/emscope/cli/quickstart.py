"""`emscope quickstart`: the default model x `core` questions x offline judge x report, offline.

This is what `make demo` runs. It prints where the report is when done.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from emscope.evaluate import EvalRequest, run_eval
from emscope.models.embedded import DEFAULT_MODEL

QUICK_SAMPLES = 3
QUICK_MAX_TOKENS = 200


@click.command("quickstart")
@click.option("--model", default=DEFAULT_MODEL, show_default=True)
@click.option("--samples", type=click.IntRange(min=1), default=QUICK_SAMPLES, show_default=True)
@click.option("--max-tokens", type=click.IntRange(min=1), default=QUICK_MAX_TOKENS, show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=Path("runs/quickstart"), show_default=True)
def quickstart_command(model: str, samples: int, max_tokens: int, out: Path) -> None:
    """Run a small real EM evaluation offline and write a report."""
    from emscope.report.headline import headline
    from emscope.report.html import load_results, write_report

    start = time.monotonic()
    click.echo(f"emscope quickstart: {model} x core questions x {samples} samples x offline judge")
    click.echo("(first run converts the embedded GGUF to a bf16 cache: about a minute)")
    display = None if sys.stdout.isatty() else "plain"  # Inspect's live progress bar, or plain lines in logs
    request = EvalRequest(
        model=model, questions="core", samples=samples, max_tokens=max_tokens, out=out, display=display
    )
    run_dir = run_eval(request)
    report = write_report(run_dir)
    click.echo(f"done in {time.monotonic() - start:.0f}s")
    click.echo(headline(load_results(run_dir)))
    click.echo(f"report: {report.resolve()}")
    click.echo(f"transcripts: inspect view --log-dir {(run_dir / 'logs').resolve()}")
