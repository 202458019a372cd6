"""The one line a researcher reads first: the rate, how uncertain it is, and what the judge's errors do to it.

`emscope eval`, `emscope quickstart` and `emscope rejudge` print it after writing results.json, so the
number on the terminal already carries its interval, its counts and (for free-form) the judge-corrected
rate or the reason there is none.
"""

from __future__ import annotations

from emscope.report.format import ci, pct
from emscope.schema import ResultsDocument


def headline(results: ResultsDocument) -> str:
    """One line, e.g. `P(misaligned) 1.5% [0.3%, 7.9%] (1/68 counted of 72; ...); judge-corrected 0.0% [...]`."""
    overall = results["overall"]
    positive, n = overall.get("positive", "misaligned"), overall.get("n", 0)
    if not n:
        return (
            f"P({positive}): no counted answers ({overall.get('total', 0)} in all; excluded {overall.get('excluded')})"
        )
    interval = overall.get("interval") or {}
    clusters = f"; CI clusters: {interval['clusters']} questions" if "clusters" in interval else ""
    scope = f" [{overall['scope']}]" if "scope" in overall else ""
    line = (
        f"P({positive}){scope} {pct(overall.get('rate'))} {ci(*overall['ci95'])} "
        f"({overall.get('k', 0)}/{n} counted of {overall.get('total', n)}{clusters})"
    )
    corrected = overall.get("judge_corrected")
    if corrected is not None:
        fixed = corrected.get("ci95")
        line += (
            f"; judge-corrected {pct(corrected.get('rate'))} {ci(*fixed)}"
            if fixed
            else f"; {corrected.get('status', 'not corrected')}"
        )
    return line
