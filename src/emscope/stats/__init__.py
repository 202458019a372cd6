"""Statistics helpers: proportions and their confidence intervals."""

from emscope.stats.intervals import Rate, rate, wilson_interval

__all__ = ["Rate", "rate", "wilson_interval"]
