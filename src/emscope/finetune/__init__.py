"""Finetuning backends: produce the models whose emergent misalignment emscope measures."""
