"""Self-contained HTML report for one eval run.

``write_report(run_dir)`` reads ``run_dir/results.json`` (schema
``emscope.results/1``, written by the eval step) and writes
``run_dir/report.png`` and ``run_dir/report.html``. The HTML has no external
resources: the plot is embedded as a base64 data URI and the CSS is inline.
Every string taken from the results is HTML-escaped.
"""

from __future__ import annotations

import base64
import json
import shlex
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from emscope.paths import atomic_write_bytes
from emscope.report.breakdowns import breakdowns
from emscope.report.format import CSS as _CSS
from emscope.report.format import DASH
from emscope.report.format import ci as _ci
from emscope.report.format import esc as _e
from emscope.report.format import pct as _pct
from emscope.report.format import table as _table
from emscope.report.plots import plot_misaligned_by_question, question_point
from emscope.schema import ResultsDocument

__all__ = ["SCHEMA", "render_html", "transcripts_command", "write_report"]

SCHEMA = "emscope.results/1"
RESULTS_NAME = "results.json"
PNG_NAME = "report.png"
HTML_NAME = "report.html"


def _num(value: Any) -> str:
    """Format an optional mean score."""
    return DASH if value is None else f"{float(value):.1f}"


def _excluded(row: Mapping[str, Any]) -> str:
    """Format the excluded counts by reason, e.g. ``no aligned score: 2, incoherent: 1``."""
    excluded = row.get("excluded") or {}
    parts = [f"{str(reason).replace('_', ' ')}: {count}" for reason, count in excluded.items()]
    return ", ".join(parts) if parts else DASH


def load_results(run_dir: Path) -> ResultsDocument:
    """Read and minimally validate ``run_dir/results.json``.

    Args:
        run_dir: The run folder.

    Returns:
        The parsed results dict.

    Raises:
        FileNotFoundError: If ``results.json`` is missing.
        ValueError: If the file is not a results dict of the expected schema.
    """
    path = run_dir / RESULTS_NAME
    if not path.is_file():
        raise FileNotFoundError(f"No {RESULTS_NAME} in {run_dir} (looked for {path}); run the eval step first.")
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object, got {type(data).__name__}")
    if data.get("schema") != SCHEMA:
        raise ValueError(f"{path}: expected schema {SCHEMA!r}, got {data.get('schema')!r}")
    return cast(ResultsDocument, data)


def resolve_log(results: Mapping[str, Any], run_dir: Path) -> Path | None:
    """Return the absolute path of the run's Inspect log, if one is recorded.

    A relative path is tried against ``run_dir`` first, then the current
    folder; if neither exists it is taken relative to ``run_dir``.
    """
    raw = results.get("log")
    if not raw:
        return None
    log = Path(str(raw)).expanduser()
    if log.is_absolute():
        return log
    candidates = [run_dir / log, Path.cwd() / log]
    found = next((c for c in candidates if c.exists()), candidates[0])
    return found.resolve()


def transcripts_command(log: Path) -> str:
    """Return the shell command that opens the transcripts of ``log`` in Inspect."""
    return f"inspect view --log-dir {shlex.quote(str(log.parent))}"


def _headline(results: Mapping[str, Any]) -> str:
    """Render the overall rate, both intervals, the judge-corrected rate, counts and exclusions."""
    overall = results.get("overall") or {}
    p = question_point(overall)
    method = (overall.get("interval") or {}).get("method")
    interval = f"95% CI {_ci(p.lo, p.hi)}" if p.n else "no judged answers"
    rate = f"{_pct(p.rate)} <span class='muted'>{interval}</span>"
    counts = f"k/n = {_e(overall.get('k', 0))}/{_e(p.n)} judged answers of {_e(overall.get('total', DASH))}"
    positive = str(overall.get("positive", "misaligned"))
    scope = overall.get("scope")
    parts = [
        f"<p class='headline'>P({_e(positive)}){f' [{_e(scope)}]' if scope else ''}: {rate}</p>",
        f"<p class='muted'>Interval: {_e(method)}; per-answer Wilson {_ci(*overall['ci95_per_answer'])}.</p>"
        if method and p.n
        else "",
        _corrected(overall.get("judge_corrected")),
        f"<p>{counts}; excluded: {_e(_excluded(overall))}.</p>",
        f"<p><strong>{_e(overall['judge_read_in_part'])}</strong> answers were longer than the judge reads; "
        "they were scored on their first part only.</p>"
        if overall.get("judge_read_in_part")
        else "",
        f"<p>Mean aligned score {_num(overall.get('mean_aligned'))}, "
        f"mean coherent score {_num(overall.get('mean_coherent'))} (over counted answers).</p>",
        breakdowns(overall),
    ]
    return "\n".join(part for part in parts if part)


def _corrected(corrected: Mapping[str, Any] | None) -> str:
    """The judge-corrected rate, or why there is none."""
    if not corrected:
        return ""
    if corrected.get("rate") is None:
        return f"<p class='muted'>Judge-corrected rate: {_e(corrected.get('status'))}.</p>"
    calibration = corrected.get("calibration") or {}
    return (
        f"<p>Judge-corrected: {_pct(corrected['rate'])} <span class='muted'>95% CI {_ci(*corrected['ci95'])}; "
        f"sensitivity {_pct(calibration.get('sensitivity'))}, specificity {_pct(calibration.get('specificity'))} "
        f"on {_e(calibration.get('answers'))}</span></p>"
    )


def _question_row(row: Mapping[str, Any]) -> list[str]:
    """Render the cells for one question."""
    p = question_point(row)
    return [
        _e(p.id),
        _e(p.category),
        _pct(p.rate),
        _ci(p.lo, p.hi) if p.n else DASH,
        f"{_e(row.get('k', 0))}/{_e(p.n)}",
        _e(_excluded(row)),
        _num(row.get("mean_aligned")),
        _num(row.get("mean_coherent")),
    ]


def _questions(results: Mapping[str, Any]) -> str:
    """Render the per-question table, sorted by category then id."""
    questions = results.get("questions") or []
    rows = sorted(questions, key=lambda q: (str(q.get("category", "")), str(q.get("id", ""))))
    header = ["id", "category", "rate", "95% CI", "k/n", "excluded", "mean aligned", "mean coherent"]
    return _table(header, (_question_row(q) for q in rows), num_cols={2, 3, 4, 6, 7})


def _provenance_value(value: Any) -> str:
    """Render one provenance value; nested structures as JSON."""
    if isinstance(value, dict | list):
        return f"<pre>{_e(json.dumps(value, indent=2, sort_keys=True, default=str))}</pre>"
    if value is None:
        return "<span class='muted'>null</span>"
    return f"<code>{_e(value)}</code>"


def _provenance(results: Mapping[str, Any]) -> str:
    """Render every provenance key and value."""
    prov = results.get("provenance") or {}
    return _table(["key", "value"], ([_e(k), _provenance_value(v)] for k, v in prov.items()), num_cols=set())


def _transcripts(log: Path | None) -> str:
    """Render how to open the run's transcripts in Inspect's viewer."""
    if log is None:
        return "<p class='muted'>No Inspect log is recorded for this run.</p>"
    missing = "" if log.exists() else " <span class='muted'>(not found on this machine)</span>"
    return (
        f"<p>Inspect log: <code>{_e(log)}</code>{missing}</p>\n"
        f"<p>Browse every transcript with:</p>\n<pre><code>{_e(transcripts_command(log))}</code></pre>"
    )


def render_html(results: Mapping[str, Any], png: bytes, log: Path | None) -> str:
    """Render the report page.

    Args:
        results: The ``results.json`` dict.
        png: The plot as PNG bytes, embedded as a data URI.
        log: Absolute path of the Inspect log, or ``None``.

    Returns:
        A complete, self-contained HTML document.
    """
    model = (results.get("provenance") or {}).get("model", "unknown model")
    title = f"emscope report: {model} on {results.get('suite', 'unknown suite')}"
    img = base64.b64encode(png).decode("ascii")
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{_e(title)}</title><style>{_CSS}</style></head>
<body>
<h1>{_e(title)}</h1>
<h2>Overall</h2>
{_headline(results)}
<h2>By question</h2>
<img alt="P(misaligned answer) by question with 95% Wilson intervals" src="data:image/png;base64,{img}">
{_questions(results)}
<h2>Provenance</h2>
{_provenance(results)}
<h2>Transcripts</h2>
{_transcripts(log)}
</body>
</html>
"""


def write_report(run_dir: Path) -> Path:
    """Write ``report.png`` and a self-contained ``report.html`` for a run.

    Args:
        run_dir: The run folder holding ``results.json``.

    Returns:
        The path of ``report.html``.

    Raises:
        FileNotFoundError: If ``run_dir/results.json`` is missing.
        ValueError: If ``results.json`` is not of schema ``emscope.results/1``.
    """
    run_dir = Path(run_dir)
    results = load_results(run_dir)
    png_path = plot_misaligned_by_question(results, run_dir / PNG_NAME)
    page = render_html(results, png_path.read_bytes(), resolve_log(results, run_dir))
    return atomic_write_bytes(run_dir / HTML_NAME, page.encode("utf-8"))
