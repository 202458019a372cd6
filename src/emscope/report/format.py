"""HTML formatting shared by the run report and the experiment report: escaping, percentages, tables, CSS."""

from __future__ import annotations

import html
from collections.abc import Iterable

DASH = "\u2014"

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:72em;
color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.9em}th,td{border:1px solid #ddd;padding:.3em .6em;
text-align:left;vertical-align:top}th{background:#f4f4f4}td.num{text-align:right;white-space:nowrap}
.headline{font-size:1.3em}.muted{color:#777}img{max-width:100%}
pre,code{background:#f6f6f6;font-size:.9em}pre{margin:0;padding:.3em;white-space:pre-wrap}
"""


def esc(value: object) -> str:
    """Return ``value`` as escaped HTML text."""
    return html.escape(str(value), quote=True)


def pct(value: float | None) -> str:
    """Format a proportion as a percentage, or a dash when missing."""
    return DASH if value is None else f"{value:.1%}"


def ci(lo: float, hi: float) -> str:
    """Format a confidence interval of proportions."""
    return f"[{lo:.1%}, {hi:.1%}]"


def table(header: Iterable[str], rows: Iterable[Iterable[str]], num_cols: set[int]) -> str:
    """Render a table; cells must already be escaped HTML."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = []
    for row in rows:
        cells = (f"<td class='num'>{c}</td>" if i in num_cols else f"<td>{c}</td>" for i, c in enumerate(row))
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody></table>"
