"""Experiments: a YAML spec of conditions x seeds x suites, run resumably, compared with statistics."""
