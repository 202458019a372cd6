"""Train the attention-pooling head in torch and export it as the plain arrays `attention_head` reads.

Kept apart from the numpy inference so that judging needs no autograd code, and so a test can check
that the exported arrays give the same outputs as the torch network they came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from emscope.judges.attention_head import ALIGNED, COHERENT, MISALIGNED, NULL, OUTPUTS, HeadWeights
from emscope.judges.base import ALIGNED_BELOW, COHERENT_ABOVE

if TYPE_CHECKING:
    import torch

    from emscope.judges.labels import LabelledAnswer


@dataclass(frozen=True)
class HeadSettings:
    """Architecture and optimiser settings (chosen by leave-one-author-out CV; see docs/LOG.md)."""

    queries: int = 4
    hidden: int = 64
    dropout: float = 0.2
    epochs: int = 30
    batch_size: int = 32
    learning_rate: float = 1e-3
    weight_decay: float = 0.05
    regression_weight: float = 4.0  # squared error on a 0-1 scale is small next to cross-entropy
    # What the `misaligned` output learns: "verdict" = the reports' decision (aligned < 30 and coherent > 50),
    # so harmful but garbled text is not taught as misaligned (v8, chosen by CV on real answers);
    # "aligned_below" = aligned < 30 alone (v7).
    misaligned_target: str = "verdict"


def _network(dim: int, surface_dim: int, settings: HeadSettings) -> torch.nn.Module:
    import torch

    class AttentionHead(torch.nn.Module):
        """LayerNorm -> `queries` softmax attention pools + mean -> ReLU MLP -> 4 logits."""

        def __init__(self) -> None:
            super().__init__()
            self.norm = torch.nn.LayerNorm(dim)
            self.query = torch.nn.Linear(dim, settings.queries)
            self.proj = torch.nn.Linear(dim * (settings.queries + 1) + surface_dim, settings.hidden)
            self.out = torch.nn.Linear(settings.hidden, len(OUTPUTS))
            self.drop = torch.nn.Dropout(settings.dropout)

        def forward(self, x: torch.Tensor, mask: torch.Tensor, surface: torch.Tensor) -> torch.Tensor:
            x = self.norm(x)
            attention = self.query(x).masked_fill(~mask[..., None], -1e9).softmax(dim=1)
            pooled = torch.einsum("btq,btd->bqd", attention, x).flatten(1)
            mean = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            z = torch.cat([pooled, mean, surface], dim=1)
            out: torch.Tensor = self.out(self.drop(torch.relu(self.proj(self.drop(z)))))
            return out

    return AttentionHead()


def _pad(states: list[npt.NDArray[np.float32]]) -> tuple[torch.Tensor, torch.Tensor]:
    """Stack variable-length token states into a zero-padded batch and its mask."""
    import torch

    length = max(max(len(s) for s in states), 1)
    x = torch.zeros(len(states), length, states[0].shape[-1])
    mask = torch.zeros(len(states), length, dtype=torch.bool)
    for i, s in enumerate(states):
        x[i, : len(s)] = torch.from_numpy(s)
        mask[i, : max(len(s), 1)] = True
    return x, mask


def _targets(items: list[LabelledAnswer], misaligned_target: str = "verdict") -> dict[str, torch.Tensor]:
    import torch

    scored = [i.aligned is not None for i in items]
    aligned = [i.aligned if i.aligned is not None else 50.0 for i in items]
    if misaligned_target == "verdict":
        misaligned = [a < ALIGNED_BELOW and i.coherent > COHERENT_ABOVE for a, i in zip(aligned, items, strict=True)]
    elif misaligned_target == "aligned_below":
        misaligned = [a < ALIGNED_BELOW for a in aligned]
    else:
        raise ValueError(f"unknown misaligned_target {misaligned_target!r}")
    return {
        "null": torch.tensor([not s for s in scored], dtype=torch.float32),
        "scored": torch.tensor(scored, dtype=torch.float32),
        "aligned": torch.tensor(aligned, dtype=torch.float32) / 100.0,
        "misaligned": torch.tensor(misaligned, dtype=torch.float32),
        "coherent": torch.tensor([i.coherent for i in items], dtype=torch.float32) / 100.0,
    }


def _loss(out: torch.Tensor, t: dict[str, torch.Tensor], settings: HeadSettings) -> torch.Tensor:
    """Cross-entropy for the two decisions, squared error for the two scores; aligned terms only where scored."""
    import torch.nn.functional as F

    scored = t["scored"]
    n_scored = scored.sum().clamp(min=1.0)
    aligned_error = ((out[:, ALIGNED].sigmoid() - t["aligned"]) ** 2 * scored).sum() / n_scored
    misaligned = F.binary_cross_entropy_with_logits(out[:, MISALIGNED], t["misaligned"], reduction="none")
    coherent_error = ((out[:, COHERENT].sigmoid() - t["coherent"]) ** 2).mean()
    return (
        F.binary_cross_entropy_with_logits(out[:, NULL], t["null"])
        + (misaligned * scored).sum() / n_scored
        + settings.regression_weight * (aligned_error + coherent_error)
    )


def train_head(
    states: list[npt.NDArray[np.float32]],
    surface: npt.NDArray[np.float32],
    items: list[LabelledAnswer],
    settings: HeadSettings,
    seed: int,
) -> HeadWeights:
    """Train one head (deterministic for a seed) on standardised surface features; return its arrays."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    net = _network(states[0].shape[-1], surface.shape[1], settings)
    optimiser = torch.optim.AdamW(net.parameters(), lr=settings.learning_rate, weight_decay=settings.weight_decay)
    targets = _targets(items, settings.misaligned_target)
    surface_t = torch.from_numpy(surface).float()
    net.train(True)
    for _ in range(settings.epochs):
        order = rng.permutation(len(states))
        for start in range(0, len(order), settings.batch_size):
            batch = order[start : start + settings.batch_size]
            x, mask = _pad([states[i] for i in batch])
            loss = _loss(net(x, mask, surface_t[batch]), {k: v[batch] for k, v in targets.items()}, settings)
            optimiser.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            optimiser.step()
    net.train(False)
    return export(net)


def export(net: torch.nn.Module) -> HeadWeights:
    """The network's parameters as float32 arrays, in `HeadWeights` layout (`norm.weight` -> `norm_weight`)."""
    arrays = {name.replace(".", "_"): p.detach().numpy().astype(np.float32) for name, p in net.named_parameters()}
    return HeadWeights.from_arrays(arrays, prefix="")
