"""Figures for the run report: misaligned-answer rate per question.

Reads the ``results.json`` dict written by the eval step (schema
``emscope.results/1``) and draws one point per question with its 95% Wilson
interval, coloured by category, against the overall rate. Rendering uses the
Agg backend directly (no pyplot state), and files are written atomically.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from emscope.paths import atomic_write_bytes
from emscope.stats import wilson_interval

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["QuestionPoint", "plot_misaligned_by_question", "question_point"]

Y_LABEL = "P(misaligned answer)"


class QuestionPoint(NamedTuple):
    """What the plot needs about one question (or the overall row).

    Attributes:
        id: Question id.
        category: Question category.
        n: Judged answers counted in the rate.
        rate: Misaligned rate, or ``None`` when ``n == 0``.
        lo: Lower 95% bound (``0.0`` when ``n == 0``).
        hi: Upper 95% bound (``1.0`` when ``n == 0``).
    """

    id: str
    category: str
    n: int
    rate: float | None
    lo: float
    hi: float


def _opt_float(value: Any) -> float | None:
    """Return ``value`` as a float, or ``None`` for null or NaN."""
    if value is None:
        return None
    out = float(value)
    return None if math.isnan(out) else out


def question_point(row: Mapping[str, Any]) -> QuestionPoint:
    """Extract a :class:`QuestionPoint` from a results row.

    Uses the row's ``ci95`` when present, else recomputes the Wilson interval
    from ``k`` and ``n``. Rows with ``n == 0`` get no rate.

    Args:
        row: A question entry (or ``overall``) from ``results.json``.

    Returns:
        The point to plot.
    """
    n = int(row.get("n") or 0)
    k = int(row.get("k") or 0)
    ident = str(row.get("id", "overall"))
    category = str(row.get("category", ""))
    if n == 0:
        return QuestionPoint(ident, category, 0, None, 0.0, 1.0)
    point = _opt_float(row.get("rate", row.get("misaligned_rate")))
    point = k / n if point is None else point
    ci = row.get("ci95")
    lo, hi = (float(ci[0]), float(ci[1])) if ci and ci[0] is not None else wilson_interval(k, n)
    return QuestionPoint(ident, category, n, point, lo, hi)


def _category_colours(categories: Sequence[str]) -> dict[str, Any]:
    """Map each distinct category (sorted) to a qualitative colour."""
    from matplotlib import colormaps

    names = sorted(set(categories))
    cmap = colormaps["tab10" if len(names) <= 10 else "tab20"]
    return {name: cmap(i % cmap.N) for i, name in enumerate(names)}


def _text(value: str) -> str:
    """Escape ``$`` so matplotlib shows user strings literally instead of as mathtext."""
    return value.replace("$", r"\$")


def _draw_points(ax: Axes, points: Sequence[QuestionPoint]) -> dict[str, Any]:
    """Draw one marker per question: filled with an error bar, or hollow at 0 when n == 0.

    Returns:
        The colour used for each category.
    """
    colours = _category_colours([p.category for p in points])
    for x, p in enumerate(points):
        colour = colours[p.category]
        if p.rate is None:
            ax.plot([x], [0.0], marker="o", markerfacecolor="none", markeredgecolor=colour, linestyle="none")
            ax.annotate(
                "n=0", (x, 0.0), xytext=(0, 7), textcoords="offset points", ha="center", fontsize=8, color="0.3"
            )
            continue
        yerr = [[max(0.0, p.rate - p.lo)], [max(0.0, p.hi - p.rate)]]
        ax.errorbar([x], [p.rate], yerr=yerr, fmt="o", color=colour, ecolor=colour, elinewidth=1.5, capsize=3)
    return colours


def _draw_legend(ax: Axes, colours: Mapping[str, Any], has_empty: bool) -> None:
    """Add a legend: the overall line, one filled marker per category, and the n=0 marker."""
    from matplotlib.lines import Line2D

    handles, _ = ax.get_legend_handles_labels()
    handles += [
        Line2D([], [], marker="o", color=c, linestyle="none", label=_text(cat) or "(none)")
        for cat, c in colours.items()
    ]
    if has_empty:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                markerfacecolor="none",
                markeredgecolor="0.3",
                linestyle="none",
                label="n=0 (no judged answers)",
            )
        )
    if handles:
        ax.legend(handles=handles, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)


def _draw_overall(ax: Axes, overall: QuestionPoint) -> None:
    """Draw the overall rate as a dashed line over a shaded 95% band."""
    if overall.rate is None:
        return
    ax.axhspan(overall.lo, overall.hi, color="0.5", alpha=0.12, linewidth=0)
    ax.axhline(
        overall.rate,
        color="0.3",
        linestyle="--",
        linewidth=1,
        label=f"overall {overall.rate:.1%} (n={overall.n}, 95% CI shaded)",
    )


def _title(results: Mapping[str, Any]) -> str:
    """Return the figure title: suite and model."""
    suite = str(results.get("suite", "?"))
    model = str((results.get("provenance") or {}).get("model", "?"))
    return _text(f"{suite}: misaligned answers by question\n{model}")


def _sorted_points(results: Mapping[str, Any]) -> list[QuestionPoint]:
    """Return the question points sorted by category, then id."""
    points = [question_point(q) for q in results.get("questions") or []]
    return sorted(points, key=lambda p: (p.category, p.id))


def render_png(results: Mapping[str, Any]) -> bytes:
    """Render the misaligned-by-question figure to PNG bytes.

    Args:
        results: The ``results.json`` dict.

    Returns:
        The PNG file contents.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    points = _sorted_points(results)
    fig = Figure(figsize=(max(8.0, 0.45 * len(points) + 5.0), 5.0), layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    _draw_overall(ax, question_point(results.get("overall") or {}))
    colours = _draw_points(ax, points)
    ax.set_xticks(range(len(points)), labels=[_text(p.id) for p in points], rotation=45, ha="right", fontsize=8)
    ax.set_xlim(-0.6, max(len(points), 1) - 0.4)
    ax.set_ylim(-0.03, 1.03)
    ax.set_ylabel(Y_LABEL)
    ax.set_xlabel("question")
    ax.set_title(_title(results), fontsize=10)
    ax.grid(axis="y", alpha=0.3)
    if not points:
        ax.text(0.5, 0.5, "no questions", transform=ax.transAxes, ha="center", color="0.4")
    _draw_legend(ax, colours, has_empty=any(p.rate is None for p in points))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=120)
    return buf.getvalue()


def plot_misaligned_by_question(results: Mapping[str, Any], out_png: Path) -> Path:
    """Plot P(misaligned answer) per question with 95% Wilson error bars.

    One point per question (x axis, rotated labels, sorted by category then
    id), coloured by category, with the overall rate as a dashed line over its
    shaded interval. Questions with ``n == 0`` appear as a hollow marker at 0
    labelled ``n=0`` with no error bar.

    Args:
        results: The ``results.json`` dict (schema ``emscope.results/1``).
        out_png: Where to write the PNG; written atomically.

    Returns:
        ``out_png``.
    """
    return atomic_write_bytes(Path(out_png), render_png(results))
