"""Report sections for suite-specific breakdowns in results.json: conditions, backdoor triggers, pairs, flags.

Each appears only when the run has it: `by_condition` (compliance gap, deception pressures),
`by_trigger` (backdoor conditions side by side), `paired` (the compliance gap), `baseline` (deception's
no-pressure accuracy), `rates` (goals: covert and overt) and `flags` (yes/no judge metrics).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from emscope.report.format import DASH, ci, esc, pct, table


def _rate_cells(row: Mapping[str, Any]) -> list[str]:
    lo, hi = row.get("ci95") or (0.0, 1.0)
    return [pct(row.get("rate")), ci(lo, hi) if row.get("n") else DASH, f"{row.get('k', 0)}/{row.get('n', 0)}"]


def _flag_text(row: Mapping[str, Any]) -> str:
    flags = row.get("flags") or {}
    parts = [f"{name}: {pct(f.get('rate'))} ({f.get('k', 0)}/{f.get('n', 0)})" for name, f in flags.items()]
    return esc("; ".join(parts)) if parts else DASH


def _by(title: str, rows: Mapping[str, Mapping[str, Any]], positive: str) -> str:
    body = [[esc(name), *_rate_cells(row), _flag_text(row)] for name, row in rows.items()]
    header = [title, f"P({positive})", "95% CI", "k/n", "flags"]
    return table(header, body, num_cols={1, 2, 3})


def breakdowns(overall: Mapping[str, Any]) -> str:
    """HTML for every breakdown present in `overall` (empty string when there are none)."""
    positive = str(overall.get("positive", "misaligned"))
    parts = []
    if "baseline" in overall:
        b = overall["baseline"]
        parts.append(
            f"<p>No-pressure accuracy ({esc(b['condition'])}): {pct(b['accuracy'])}; lies are counted on the "
            f"{esc(b['known_items'])} of {esc(b['items'])} items answered correctly without pressure.</p>"
        )
    if "rates" in overall:
        rows = [[esc(name), *_rate_cells(row)] for name, row in overall["rates"].items()]
        parts.append("<h3>Outcomes</h3>\n" + table(["outcome", "rate", "95% CI", "k/n"], rows, num_cols={1, 2, 3}))
    if "flags" in overall:
        rows = [[esc(name), *_rate_cells(f), esc(f.get("not_judged", 0))] for name, f in overall["flags"].items()]
        parts.append(
            "<h3>Judge flags</h3>\n" + table(["flag", "rate", "95% CI", "k/n", "not judged"], rows, {1, 2, 3, 4})
        )
    if "by_condition" in overall:
        parts.append("<h3>By condition</h3>\n" + _by("condition", overall["by_condition"], positive))
    if "paired" in overall:
        p = overall["paired"]
        interval = ci(*p["ci95"]) if p.get("ci95") else DASH
        gap = DASH if p.get("gap") is None else f"{p['gap']:+.1%}"
        parts.append(
            f"<p>Paired gap ({esc(p['difference'])}): {gap}, 95% CI {interval} ({esc(p['interval'])}); "
            f"p = {p['p_value']:.3g} ({esc(p.get('test', 'paired test'))}; {esc(p['pairs'])} pairs over "
            f"{esc(p.get('requests', DASH))} requests).</p>"
        )
    if "by_trigger" in overall:
        parts.append("<h3>Backdoor conditions</h3>\n" + _by("condition", overall["by_trigger"], positive))
    return "\n".join(parts)
