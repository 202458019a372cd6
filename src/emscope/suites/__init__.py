"""Behaviour suites: Inspect tasks and the question sets they draw on."""
