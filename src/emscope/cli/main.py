"""The `emscope` command. Each subcommand lives in its own module and only parses arguments.

User errors (`EmscopeError`) print as one line on stderr and exit with status 2, no traceback.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from emscope.errors import EmscopeError


class EmscopeGroup(click.Group):
    """A click group that turns `EmscopeError` into a one-line message and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand, reporting user errors without a traceback."""
        try:
            return super().invoke(ctx)
        except EmscopeError as error:
            click.echo(f"emscope: error: {error}", err=True)
            sys.exit(2)


@click.group(cls=EmscopeGroup)
@click.version_option(package_name="emscope")
def cli() -> None:
    """Induce, measure and monitor emergent misalignment (offline by default)."""


def _register() -> None:
    from emscope.cli import data, finetune, judge, models, quickstart, rejudge, report, run
    from emscope.cli import eval as eval_cmd

    cli.add_command(eval_cmd.eval_command)
    cli.add_command(report.report_command)
    cli.add_command(quickstart.quickstart_command)
    cli.add_command(models.models_group)
    cli.add_command(judge.judge_group)
    cli.add_command(data.data_group)
    cli.add_command(finetune.finetune_group)
    cli.add_command(run.run_command)
    cli.add_command(rejudge.rejudge_command)


_register()


def main() -> None:
    """Console-script entry point."""
    cli()
