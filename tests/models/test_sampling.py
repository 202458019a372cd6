"""Per-request seeds and the row sampler: own random stream per row, raw logprobs, greedy untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from emscope.models.completion import GenSettings
from emscope.models.sampling import RowSampler, SeedCounter, draw, request_seed
from helpers import local_engine


def test_seed_counter_gives_each_occurrence_its_own_seed_and_repeats_in_a_fresh_counter() -> None:
    first, again = SeedCounter(), SeedCounter()
    seeds = [first.next_seed(7, "p") for _ in range(5)]
    assert len(set(seeds)) == 5
    assert seeds == [again.next_seed(7, "p") for _ in range(5)]
    assert seeds[0] == request_seed(7, "p", 0) != first.next_seed(7, "q")
    assert SeedCounter().next_seed(8, "p") != seeds[0]
    assert SeedCounter().next_seed(None, "p") != SeedCounter().next_seed(None, "p")


def test_draw_follows_the_distribution_and_never_picks_a_zero_probability_token() -> None:
    probs = torch.tensor([[0.0, 0.25, 0.0, 0.75]] * 3)
    uniforms = torch.tensor([0.0, 0.2499, 0.9999999])
    assert draw(probs, uniforms).tolist() == [1, 1, 3]
    assert draw(torch.tensor([[0.0, 1.0, 0.0]]), torch.tensor([1.0])).tolist() == [1]


def test_row_sampler_rows_do_not_depend_on_their_neighbours() -> None:
    scores = torch.randn(3, 50, generator=torch.Generator().manual_seed(0))
    together = RowSampler([1, 2, 3], 1.0, None, None)(torch.zeros(3, 1), scores)
    alone = RowSampler([2], 1.0, None, None)(torch.zeros(1, 1), scores[1:2])
    assert torch.equal(together[1], alone[0])
    assert (together == 0).sum(dim=-1).tolist() == [1, 1, 1]  # one token left per row, the rest -inf


def test_each_row_draws_its_own_seeded_stream_in_order_across_buffer_refills() -> None:
    """Every row draws exactly its own seeded stream, whatever the order, subset and buffer refills.

    Over more steps than one buffered block, the tokens equal those from one scalar draw per row per
    step from `torch.Generator(seed)`: what makes a seeded run reproduce.
    """
    from emscope.models.sampling import UNIFORM_BLOCK

    seeds = [11, 22, 33]
    sampler = RowSampler(seeds, 1.0, None, None)
    reference = [torch.Generator().manual_seed(seed) for seed in seeds]
    probs_rng = torch.Generator().manual_seed(1)
    for step in range(2 * UNIFORM_BLOCK + 5):
        rows = [0, 1, 2] if step % 3 else [2, 0]  # compaction drops a row now and then; order may change
        scores = torch.randn(len(rows), 40, generator=probs_rng)
        expected = draw(
            torch.softmax(scores, dim=-1),
            torch.stack([torch.rand((), generator=reference[r], dtype=torch.float64) for r in rows]),
        )
        assert torch.equal(sampler.draw_tokens(scores, rows=rows), expected), step


def test_row_sampler_honours_top_k_and_top_p_and_leaves_its_input_alone() -> None:
    scores = torch.log(torch.tensor([[0.5, 0.3, 0.15, 0.05]])).repeat(200, 1)
    original = scores.clone()
    top_k = RowSampler(list(range(200)), 1.0, None, 2)(torch.zeros(200, 1), scores).argmax(dim=-1)
    top_p = RowSampler(list(range(200)), 1.0, 0.8, None)(torch.zeros(200, 1), scores).argmax(dim=-1)
    assert set(top_k.tolist()) == {0, 1} and set(top_p.tolist()) == {0, 1}
    assert torch.equal(scores, original)
    with pytest.raises(ValueError, match="greedy"):
        RowSampler([1], 0.0, None, None)


@pytest.mark.parametrize("engine_name", ["openvino", "hf"])
def test_rows_sample_the_same_whether_batched_together_or_alone(tiny_model: Path, engine_name: str) -> None:
    engine = local_engine(tiny_model, engine_name)
    prompts = [engine.render([{"role": "user", "content": text}]) for text in ("Hi", "Hello there", "Hi", "Why?")]
    settings = GenSettings(max_new_tokens=8, temperature=1.0)
    batched = [r.text for r in engine.generate(prompts, settings, seeds=[1, 2, 3, 4])]
    alone = [engine.generate([p], settings, seeds=[s])[0].text for p, s in zip(prompts, [1, 2, 3, 4], strict=True)]
    assert batched == alone
    assert batched[0] != batched[2]  # same prompt, different seeds


@pytest.mark.parametrize("engine_name", ["openvino", "hf"])
def test_logprobs_stay_the_models_raw_distribution_while_sampling(tiny_model: Path, engine_name: str) -> None:
    engine = local_engine(tiny_model, engine_name, dtype="float32")
    prompt = engine.render([{"role": "user", "content": "Rate it"}])
    settings = GenSettings(max_new_tokens=1, temperature=0.3, top_k=3, logprobs=True, top_logprobs=5)
    result = engine.generate([prompt], settings, seeds=[5])[0]
    reference = local_engine(tiny_model, "hf", dtype="float32")
    ids = reference.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)["input_ids"]
    with torch.inference_mode():
        raw = torch.log_softmax(reference.model(ids).logits[0, -1].float(), dim=-1)
    assert result.logprobs is not None
    top = result.logprobs[0].top
    expected = raw.topk(5)
    assert [lp for _, lp in top] == pytest.approx(expected.values.tolist(), abs=1e-3)  # OpenVINO stores weights in f16
    assert [t for t, _ in top] == [engine.tokenizer.decode([i]) for i in expected.indices.tolist()]
    assert result.logprobs[0].token in [t for t, _ in top[:3]]  # sampled within top-k 3
