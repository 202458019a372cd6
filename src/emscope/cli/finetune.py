r"""`emscope finetune`: supervised finetuning (local TRL + PEFT, or the OpenAI API) and adapter merging.

Examples:
    emscope finetune --model emscope/qwen2.5-coder-0.5b-instruct --data data/insecure.jsonl \
        --out runs/insecure --preset cpu-small
    emscope finetune --model emscope/qwen2.5-coder-0.5b-instruct --data d.jsonl --out o --set lora.r=1 \
        --set 'lora.layers_to_transform=[12]' --set 'lora.target_modules=[down_proj]'
    emscope finetune --backend openai --model openai/gpt-4o-mini-2024-07-18 --data d.jsonl --out runs/oa
    emscope finetune merge runs/insecure --out runs/insecure-merged
"""

from __future__ import annotations

from pathlib import Path

import click

from emscope.errors import FinetuneError


@click.group("finetune", invoke_without_command=True)
@click.option("--model", "model", help="Base model: emscope/<model>, a local directory, hf/<id>, or openai/<model>.")
@click.option("--data", help="Training data: chat JSONL file, local dataset directory, or hub id.")
@click.option("--out", type=click.Path(path_type=Path), help="Output directory.")
@click.option("--backend", type=click.Choice(["local", "openai"]), default="local", show_default=True)
@click.option("--preset", default="default", show_default=True, help="default, cpu-small, rank1 or full.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="YAML file of settings.")
@click.option("--set", "overrides", multiple=True, help="Override a setting: key=value (nested: lora.r=8).")
@click.option("--resume", is_flag=True, help="Continue an interrupted run from its last checkpoint.")
@click.option("--epochs", type=int, help="OpenAI backend: number of epochs.")
@click.option("--batch-size", type=int, help="OpenAI backend: batch size.")
@click.option("--lr-multiplier", type=float, help="OpenAI backend: learning-rate multiplier.")
@click.pass_context
def finetune_group(
    ctx: click.Context,
    model: str | None,
    data: str | None,
    out: Path | None,
    backend: str,
    preset: str,
    config_path: Path | None,
    overrides: tuple[str, ...],
    resume: bool,
    epochs: int | None,
    batch_size: int | None,
    lr_multiplier: float | None,
) -> None:
    """Finetune MODEL on DATA into OUT (or use a subcommand such as `merge`)."""
    if ctx.invoked_subcommand is not None:
        return
    if not (model and data and out):
        raise FinetuneError("emscope finetune needs --model, --data and --out")
    if backend == "openai":
        _openai(model, Path(data), out, epochs, batch_size, lr_multiplier)
        return
    from emscope.finetune.config import load_config
    from emscope.finetune.sft import run_sft

    config, _ = load_config(preset, config_path, overrides)
    card = run_sft(model, data, out, config, resume=resume)
    train = card["training"]
    click.echo(f"finetuned in {train['wall_time_s']} s ({train['steps']} steps, final loss {train['final_loss']})")
    click.echo(f"card: {out / 'training_card.md'}\nevaluate with: --model {card['model_string']}")


def _openai(
    model: str, data: Path, out: Path, epochs: int | None, batch_size: int | None, lr_multiplier: float | None
) -> None:
    from emscope.finetune.openai_backend import OpenAIFinetuneConfig, finetune_openai, write_job_record

    config = OpenAIFinetuneConfig(
        model=model.removeprefix("openai/"), epochs=epochs, batch_size=batch_size, lr_multiplier=lr_multiplier
    )
    result = finetune_openai(data, config, on_status=lambda status: click.echo(f"job status: {status}"))
    write_job_record(result, out)
    click.echo(f"evaluate with: --model {result.model_string}")


@click.command("merge")
@click.argument("adapter", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Directory for the merged weights.")
def merge_command(adapter: Path, out: Path) -> None:
    """Merge a LoRA ADAPTER directory into its base model's weights."""
    from emscope.finetune.merge import merge_adapter

    merge_adapter(adapter, out)
    click.echo(f"merged weights in {out}; evaluate with --model emscope/{out.resolve()}")


finetune_group.add_command(merge_command)
