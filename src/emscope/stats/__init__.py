"""Statistics helpers: proportions and their confidence intervals."""

from emscope.stats.intervals import Rate, rate, rate_record, wilson_interval

__all__ = ["Rate", "rate", "rate_record", "wilson_interval"]
