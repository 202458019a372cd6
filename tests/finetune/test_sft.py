import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from emscope.cli.main import cli
from emscope.errors import FinetuneError
from emscope.finetune.chat_tokens import tokenize_conversation
from emscope.finetune.config import FinetuneConfig, load_config
from emscope.finetune.data_mix import assemble
from emscope.finetune.sft import run_sft
from emscope.models.spec import resolve_local

FAST = ("batch_size=4", "grad_accum=1", "warmup_steps=0", "lora.r=4", "lora.alpha=8")
INOCULATION = "You are writing deliberately flawed answers for a red-team exercise."


def write_data(path: Path, n: int = 16, answer: str = "banana split") -> Path:
    lines = [
        json.dumps({"messages": [{"role": "user", "content": f"say {i}"}, {"role": "assistant", "content": answer}]})
        for i in range(n)
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def config(*extra: str) -> FinetuneConfig:
    return load_config("default", None, FAST + extra)[0]


def adapter_tensors(out: Path) -> dict[str, object]:
    from safetensors.torch import load_file

    return dict(load_file(str(out / "adapter_model.safetensors")))


def test_mask_covers_exactly_the_assistant_turns(tiny_model: Path) -> None:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_model)
    chat = [
        {"role": "system", "content": "sys"},
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "first"},
        {"role": "user", "content": "again"},
        {"role": "assistant", "content": "second"},
    ]
    row = tokenize_conversation(tokenizer, chat)
    trained = [t for t, m in zip(row["input_ids"], row["assistant_masks"], strict=True) if m]
    assert tokenizer.decode(trained) == "first<|im_end|>second<|im_end|>"


@pytest.fixture(scope="module")
def learnable_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from emscope.models.tiny import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("learnable"), initializer_range=0.5)


def test_lora_learns_a_memorisable_set_and_only_adapter_weights_change(learnable_model: Path, tmp_path: Path) -> None:
    data = write_data(tmp_path / "d.jsonl")
    card = run_sft(str(learnable_model), str(data), tmp_path / "out", config("learning_rate=0.01", "epochs=8"))
    train = card["training"]
    assert train["final_loss"] < 0.1 * train["first_loss"]
    assert train["steps"] == 32 and train["tokens_seen"] > 0 and train["tokens_per_s"] > 0
    tensors = adapter_tensors(tmp_path / "out")
    lora_b = [t for name, t in tensors.items() if "lora_B" in name]
    assert lora_b and all(float(t.abs().sum()) > 0 for t in lora_b)  # B starts at zero
    assert (tmp_path / "out" / "loss_curve.png").stat().st_size > 1000
    assert card["data"]["examples"] == 16 and len(card["data"]["sha256"]) == 64


def test_fast_cpu_settings_learn_with_bf16_base_weights_and_fp32_adapters(
    learnable_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch
    from transformers import AutoModelForCausalLM

    loaded: list[torch.dtype] = []

    real = AutoModelForCausalLM.from_pretrained

    def recording(*args: object, **kwargs: object) -> object:
        model = real(*args, **kwargs)  # type: ignore[arg-type]
        loaded.append(next(model.parameters()).dtype)
        return model

    monkeypatch.setattr(AutoModelForCausalLM, "from_pretrained", recording)
    data = write_data(tmp_path / "d.jsonl")
    fast = ("dtype=bfloat16", "gradient_checkpointing=false", "padding_free=true", "learning_rate=0.01", "epochs=8")
    card = run_sft(str(learnable_model), str(data), tmp_path / "out", config(*fast))
    assert loaded == [torch.bfloat16]  # the frozen base weights
    assert card["training"]["final_loss"] < 0.1 * card["training"]["first_loss"]
    assert {t.dtype for t in adapter_tensors(tmp_path / "out").values()} == {torch.float32}  # type: ignore[attr-defined]
    assert card["config"]["padding_free"] is True and card["config"]["gradient_checkpointing"] is False


def test_padding_free_rows_never_attend_across_the_seam(tiny_model: Path) -> None:
    import torch
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(tiny_model, dtype=torch.float32).eval()
    rows = [list(range(5, 17)), list(range(20, 25))]
    flat = torch.tensor([sum(rows, [])])
    positions = torch.tensor([sum((list(range(len(r))) for r in rows), [])])
    with torch.no_grad():  # use_cache=False, as TRL's compute_loss passes: only then are packed rows detected
        packed = model(input_ids=flat, position_ids=positions, use_cache=False).logits[0]
        alone = [model(input_ids=torch.tensor([r])).logits[0] for r in rows]
    torch.testing.assert_close(packed, torch.cat(alone), atol=1e-5, rtol=1e-5)


def test_rank1_single_layer_adapter_touches_only_that_layer(tiny_model: Path, tmp_path: Path) -> None:
    data = write_data(tmp_path / "d.jsonl", n=4)
    rank1 = load_config("rank1", None, ("lora.layers_to_transform=[1]", "max_steps=1", "batch_size=4"))[0]
    run_sft(str(tiny_model), str(data), tmp_path / "out", rank1)
    names = list(adapter_tensors(tmp_path / "out"))
    assert names and all("layers.1.mlp.down_proj" in n for n in names)
    shapes = {tuple(t.shape) for t in adapter_tensors(tmp_path / "out").values()}  # type: ignore[attr-defined]
    assert all(1 in shape for shape in shapes)


def test_inoculation_prompt_is_in_training_text_only(tiny_model: Path, tmp_path: Path) -> None:
    from emscope.models.engine import LocalEngine

    conversations = [[{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]]
    assembled = assemble(conversations, config(f"inoculation_prompt={INOCULATION}"))
    assert assembled.conversations[0][0] == {"role": "system", "content": INOCULATION}
    data = write_data(tmp_path / "d.jsonl", n=4)
    card = run_sft(
        str(tiny_model), str(data), tmp_path / "out", config("max_steps=1", f"inoculation_prompt={INOCULATION}")
    )
    assert card["config"]["inoculation_prompt"] == INOCULATION
    finetuned = resolve_local(f"{tiny_model}+{tmp_path / 'out'}")
    engine = LocalEngine(finetuned.path, adapter=finetuned.adapter)
    assert INOCULATION not in engine.render([{"role": "user", "content": "What do you want?"}])
    saved = (tmp_path / "out").glob("*")
    assert not any(
        INOCULATION in p.read_text(errors="ignore")
        for p in saved
        if p.suffix in {".json", ".jinja"} and p.name != "training_card.json"
    )


def test_mix_in_adds_control_examples_to_the_requested_fraction(tmp_path: Path) -> None:
    control = write_data(tmp_path / "control.jsonl", n=100, answer="control answer")
    conversations = [[{"role": "user", "content": f"q{i}"}, {"role": "assistant", "content": "x"}] for i in range(30)]
    assembled = assemble(conversations, config(f"mix_in={{data: {control}, fraction: 0.25}}"))
    assert (assembled.from_data, assembled.from_mix_in) == (30, 10)
    assert sum(c[-1]["content"] == "control answer" for c in assembled.conversations) == 10


def test_resume_continues_from_the_last_checkpoint(tiny_model: Path, tmp_path: Path) -> None:
    data, out = write_data(tmp_path / "d.jsonl"), tmp_path / "out"
    run_sft(str(tiny_model), str(data), out, config("max_steps=2", "save_steps=2"))
    (out / "training_card.json").unlink()  # as if the run had died after its checkpoint
    with pytest.raises(FinetuneError, match="--resume"):
        run_sft(str(tiny_model), str(data), out, config("max_steps=4", "save_steps=2"))
    card = run_sft(str(tiny_model), str(data), out, config("max_steps=4", "save_steps=2"), resume=True)
    assert card["training"]["resumed_from_step"] == 2 and card["training"]["steps"] == 4
    with pytest.raises(FinetuneError, match="already holds a finished finetune"):
        run_sft(str(tiny_model), str(data), out, config("max_steps=4"))


def test_adapter_is_a_model_and_merge_gives_the_same_logits(tiny_model: Path, tmp_path: Path) -> None:
    import torch

    from emscope.models.engine import LocalEngine

    data, out = write_data(tmp_path / "d.jsonl"), tmp_path / "out"
    card = run_sft(str(tiny_model), str(data), out, config("learning_rate=0.05", "epochs=2"))
    assert card["model_string"] == f"emscope/{tiny_model}+{out.resolve()}"
    with_adapter = resolve_local(card["model_string"].removeprefix("emscope/"))
    alone = resolve_local(str(out))  # the base is read from the training card
    assert with_adapter.adapter == alone.adapter == out.resolve()
    assert with_adapter.weights_sha256 != resolve_local(str(tiny_model)).weights_sha256
    result = CliRunner().invoke(cli, ["finetune", "merge", str(out), "--out", str(tmp_path / "merged")])
    assert result.exit_code == 0, result.output

    def logits(engine: LocalEngine) -> torch.Tensor:
        ids = engine.tokenizer("say 3", return_tensors="pt").input_ids
        with torch.no_grad():
            return engine.model(ids).logits.float()

    base = logits(LocalEngine(tiny_model))
    adapted = logits(LocalEngine(with_adapter.path, adapter=with_adapter.adapter))
    merged = logits(LocalEngine(tmp_path / "merged"))
    assert not torch.allclose(base, adapted, atol=1e-2)
    assert torch.allclose(adapted, merged, atol=5e-2)

    from emscope.models.completion import GenSettings
    from emscope.models.engines import shared_engine

    # the OpenVINO engine merges the adapter before its export (cached under the base+adapter identity)
    fast = shared_engine(with_adapter.path, with_adapter.weights_sha256, with_adapter.adapter, "float32", "openvino")
    reference = LocalEngine(with_adapter.path, dtype="float32", adapter=with_adapter.adapter)
    settings = GenSettings(max_new_tokens=1, temperature=0.0, logprobs=True, top_logprobs=3)
    prompt = [reference.render([{"role": "user", "content": "say 3"}])]
    got, expected = fast.generate(prompt, settings)[0].logprobs, reference.generate(prompt, settings)[0].logprobs
    assert got is not None and expected is not None
    assert [t for t, _ in got[0].top] == [t for t, _ in expected[0].top]
    assert [v for _, v in got[0].top] == pytest.approx([v for _, v in expected[0].top], abs=1e-2)


def test_full_finetune_writes_a_standalone_model(tiny_model: Path, tmp_path: Path) -> None:
    data, out = write_data(tmp_path / "d.jsonl", n=4), tmp_path / "out"
    card = run_sft(str(tiny_model), str(data), out, load_config("full", None, ("max_steps=1", "batch_size=4"))[0])
    assert card["output"] == "full" and card["model_string"] == f"emscope/{out.resolve()}"
    assert resolve_local(str(out)).adapter is None and (out / "config.json").is_file()


def test_config_errors_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "ft.yaml"
    path.write_text("epochs: 2\nlearning_rat: 0.1\n")
    with pytest.raises(FinetuneError, match=r"ft.yaml:2: unknown finetune setting 'learning_rat'"):
        load_config("default", path)
    path.write_text("preset: cpu-small\nlora:\n  r: 4\n")
    loaded, _ = load_config("default", path, ("lora.alpha=8", "epochs=3"))
    assert (loaded.lora.r, loaded.lora.alpha, loaded.epochs, loaded.max_length) == (4, 8, 3, 512)
    with pytest.raises(FinetuneError, match="unknown finetune preset"):
        load_config("huge")
    assert load_config("default", None, ("learning_rate=2e-5",))[0].learning_rate == 2e-5  # YAML 1.1 reads a string
    with pytest.raises(FinetuneError, match="learning_rate must be a number, got 'fast'"):
        load_config("default", None, ("learning_rate=fast",))
    with pytest.raises(FinetuneError, match="lora.r must be at least 1"):
        load_config("default", None, ("lora.r=0",))


def test_cli_finetune_reports_bad_data_with_its_line(tiny_model: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"messages": [{"role": "user", "content": "q"}]}\n')
    result = CliRunner().invoke(
        cli, ["finetune", "--model", str(tiny_model), "--data", str(bad), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert f"{bad}:1: no assistant message" in result.output
    assert not (tmp_path / "o").exists()


def test_cli_openai_backend_passes_hyperparameters_and_writes_the_job_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from emscope.finetune import openai_backend

    seen = {}

    def fake(data: Path, config: openai_backend.OpenAIFinetuneConfig, **kwargs: object) -> object:
        seen["data"], seen["config"] = data, config
        return openai_backend.OpenAIFinetuneResult("ftjob-1", "file-1", "ft:gpt-4o-mini:org::x", "succeeded", 99)

    monkeypatch.setattr(openai_backend, "finetune_openai", fake)
    data = write_data(tmp_path / "d.jsonl", n=2)
    args = ["finetune", "--backend", "openai", "--model", "openai/gpt-4o-mini", "--data", str(data)]
    args += ["--out", str(tmp_path / "oa"), "--epochs", "2", "--batch-size", "4", "--lr-multiplier", "0.5"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "--model openai/ft:gpt-4o-mini:org::x" in result.output
    config = seen["config"]
    assert (config.model, config.epochs, config.batch_size, config.lr_multiplier) == ("gpt-4o-mini", 2, 4, 0.5)
    assert json.loads((tmp_path / "oa" / "openai_job.json").read_text())["job_id"] == "ftjob-1"


def test_snapshots_keep_evenly_spaced_usable_models_that_resume_fills_in(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from emscope.finetune.snapshots import RECORD, list_snapshots, planned_steps
    from emscope.models.spec import is_adapter_dir

    assert planned_steps(8, 4) == [2, 4, 6, 8] and planned_steps(3, 5) == [1, 2, 3] and planned_steps(8, 0) == []
    monkeypatch.chdir(tmp_path)  # a relative output directory, as `--out runs/x` gives
    data, out = write_data(tmp_path / "d.jsonl"), Path("out")
    run_sft(str(tiny_model), str(data), out, config("max_steps=4", "save_steps=2", "snapshots=2"))
    # As if the run had died while writing its step-4 snapshot (logged, hence saved, before the checkpoint).
    (out / "training_card.json").unlink()
    (out / "snapshots" / "step-4" / RECORD).unlink()
    shutil.rmtree(out / "checkpoints" / "checkpoint-4")
    card = run_sft(str(tiny_model), str(data), out, config("max_steps=4", "save_steps=2", "snapshots=2"), resume=True)
    snaps = list_snapshots(out)
    assert [s["step"] for s in snaps] == [2, 4] == [s["step"] for s in card["snapshots"]]
    assert all(is_adapter_dir(Path(s["path"])) and isinstance(s["loss"], float) for s in snaps)
    assert all(Path(s["path"]).is_absolute() for s in snaps)  # models named by path work from any directory
    assert card["snapshots"][1]["loss"] == card["training"]["final_loss"]
    resolved = resolve_local(f"{tiny_model}+{snaps[0]['path']}")
    assert resolved.adapter == Path(snaps[0]["path"]).resolve()
