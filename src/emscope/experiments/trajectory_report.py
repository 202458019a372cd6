"""The report's view of a trajectory: rate against training step per finetuned condition, plot and table."""

from __future__ import annotations

import io
from typing import Any

from emscope.report.format import DASH, ci, esc, pct, table


def trajectory_png(suite: str, rows: list[dict[str, Any]], positive: str) -> bytes:
    """Each condition's pooled rate (95% cluster-aware interval) at each evaluated training step."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7.0, 3.8), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    for row in rows:
        points = [p for p in row["points"] if p["rate"] is not None]
        steps = [p["step"] for p in points]
        rates = [p["rate"] for p in points]
        errors = [[p["rate"] - p["ci95"][0] for p in points], [p["ci95"][1] - p["rate"] for p in points]]
        ax.errorbar(steps, rates, yerr=errors, fmt="o-", capsize=3, label=row["condition"])
    ax.set_xlabel("training step (0 = untrained baseline)")
    ax.set_ylabel(f"P({positive})")
    ax.set_title(f"{suite}: during training (95% intervals, clusters = questions)", fontsize=9)
    ax.set_ylim(-0.02, 1.02)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    return buffer.getvalue()


def _number(value: float | None, digits: int) -> str:
    return DASH if value is None else f"{value:.{digits}f}"


def trajectory_table(rows: list[dict[str, Any]], positive: str) -> str:
    """One line per (condition, step): epoch, training loss, rate with interval, k/n, mean coherence."""
    cells = [
        [
            esc(row["condition"]),
            str(point["step"]),
            _number(point["epoch"], 2),
            _number(point["loss"], 3),
            pct(point["rate"]),
            ci(*point["ci95"]) if point["n"] else DASH,
            f"{point['k']}/{point['n']}",
            _number(point["mean_coherent"], 1),
            esc(point["source"]),
        ]
        for row in rows
        for point in row["points"]
    ]
    header = ["condition", "step", "epoch", "train loss", f"P({positive})", "95% CI", "k/n", "mean coherent",
              "evaluated"]  # fmt: skip
    return table(header, cells, {1, 2, 3, 4, 5, 6, 7})
