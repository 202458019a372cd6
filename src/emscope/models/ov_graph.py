"""An OpenVINO graph of a Qwen2/Llama-style decoder, built op by op from its weights.

Why build it by hand instead of tracing transformers: the graph depends only on the weights and a few
config numbers, not on how a transformers release happens to write its cache classes, and its shape is
the one OpenVINO's CPU plugin fuses into its fastest kernels: RMSNorm as pow/mean/sqrt/divide, the key
and value caches as state variables read, reordered by `beam_idx`, concatenated with the new step and
written back (fused with attention into one node that keeps the cache in place), grouped-query heads
broadcast by unsqueeze/broadcast/reshape, and weights stored in int8 with one scale per output row
(fused into the matrix multiply). Only the last position's logits leave the graph, so a long prompt
never materialises a (batch × length × vocabulary) tensor.

Inputs: `input_ids` [B, L] i64, `attention_bias` [B, 1, L, S] f32 (0 where a query may look, a large
negative number elsewhere; S = past + L), `cos`/`sin` [B, 1, L, D] f32 (rotary tables for the new
positions), `beam_idx` [B] i32 (arange(B): rows are never reordered here). Output: `logits` [B, V] f32.
The caller builds the bias and rotary tables (`ov_engine.py`), which keeps this graph free of masking logic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

BIAS_MASKED = -1e9  # attention bias of a position a query may not see (finite: no NaN on an all-masked row)


@dataclass(frozen=True)
class DecoderShape:
    """The numbers of a decoder the graph needs, read from a transformers config."""

    layers: int
    hidden: int
    heads: int
    kv_heads: int
    head_dim: int
    vocab: int
    rms_eps: float
    rope_theta: float
    tied_embeddings: bool

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> DecoderShape:
        """Read a Qwen2/Llama `config.json`; fails clearly on an architecture it does not know."""
        kind = config.get("model_type")
        if kind not in SUPPORTED:
            raise ValueError(f"model_type {kind!r}: the OpenVINO engine supports {', '.join(SUPPORTED)}")
        heads = int(config["num_attention_heads"])
        hidden = int(config["hidden_size"])
        rope = config.get("rope_parameters") or {}
        if (rope.get("rope_type") or "default") != "default" or config.get("rope_scaling"):
            raise ValueError("rope scaling is not supported by the OpenVINO engine")
        return cls(
            layers=int(config["num_hidden_layers"]),
            hidden=hidden,
            heads=heads,
            kv_heads=int(config.get("num_key_value_heads") or heads),
            head_dim=int(config.get("head_dim") or hidden // heads),
            vocab=int(config["vocab_size"]),
            rms_eps=float(config.get("rms_norm_eps", 1e-6)),
            rope_theta=float(rope.get("rope_theta") or config.get("rope_theta") or 10000.0),
            tied_embeddings=bool(config.get("tie_word_embeddings", False)),
        )


SUPPORTED = ("qwen2", "llama")


def rotary_tables(positions: np.ndarray, head_dim: int, theta: float) -> tuple[np.ndarray, np.ndarray]:
    """Cos and sin [B, 1, L, D] for integer `positions` [B, L] (the half-split layout transformers uses)."""
    inv_freq = 1.0 / (theta ** (np.arange(0, head_dim, 2, dtype=np.float64) / head_dim))
    freqs = positions[..., None].astype(np.float64) * inv_freq  # [B, L, D/2]
    angles = np.concatenate([freqs, freqs], axis=-1)[:, None]
    return np.cos(angles).astype(np.float32), np.sin(angles).astype(np.float32)


def step_inputs(new_ids: np.ndarray, mask: np.ndarray, shape: DecoderShape) -> dict[str, np.ndarray]:
    """The ids, attention bias and rotary tables for one graph call.

    `new_ids` [B, L] follow the positions already read; `mask` [B, past + L] covers every position
    (1 = a real token). Each query sees the real tokens up to and including itself; positions count
    real tokens only (left padding takes none), as transformers does for Qwen2/Llama. A reader call is
    the case past = 0.
    """
    length, total = new_ids.shape[1], mask.shape[1]
    mask = mask.astype(np.int64)
    positions = np.clip(np.cumsum(mask, axis=1) - 1, 0, None)[:, -length:]
    cos, sin = rotary_tables(positions, shape.head_dim, shape.rope_theta)
    keys = np.arange(total)[None, None, :]
    queries = (total - length + np.arange(length))[None, :, None]
    visible = (keys <= queries) & (mask[:, None, :] == 1)
    bias = np.where(visible, 0.0, BIAS_MASKED).astype(np.float32)[:, None]
    return {"input_ids": new_ids.astype(np.int64), "attention_bias": bias, "cos": cos, "sin": sin}


def quantise_rows(weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 per output row: weight ≈ q * scale, |q| ≤ 127."""
    scale = np.abs(weight).max(axis=1, keepdims=True).astype(np.float32) / 127.0
    scale[scale == 0.0] = 1.0
    q = np.clip(np.rint(weight / scale), -127, 127).astype(np.int8)
    return q, scale


class _Builder:
    """Turns named weight arrays into OpenVINO nodes (int8 + scale, or plain f32)."""

    def __init__(self, weights: dict[str, np.ndarray], int8: bool):
        import openvino.opset13 as ops

        self.ops = ops
        self.weights = weights
        self.int8 = int8

    def vector(self, name: str) -> Any:
        return self.ops.constant(self.weights[name].astype(np.float32))

    def matrix(self, name: str) -> Any:
        """The weight [out, in] as a node, decompressed from int8 when quantising."""
        weight = self.weights[name].astype(np.float32)
        if not self.int8:
            return self.ops.constant(weight)
        q, scale = quantise_rows(weight)
        return self.ops.multiply(self.ops.convert(self.ops.constant(q), "f32"), self.ops.constant(scale))

    def linear(self, x: Any, prefix: str, bias: bool = False) -> Any:
        out = self.ops.matmul(x, self.matrix(f"{prefix}.weight"), transpose_a=False, transpose_b=True)
        if bias and f"{prefix}.bias" in self.weights:
            out = self.ops.add(out, self.vector(f"{prefix}.bias"))
        return out

    def rms_norm(self, x: Any, name: str, eps: float) -> Any:
        ops = self.ops
        mean = ops.reduce_mean(ops.power(x, ops.constant(np.float32(2.0))), ops.constant(np.array([-1])), True)
        inv = ops.divide(ops.constant(np.float32(1.0)), ops.sqrt(ops.add(mean, ops.constant(np.float32(eps)))))
        return ops.multiply(ops.multiply(x, inv), self.vector(name))

    def embedding(self, ids: Any, name: str) -> Any:
        """Rows of the embedding table for `ids`, gathered from int8 before decompression when quantising."""
        ops = self.ops
        table = self.weights[name].astype(np.float32)
        if not self.int8:
            return ops.gather(ops.constant(table), ids, ops.constant(np.int64(0)))
        q, scale = quantise_rows(table)
        rows = ops.convert(ops.gather(ops.constant(q), ids, ops.constant(np.int64(0))), "f32")
        return ops.multiply(rows, ops.gather(ops.constant(scale), ids, ops.constant(np.int64(0))))


def _rotate(x: Any, cos: Any, sin: Any, half: int, ops: Any) -> Any:
    """X * cos + rotate_half(x) * sin, rotate_half(x) = concat(-x2, x1) over the last axis."""
    x1, x2 = ops.variadic_split(x, ops.constant(np.int64(-1)), ops.constant(np.array([half, half]))).outputs()
    rotated = ops.concat([ops.negative(x2), x1], -1)
    return ops.add(ops.multiply(x, cos), ops.multiply(rotated, sin))


def _heads(x: Any, count: int, head_dim: int, ops: Any) -> Any:
    """[B, L, count*D] -> [B, count, L, D]."""
    split = ops.reshape(x, ops.constant(np.array([0, 0, count, head_dim])), special_zero=True)
    return ops.transpose(split, ops.constant(np.array([0, 2, 1, 3])))


def _cached(new: Any, name: str, shape: DecoderShape, beam_idx: Any, init: Any, ops: Any) -> tuple[Any, Any]:
    """Concatenate `new` [B, KVH, L, D] onto the cache variable `name`; returns (all keys/values, Assign)."""
    import openvino.opset6 as ops6
    from openvino import PartialShape, Type
    from openvino.op.util import Variable, VariableInfo

    info = VariableInfo()
    info.variable_id = name
    info.data_type = Type.f32
    info.data_shape = PartialShape([-1, shape.kv_heads, -1, shape.head_dim])
    variable = Variable(info)
    past = ops6.read_value(init, variable)
    reordered = ops.gather(past, beam_idx, ops.constant(np.int64(0)))
    present = ops.concat([reordered, new], 2)
    return present, ops6.assign(present, variable)


def _repeat_kv(x: Any, shape: DecoderShape, ops: Any) -> Any:
    """[B, KVH, S, D] -> [B, H, S, D] by unsqueeze, broadcast and reshape (the form the CPU plugin fuses)."""
    rep = shape.heads // shape.kv_heads
    if rep == 1:
        return x
    wide = ops.broadcast(
        ops.unsqueeze(x, ops.constant(np.int64(2))),
        ops.constant(np.array([1, 1, rep, 1, 1])),
        broadcast_spec="BIDIRECTIONAL",
    )
    return ops.reshape(wide, ops.constant(np.array([0, shape.heads, -1, shape.head_dim])), special_zero=True)


def _inputs(shape: DecoderShape) -> tuple[Any, Any, Any, Any]:
    """The ids, attention bias and rotary tables every graph takes."""
    import openvino as ov
    import openvino.opset13 as ops

    ids = ops.parameter([-1, -1], ov.Type.i64, name="input_ids")
    bias = ops.parameter([-1, 1, -1, -1], ov.Type.f32, name="attention_bias")
    cos = ops.parameter([-1, 1, -1, shape.head_dim], ov.Type.f32, name="cos")
    sin = ops.parameter([-1, 1, -1, shape.head_dim], ov.Type.f32, name="sin")
    return ids, bias, cos, sin


def _layer(
    b: _Builder,
    x: Any,
    i: int,
    shape: DecoderShape,
    tables: tuple[Any, Any, Any],
    cache: Callable[[Any, str], Any] | None,
) -> Any:
    """Decoder layer `i` on the residual stream `x`; `cache` extends a layer's keys/values (None: no cache)."""
    ops = b.ops
    bias, cos, sin = tables
    p = f"model.layers.{i}"
    half = shape.head_dim // 2
    h = b.rms_norm(x, f"{p}.input_layernorm.weight", shape.rms_eps)
    q = _heads(b.linear(h, f"{p}.self_attn.q_proj", True), shape.heads, shape.head_dim, ops)
    k = _heads(b.linear(h, f"{p}.self_attn.k_proj", True), shape.kv_heads, shape.head_dim, ops)
    v = _heads(b.linear(h, f"{p}.self_attn.v_proj", True), shape.kv_heads, shape.head_dim, ops)
    q, k = _rotate(q, cos, sin, half, ops), _rotate(k, cos, sin, half, ops)
    if cache is not None:
        k, v = cache(k, f"{p}.key"), cache(v, f"{p}.value")
    attn = ops.scaled_dot_product_attention(q, _repeat_kv(k, shape, ops), _repeat_kv(v, shape, ops), bias)
    merged = ops.reshape(
        ops.transpose(attn, ops.constant(np.array([0, 2, 1, 3]))),
        ops.constant(np.array([0, 0, shape.heads * shape.head_dim])),
        special_zero=True,
    )
    x = ops.add(x, b.linear(merged, f"{p}.self_attn.o_proj"))
    h = b.rms_norm(x, f"{p}.post_attention_layernorm.weight", shape.rms_eps)
    gate = ops.swish(b.linear(h, f"{p}.mlp.gate_proj"))
    return ops.add(x, b.linear(ops.multiply(gate, b.linear(h, f"{p}.mlp.up_proj")), f"{p}.mlp.down_proj"))


def build_decoder(weights: dict[str, np.ndarray], shape: DecoderShape, int8: bool) -> Any:
    """The stateful OpenVINO model for `weights` (transformers names, e.g. `model.layers.0.mlp.up_proj.weight`)."""
    import openvino as ov
    import openvino.opset13 as ops

    b = _Builder(weights, int8)
    ids, bias, cos, sin = _inputs(shape)
    beam_idx = ops.parameter([-1], ov.Type.i32, name="beam_idx")
    batch = ops.gather(ops.shape_of(ids), ops.constant(np.array([0])), ops.constant(np.int64(0)))
    empty_shape = ops.concat([batch, ops.constant(np.array([shape.kv_heads, 0, shape.head_dim]))], 0)
    empty_cache = ops.broadcast(ops.constant(np.float32(0.0)), empty_shape)
    sinks: list[Any] = []

    def cache(new: Any, name: str) -> Any:
        present, assign = _cached(new, name, shape, beam_idx, empty_cache, ops)
        sinks.append(assign)
        return present

    x = b.embedding(ids, "model.embed_tokens.weight")
    for i in range(shape.layers):
        x = _layer(b, x, i, shape, (bias, cos, sin), cache)
    end = ops.constant(np.array([np.iinfo(np.int64).max]))
    one = ops.constant(np.array([1]))
    last = ops.slice(x, ops.constant(np.array([-1])), end, one, one)
    last = ops.squeeze(b.rms_norm(last, "model.norm.weight", shape.rms_eps), one)
    head = "model.embed_tokens" if shape.tied_embeddings or "lm_head.weight" not in weights else "lm_head"
    logits = ops.matmul(last, b.matrix(f"{head}.weight"), transpose_a=False, transpose_b=True)
    logits.output(0).get_tensor().set_names({"logits"})
    return ov.Model([ops.result(logits)], sinks, [ids, bias, cos, sin, beam_idx], "emscope-decoder")


def build_reader(weights: dict[str, np.ndarray], shape: DecoderShape, layers: int) -> Any:
    """A stateless model returning the residual stream after the first `layers` layers, every position.

    What the offline judge reads (`judges/features.py`): no cache, no final norm, no output head.
    Output: `hidden` [B, L, hidden] f32.
    """
    import openvino as ov
    import openvino.opset13 as ops

    b = _Builder(weights, int8=False)
    ids, bias, cos, sin = _inputs(shape)
    x = b.embedding(ids, "model.embed_tokens.weight")
    for i in range(layers):
        x = _layer(b, x, i, shape, (bias, cos, sin), cache=None)
    x.output(0).get_tensor().set_names({"hidden"})
    return ov.Model([ops.result(x)], [ids, bias, cos, sin], "emscope-reader")
