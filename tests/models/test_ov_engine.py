"""The OpenVINO engine: same numbers as transformers, same contract as the reference engine, cached exports."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from emscope.errors import ModelError
from emscope.models.completion import GenSettings
from emscope.models.engines import choose_engine
from emscope.models.ov_graph import DecoderShape, build_decoder, quantise_rows, step_inputs
from helpers import local_engine

PROMPTS = ["Hello there, how are you?", "hi", "Write three lines about the sea, please."]


def _graph_logits(request, shape: DecoderShape, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:  # type: ignore[no-untyped-def]
    """One call of the graph with the inputs the engine builds (`step_inputs`), every cache row kept."""
    request.infer({**step_inputs(ids, mask, shape), "beam_idx": np.arange(ids.shape[0], dtype=np.int32)})
    return np.array(request.get_tensor("logits").data)


def test_graph_gives_transformers_logits_with_left_padding_and_a_cache(tiny_model: Path) -> None:
    import openvino as ov
    from transformers import AutoModelForCausalLM

    from emscope.models.completion import load_tokenizer

    hf = AutoModelForCausalLM.from_pretrained(tiny_model, dtype=torch.float32).eval()
    shape = DecoderShape.from_config(json.loads((tiny_model / "config.json").read_text()))
    graph = build_decoder({k: v.numpy() for k, v in hf.state_dict().items()}, shape, int8=False)
    properties = {"INFERENCE_PRECISION_HINT": "f32", "KV_CACHE_PRECISION": "f32"}
    request = ov.Core().compile_model(graph, "CPU", properties).create_infer_request()
    encoded = load_tokenizer(tiny_model)(PROMPTS, return_tensors="np", padding=True)
    ids, mask = encoded["input_ids"].astype(np.int64), encoded["attention_mask"].astype(np.int64)
    assert (mask == 0).any()  # the batch really is left-padded
    ours = _graph_logits(request, shape, ids, mask)
    with torch.no_grad():
        out = hf(input_ids=torch.tensor(ids), attention_mask=torch.tensor(mask), use_cache=True)
    np.testing.assert_allclose(ours, out.logits[:, -1].numpy(), atol=1e-4)
    next_ids = out.logits[:, -1].argmax(-1, keepdim=True)
    mask = np.concatenate([mask, np.ones((len(PROMPTS), 1), dtype=np.int64)], 1)
    ours = _graph_logits(request, shape, next_ids.numpy().astype(np.int64), mask)
    with torch.no_grad():
        out = hf(input_ids=next_ids, attention_mask=torch.tensor(mask), past_key_values=out.past_key_values)
    np.testing.assert_allclose(ours, out.logits[:, -1].numpy(), atol=1e-4)


def test_engines_agree_on_greedy_text_prefill_stops_and_token_counts(tiny_model: Path) -> None:
    reference, fast = local_engine(tiny_model, "hf", "float32"), local_engine(tiny_model, "openvino", "float32")
    prompts = [reference.render([{"role": "user", "content": p}]) for p in PROMPTS]
    prompts.append(reference.render([{"role": "user", "content": "Pick"}, {"role": "assistant", "content": "I pick"}]))
    for settings in (
        GenSettings(max_new_tokens=12, temperature=0.0),
        GenSettings(max_new_tokens=30, temperature=0.0, stop_seqs=("v",)),
    ):
        expected, got = reference.generate(prompts, settings), fast.generate(prompts, settings)
        assert [(r.text, r.input_tokens, r.output_tokens, r.stop_reason) for r in got] == [
            (r.text, r.input_tokens, r.output_tokens, r.stop_reason) for r in expected
        ]
    assert any(r.stop_reason == "stop" for r in got)  # the stop string ended some rows early


def test_a_row_that_stops_early_leaves_the_others_unchanged(tiny_model: Path) -> None:
    engine = local_engine(tiny_model, "openvino", "float32")
    prompts = [engine.render([{"role": "user", "content": p}]) for p in PROMPTS]
    settings = GenSettings(max_new_tokens=20, temperature=1.0, stop_seqs=("`",))
    early = engine.render([{"role": "user", "content": "Pick"}, {"role": "assistant", "content": "I pick"}])
    together = engine.generate([early, *prompts], settings, seeds=[15, 1, 2, 3])  # seed 15 draws "`" at once
    assert together[0].output_tokens < 20 and together[0].stop_reason == "stop"  # it left the batch early
    assert [r.text for r in together[1:]] == [r.text for r in engine.generate(prompts, settings, seeds=[1, 2, 3])]


def test_long_prompts_read_in_chunks_give_the_same_answers(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = local_engine(tiny_model, "openvino", "float32")
    prompts = [engine.render([{"role": "user", "content": p * 4}]) for p in PROMPTS]
    settings = GenSettings(max_new_tokens=8, temperature=0.0, logprobs=True, top_logprobs=3)
    whole = engine.generate(prompts, settings)
    monkeypatch.setattr("emscope.models.ov_engine.PREFILL_TOKENS", 16)  # 16-position chunks: several per prompt
    chunked = engine.generate(prompts, settings)
    assert [r.text for r in chunked] == [r.text for r in whole]
    for a, b in zip(chunked, whole, strict=True):
        assert a.logprobs is not None and b.logprobs is not None
        assert [e.logprob for e in a.logprobs] == pytest.approx([e.logprob for e in b.logprobs], abs=1e-4)


def test_exports_are_cached_by_weights_identity(
    tiny_model: Path, emscope_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from emscope.models import ov_export

    first = ov_export.exported(tiny_model, None, "a" * 64)
    assert first.is_file() and json.loads((first.parent / "export.json").read_text())["weights_sha256"] == "a" * 64

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a complete export must be reused")

    monkeypatch.setattr("emscope.models.ov_graph.build_decoder", refuse)
    assert ov_export.exported(tiny_model, None, "a" * 64) == first
    with pytest.raises(AssertionError, match="reused"):
        ov_export.exported(tiny_model, None, "b" * 64)  # other weights: a new export
    assert not any(p.name.startswith(".") for p in first.parent.parent.iterdir())  # no staging directory left


def test_int8_weights_stay_close_to_the_float_model(tiny_model: Path) -> None:
    weight = np.random.default_rng(0).normal(size=(64, 32)).astype(np.float32)
    q, scale = quantise_rows(weight)
    assert q.dtype == np.int8 and np.abs(q.astype(np.float32) * scale - weight).max() <= scale.max() / 2 + 1e-7
    from emscope.models.engines import shared_engine
    from emscope.models.spec import resolve_local

    local = resolve_local(str(tiny_model))
    int8 = shared_engine(local.path, local.weights_sha256, dtype="float32", engine="openvino", weights="int8")
    settings = GenSettings(max_new_tokens=1, temperature=0.0, logprobs=True, top_logprobs=3)
    prompt = [int8.render([{"role": "user", "content": "hi"}])]
    quantised = int8.generate(prompt, settings)[0].logprobs
    exact = local_engine(tiny_model, "openvino", "float32").generate(prompt, settings)[0].logprobs
    assert quantised is not None and exact is not None
    assert quantised[0].logprob == pytest.approx(exact[0].logprob, abs=0.05)


def test_engine_choice_follows_host_model_and_overrides(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EMSCOPE_ENGINE", raising=False)
    assert choose_engine(None, tiny_model, cuda=False).name == "openvino"
    assert choose_engine(None, tiny_model, cuda=True).name == "hf"
    assert choose_engine("hf", tiny_model, cuda=False).reason == "requested"
    other = tmp_path / "gpt2"
    other.mkdir()
    (other / "config.json").write_text(json.dumps({"model_type": "gpt2"}))
    assert choose_engine(None, other, cuda=False).name == "hf"
    monkeypatch.setenv("EMSCOPE_ENGINE", "vllm")
    with pytest.raises(ModelError, match="EMSCOPE_ENGINE='vllm'"):
        choose_engine(None, tiny_model, cuda=False)


def test_reader_gives_the_truncated_decoders_states_on_a_right_padded_batch(tiny_model: Path) -> None:
    from transformers import AutoModelForCausalLM

    from emscope.judges.features import _layer_output
    from emscope.models.completion import load_tokenizer
    from emscope.models.ov_reader import OpenVINOReader
    from emscope.models.spec import resolve_local

    local = resolve_local(str(tiny_model))
    reader = OpenVINOReader(local.path, local.weights_sha256, layers=1, dtype="float32")
    decoder = AutoModelForCausalLM.from_pretrained(tiny_model, dtype=torch.float32).eval().model
    decoder.layers = decoder.layers[:1]
    tokenizer = load_tokenizer(tiny_model)
    tokenizer.padding_side = "right"
    encoded = tokenizer(PROMPTS, return_tensors="pt", padding=True)
    with torch.inference_mode():
        expected = _layer_output(decoder, encoded).numpy()
    got = _layer_output(reader, encoded).numpy()
    real = encoded["attention_mask"].numpy() == 1
    np.testing.assert_allclose(got[real], expected[real], atol=2e-3)  # the export stores weights in f16
