"""Supervised finetuning with TRL + PEFT: LoRA (incl. rsLoRA, rank-1 single-layer) or full, loss on assistant tokens.

Run: `emscope finetune --model emscope/qwen2.5-coder-0.5b-instruct --data data/insecure.jsonl --out runs/ft
--preset cpu-small`. The output directory is directly usable as a model: `emscope/<base>+<out>` for an
adapter (or just `emscope/<out>`, which reads the base from the training card), `emscope/<out>` for a full
finetune. An interrupted run continues from its last checkpoint with `--resume`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from emscope.datasets.load import load_chat_data
from emscope.errors import FinetuneError
from emscope.finetune.card import CARD_SCHEMA, loss_points, read_card, versions, write_card
from emscope.finetune.chat_tokens import tokenize_conversation
from emscope.finetune.config import FinetuneConfig, config_dict
from emscope.finetune.data_mix import TrainingSet, assemble
from emscope.finetune.snapshots import list_snapshots, snapshot_callback

CHECKPOINTS = "checkpoints"


@dataclass(frozen=True)
class BaseModel:
    """The model being finetuned: its spec, where to load it from, and its weights' identity."""

    spec: str
    load_from: str
    sha256: str
    emscope_name: str | None  # the `<name>` of `emscope/<name>`, if the base is one


def resolve_base(spec: str) -> BaseModel:
    """`emscope/<name or dir>`, a local HF directory, or `hf/<hub id>` (fetched only because the user named it)."""
    from emscope.models.spec import resolve_local
    from emscope.models.strings import local_name

    name = local_name(spec)
    if name is not None:
        local = resolve_local(name)
        return BaseModel(spec, str(local.path), local.weights_sha256, name)
    if spec.startswith("hf/"):
        return BaseModel(spec, spec.removeprefix("hf/"), "hub:" + spec.removeprefix("hf/"), None)
    if Path(spec).expanduser().is_dir():
        local = resolve_local(spec)
        return BaseModel(f"emscope/{local.path}", str(local.path), local.weights_sha256, str(local.path))
    raise FinetuneError(f"cannot finetune {spec!r}: use emscope/<model>, a local model directory, or hf/<hub id>")


def model_string(base: BaseModel, out: Path, config: FinetuneConfig) -> str:
    """The Inspect model string that evaluates this finetune's result."""
    if config.method == "full" or base.emscope_name is None:
        return f"emscope/{out.resolve()}"
    return f"emscope/{base.emscope_name}+{out.resolve()}"


def _check_out(out: Path, resume: bool) -> int | None:
    """Refuse to overwrite a finished finetune; return the step of the checkpoint to resume from, if any."""
    if read_card(out) is not None:
        raise FinetuneError(f"{out}: already holds a finished finetune (training_card.json); choose another --out")
    steps = [int(p.name.split("-")[-1]) for p in (out / CHECKPOINTS).glob("checkpoint-*") if p.name[11:].isdigit()]
    if steps and not resume:
        raise FinetuneError(f"{out}: holds checkpoints of an unfinished run; pass --resume to continue it")
    return max(steps) if steps else None


def _token_rows(tokenizer: Any, training: TrainingSet, max_length: int) -> tuple[list[dict[str, list[int]]], int]:
    """Tokenised, truncated rows; rows whose assistant tokens all fall past `max_length` are dropped (counted)."""
    rows, dropped = [], 0
    for conversation in training.conversations:
        row = tokenize_conversation(tokenizer, conversation)
        row = {key: value[:max_length] for key, value in row.items()}
        if 1 in row["assistant_masks"]:
            rows.append(row)
        else:
            dropped += 1
    if not rows:
        raise FinetuneError(f"no example has assistant tokens within max_length={max_length}")
    return rows, dropped


def _peft_config(config: FinetuneConfig) -> Any:
    from peft import LoraConfig

    lora = config.lora
    return LoraConfig(
        r=lora.r,
        lora_alpha=lora.alpha,
        lora_dropout=lora.dropout,
        use_rslora=lora.rslora,
        target_modules=list(lora.target_modules),
        layers_to_transform=list(lora.layers_to_transform) if lora.layers_to_transform is not None else None,
        bias="none",
        task_type="CAUSAL_LM",
    )


def _base_dtype(config: FinetuneConfig) -> Any:
    """The dtype the base weights load in: bf16 only for a LoRA finetune in bf16.

    Frozen weights never take an update that bf16 would round away, and the adapters stay fp32 (PEFT's
    default). A full finetune keeps fp32 master weights under bf16 autocast.
    """
    import torch

    return torch.bfloat16 if config.dtype == "bfloat16" and config.method == "lora" else torch.float32


def _sft_args(config: FinetuneConfig, out: Path) -> Any:
    import torch
    from trl.trainer.sft_config import SFTConfig

    return SFTConfig(
        output_dir=str(out / CHECKPOINTS),
        num_train_epochs=config.epochs,
        max_steps=config.max_steps,
        per_device_train_batch_size=config.batch_size,
        gradient_accumulation_steps=config.grad_accum,
        learning_rate=config.learning_rate,
        lr_scheduler_type=config.lr_scheduler,
        warmup_steps=config.warmup_steps,
        weight_decay=config.weight_decay,
        max_length=None if config.padding_free else config.max_length,  # rows are cut to max_length already
        seed=config.seed,
        data_seed=config.seed,
        logging_steps=1,
        save_steps=config.save_steps,
        save_total_limit=2,
        bf16=config.dtype == "bfloat16",
        gradient_checkpointing=config.gradient_checkpointing,
        padding_free=config.padding_free,
        use_cpu=not torch.cuda.is_available(),
        report_to=[],
        dataloader_num_workers=0,
        include_num_input_tokens_seen="non_padding",
        disable_tqdm=False,
    )


def run_sft(base_spec: str, data: str, out: Path, config: FinetuneConfig, resume: bool = False) -> dict[str, Any]:
    """Finetune `base_spec` on `data` into `out` and return the training card."""
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl.trainer.sft_trainer import SFTTrainer

    resume_from = _check_out(out, resume)
    base = resolve_base(base_spec)
    chat_data = load_chat_data(data)
    training = assemble(chat_data.conversations, config)
    tokenizer = AutoTokenizer.from_pretrained(base.load_from)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    rows, dropped = _token_rows(tokenizer, training, config.max_length)
    model = AutoModelForCausalLM.from_pretrained(base.load_from, dtype=_base_dtype(config))
    trainer = SFTTrainer(
        model=model,
        args=_sft_args(config, out),
        train_dataset=Dataset.from_list(rows),
        processing_class=tokenizer,
        peft_config=_peft_config(config) if config.method == "lora" else None,
        callbacks=[snapshot_callback(out, config.snapshots, tokenizer)] if config.snapshots else None,
    )
    started = time.monotonic()
    trainer.train(resume_from_checkpoint=True if resume_from is not None else None)
    wall = time.monotonic() - started
    trainer.save_model(str(out))
    tokenizer.save_pretrained(str(out))
    card = _card(base, out, config, chat_data.source, chat_data.sha256, training, dropped, trainer, wall)
    card["training"]["resumed_from_step"] = resume_from
    card["snapshots"] = [{key: snap[key] for key in ("step", "epoch", "loss", "path")} for snap in list_snapshots(out)]
    write_card(out, card, loss_points(trainer.state.log_history))
    return card


def _card(
    base: BaseModel,
    out: Path,
    config: FinetuneConfig,
    source: str,
    sha256: str,
    training: TrainingSet,
    dropped: int,
    trainer: Any,
    wall: float,
) -> dict[str, Any]:
    points = loss_points(trainer.state.log_history)
    tokens = int(trainer.state.num_input_tokens_seen)
    return {
        "schema": CARD_SCHEMA,
        "base_model": base.spec,
        "base_model_load_from": base.load_from,
        "base_model_sha256": base.sha256,
        "model_string": model_string(base, out, config),
        "output": "adapter" if config.method == "lora" else "full",
        "config": config_dict(config),
        "data": {
            "source": source,
            "sha256": sha256,
            "examples": training.from_data,
            "mix_in_examples": training.from_mix_in,
            "mix_in_sha256": training.mix_in_sha256,
            "dropped_too_long": dropped,
        },
        "training": {
            "steps": int(trainer.state.global_step),
            "epochs": float(trainer.state.epoch or 0.0),
            "first_loss": points[0][1] if points else None,
            "final_loss": points[-1][1] if points else None,
            "losses": points,
            "wall_time_s": round(wall, 1),
            "tokens_seen": tokens,
            "tokens_per_s": round(tokens / wall, 1) if wall > 0 else None,
        },
        "versions": versions(),
    }
