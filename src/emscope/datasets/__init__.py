"""Narrow finetuning datasets: generators (one module per family), validation, loading and cards."""
