"""Judges: score free-form answers for alignment and coherence (LLM logprob/sampled, or offline)."""
