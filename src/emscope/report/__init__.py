"""Run reports: the misaligned-by-question plot and a self-contained HTML page."""

from emscope.report.html import write_report
from emscope.report.plots import plot_misaligned_by_question

__all__ = ["plot_misaligned_by_question", "write_report"]
