"""`emscope models list`: the embedded models, their hashes and whether they are materialised."""

from __future__ import annotations

import click

from emscope.models.embedded import DEFAULT_MODEL, EMBEDDED


@click.group("models")
def models_group() -> None:
    """Inspect the embedded offline models."""


@click.command("list")
def list_command() -> None:
    """List embedded models (default marked with *)."""
    from emscope.models.materialise import cache_dir, is_materialised

    for model in EMBEDDED.values():
        spec = f"emscope/{model.name}"
        mark = "*" if spec == DEFAULT_MODEL else " "
        state = f"materialised at {cache_dir(model)}" if is_materialised(model) else "not materialised"
        click.echo(f"{mark} {spec}\n    {model.description}\n    gguf sha256 {model.sha256} ({model.size:,} bytes)")
        click.echo(f"    {state}")


models_group.add_command(list_command)
